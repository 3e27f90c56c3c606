// A real sign-out: "Sign out of Microsoft too" reaches the end-session endpoint with the
// page as post_logout_redirect_uri and the id token's login_hint as logout_hint, and the next
// sign-in (after that one or after a plain Sign out) carries prompt=select_account.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { sandboxControl, startAll, openApp, click, waitForState, browserAtRest, screenshot } from './harness.mjs';

let env;
let control;
before(async () => { env = await startAll({ autoSignIn: true }); control = sandboxControl(env); });
after(async () => { await env?.close(); });
beforeEach(async () => { await control('reset', {}); await control('identity', { autoSignIn: true }); });

const requests = async (listener) => control(`requests?listener=${listener}`, undefined, 'GET');
const authorizeCalls = async () => (await requests('identity'))
  .filter((r) => /\/oauth2\/v2\.0\/authorize\?/.test(r.url))
  .map((r) => new URL(r.url, env.sandbox.urls.identity).searchParams);

async function signIn(page) {
  await click(page, 'Sign in with Microsoft');
  return waitForState(page, 's => s.signedIn && !s.busy');
}

test('Sign out of Microsoft too reaches the end-session endpoint, and the next sign-in asks which account', async () => {
  const { page } = await openApp(env);
  await signIn(page);
  const first = await authorizeCalls();
  assert.equal(first.length, 1);
  assert.equal(first[0].get('prompt'), null, 'the first sign-in of a tab carries no prompt');

  await click(page, 'Sign out');
  const out = await waitForState(page, 's => !s.signedIn && s.screen === "signIn" && s.offerMicrosoftSignOut');
  assert.equal(out.user, null);
  await screenshot(page, 'sign-out-offer-microsoft');
  await control('requests', undefined, 'DELETE');

  await click(page, 'Sign out of Microsoft too');
  // Entra's end-session page sends the browser back to patdesk, which loads afresh.
  await page.waitForURL((u) => u.href === env.sandbox.urls.site, { timeout: 15000 });
  await page.waitForFunction(() => window.patdeskShell && window.patdeskShell.firstFrameSeen, null, { timeout: 30000 });
  const back = await waitForState(page, 's => s.screen === "signIn"');
  assert.equal(back.signedIn, false);
  const logout = (await requests('identity')).filter((r) => /\/oauth2\/v2\.0\/logout\?/.test(r.url));
  assert.equal(logout.length, 1, 'one visit to the end-session endpoint');
  const q = new URL(logout[0].url, env.sandbox.urls.identity).searchParams;
  assert.equal(q.get('post_logout_redirect_uri'), env.sandbox.urls.site);
  assert.equal(q.get('client_id'), '00000000-0000-4000-8000-00000000c0de');
  const ada = (await control('state', undefined, 'GET')).users.find((u) => u.email === 'ada@contoso.example');
  assert.equal(q.get('logout_hint'), Buffer.from(`O.sbx.${ada.oid}`).toString('base64url'), 'logout_hint is the id token login_hint');
  assert.equal((await browserAtRest(page)).sessionStorage, '{"patdesk.signedOut":"1"}', 'only the non-secret flag crossed the trip');

  await signIn(page);
  const next = await authorizeCalls();
  assert.equal(next.length, 1);
  assert.equal(next[0].get('prompt'), 'select_account');
  assert.equal((await browserAtRest(page)).sessionStorage, '{}', 'the flag is gone after the sign-in');
});

test('after a plain Sign out the next sign-in carries prompt=select_account too', async () => {
  const { page } = await openApp(env);
  await signIn(page);
  await click(page, 'Sign out');
  await waitForState(page, 's => !s.signedIn && s.screen === "signIn"');
  assert.equal((await browserAtRest(page)).sessionStorage, '{}');
  await control('requests', undefined, 'DELETE');
  await signIn(page);
  const next = await authorizeCalls();
  assert.equal(next.length, 1);
  assert.equal(next[0].get('prompt'), 'select_account');
});
