// Issue 15 end to end: a create link opened signed out, "Copy link to this form", the CSV and
// JSON exports read through Playwright's download event, and the calendar file parsed with
// ical.js. Real mouse events through window.patdesk.items(); the sandbox seeds the tokens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import { sandboxControl, startAll, openApp, click, typeInto, scrollToAndClick, waitForItem, waitForState, state, screenshot } from './harness.mjs';

let env;
let control;
before(async () => { env = await startAll({ autoSignIn: true, sandboxOptions: { cspHeader: true } }); control = sandboxControl(env); });
after(async () => { await env?.close(); });

const day = 24 * 3600 * 1000;
const BANNER = 'Filled in from a link: check the name, organization and scopes before you create.';
const iso = (ms) => new Date(ms).toISOString();
const sandboxTokens = async () => (await control('state', undefined, 'GET')).tokens;
// A fresh document: the tests open links that differ from the page before only by their
// fragment, which the browser would treat as a same-document navigation (no reload).
async function leavePage() {
  const page = env.browser.pages()[0];
  if (page) await page.goto('about:blank');
}
async function tokenRequests() {
  const log = await control('requests?listener=tokens', undefined, 'GET');
  return Array.isArray(log) ? log : log.requests;
}

// Collects CSP violations reported in the page (the sandbox sends the policy as a header).
async function watchCsp(page) {
  await page.evaluate(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => window.__cspViolations);
}

// Clicks `label` and returns the file it made the page download.
async function download(page, label) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 15000 }), click(page, label)]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

// RFC 4180: quoted fields may hold commas, doubled quotes and newlines; rows end in CRLF.
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', i = 0, quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"' && field === '') { quoted = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 2; continue; }
    assert.notEqual(c, '\n', 'a bare LF only appears inside a quoted field');
    field += c; i++;
  }
  assert.equal(field, '', 'the file ends with CRLF');
  assert.equal(row.length, 0);
  return rows;
}

test('a mixed create link opened signed out fills the create pane after sign-in and sends nothing until Create', async () => {
  await control('reset', {});
  await control('identity', { autoSignIn: true });
  await control('requests', undefined, 'DELETE');
  const site = env.sandbox.urls.site;
  await leavePage();
  const link = `${site}#new?name=ci+feed%2C+nightly&org=fabrikam&scopes=vso.packaging+vso.code_full+vso.bogus+app_token&days=400`;
  const { page, log } = await openApp(env, { url: link });

  let s = await state(page);
  assert.equal(s.screen, 'signIn');
  assert.equal(await page.evaluate(() => location.href), site, 'the fragment left the address bar once read');

  await click(page, 'Sign in with Microsoft');
  s = await waitForState(page, 's => s.signedIn && s.panel === "create" && !s.busy && s.organizations.length === 2', { timeout: 30000 });
  assert.equal(await page.evaluate(() => location.href), site, 'the address bar stays clean after the round trip');
  const d = s.createDraft;
  assert.equal(d.fromLink, true);
  assert.equal(d.name, 'ci feed, nightly');
  assert.equal(d.organization, 'fabrikam');
  assert.equal(d.scope, 'vso.code_full vso.packaging', 'only the valid scopes, app_token and vso.bogus dropped');
  assert.equal(d.expiryPresetDays, 365, 'days clamped to 365');
  assert.deepEqual(d.linkHighPrivilegeScopes, ['vso.code_full']);
  assert.equal(d.highPrivilegeConfirmed, false);

  await waitForItem(page, BANNER);
  await waitForItem(page, 'The link asked for full access (app_token); it was left out: a link cannot ask for full access.');
  await waitForItem(page, 'An unknown scope was left out: vso.bogus.');
  await waitForItem(page, 'The link asked for 400 days; 365 days is the longest, so 365 days is filled in.');
  await screenshot(page, 'links-01-prefilled');

  // Create is held back until the high-privilege scope is confirmed: a click sends nothing.
  await click(page, 'Create');
  const creates = async () => (await tokenRequests()).filter((r) => r.method === 'POST' && /\/_apis\/tokens\/pats/.test(r.url));
  assert.equal((await creates()).length, 0, 'nothing is sent by the link, nor by Create before the tick');
  assert.equal((await sandboxTokens()).length, 0);

  await scrollToAndClick(page, 'I need these high-privilege scopes', 'Filter scopes');
  await waitForState(page, 's => s.createDraft.highPrivilegeConfirmed');
  await screenshot(page, 'links-02-confirmed');
  await click(page, 'Create');
  await waitForState(page, 's => s.panel === "secret" && !s.busy');
  assert.equal((await creates()).length, 1, 'one create, sent by the Create button');
  const [created] = await sandboxTokens();
  assert.equal(created.displayName, 'ci feed, nightly');
  assert.equal(created.scope, 'vso.code_full vso.packaging');
  assert.deepEqual(log.errors, []);
});

