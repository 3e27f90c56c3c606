// Keyboard-only journey: real key presses only (no mouse event at all). Sign in, create a
// least-privilege PAT, copy it, revoke it from its row, sign out, moving with Tab /
// Shift-Tab and acting with Enter. window.patdesk.items() marks the item that has keyboard
// focus with `focused: true`; screenshots show the focus ring at each step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startAll, openApp, settle, waitForItem, waitForState, state, items, screenshot, browserAtRest, withEvidence } from './harness.mjs';

let env;
before(async () => { env = await startAll({ autoSignIn: true }); });
after(async () => { await env?.close(); });

async function control(path, body, method = 'POST') {
  const res = await fetch(`${env.sandbox.urls.control}/${path}`, {
    method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.ok(res.ok, `control ${path} answered ${res.status}`);
  return res.json();
}
const sandboxTokens = async () => (await control('state', undefined, 'GET')).tokens;

// The item that has keyboard focus now (null when none shows focus).
async function focusedItem(page) {
  return page.evaluate(() => window.patdesk.items().find((i) => i.focused) || null);
}

// One real key press (down + up), then wait for the frames it causes.
async function press(page, key) {
  await settle(page, { minFrames: 1 });
  await page.keyboard.press(key);
  await settle(page);
}

// Presses Tab (or Shift+Tab) until an item labelled `label` (and matching `where`) has
// focus; no press at all when it already has. Returns that item.
async function tabTo(page, label, { backwards = false, where = () => true, max = 80 } = {}) {
  let seen = [];
  for (let i = 0; i <= max; i++) {
    const f = await focusedItem(page);
    if (f && f.label === label && where(f)) return f;
    seen.push(f ? f.label : '(none)');
    await press(page, backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached "${label}"; focus went through: ${seen.join(' > ')}`);
}

// Once the page has stopped drawing (no frame pending), the id of the element with the
// browser's focus: 'text-input' (the page's hidden text field) while ImGui edits a text
// field, so that typed characters reach it.
async function browserFocusIdWhenIdle(page) {
  await page.waitForFunction(() => !window.patdesk.frame().pending, null, { timeout: 10000, polling: 'raf' });
  return page.evaluate(() => (document.activeElement ? document.activeElement.id : null));
}

async function keyboardJourney(tag) {
  await control('reset', {});
  await control('identity', { autoSignIn: true });
  const day = 24 * 3600 * 1000;
  await control('seed', { user: 'ada@contoso.example', tokens: [
    { organization: 'fabrikam', displayName: 'old-ci-token', scope: 'vso.build', validFrom: new Date(Date.now() - 20 * day).toISOString(), validTo: new Date(Date.now() + 40 * day).toISOString() },
  ] });

  const { page, log } = await openApp(env);
  await page.setViewportSize({ width: 1280, height: 800 });
  await settle(page);

  // 1. Sign in: Tab to the button, Enter.
  await tabTo(page, 'Sign in with Microsoft');
  await screenshot(page, `${tag}-01-signin-focused`);
  await page.keyboard.press('Enter');
  await waitForState(page, 's => s.signedIn && s.tokens.length === 1 && !s.busy', { timeout: 30000 });
  await settle(page);

  // 2. Open "New token"; Esc closes the pane and focus comes back to the button.
  await tabTo(page, 'New token');
  await screenshot(page, `${tag}-02-inventory-focused`);
  await press(page, 'Enter');
  await waitForState(page, 's => s.panel === "create"');
  await press(page, 'Escape');
  await waitForState(page, 's => s.panel === "none"');
  await settle(page);
  assert.equal((await focusedItem(page))?.label, 'New token', 'focus returns to the button that opened the pane');
  await press(page, 'Enter');
  await waitForState(page, 's => s.panel === "create"');

  // 3. The pane focuses Name: type it, move to the scopes, keep 30 days, create with Enter.
  const name = `kbd-bot ${tag}`;
  await settle(page);
  assert.equal((await focusedItem(page))?.label, 'Name', 'the name field has focus when the pane opens');
  // Already editing when the page stops drawing: no Tab away and back.
  assert.equal(await browserFocusIdWhenIdle(page), 'text-input', 'the name field is being edited when the pane opens');
  await page.keyboard.type(name, { delay: 5 });
  await settle(page);
  await tabTo(page, 'Custom defined');
  await press(page, 'Enter');
  await tabTo(page, 'Code: Read & write');
  await press(page, 'Enter');
  await tabTo(page, 'Create');
  await screenshot(page, `${tag}-03-create-focused`);
  await press(page, 'Enter');
  await waitForState(page, 's => s.panel === "secret" && !s.busy');
  const created = (await sandboxTokens()).find((t) => t.displayName === name);
  assert.ok(created, 'the sandbox holds the new token');
  assert.equal(created.scope, 'vso.code_write');
  const days = (Date.parse(created.validTo) - Date.now()) / day;
  assert.ok(days > 29 && days < 31.1, `expires in about 30 days (${days})`);

  // 4. Copy it: the clipboard holds exactly the sandbox's secret. Then Done.
  await settle(page);
  await tabTo(page, 'Copy');
  await screenshot(page, `${tag}-04-secret-focused`);
  await press(page, 'Enter');
  await waitForState(page, 's => s.secretCopied');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), created.token);
  assert.ok(!JSON.stringify(await items(page)).includes(created.token), 'items() never holds the PAT');
  await tabTo(page, 'Done');
  await press(page, 'Enter');
  await waitForState(page, 's => s.panel === "none"');
  await waitForItem(page, name);

  // 5. Revoke it from its own row: Tab to that row's Revoke, Enter, confirm with Enter.
  const onRow = async (f) => {
    const row = (await items(page)).find((i) => i.label === name);
    return row && Math.abs((f.y + f.h / 2) - (row.y + row.h / 2)) < row.h;
  };
  let target = null;
  for (let i = 0; i < 6 && !target; i++) {
    const f = await tabTo(page, 'Revoke');
    if (await onRow(f)) target = f; else await press(page, 'Tab');
  }
  assert.ok(target, `reached the Revoke button on the row of ${name}`);
  await screenshot(page, `${tag}-05-row-revoke-focused`);
  await press(page, 'Enter');
  await waitForState(page, 's => s.panel === "confirmRevoke"');
  await settle(page);
  assert.equal((await focusedItem(page))?.label, 'Revoke', 'the dialog opens with focus on Revoke');
  await screenshot(page, `${tag}-06-confirm-revoke-focused`);
  await press(page, 'Enter');
  await waitForState(page, 's => s.panel === "none" && !s.busy');
  const after = await sandboxTokens();
  assert.equal(after.find((t) => t.authorizationId === created.authorizationId).status, 'revoked');
  assert.notEqual(after.find((t) => t.displayName === 'old-ci-token').status, 'revoked', 'only that token');

  // 6. Sign out, backwards this time.
  await tabTo(page, 'Sign out', { backwards: true });
  await screenshot(page, `${tag}-07-signout-focused`);
  await press(page, 'Enter');
  await waitForState(page, 's => !s.signedIn && s.screen === "signIn"');

  const rest = await browserAtRest(page);
  for (const [where, value] of Object.entries(rest)) assert.ok(!String(value).includes(created.token), `PAT found in ${where}`);
  assert.ok(!log.console.some((m) => m.text.includes(created.token)), 'PAT found in the console');
  assert.deepEqual(log.errors, []);
}

test('a person walks the journey with the keyboard alone', async () => {
  const tag = 'keyboard';
  await withEvidence(env, tag, () => keyboardJourney(tag));
});
