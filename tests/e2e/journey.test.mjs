// The person's whole journey with real mouse and keyboard events through
// window.patdesk.items(): sign in, create a least-privilege PAT, copy it, find it,
// extend it, rotate it, bulk revoke two tokens, sign out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sandboxControl, startAll, openApp, click, typeInto, scrollToAndClick, waitForItem, waitForState, state, items, screenshot, browserAtRest, withEvidence } from './harness.mjs';

let env;
let control;
before(async () => { env = await startAll({ autoSignIn: true }); control = sandboxControl(env); });
after(async () => { await env?.close(); });

const sandboxTokens = async () => (await control('state', undefined, 'GET')).tokens;

async function journey(width, height, tag) {
  await control('reset', {});
  await control('identity', { autoSignIn: true });
  const day = 24 * 3600 * 1000;
  await control('seed', { user: 'ada@contoso.example', tokens: [
    { organization: 'fabrikam', displayName: 'old-ci-token', scope: 'vso.build', validFrom: new Date(Date.now() - 20 * day).toISOString(), validTo: new Date(Date.now() + 5 * day).toISOString() },
    { organization: 'contoso', displayName: 'legacy-deploy', scope: 'vso.release_execute', validFrom: new Date(Date.now() - 50 * day).toISOString(), validTo: new Date(Date.now() + 20 * day).toISOString() },
  ] });

  const { page, log } = await openApp(env);
  await page.setViewportSize({ width, height });
  await screenshot(page, `${tag}-01-signin`);

  // 1. Sign in.
  await click(page, 'Sign in with Microsoft');
  let s = await waitForState(page, 's => s.signedIn && s.tokens.length === 2 && !s.busy');
  await screenshot(page, `${tag}-02-inventory`);

  // 2. Create a PAT scoped to Code (Read & write) that expires in 30 days.
  await click(page, 'New token');
  await typeInto(page, 'Name', `release-bot ${tag}`);
  await click(page, '30 days');
  await click(page, 'Custom defined');
  await typeInto(page, 'Filter scopes', 'code');
  await scrollToAndClick(page, 'Code: Read & write', 'Filter scopes');
  await screenshot(page, `${tag}-03-create`);
  await click(page, 'Create');
  s = await waitForState(page, 's => s.panel === "secret"');
  await screenshot(page, `${tag}-04-secret`);
  const created = (await sandboxTokens()).find((t) => t.displayName === `release-bot ${tag}`);
  assert.ok(created, 'the sandbox holds the new token');
  assert.equal(created.scope, 'vso.code_write');
  const days = (Date.parse(created.validTo) - Date.now()) / day;
  assert.ok(days > 29 && days < 31.1, `expires in about 30 days (${days})`);

  // 3. Copy it: the clipboard holds exactly the sandbox's secret.
  await click(page, 'Copy');
  await waitForState(page, 's => s.secretCopied');
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(clip, created.token);
  assert.equal(created.token.length, 84);
  assert.ok(!JSON.stringify(await state(page)).includes(created.token), 'state() never holds the PAT');
  assert.ok(!JSON.stringify(await items(page)).includes(created.token), 'items() never holds the PAT');
  await click(page, 'Done');
  await waitForState(page, 's => s.panel === "none"');

  // 4. Find it in the list.
  await typeInto(page, 'Search', 'release-bot');
  s = await waitForState(page, 's => s.visibleTokenCount === 1');
  await waitForItem(page, `release-bot ${tag}`);
  await screenshot(page, `${tag}-05-search`);

  // 5. Extend it by 90 days.
  const compact = width < 700;
  if (compact) { await click(page, 'More'); }
  await click(page, 'Edit');
  await click(page, '90 days');
  await click(page, 'Save');
  await waitForState(page, `s => s.panel === "none" && !s.busy`);
  const extended = (await sandboxTokens()).find((t) => t.authorizationId === created.authorizationId);
  assert.ok((Date.parse(extended.validTo) - Date.now()) / day > 89, 'the expiry moved out to 90 days');

  // 6. Rotate it: it asks first, then a new secret is shown once and the old token is revoked.
  if (compact) { await click(page, 'More'); }
  await click(page, 'Rotate');
  await waitForState(page, 's => s.panel === "confirmRotate"');
  await click(page, 'Rotate');
  s = await waitForState(page, 's => s.panel === "secret" && !s.busy');
  await screenshot(page, `${tag}-06-rotated`);
  const all = await sandboxTokens();
  const old = all.find((t) => t.authorizationId === created.authorizationId);
  const replacement = all.find((t) => t.displayName === `release-bot ${tag}` && t.authorizationId !== created.authorizationId);
  assert.equal(old.status, 'revoked');
  assert.ok(replacement && replacement.scope === 'vso.code_write');
  await click(page, 'Copy');
  await waitForState(page, 's => s.secretCopied');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), replacement.token);
  await click(page, 'Done');
  await waitForState(page, 's => s.panel === "none"');

  // 7. Bulk revoke the two seeded tokens.
  await click(page, 'Search');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await waitForState(page, 's => s.search === ""');
  await click(page, 'Select old-ci-token');
  await click(page, 'Select legacy-deploy');
  await click(page, 'Revoke selected (2)');
  await waitForState(page, 's => s.panel === "confirmRevoke"');
  await screenshot(page, `${tag}-07-confirm-revoke`);
  await click(page, 'Revoke');
  await waitForState(page, 's => s.panel === "none" && !s.busy && s.progressSteps.length === 2');
  const after = await sandboxTokens();
  for (const name of ['old-ci-token', 'legacy-deploy']) {
    assert.equal(after.find((t) => t.displayName === name).status, 'revoked', `${name} is revoked`);
  }
  await screenshot(page, `${tag}-08-after-revoke`);

  // 8. Sign out.
  await click(page, 'Sign out');
  await waitForState(page, 's => !s.signedIn && s.screen === "signIn"');
  const rest = await browserAtRest(page);
  for (const secret of [created.token, replacement.token]) {
    for (const [where, value] of Object.entries(rest)) assert.ok(!String(value).includes(secret), `PAT found in ${where}`);
    assert.ok(!log.console.some((m) => m.text.includes(secret)), 'PAT found in the console');
  }
  assert.deepEqual(log.errors, []);
}


test('a person walks the whole journey with the mouse at 1280x800', async () => {
  await withEvidence(env, 'journey-1280', () => journey(1280, 800, 'journey-1280'));
});

test('a person walks the whole journey with the mouse at 400x800', async () => {
  await withEvidence(env, 'journey-400', () => journey(400, 800, 'journey-400'));
});
