// The page boots cleanly, draws a real first frame, exposes the test hook, follows the
// window size and does no frame work while idle.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startAll, openApp, items, state, waitForItem, screenshot } from './harness.mjs';
import { decodePng, distinctColours } from './png.mjs';

let env;
before(async () => { env = await startAll({ autoSignIn: true }); });
after(async () => { await env?.close(); });

test('the page boots with zero console errors and shows the sign-in button', async () => {
  const { page, log } = await openApp(env);
  const button = await waitForItem(page, 'Sign in with Microsoft');
  assert.ok(button.w > 50 && button.h > 20, `button has a real size: ${JSON.stringify(button)}`);
  const s = await state(page);
  assert.equal(s.screen, 'signIn');
  assert.equal(s.sandbox, true);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.console.filter((m) => m.type === 'error'), []);
  await screenshot(page, 'boot-signin-1280x800');
});

test('the first frame is not blank', async () => {
  const { page } = await openApp(env);
  await waitForItem(page, 'Sign in with Microsoft');
  const png = decodePng(await page.screenshot());
  assert.ok(distinctColours(png) > 20, 'the canvas shows more than a flat colour');
});

test('items are in CSS pixels and lie inside the viewport', async () => {
  const { page } = await openApp(env);
  await waitForItem(page, 'Sign in with Microsoft');
  const viewport = page.viewportSize();
  for (const item of await items(page)) {
    assert.ok(item.x >= 0 && item.y >= 0, `${item.label} starts inside the page`);
    assert.ok(item.x + item.w <= viewport.width + 1 && item.y + item.h <= viewport.height + 1, `${item.label} ends inside`);
  }
});

test('resizing the window lays the page out again', async () => {
  const { page } = await openApp(env);
  const wide = await waitForItem(page, 'Sign in with Microsoft');
  await page.setViewportSize({ width: 420, height: 800 });
  await page.waitForFunction((x) => {
    const b = window.patdesk.items().find((i) => i.label === 'Sign in with Microsoft');
    return b && Math.abs(b.x - x) > 5;
  }, wide.x, { timeout: 10000 });
  const narrow = await waitForItem(page, 'Sign in with Microsoft');
  assert.ok(narrow.x + narrow.w <= 420, 'the button fits the narrow window');
  await screenshot(page, 'boot-signin-420x800');
  await page.setViewportSize({ width: 1280, height: 800 });
});

test('an idle page requests no animation frames', async () => {
  const { page } = await openApp(env);
  await waitForItem(page, 'Sign in with Microsoft');
  await page.waitForTimeout(500); // let the settle frames after load finish
  const frames = await page.evaluate(() => new Promise((resolve) => {
    let count = 0;
    const original = window.requestAnimationFrame;
    window.requestAnimationFrame = function (cb) { count++; return original.call(window, cb); };
    setTimeout(() => { window.requestAnimationFrame = original; resolve(count); }, 2000);
  }));
  assert.equal(frames, 0, 'no frame work over 2 s with no input');
});

test('the page is sharp at devicePixelRatio 2', async () => {
  // The persistent context has one device scale: emulate the ratio through CDP.
  const { page } = await openApp(env);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 800, deviceScaleFactor: 2, mobile: false });
  await page.reload();
  await page.waitForFunction(() => window.patdeskShell && window.patdeskShell.firstFrameSeen);
  await waitForItem(page, 'Sign in with Microsoft');
  const dims = await page.evaluate(() => ({ w: document.getElementById('canvas').width, css: window.innerWidth, dpr: devicePixelRatio }));
  assert.equal(dims.dpr, 2);
  assert.equal(dims.w, dims.css * 2, 'the framebuffer is sized in device pixels');
  await screenshot(page, 'boot-signin-dpr2');
  await cdp.send('Emulation.clearDeviceMetricsOverride');
});

test('without WebGL2 the page explains itself instead of showing a blank canvas', async () => {
  const page = await env.browser.newPage();
  await page.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
      return kind === 'webgl2' ? null : original.call(this, kind, ...rest);
    };
  });
  await page.goto(env.sandbox.urls.site);
  await page.waitForSelector('#fatal:not([hidden])', { timeout: 10000 });
  const text = await page.textContent('#fatal');
  assert.match(text, /WebGL2/);
  assert.equal(await page.isVisible('#loading'), false, 'the loading indicator is gone');
  await screenshot(page, 'boot-no-webgl2');
  await page.close();
});

test('a lost graphics context is explained', async () => {
  const { page } = await openApp(env);
  await waitForItem(page, 'Sign in with Microsoft');
  await page.evaluate(() => document.getElementById('canvas').getContext('webgl2').getExtension('WEBGL_lose_context').loseContext());
  await page.waitForSelector('#fatal:not([hidden])', { timeout: 10000 });
  assert.match(await page.textContent('#fatal'), /graphics context was lost/);
});
