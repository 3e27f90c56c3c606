// Bad input everywhere (issue "Hardening"): a broken config.json, a garbled or oversized
// sign-in response in the address bar, odd organization names, odd PAT names and a date typed
// as words. Each must give a specific message, never crash, and leave the page drawing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sandboxControl, startAll, openApp, click, typeInto, waitForState, waitForItem, state, items, settle, screenshot } from './harness.mjs';

let env;
before(async () => { env = await startAll({ autoSignIn: true }); });
after(async () => { await env?.close(); });

// Sandbox control API, shared with the other e2e files (harness.mjs).
const control = (p, body, method) => sandboxControl(env)(p, body, method);
const requestLog = async (listener) => {
  const log = await control(`requests?listener=${listener}`, undefined, 'GET');
  return Array.isArray(log) ? log : log.requests;
};

// Loads the page afresh (about:blank first, so a fragment-only change is a real load).
async function load(url) {
  const page = env.browser.pages()[0] || await env.browser.newPage();
  await page.goto('about:blank');
  return openApp(env, { url });
}

// The page still draws: a pointer move produces new frames, no fatal overlay, no page error.
async function assertAlive(page, log) {
  const before = await page.evaluate(() => window.patdesk.frame().count);
  await page.mouse.move(200, 200);
  await page.mouse.move(400, 300);
  await page.waitForFunction((n) => window.patdesk.frame().count > n, before, { timeout: 5000 });
  assert.equal(await page.evaluate(() => document.getElementById('fatal').hidden), true, 'no fatal overlay');
  assert.deepEqual(log.errors, [], 'no page error');
}

async function itemWith(page, text) {
  const handle = await page.waitForFunction((text) => window.patdesk.items().find((i) => i.label.includes(text)) || null,
    text, { timeout: 10000, polling: 50 });
  return handle.jsonValue();
}

// ---- config.json
const CONFIG_CASES = [
  { name: 'missing (404)', set: { status: 404 }, message: 'config.json could not be loaded (HTTP 404).' },
  { name: 'empty', set: { raw: '' }, message: 'config.json is empty.' },
  { name: 'not JSON', set: { raw: '{"clientId": "abc",' }, message: 'config.json is not valid JSON.' },
  { name: 'an array', set: { raw: '[1, 2]' }, message: 'config.json must contain a JSON object ({ ... }), not a array.' },
  { name: 'wrong type (clientId: 42)', set: { merge: { clientId: 42 } }, message: 'config.json: "clientId" must be a string.' },
  { name: 'wrong type (scopes: true)', set: { merge: { scopes: true } }, message: 'config.json: "scopes" must be an array of strings or a space-separated string.' },
  { name: 'http authority', set: { merge: { authority: 'http://example.com/organizations' } }, message: 'config.json: "authority" must use https: "http://example.com/organizations".' },
  { name: 'not a URL', set: { merge: { devopsTokensBaseUrl: 'vssps dot dev' } }, message: 'config.json: "devopsTokensBaseUrl" is not a valid absolute URL' },
];

for (const c of CONFIG_CASES) {
  test(`config.json ${c.name} → the setup screen says exactly what is wrong`, async () => {
    await control('reset', {});
    await control('config', c.set);
    try {
      const { page, log } = await load(env.sandbox.urls.site);
      await waitForState(page, 's => s.screen === "setup"');
      const item = await itemWith(page, c.message);
      assert.ok(item, `the message "${c.message}" is on screen`);
      await assertAlive(page, log);
    } finally {
      await control('config', undefined, 'DELETE');
    }
  });
}

// ---- the address bar on the way back from sign-in
const big = 'A'.repeat(17 * 1024);
const REDIRECT_CASES = [
  { name: 'a bad %-escape', fragment: 'code=%ZZ%&state=abc', code: 'auth.bad_redirect', message: /garbled/ },
  { name: 'pure garbage', fragment: 'code&&&===&state', code: 'auth.bad_redirect', message: /neither a code nor an error/ },
  { name: 'no state', fragment: 'code=abc', code: 'auth.state_missing', message: /no state/ },
  { name: 'a huge fragment (17 KiB)', fragment: `code=${big}&state=abc`, code: 'auth.bad_redirect', message: /too large/ },
  { name: 'a duplicate parameter', fragment: 'code=one&code=two&state=abc', code: 'auth.bad_redirect', message: /"code" more than once/ },
  { name: 'both code and error', fragment: 'code=one&error=access_denied&state=abc', code: 'auth.bad_redirect', message: /both a code and an error/ },
];

for (const c of REDIRECT_CASES) {
  test(`a redirect back with ${c.name} → sign-in screen, specific error, clean address bar`, async () => {
    await control('reset', {});
    await control('requests', undefined, 'DELETE');
    const { page, log } = await load(`${env.sandbox.urls.site}#${c.fragment}`);
    const s = await waitForState(page, 's => s.screen === "signIn" && s.lastError');
    assert.equal(s.lastError.code, c.code);
    assert.match(s.lastError.message, c.message);
    assert.equal(s.signedIn, false);
    assert.equal(page.url(), env.sandbox.urls.site, 'the address bar is clean');
    assert.equal(await page.evaluate(() => location.hash + location.search), '');
    const tokenCalls = (await requestLog('identity')).filter((r) => /\/token/.test(r.url));
    assert.equal(tokenCalls.length, 0, 'nothing was redeemed');
    await assertAlive(page, log);
    // And the person can still sign in.
    await click(page, 'Sign in with Microsoft');
    await waitForState(page, 's => s.signedIn');
  });
}

