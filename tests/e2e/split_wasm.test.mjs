// The wasm comes in two halves (cmake/WebApp.cmake, tools/wasm_split/): patdesk.wasm draws the
// first screens, patdesk.deferred.wasm (lists, panels, create, ...) arrives after the first
// usable frame. These journeys pin down the hand-over: what is fetched when, the synchronous
// path for a deferred function called early, and the return from sign-in, which needs both.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startAll, openApp, state, waitForItem, waitForState, click } from './harness.mjs';

let env;
before(async () => { env = await startAll({ autoSignIn: true }); });
after(async () => { await env?.close(); });

const marks = (page) => page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark')
  .filter((m) => m.name.startsWith('patdesk:')).map((m) => [m.name.slice(8), m.startTime])));

test('the deferred half is requested only after the first usable frame and installed in the background', async () => {
  const page = env.browser.pages()[0] || await env.browser.newPage();
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  const { log } = await openApp(env);
  await waitForItem(page, 'Sign in with Microsoft');
  await page.waitForFunction(() => performance.getEntriesByName('patdesk:deferred-installed').length > 0, null, { timeout: 30000 });
  const m = await marks(page);
  assert.ok(m['deferred-requested'] > m.ready, `deferred requested at ${m['deferred-requested']} ms, after the first usable frame at ${m.ready} ms`);
  assert.equal(m['deferred-loaded-synchronously'], undefined, 'nothing needed it before it arrived');
  assert.equal(requested.filter((p) => p.endsWith('/patdesk.deferred.wasm')).length, 1, 'fetched once');
  assert.deepEqual(log.errors, []);
});

test('a deferred function called before the background load arrives is loaded synchronously and works', async () => {
  const page = env.browser.pages()[0] || await env.browser.newPage();
  // Hold the background request; the synchronous one (the second) goes through.
  let held = 0;
  await page.route('**/patdesk.deferred.wasm', (route) => {
    held += 1;
    if (held === 1) return; // never answered: the background load stays pending
    return route.continue();
  });
  try {
    const { log } = await openApp(env);
    await waitForItem(page, 'Sign in with Microsoft');
    // state() serialises the app state, which the first screens never do (record_primary.mjs
    // does not call it), so its code is in the deferred half.
    const s = await state(page);
    assert.equal(s.screen, 'signIn');
    const m = await marks(page);
    assert.ok(m['deferred-loaded-synchronously'] > 0, `loaded synchronously: ${JSON.stringify(m)}`);
    assert.ok(m['deferred-installed'] > 0);
    assert.equal(held, 2, 'one held background request, one synchronous request');
    assert.deepEqual(log.errors, []);
  } finally {
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  }
});

test('back from sign-in both halves load before the app starts, and the inventory comes up', async () => {
  const page = env.browser.pages()[0] || await env.browser.newPage();
  await openApp(env);
  await click(page, 'Sign in with Microsoft');
  const s = await waitForState(page, 's => s.signedIn && s.screen === "main"', { timeout: 30000 });
  assert.equal(s.signedIn, true);
  const m = await marks(page);
  assert.ok(m['deferred-installed'] <= m['runtime-ready'], `installed at ${m['deferred-installed']} ms, before the runtime started at ${m['runtime-ready']} ms`);
  assert.equal(m['deferred-loaded-synchronously'], undefined);
});
