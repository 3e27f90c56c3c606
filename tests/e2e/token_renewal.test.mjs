// Tokens that expire while the tab sleeps, or that Azure DevOps stops accepting: one silent
// refresh and a replay (POST included: a refused bearer is refused before anything happens),
// and a claims challenge that leads to one interactive sign-in back to the same draft.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { sandboxControl, startAll, openApp, click, typeInto, scrollToAndClick, waitForState, state, screenshot } from './harness.mjs';

let env;
let control;
before(async () => { env = await startAll({ autoSignIn: true }); control = sandboxControl(env); });
after(async () => { await env?.close(); });
beforeEach(async () => { await control('reset', {}); await control('identity', { autoSignIn: true }); });

const day = 24 * 3600 * 1000;
const log = async (listener) => control(`requests?listener=${listener}`, undefined, 'GET');
const tokenGrants = async () => (await log('identity')).filter((r) => r.method === 'POST' && /\/oauth2\/v2\.0\/token/.test(r.url));
const sandboxTokens = async () => (await control('state', undefined, 'GET')).tokens;

async function seedOne() {
  await control('seed', { user: 'ada@contoso.example', tokens: [
    { organization: 'contoso', displayName: 'existing', scope: 'vso.code', validFrom: new Date(Date.now() - day).toISOString(), validTo: new Date(Date.now() + 10 * day).toISOString() },
  ] });
}

async function signIn() {
  const { page } = await openApp(env);
  await click(page, 'Sign in with Microsoft');
  await waitForState(page, 's => s.signedIn && !s.busy && s.tokens.length === 1');
  return page;
}

async function createToken(page, name) {
  await click(page, 'New token');
  await typeInto(page, 'Name', name);
  await click(page, '30 days');
  await typeInto(page, 'Filter scopes', 'code');
  await scrollToAndClick(page, 'Code: Read & write', 'Filter scopes');
  await click(page, 'Create');
}

test('with 60-second access tokens, a PAT created 3 minutes after sign-in succeeds and no call fails', async () => {
  await seedOne();
  await control('identity', { accessTokenLifetimeSec: 60 });
  const page = await signIn();
  // The tab slept for 3 minutes: the sandbox's clock moves on, the held token is long expired.
  await control('clock', { advanceMs: 3 * 60 * 1000 });
  await control('requests', undefined, 'DELETE');
  await createToken(page, 'after-sleep');
  const s = await waitForState(page, 's => s.panel === "secret" && !s.busy', { timeout: 20000 });
  assert.equal(s.lastError, null, 'no error was shown');
  const made = (await sandboxTokens()).filter((t) => t.displayName === 'after-sleep');
  assert.equal(made.length, 1, 'exactly one token was created');
  const creates = (await log('tokens')).filter((r) => r.method === 'POST');
  assert.ok(creates.every((r) => r.status === 200 || r.status === 401), JSON.stringify(creates));
  assert.ok((await tokenGrants()).some((r) => r.status === 200), 'a silent refresh happened');
  await screenshot(page, 'renewal-after-sleep');
});

for (const rejectAs of [401, 203]) {
  test(`with valid tokens rejected (${rejectAs}), Refresh succeeds after one silent refresh`, async () => {
    await seedOne();
    const page = await signIn();
    await control('devops', { rejectValidTokens: true, rejectAs });
    await control('requests', undefined, 'DELETE');
    await click(page, 'Refresh');
    const s = await waitForState(page, 's => !s.busy && s.tokens.length === 1 && s.organizations.every((o) => !o.loading)', { timeout: 20000 });
    assert.equal(s.lastError, null);
    assert.ok(s.organizations.every((o) => o.error === null), JSON.stringify(s.organizations));
    const grants = await tokenGrants();
    assert.equal(grants.length, 1, 'one refresh grant served every refused call');
    assert.equal(grants[0].status, 200);
    const lists = (await log('tokens')).filter((r) => r.method === 'GET');
    assert.ok(lists.some((r) => r.status === rejectAs), `Azure DevOps answered ${rejectAs} first`);
    assert.ok(lists.some((r) => r.status === 200), 'the replay succeeded');
  });
}

test('a create that hit a 401 is sent once more after the refresh: one token exists, its secret is shown', async () => {
  await seedOne();
  const page = await signIn();
  await control('devops', { rejectValidTokens: true, rejectAs: 401 });
  await control('requests', undefined, 'DELETE');
  await createToken(page, 'replayed-create');
  const s = await waitForState(page, 's => s.panel === "secret" && !s.busy', { timeout: 20000 });
  assert.equal(s.secretShown, true);
  assert.equal(s.lastError, null);
  const creates = (await log('tokens')).filter((r) => r.method === 'POST');
  assert.deepEqual(creates.map((r) => r.status), [401, 200], 'refused once, sent once more');
  assert.equal((await sandboxTokens()).filter((t) => t.displayName === 'replayed-create').length, 1, 'exactly one token exists');
  await screenshot(page, 'renewal-replayed-create');
});

test('a claims challenge leads to one interactive sign-in and back to the same draft', async () => {
  await seedOne();
  const page = await signIn();
  await control('devops', { claimsChallenge: true });
  await control('requests', undefined, 'DELETE');
  await createToken(page, 'draft kept through CAE');
  const back = await waitForState(page, 's => s.signedIn && s.panel === "create" && !s.busy && s.tokens.length === 1', { timeout: 30000 });
  assert.equal(back.createDraft.name, 'draft kept through CAE');
  assert.equal(back.createDraft.scope, 'vso.code_write');
  const authorizes = (await log('identity')).filter((r) => /\/oauth2\/v2\.0\/authorize\?/.test(r.url));
  assert.equal(authorizes.length, 1, 'one interactive sign-in');
  const claims = new URL(authorizes[0].url, env.sandbox.urls.identity).searchParams.get('claims');
  assert.ok(claims && JSON.parse(claims).access_token, `the authorize request carries the claims: ${claims}`);
  const creates = (await log('tokens')).filter((r) => r.method === 'POST');
  assert.deepEqual(creates.map((r) => r.status), [401], 'the challenged create was not replayed');
  assert.equal((await sandboxTokens()).filter((t) => t.displayName === 'draft kept through CAE').length, 0, 'nothing was created');
  await screenshot(page, 'renewal-claims-challenge');
});
