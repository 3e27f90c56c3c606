// Organization discovery and paging against the Azure DevOps sandbox: every token of
// every organization arrives, page by page, with the same filters on each page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sandboxControl, startAll, openApp, click, waitForState, screenshot, typeInto } from './harness.mjs';

let env;
let control;
before(async () => { env = await startAll({ autoSignIn: true }); control = sandboxControl(env); });
after(async () => { await env?.close(); });


test('250 tokens arrive over 3 pages with the same filters on every page', async () => {
  await control('reset', {});
  await control('seed', { user: 'ada@contoso.example', organizations: ['contoso'], perOrganization: 250, expiredFraction: 0, globalFraction: 0 });
  const { page } = await openApp(env);
  await click(page, 'Sign in with Microsoft');
  const s = await waitForState(page, 's => s.signedIn && !s.busy && s.organizations.length === 2 && s.organizations.every(o => !o.loading)', { timeout: 30000 });
  const contoso = s.organizations.find((o) => o.name === 'contoso');
  assert.equal(contoso.pagesLoaded, 3);
  assert.equal(contoso.tokensLoaded, 250);
  assert.equal(s.tokens.filter((t) => t.organization === 'contoso').length, 250);

  const log = await control('requests?listener=tokens', undefined, 'GET');
  const lists = log.filter((r) => r.method === 'GET' && /\/contoso\/_apis\/tokens\/pats/.test(r.url));
  assert.equal(lists.length, 3, 'one request per page, no duplicates');
  const params = lists.map((r) => new URL(r.url, 'http://x').searchParams);
  for (const p of params) {
    assert.equal(p.get('api-version'), '7.1-preview.1');
    assert.equal(p.get('displayFilterOption'), params[0].get('displayFilterOption'));
    assert.equal(p.get('sortByOption'), params[0].get('sortByOption'));
    assert.equal(p.get('$top'), '100');
  }
  assert.equal(params[0].get('continuationToken'), null, 'the first page has no continuation token');
  assert.ok(params[1].get('continuationToken') && params[2].get('continuationToken'), 'later pages send it back');
  await screenshot(page, 'devops-250-tokens');
});

test('the status filter asks the server again and shows expired tokens', async () => {
  await control('reset', {});
  await control('seed', { user: 'ada@contoso.example', organizations: ['contoso'], perOrganization: 40, expiredFraction: 0.25, globalFraction: 0 });
  const { page } = await openApp(env);
  await click(page, 'Sign in with Microsoft');
  const active = await waitForState(page, 's => s.signedIn && !s.busy && s.organizations.every(o => !o.loading)', { timeout: 30000 });
  await click(page, 'Expired');
  const expired = await waitForState(page, 's => s.filter === "expired" && !s.busy && s.organizations.every(o => !o.loading)');
  assert.ok(expired.tokens.length > 0, 'expired tokens are listed');
  assert.ok(expired.tokens.every((t) => t.status === 'Expired'));
  assert.equal(active.tokens.length + expired.tokens.length, 40);
  await screenshot(page, 'devops-expired-filter');
});

test('an organization typed by a guest is listed, and an unknown one is explained', async () => {
  await control('reset', {});
  const { page } = await openApp(env);
  await click(page, 'Sign in with Microsoft');
  await waitForState(page, 's => s.signedIn && !s.busy && s.organizations.length === 2');
  await click(page, 'Choose organization');
  await click(page, 'Add organization…');
  await typeInto(page, 'Organization name', 'no such org');
  await click(page, 'Add');
  const s = await waitForState(page, 's => !s.busy && s.lastError', { timeout: 20000 });
  assert.equal(s.lastError.code, 'devops.org_not_found');
  const log = await control('requests?listener=tokens', undefined, 'GET');
  assert.ok(log.some((r) => r.url.startsWith('/no%20such%20org/_apis/tokens/pats')), 'the name is percent-encoded as one path segment');
  await screenshot(page, 'devops-unknown-org');
});

test('10,000 tokens across 10 organizations are all listed', async () => {
  await control('reset', {});
  const organizations = Array.from({ length: 10 }, (_, i) => `org${i}`);
  await control('seed', { user: 'ada@contoso.example', organizations, perOrganization: 1000, expiredFraction: 0, globalFraction: 0.01 });
  const { page } = await openApp(env);
  await click(page, 'Sign in with Microsoft');
  const s = await waitForState(page, 's => s.signedIn && !s.busy && s.organizations.length === 12 && s.organizations.every(o => !o.loading)', { timeout: 90000 });
  const total = s.organizations.reduce((n, o) => n + o.tokensLoaded, 0);
  assert.ok(total >= 10000, `listed ${total}`);
  // Scroll the table: the page keeps drawing and stays responsive.
  await page.mouse.move(640, 600);
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 400);
  await waitForState(page, 's => s.signedIn');
  await screenshot(page, 'devops-10000-tokens');
});