test('Copy link to this form reproduces the draft, and opening it in the tab fills the pane', async () => {
  await control('reset', {});
  await control('identity', { autoSignIn: true });
  const { page } = await openApp(env);
  await click(page, 'Sign in with Microsoft');
  await waitForState(page, 's => s.signedIn && !s.busy && s.organizations.length === 2', { timeout: 30000 });

  await click(page, 'New token');
  await typeInto(page, 'Name', 'read code: "main"');
  await click(page, '90 days');
  await typeInto(page, 'Filter scopes', 'code');
  await scrollToAndClick(page, 'Code: Read', 'Filter scopes');
  let s = await waitForState(page, 's => s.createDraft.scope === "vso.code"');
  const draft = s.createDraft;
  await scrollToAndClick(page, 'Copy link to this form', 'Filter scopes');
  await waitForState(page, 's => s.toasts.includes("Link to this form copied")');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const expected = `${env.sandbox.urls.site}#new?` + new URLSearchParams({ name: draft.name, org: draft.organization, scopes: 'vso.code', days: '90' });
  assert.equal(copied, expected);
  assert.ok(!/app_token|token=|secret/i.test(copied));

  // The link, read back by the browser's own URLSearchParams, holds the draft.
  const params = new URLSearchParams(new URL(copied).hash.slice('#new?'.length));
  assert.equal(params.get('name'), 'read code: "main"');
  assert.equal(params.get('org'), draft.organization);

  // Opening it in the open tab (only the fragment changes) fills a fresh pane from it.
  await click(page, 'Cancel');
  await waitForState(page, 's => s.panel === "none"');
  await page.evaluate((url) => { location.href = url; }, copied);
  s = await waitForState(page, 's => s.panel === "create" && s.createDraft.fromLink');
  assert.equal(s.createDraft.name, draft.name);
  assert.equal(s.createDraft.organization, draft.organization);
  assert.equal(s.createDraft.scope, 'vso.code');
  assert.equal(s.createDraft.expiryPresetDays, 90);
  assert.equal(await page.evaluate(() => location.hash), '');
});

test('a link to an organization the person is not in says so and keeps the first organization', async () => {
  await control('reset', {});
  await control('identity', { autoSignIn: true });
  await leavePage();
  const { page } = await openApp(env, { url: `${env.sandbox.urls.site}#new?name=x&org=northwind&scopes=vso.work` });
  await click(page, 'Sign in with Microsoft');
  const s = await waitForState(page, 's => s.signedIn && s.panel === "create" && !s.busy && s.organizations.length === 2', { timeout: 30000 });
  assert.equal(s.createDraft.organization, s.organizations[0].name);
  await waitForItem(page, `The link asked for the organization "northwind", which you do not belong to; ${s.organizations[0].name} is chosen instead.`);
});

