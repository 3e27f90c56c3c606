// Sign-in round trips against the local identity sandbox, and after each one an audit
// that no token was left in storage, cookies, the URL or history.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { sandboxControl, startAll, openApp, click, typeInto, waitForState, state, browserAtRest, screenshot } from './harness.mjs';

let env;
let control;
before(async () => { env = await startAll({ autoSignIn: true }); control = sandboxControl(env); });
after(async () => { await env?.close(); });


beforeEach(async () => { await control('reset', {}); await control('identity', { autoSignIn: true }); });

// Collects every secret the sandbox issued (access, refresh and id tokens, PATs) via its
// request log is not possible, so read them from the page's own network traffic instead.
function watchSecrets(page) {
  const secrets = new Set();
  page.on('response', async (res) => {
    if (!/oauth2\/v2\.0\/token|_apis\/tokens\/pats/.test(res.url())) return;
    try {
      const body = await res.json();
      for (const k of ['access_token', 'refresh_token', 'id_token']) if (body[k]) secrets.add(body[k]);
      if (body.patToken?.token) secrets.add(body.patToken.token);
    } catch { /* not JSON */ }
  });
  return secrets;
}

// Storage must be empty whatever happened; and where secrets were issued, none of them may
// appear anywhere a page can keep data.
async function assertNothingAtRest(page, secrets, { expectSecrets = true } = {}) {
  const rest = await browserAtRest(page);
  if (expectSecrets) assert.ok(secrets.size > 0, 'the audit saw the secrets it looks for');
  assert.equal(rest.localStorage, '{}', 'localStorage is empty');
  assert.equal(rest.sessionStorage, '{}', 'the PKCE round-trip entry is gone');
  for (const secret of secrets) {
    for (const [where, value] of Object.entries(rest)) {
      assert.ok(!String(value).includes(secret), `a secret was found in ${where}`);
    }
  }
  assert.equal(rest.indexedDB, '[]', 'no IndexedDB database exists');
  assert.equal(rest.cookies, '', 'no cookie on the app origin');
  assert.ok(!/[#?&](code|state|access_token)=/.test(rest.location), 'the URL carries no auth response');
}

test('a full round trip signs the person in and shows their name', async () => {
  const { page, log } = await openApp(env);
  const secrets = watchSecrets(page);
  await click(page, 'Sign in with Microsoft');
  const s = await waitForState(page, 's => s.signedIn && s.screen === "main"');
  assert.equal(s.user.name, 'Ada Lovelace');
  assert.equal(s.user.username, 'ada@contoso.example');
  await waitForState(page, 's => s.organizations.length === 2 && !s.busy');
  await screenshot(page, 'signin-signed-in');
  await assertNothingAtRest(page, secrets);
  for (const m of log.console) for (const secret of secrets) assert.ok(!m.text.includes(secret), 'no secret in the console');
});

test('a tampered state is refused and nothing is redeemed', async () => {
  const { page } = await openApp(env);
  // Start a real sign-in, but come back with another state value.
  await page.route('**/oauth2/v2.0/authorize**', async (route) => {
    const url = new URL(route.request().url());
    const back = `${url.searchParams.get('redirect_uri')}#code=forged&state=not-the-one-we-sent`;
    await route.fulfill({ status: 302, headers: { location: back } });
  });
  await control('requests', undefined, 'DELETE');
  await click(page, 'Sign in with Microsoft');
  const s = await waitForState(page, 's => s.lastError && s.lastError.code === "auth.state_mismatch"');
  assert.equal(s.signedIn, false);
  const log = await control('requests?listener=identity', undefined, 'GET');
  const entries = Array.isArray(log) ? log : log.requests;
  assert.ok(!entries.some((r) => /\/token/.test(r.url)), 'the token endpoint was never called');
  await page.unroute('**/oauth2/v2.0/authorize**');
  await assertNothingAtRest(page, new Set(), { expectSecrets: false });
  await screenshot(page, 'signin-state-mismatch');
});

test('an error redirect explains the AADSTS code in plain words', async () => {
  await control('identity', { authorizeError: { error: 'access_denied', error_description: 'AADSTS65004: User declined to consent to access the app.' } });
  const { page } = await openApp(env);
  await click(page, 'Sign in with Microsoft');
  const s = await waitForState(page, 's => s.lastError');
  assert.equal(s.signedIn, false);
  assert.match(s.lastError.code, /access_denied|65004/);
  assert.ok(s.lastError.message.length > 10);
  await assertNothingAtRest(page, new Set(), { expectSecrets: false });
  await screenshot(page, 'signin-error');
});

test('reloading after sign-in never redeems the code twice', async () => {
  const { page } = await openApp(env);
  const secrets = watchSecrets(page);
  await click(page, 'Sign in with Microsoft');
  await waitForState(page, 's => s.signedIn');
  await control('requests', undefined, 'DELETE');
  await page.reload();
  await page.waitForFunction(() => window.patdeskShell && window.patdeskShell.firstFrameSeen);
  await page.goBack().catch(() => {});
  await page.waitForTimeout(500);
  const log = await control('requests?listener=identity', undefined, 'GET');
  const entries = Array.isArray(log) ? log : log.requests;
  assert.equal(entries.filter((r) => /\/token/.test(r.url) && r.method === 'POST').length, 0, 'no second redemption');
  await assertNothingAtRest(page, secrets);
});

test('the access token is refreshed before it expires', async () => {
  await control('identity', { accessTokenLifetimeSec: 20 });
  const { page } = await openApp(env);
  const secrets = watchSecrets(page);
  await click(page, 'Sign in with Microsoft');
  await waitForState(page, 's => s.signedIn && !s.busy');
  await control('requests', undefined, 'DELETE');
  // Refresh is due at the latest 10 s before expiry.
  await page.waitForTimeout(16000);
  const log = await control('requests?listener=identity', undefined, 'GET');
  const entries = Array.isArray(log) ? log : log.requests;
  assert.ok(entries.some((r) => /\/token/.test(r.url) && r.method === 'POST' && r.status === 200), 'a refresh grant happened');
  assert.equal((await state(page)).signedIn, true);
  await assertNothingAtRest(page, secrets);
});

test('signing out wipes the session', async () => {
  const { page } = await openApp(env);
  const secrets = watchSecrets(page);
  await click(page, 'Sign in with Microsoft');
  await waitForState(page, 's => s.signedIn && !s.busy');
  await click(page, 'Sign out');
  const s = await waitForState(page, 's => !s.signedIn && s.screen === "signIn"');
  assert.equal(s.user, null);
  assert.deepEqual(s.tokens, []);
  await assertNothingAtRest(page, secrets);
});

test('when the session cannot be renewed, signing in again brings back the unfinished form', async () => {
  await control('identity', { accessTokenLifetimeSec: 20 });
  const { page } = await openApp(env);
  await click(page, 'Sign in with Microsoft');
  await waitForState(page, 's => s.signedIn && !s.busy');
  await click(page, 'New token');
  await typeInto(page, 'Name', 'half-written token');
  // The refresh token dies (revoked, or the 24 h SPA limit): the renewal fails.
  await control('identity', { revokeRefreshTokens: true });
  const expired = await waitForState(page, 's => !s.signedIn && s.lastError', { timeout: 30000 });
  assert.equal(expired.screen, 'signIn');
  assert.equal(expired.createDraft.name, 'half-written token', 'the draft is kept in memory');
  await screenshot(page, 'signin-session-expired');
  await click(page, 'Sign in with Microsoft');
  const back = await waitForState(page, 's => s.signedIn && s.panel === "create"', { timeout: 20000 });
  assert.equal(back.createDraft.name, 'half-written token', 'the draft came back after the redirect');
  const rest = await browserAtRest(page);
  assert.equal(rest.sessionStorage, '{}', 'the round-trip entry is gone');
});
