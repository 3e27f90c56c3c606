// Guest organizations (issue 11 §1): one sign-in, organizations of two Entra tenants in one
// inventory. The other tenant's token comes from a refresh-token grant at that tenant, never
// a second sign-in redirect; its tenant is read from the refusal when CORS exposes the
// headers, or typed by the person on the organization's error row when it does not.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { sandboxControl, startAll, openApp, click, typeInto, scrollToAndClick, waitForState, waitForItem, state, screenshot } from './harness.mjs';
import { TENANTS } from '../../tools/sandbox/seed.mjs';

let env;
let control;
before(async () => { env = await startAll({ autoSignIn: true }); control = sandboxControl(env); });
after(async () => { await env?.close(); });
beforeEach(async () => {
  await control('reset', {});
  await control('identity', { autoSignIn: true, autoSignInUser: 'gus@contoso.example' });
  await control('seed', { user: 'gus@contoso.example', tokens: [
    { organization: 'contoso-labs', displayName: 'home-token', scope: 'vso.code', validFrom: new Date(Date.now() - day).toISOString(), validTo: new Date(Date.now() + 10 * day).toISOString() },
    { organization: 'woodgrove-ops', displayName: 'guest-token', scope: 'vso.build', validFrom: new Date(Date.now() - day).toISOString(), validTo: new Date(Date.now() + 10 * day).toISOString() },
  ] });
});

const day = 24 * 3600 * 1000;
const woodgrove = TENANTS.woodgrove.tid;
const log = async (listener) => control(`requests?listener=${listener}`, undefined, 'GET');
const authorizeRequests = async () => (await log('identity')).filter((r) => /\/oauth2\/v2\.0\/authorize(\?|$)/.test(r.url));
const grantsAt = async (tenant) => (await log('identity')).filter((r) => r.method === 'POST' && r.url.startsWith(`/${tenant}/oauth2/v2.0/token`));
const sandboxTokens = async () => (await control('state', undefined, 'GET')).tokens;
const org = (s, name) => s.organizations.find((o) => o.name === name);
const inventoryLoaded = 's => s.signedIn && !s.busy && s.organizations.length === 2 && s.organizations.every((o) => !o.loading)';

async function signIn() {
  const { page } = await openApp(env);
  // The harness reuses one tab, whose sessionStorage remembers organization tenants from the
  // test before: start as a new tab would.
  await page.evaluate(() => sessionStorage.clear());
  await click(page, 'Sign in with Microsoft');
  await waitForState(page, inventoryLoaded, { timeout: 20000 });
  return page;
}

// Create, rotate and revoke a PAT in woodgrove-ops, the other tenant's organization.
async function lifecycleInWoodgrove(page, name) {
  await click(page, 'Choose organization');
  await click(page, 'woodgrove-ops');
  await click(page, 'New token');
  await typeInto(page, 'Name', name);
  await click(page, '30 days');
  await typeInto(page, 'Filter scopes', 'code');
  await scrollToAndClick(page, 'Code: Read & write', 'Filter scopes');
  await click(page, 'Create');
  let s = await waitForState(page, 's => s.panel === "secret" && !s.busy', { timeout: 20000 });
  assert.equal(s.lastError, null);
  const created = (await sandboxTokens()).filter((t) => t.displayName === name);
  assert.equal(created.length, 1, 'exactly one token was created');
  assert.equal(created[0].organization ?? 'woodgrove-ops', 'woodgrove-ops');
  await click(page, 'Copy');
  await waitForState(page, 's => s.secretCopied');
  await click(page, 'Done');
  await waitForState(page, 's => s.panel === "none"');

  await typeInto(page, 'Search', name);
  await waitForState(page, 's => s.visibleTokenCount === 1');
  // Rotate asks first (issue 12): the row's Rotate opens the confirmation, its Rotate acts.
  await click(page, 'Rotate');
  await waitForState(page, 's => s.panel === "confirmRotate"');
  await click(page, 'Rotate');
  s = await waitForState(page, 's => s.panel === "secret" && !s.busy', { timeout: 20000 });
  assert.equal(s.lastError, null);
  let all = (await sandboxTokens()).filter((t) => t.displayName === name);
  assert.equal(all.length, 2, 'the rotation created a replacement');
  assert.equal(all.find((t) => t.authorizationId === created[0].authorizationId).status, 'revoked');
  await click(page, 'Copy');
  await waitForState(page, 's => s.secretCopied');
  await click(page, 'Done');
  await waitForState(page, 's => s.panel === "none"');

  await click(page, `Select ${name}`);
  await click(page, 'Revoke selected (1)');
  await waitForState(page, 's => s.panel === "confirmRevoke"');
  await click(page, 'Revoke');
  s = await waitForState(page, 's => s.panel === "none" && !s.busy', { timeout: 20000 });
  assert.equal(s.lastError, null);
  all = (await sandboxTokens()).filter((t) => t.displayName === name);
  assert.ok(all.every((t) => t.status === 'revoked'), JSON.stringify(all.map((t) => t.status)));
}