test('CSV and JSON exports hold exactly the rows shown, no secret, and the calendar file has the right events', async () => {
  await control('reset', {});
  await control('identity', { autoSignIn: true });
  const now = Date.now();
  const tricky = 'keep, "quoted"\nsecond line';
  const formula = '=HYPERLINK("http://evil.example","keep")';
  await control('seed', { user: 'ada@contoso.example', tokens: [
    { organization: 'contoso', displayName: tricky, scope: 'vso.code', validFrom: iso(now - 10 * day), validTo: iso(now + 3 * day) },
    { organization: 'fabrikam', displayName: formula, scope: 'vso.packaging vso.build', validFrom: iso(now - 10 * day), validTo: iso(now + 40 * day) },
    { organization: 'fabrikam', displayName: 'keep-soon', scope: 'vso.work', validFrom: iso(now - 10 * day), validTo: iso(now + 6 * day) },
    { organization: 'contoso', displayName: 'hidden by search', scope: 'vso.code', validFrom: iso(now - 10 * day), validTo: iso(now + 20 * day) },
    { organization: 'contoso', displayName: 'keep but expired', scope: 'vso.code', validFrom: iso(now - 10 * day), validTo: iso(now - 1 * day) },
  ] });
  const secrets = (await sandboxTokens()).map((t) => t.token).filter(Boolean);
  assert.ok(secrets.length >= 4, 'the sandbox holds the PAT values to look for');

  const { page } = await openApp(env);
  await click(page, 'Sign in with Microsoft');
  // The Active filter lists the four active tokens; the expired one is not even loaded.
  await waitForState(page, 's => s.signedIn && !s.busy && s.tokens.length === 4 && s.organizations.every((o) => !o.loading)', { timeout: 30000 });
  const cspViolations = await watchCsp(page);
  await typeInto(page, 'Search', 'keep');
  let s = await waitForState(page, 's => s.visibleTokenCount === 3');
  const shown = s.tokens.filter((t) => t.status === 'Active' && /keep/.test(t.name));
  assert.equal(shown.length, 3);
  await waitForItem(page, '2 expire within 7 days');
  await screenshot(page, 'links-03-inventory-header');

  // CSV.
  const csv = await download(page, 'Export CSV');
  const today = new Date().toISOString().slice(0, 10);
  assert.equal(csv.name, `patdesk-tokens-${today}.csv`);
  assert.ok(csv.text.startsWith('\uFEFF'), 'UTF-8 with BOM');
  for (const secret of secrets) assert.ok(!csv.text.includes(secret), 'no PAT value in the CSV');
  const rows = parseCsv(csv.text.slice(1));
  assert.deepEqual(rows[0], ['name', 'organization', 'scopes', 'scope labels', 'created', 'expires', 'status', 'global', 'authorizationId']);
  assert.equal(rows.length - 1, shown.length, 'exactly the rows shown');
  const byId = new Map(rows.slice(1).map((r) => [r[8], r]));
  for (const t of shown) {
    const r = byId.get(t.id);
    assert.ok(r, `row for ${t.name}`);
    assert.equal(r[1], t.organization);
    assert.equal(r[2], t.scope);
    assert.equal(r[5], iso(Date.parse(t.validTo)));
    assert.equal(r[6], 'Active');
    assert.equal(r[7], 'false');
  }
  const names = rows.slice(1).map((r) => r[0]).sort();
  assert.deepEqual(names, [`'${formula}`, 'keep-soon', tricky].sort(), 'comma, quote and newline survive; the formula is neutralised');
  assert.equal(byId.get(shown.find((t) => t.name === formula).id)[3], 'Packaging: Read; Build: Read');

  // JSON.
  const json = await download(page, 'Export JSON');
  assert.equal(json.name, `patdesk-tokens-${today}.json`);
  for (const secret of secrets) assert.ok(!json.text.includes(secret), 'no PAT value in the JSON');
  const doc = JSON.parse(json.text);
  assert.deepEqual(doc.tokens.map((t) => t.authorizationId).sort(), shown.map((t) => t.id).sort());
  assert.deepEqual(doc.tokens.map((t) => t.name).sort(), [formula, 'keep-soon', tricky].sort(), 'JSON keeps names unchanged');
  assert.deepEqual(Object.keys(doc.tokens[0]), ['name', 'organization', 'scopes', 'scopeLabels', 'created', 'expires', 'status', 'global', 'authorizationId']);

  // Calendar: every active token shown, alarm 3 days before.
  await click(page, 'Remind 3 days before');
  await waitForState(page, 's => s.reminderLeadDays === 3');
  const ics = await download(page, 'Add reminders to calendar');
  assert.equal(ics.name, `patdesk-reminders-${today}.ics`);
  for (const secret of secrets) assert.ok(!ics.text.includes(secret), 'no PAT value in the calendar');
  const checkCalendar = (text, expectedTokens, lead) => {
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent');
    assert.equal(events.length, expectedTokens.length);
    for (const t of expectedTokens) {
      const vevent = events.find((e) => e.getFirstPropertyValue('uid') === `${t.id}@patdesk`);
      assert.ok(vevent, `an event for ${t.name}`);
      const event = new ICAL.Event(vevent);
      assert.equal(event.summary, `PAT "${t.name}" (${t.organization}) expires`);
      assert.equal(event.startDate.toString(), iso(Date.parse(t.validTo)).slice(0, 10));
      assert.ok(event.description.includes(`Scopes: ${t.scope.split(' ')[0]}`));
      assert.ok(event.description.includes(`${env.sandbox.urls.site}#token?id=${t.id}`), 'a link back to the token');
      const alarm = vevent.getFirstSubcomponent('valarm');
      assert.equal(alarm.getFirstPropertyValue('action'), 'DISPLAY');
      assert.equal(alarm.getFirstPropertyValue('trigger').toString(), `-P${lead}D`);
    }
    for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `folded at 75 octets: ${line}`);
  };
  checkCalendar(ics.text, shown, 3);

  // The header's bulk action selects exactly the two expiring within 7 days; reminders follow the selection.
  await click(page, 'Select expiring soon');
  s = await waitForState(page, 's => s.tokens.filter((t) => t.selected).length === 2');
  const soon = shown.filter((t) => Date.parse(t.validTo) - now <= 7 * day);
  assert.deepEqual(s.tokens.filter((t) => t.selected).map((t) => t.id).sort(), soon.map((t) => t.id).sort());
  await click(page, 'Remind 1 day before');
  const selectedIcs = await download(page, 'Add reminders to calendar');
  checkCalendar(selectedIcs.text, soon, 1);

  assert.deepEqual(await cspViolations(), [], 'downloads work under the strict CSP');
});
