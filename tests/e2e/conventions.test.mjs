// Browser conventions a person expects from any page: touch taps, pasting from the system
// clipboard, the colour scheme they chose, and a title that says what is going on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sandboxControl, startAll, openApp, click, typeInto, waitForItem, waitForState, settle, screenshot } from './harness.mjs';

let env;
let control;
before(async () => { env = await startAll({ autoSignIn: true }); control = sandboxControl(env); });
after(async () => { await env?.close(); });


test('a touch tap presses a button', async () => {
  await control('reset', {});
  const { page } = await openApp(env);
  const button = await waitForItem(page, 'Sign in with Microsoft');
  await page.touchscreen.tap(button.x + button.w / 2, button.y + button.h / 2);
  await waitForState(page, 's => s.signedIn', { timeout: 20000 });
});

test('text pasted from the system clipboard lands in the focused field, unicode included', async () => {
  await control('reset', {});
  const { page } = await openApp(env);
  await click(page, 'Sign in with Microsoft');
  await waitForState(page, 's => s.signedIn && !s.busy');
  await click(page, 'New token');
  await page.evaluate(() => navigator.clipboard.writeText('Déploiement nocturne ✓'));
  await typeInto(page, 'Name', '');
  await page.keyboard.press('Control+V');
  const s = await waitForState(page, 's => s.createDraft.name.length > 0');
  assert.equal(s.createDraft.name, 'Déploiement nocturne ✓');
  await screenshot(page, 'conventions-paste');
});

test('the theme follows prefers-color-scheme and can be toggled', async () => {
  const { page } = await openApp(env);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  await page.waitForFunction(() => window.patdeskShell && window.patdeskShell.firstFrameSeen);
  await waitForState(page, 's => s.theme === "dark"');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.reload();
  await page.waitForFunction(() => window.patdeskShell && window.patdeskShell.firstFrameSeen);
  await waitForState(page, 's => s.theme === "light"');
  await click(page, 'Sign in with Microsoft');
  await waitForState(page, 's => s.signedIn && !s.busy');
  await click(page, 'Dark mode');
  await waitForState(page, 's => s.theme === "dark"');
  await settle(page);
  await screenshot(page, 'conventions-dark');
});

test('the page title reflects what is going on', async () => {
  await control('reset', {});
  const { page } = await openApp(env);
  await waitForItem(page, 'Sign in with Microsoft');
  assert.match(await page.title(), /sign in/);
  await click(page, 'Sign in with Microsoft');
  await waitForState(page, 's => s.signedIn && !s.busy');
  await settle(page);
  assert.match(await page.title(), /personal access tokens/);
  await click(page, 'New token');
  await typeInto(page, 'Name', 'title-check');
  await click(page, 'Full access');
  await click(page, 'Create');
  await waitForState(page, 's => s.panel === "secret"');
  await settle(page);
  assert.match(await page.title(), /copy your new token/);
});

test('a paste from the menu (no Ctrl held) lands in the focused field too', async () => {
  await control('reset', {});
  const { page } = await openApp(env);
  await click(page, 'Sign in with Microsoft');
  await waitForState(page, 's => s.signedIn && !s.busy');
  await click(page, 'New token');
  await typeInto(page, 'Name', 'x');
  await page.keyboard.press('Backspace');
  // What the browser does for Edit > Paste: a paste event on the focused element, no keys.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'from the menu');
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  });
  const s = await waitForState(page, 's => s.createDraft.name === "from the menu"');
  assert.equal(s.createDraft.name, 'from the menu');
});
