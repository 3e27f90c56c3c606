// Shared end-to-end harness: the sandbox (identity + Azure DevOps + static dist/),
// Debian's Chromium through playwright-core, and helpers that act like a person:
// find an item in window.patdesk.items() and click it with a real mouse event.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox } from '../../tools/sandbox/server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../..');
export const screenshotDir = process.env.PATDESK_SCREENSHOTS || path.join(repoRoot, 'test-results', 'screenshots');

const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-gl=swiftshader', '--enable-unsafe-swiftshader'];

export async function startAll({ autoSignIn = true, sandboxOptions = {} } = {}) {
  if (!existsSync(path.join(repoRoot, 'dist', 'patdesk.wasm'))) {
    throw new Error('dist/ is not built: run bash scripts/build-web.sh');
  }
  const sandbox = await startSandbox({ host: '127.0.0.1', sitePort: 0, idPort: 0, profilePort: 0, tokensPort: 0,
    dist: path.join(repoRoot, 'dist'), autoSignIn, quiet: true, ...sandboxOptions });
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'patdesk-chromium-'));
  const browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 800 },
    permissions: ['clipboard-read', 'clipboard-write'],
    hasTouch: true,
  });
  return {
    sandbox,
    browser,
    async close() {
      await browser.close().catch(() => {});
      await sandbox.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

// The sandbox's control API (see tools/sandbox/README.md): reset, seed, faults, state, logs.
// control(path, body) POSTs JSON; pass method 'GET' or 'DELETE' without a body.
export function sandboxControl(env) {
  return async function control(path, body, method = 'POST') {
    const res = await fetch(`${env.sandbox.urls.control}/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`sandbox control ${method} ${path} answered ${res.status}: ${await res.text()}`);
    return res.headers.get('content-type')?.includes('json') ? res.json() : res.text();
  };
}

// Opens the app and records console output and page errors for later assertions.
export async function openApp(env, { url, deviceScaleFactor } = {}) {
  const page = env.browser.pages()[0] || await env.browser.newPage();
  const log = { console: [], errors: [] };
  page.on('console', (m) => log.console.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => log.errors.push(String(e)));
  await page.goto(url || env.sandbox.urls.site);
  await page.waitForFunction(() => window.patdeskShell && window.patdeskShell.firstFrameSeen, null, { timeout: 30000 });
  return { page, log };
}

export async function items(page) {
  return page.evaluate(() => window.patdesk.items());
}

// The app's state; across a navigation (sign-in leaves and comes back) it waits for the
// new page's app instead of failing.
export async function state(page, { timeout = 15000 } = {}) {
  const deadline = Date.now() + timeout;
  let last = 'no window.patdesk yet';
  for (;;) {
    try {
      const s = await page.evaluate(() => (window.patdesk ? window.patdesk.state() : null));
      if (s && s.screen !== 'booting') return s;
      if (s) last = 'screen still "booting"';
    } catch (e) {
      if (!/context was destroyed|navigat/i.test(String(e))) throw e;
      last = String(e.message || e);
    }
    if (Date.now() > deadline) throw new Error(`state(): no app state within ${timeout} ms (${last})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// Waits until an item with this exact visible label is on screen; returns it.
export async function waitForItem(page, label, { timeout = 15000, index = 0 } = {}) {
  const handle = await page.waitForFunction(({ label, index }) => {
    const found = window.patdesk.items().filter((i) => i.label === label);
    return found.length > index ? found[index] : null;
  }, { label, index }, { timeout, polling: 50 });
  return handle.jsonValue();
}

// Waits until predicate(state) is true. The predicate is source text (e.g. 's => s.signedIn')
// turned into a real function here: a string predicate would need eval, which the page's
// CSP rightly forbids.
export async function waitForState(page, predicateSource, { timeout = 15000 } = {}) {
  // eslint-disable-next-line no-new-func
  const fn = new Function(`if (!window.patdesk) return null; const s = window.patdesk.state(); return (${predicateSource})(s) ? s : null;`);
  const handle = await page.waitForFunction(fn, null, { timeout, polling: 50 });
  return handle.jsonValue();
}

// Waits until the frames that input caused have been drawn: items() then describes the
// screen as it is after the input, not the frame before it.
// A click may navigate away (sign-in) or close the page: then there is nothing to settle.
// Anything else, its own timeout included, is a failure and is thrown with what was awaited.
const NAVIGATED_AWAY = /Execution context was destroyed|Target page, context or browser has been closed|Target closed|frame was detached|navigat/i;

export async function settle(page, { minFrames = 3, timeout = 10000 } = {}) {
  let start = 0;
  try {
    start = await page.evaluate(() => (window.patdesk ? window.patdesk.frame().count : 0));
    await page.waitForFunction(({ start, minFrames }) => {
      if (!window.patdesk) return true;
      const f = window.patdesk.frame();
      return !f.pending || f.count >= start + minFrames;
    }, { start, minFrames }, { timeout, polling: 'raf' });
  } catch (e) {
    if (page.isClosed() || NAVIGATED_AWAY.test(String(e && e.message))) return;
    throw new Error(`settle(): the page did not draw ${minFrames} frame(s) after frame ${start} ` +
      `within ${timeout} ms, and a frame is still pending: ${e && e.message}`);
  }
}

// A real mouse click in the middle of the item, then wait for its effect to be drawn.
export async function click(page, label, options = {}) {
  await settle(page, { minFrames: 1 });
  const item = await waitForItem(page, label, options);
  await page.mouse.click(item.x + item.w / 2, item.y + item.h / 2);
  await settle(page);
  return item;
}

// Scrolls with the mouse wheel over `at` (an item label) until `label` is fully visible,
// then clicks it: what a person does when a control is below the fold.
export async function scrollToAndClick(page, label, at, { maxSteps = 20 } = {}) {
  const anchor = await waitForItem(page, at);
  const viewport = page.viewportSize();
  for (let step = 0; step < maxSteps; step++) {
    const found = (await items(page)).find((i) => i.label === label);
    if (found && found.y >= 0 && found.y + found.h <= viewport.height - 80) return click(page, label);
    await page.mouse.move(anchor.x + anchor.w / 2, anchor.y + anchor.h / 2);
    await page.mouse.wheel(0, 120);
    await settle(page);
  }
  return click(page, label);
}

export async function typeInto(page, label, text, options = {}) {
  await click(page, label, options);
  // The field takes focus on the next frame (the page then focuses its hidden text input).
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'text-input',
    null, { timeout: 5000, polling: 20 });
  await page.keyboard.type(text, { delay: 5 });
}

export async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

// Every place a secret could be left at rest in the browser.
export async function browserAtRest(page) {
  return page.evaluate(async () => {
    const dump = (s) => { const o = {}; for (let i = 0; i < s.length; i++) { const k = s.key(i); o[k] = s.getItem(k); } return o; };
    const dbs = indexedDB.databases ? await indexedDB.databases() : [];
    const caches_ = self.caches ? await caches.keys() : [];
    return {
      localStorage: JSON.stringify(dump(localStorage)),
      sessionStorage: JSON.stringify(dump(sessionStorage)),
      cookies: document.cookie,
      location: location.href,
      historyLength: history.length,
      indexedDB: JSON.stringify(dbs),
      caches: JSON.stringify(caches_),
      state: JSON.stringify(window.patdesk.state()),
    };
  });
}

// Runs `fn`; on failure keeps a screenshot `<tag>-FAILED` and appends the state of the moment
// (and whatever `evidence(page)` adds) to the error: a canvas app is opaque otherwise. The
// original error is always rethrown.
export async function withEvidence(env, tag, fn, { evidence } = {}) {
  try {
    await fn();
  } catch (e) {
    const page = env.browser.pages()[0];
    if (page) {
      await screenshot(page, `${tag}-FAILED`).catch(() => {});
      const s = await state(page).catch(() => null);
      e.message += `\nstate at failure: ${JSON.stringify(s)?.slice(0, 1500)}`;
      if (evidence) e.message += await evidence(page).catch(() => '');
    }
    throw e;
  }
}