// ---- organization names typed by hand
async function signedIn() {
  await control('reset', {});
  await control('identity', { autoSignIn: true });
  const { page, log } = await load(env.sandbox.urls.site);
  await click(page, 'Sign in with Microsoft');
  await waitForState(page, 's => s.signedIn && s.organizations.length === 2 && !s.busy');
  return { page, log };
}

const ORG_CASES = [
  { typed: 'my org', path: '/my%20org/_apis/tokens/pats', error: 'devops.org_not_found' },
  { typed: 'café-ünïcode', path: '/caf%C3%A9-%C3%BCn%C3%AFcode/_apis/tokens/pats', error: 'devops.org_not_found' },
  // ('/' is not here: the field takes a pasted URL and keeps what precedes the first '/'.)
  { typed: 'a?b#c&d=e%f+g;h', path: '/a%3Fb%23c%26d%3De%25f%2Bg%3Bh/_apis/tokens/pats', error: 'devops.org_not_found' },
  { typed: 'northwind', path: '/northwind/_apis/tokens/pats', error: 'devops.unauthorized' },  // exists, not a member
];

test('organization names with spaces, unicode and URL-reserved characters are percent-encoded, and the 404/401 is explained', async () => {
  const { page, log } = await signedIn();
  for (const c of ORG_CASES) {
    await control('requests', undefined, 'DELETE');
    await click(page, 'Choose organization');
    await click(page, 'Add organization\u2026');
    await typeInto(page, 'Organization name', c.typed);
    await click(page, 'Add');
    const s = await waitForState(page, `s => { const o = s.organizations.find((x) => x.name === ${JSON.stringify(c.typed)}); return o && !o.loading && o.error; }`);
    const org = s.organizations.find((o) => o.name === c.typed);
    assert.equal(org.error, c.error, `${c.typed}: ${JSON.stringify(s.lastError)}`);
    assert.equal(s.lastError.code, c.error);
    assert.ok(s.lastError.message.length > 20, 'the error is explained');
    await itemWith(page, s.lastError.message.slice(0, 30));
    const urls = (await requestLog('tokens')).map((r) => r.url);
    assert.ok(urls.some((u) => u.startsWith(c.path + '?')), `${c.typed}: request path ${c.path} in ${JSON.stringify(urls)}`);
  }
  // ".." would be a dot segment the URL parser drops (the request would leave the organization's
  // path): it is refused before any request.
  await control('requests', undefined, 'DELETE');
  await click(page, 'Choose organization');
  await click(page, 'Add organization\u2026');
  await typeInto(page, 'Organization name', '..');
  await click(page, 'Add');
  const dots = await waitForState(page, 's => s.lastError && s.lastError.code === "devops.bad_organization_name"');
  assert.ok(!dots.organizations.some((o) => o.name === '..'));
  assert.equal((await requestLog('tokens')).length, 0, 'no request for ".."');
  await screenshot(page, 'bad-input-organizations');
  await assertAlive(page, log);
});

// ---- PAT names and dates
test('a PAT name with unicode and emoji is created exactly; 1,000 characters are refused inline', async () => {
  const { page, log } = await signedIn();
  const fancy = 'Überprüfung 🚀 日本語 — café ✓';
  await click(page, 'New token');
  await typeInto(page, 'Name', fancy);
  await click(page, 'Full access');
  await click(page, 'Create');
  await waitForState(page, 's => s.panel === "secret" && !s.busy');
  const created = (await control('state', undefined, 'GET')).tokens.find((t) => t.scope === 'app_token');
  assert.equal(created.displayName, fancy, 'the sandbox holds the exact name');
  assert.ok((await state(page)).tokens.some((t) => t.name === fancy));
  await click(page, 'Copy');
  await waitForState(page, 's => s.secretCopied');
  await click(page, 'Done');
  await waitForState(page, 's => s.panel === "none"');

  // 1,000 characters: the limit is named inline, Create does nothing.
  await click(page, 'New token');
  await click(page, 'Name');
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'text-input');
  await page.keyboard.insertText('x'.repeat(1000));
  await settle(page);
  await waitForState(page, 's => s.createDraft.name.length === 1000');
  await itemWith(page, 'Names can be at most 256 characters (this one has 1000).');
  await control('requests', undefined, 'DELETE');
  await click(page, 'Create');
  await page.waitForTimeout(300);
  assert.equal((await state(page)).panel, 'create', 'Create stays disabled: the pane is still open');
  const posts = (await requestLog('tokens')).filter((r) => r.method === 'POST');
  assert.equal(posts.length, 0, 'no create request was sent');
  await screenshot(page, 'bad-input-long-name');
  await assertAlive(page, log);
});

test('a date typed as words in Custom expiry is refused inline', async () => {
  const { page, log } = await signedIn();
  await click(page, 'New token');
  await typeInto(page, 'Name', 'dated');
  await click(page, 'Full access');
  await click(page, 'Custom');
  await typeInto(page, 'Expiration date', 'next tuesday');
  // The field takes no blanks, so "next tuesday" arrives as "nexttuesday". Wait for all of it:
  // a state read after the first letters would look for a message that typing then replaces.
  await waitForState(page, 's => s.createDraft.customDate === "nexttuesday"');
  await itemWith(page, '"nexttuesday" is not a date: use YYYY-MM-DD');
  await control('requests', undefined, 'DELETE');
  await click(page, 'Create');
  await page.waitForTimeout(300);
  assert.equal((await state(page)).panel, 'create', 'Create stays disabled');
  assert.equal((await requestLog('tokens')).filter((r) => r.method === 'POST').length, 0, 'no create request was sent');
  await screenshot(page, 'bad-input-date');
  await assertAlive(page, log);
});