test('with the tenant headers exposed, the guest sees both tenants in one inventory and manages a PAT in the other without a second redirect', async () => {
  const page = await signIn();
  const s = await state(page);
  assert.deepEqual(s.tokens.map((t) => t.name).sort(), ['guest-token', 'home-token']);
  assert.equal(org(s, 'woodgrove-ops').tenant, woodgrove, 'learned from the refusal');
  assert.equal(org(s, 'woodgrove-ops').error, null);
  assert.equal(org(s, 'contoso-labs').tenant, '');
  assert.equal(s.lastError, null);
  const grants = await grantsAt(woodgrove);
  assert.equal(grants.length, 1, 'one refresh grant at the other tenant');
  assert.equal(grants[0].status, 200);
  const stored = await page.evaluate(() => JSON.stringify(Object.assign({}, sessionStorage)));
  assert.match(stored, new RegExp(woodgrove), 'the organization -> tenant mapping is in sessionStorage');
  assert.doesNotMatch(stored, /eyJ/, 'no token in sessionStorage');
  await screenshot(page, 'guest-01-both-tenants');

  await lifecycleInWoodgrove(page, 'guest-made');
  assert.equal((await authorizeRequests()).length, 1, 'only the first sign-in went to the authorize endpoint');
  await screenshot(page, 'guest-02-after-lifecycle');
});

test('with the tenant headers hidden, the person types the tenant on the error row, and a bad tenant gets an inline error', async () => {
  await control('devops', { exposeTenantHeaders: false });
  const page = await signIn();
  let s = await state(page);
  assert.equal(org(s, 'woodgrove-ops').tenant, '');
  assert.notEqual(org(s, 'woodgrove-ops').error, null, 'the home token was refused');
  assert.deepEqual(s.tokens.map((t) => t.name), ['home-token']);
  await waitForItem(page, 'This organization belongs to another directory: enter its tenant (domain or ID)');
  await screenshot(page, 'guest-03-type-tenant');

  await typeInto(page, 'Tenant for woodgrove-ops', 'not a tenant!');
  await click(page, 'Use this tenant');
  s = await waitForState(page, 's => s.organizations.some((o) => o.tenantError !== "")');
  assert.match(org(s, 'woodgrove-ops').tenantError, /is not a tenant/);
  assert.equal((await grantsAt('not%20a%20tenant!')).length, 0);
  await screenshot(page, 'guest-04-bad-tenant');

  await click(page, 'Tenant for woodgrove-ops');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('woodgrove.onmicrosoft.com', { delay: 5 });
  await click(page, 'Use this tenant');
  s = await waitForState(page, 's => !s.busy && s.tokens.length === 2 && s.organizations.every((o) => !o.loading && o.error === null)', { timeout: 20000 });
  assert.equal(org(s, 'woodgrove-ops').tenant, 'woodgrove.onmicrosoft.com');
  assert.equal(org(s, 'woodgrove-ops').tenantError, '');
  assert.equal((await grantsAt('woodgrove.onmicrosoft.com')).length, 1);
  await screenshot(page, 'guest-05-typed-tenant');

  await lifecycleInWoodgrove(page, 'typed-made');
  assert.equal((await authorizeRequests()).length, 1, 'only the first sign-in went to the authorize endpoint');
});
