// The right permissions, said precisely: a registration without vso.pats_manage gets one exact
// sentence right after sign-in and on the tokens API's 401/403; the admin-consent link names
// the person's own tenant; coming back from admin consent says so, not a state error.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { sandboxControl, startAll, openApp, click, waitForState, screenshot } from './harness.mjs';

const SENTENCE = 'This app registration does not have the Azure DevOps permission vso.pats_manage: '
  + 'add it under API permissions (an admin may need to consent).';

let env;
let control;
before(async () => { env = await startAll({ autoSignIn: true }); control = sandboxControl(env); });
after(async () => { await env?.close(); });
beforeEach(async () => { await control('reset', {}); await control('identity', { autoSignIn: true }); });

for (const status of [401, 403]) {
  test(`a token without vso.pats_manage shows the sentence at sign-in and on the tokens API's ${status}`, async () => {
    await control('identity', { omitPatsManageScope: true });
    await control('devops', { missingScopeStatus: status });
    const { page } = await openApp(env);
    await click(page, 'Sign in with Microsoft');
    const s = await waitForState(page, 's => s.signedIn && s.lastError && s.lastError.code === "auth.missing_permission"');
    assert.equal(s.lastError.message, SENTENCE);
    const ada = (await control('state', undefined, 'GET')).users.find((u) => u.email === 'ada@contoso.example');
    assert.ok(s.lastError.action.includes(`/${ada.tid}/adminconsent?client_id=`), `the consent link names the own tenant: ${s.lastError.action}`);
    assert.ok(!s.lastError.action.includes('/organizations/adminconsent'), 'never the organizations authority');

    // The inventory's own calls then fail with the same sentence, not "sign in again".
    const done = await waitForState(page, 's => s.organizations.length === 2 && !s.busy && s.organizations.every((o) => o.error)');
    for (const o of done.organizations) assert.equal(o.error, 'auth.missing_permission', `${o.name}: ${o.error}`);
    assert.equal(done.lastError.message, SENTENCE);
    const log = await control('requests?listener=tokens', undefined, 'GET');
    assert.ok(log.some((r) => r.status === status), `the tokens API answered ${status}`);
    await screenshot(page, `permissions-missing-${status}`);
  });
}

test('coming back from admin consent says "Consent granted: sign in again" and no state error', async () => {
  const { page } = await openApp(env, { url: `${env.sandbox.urls.site}?admin_consent=True&tenant=72f988bf-86f1-41af-91ab-2d7cd011db47` });
  const s = await waitForState(page, 's => s.screen === "signIn"');
  assert.equal(s.signInNotice, 'Consent granted: sign in again.');
  assert.equal(s.lastError, null);
  assert.equal(await page.evaluate(() => location.search), '', 'the consent answer left the address bar');
  await screenshot(page, 'permissions-consent-granted');
  await click(page, 'Sign in with Microsoft');
  const signedIn = await waitForState(page, 's => s.signedIn && !s.busy');
  assert.equal(signedIn.lastError, null, 'a full registration signs in without the sentence');
  assert.equal(signedIn.signInNotice, '');
});
