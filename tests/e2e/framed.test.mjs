// The page refuses to run inside a frame: a static message, no wasm, no sign-in.
import { test, before, after } from 'node:test';
import { createServer } from 'node:http';
import assert from 'node:assert/strict';
import { sandboxControl, startAll, screenshot } from './harness.mjs';

let env;
let control;
let framer; // another loopback origin whose page frames patdesk (a clickjacking attempt)
before(async () => {
  env = await startAll({ autoSignIn: true });
  control = sandboxControl(env);
  framer = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!DOCTYPE html><title>framer</title><iframe id="f" src="${env.sandbox.urls.site}" width="900" height="600"></iframe>`);
  });
  await new Promise((r) => framer.listen(0, '127.0.0.1', r));
});
after(async () => { framer?.close(); await env?.close(); });

test('patdesk inside an iframe shows a static refusal and never starts a sign-in', async () => {
  await control('reset', {});
  await control('identity', { autoSignIn: true });
  await control('requests', undefined, 'DELETE');
  const page = env.browser.pages()[0] || await env.browser.newPage();
  await page.goto(`http://127.0.0.1:${framer.address().port}/`);
  const frame = await (await page.waitForSelector('#f')).contentFrame();
  await frame.waitForSelector('#fatal:not([hidden])', { timeout: 15000 });
  const text = await frame.textContent('#fatal-text');
  assert.match(text, /does not run inside a frame/);
  const framed = await frame.evaluate(() => ({
    framed: window.patdeskFramed === true,
    shell: typeof window.patdeskShell,
    app: typeof window.patdesk,
    sessionStorage: sessionStorage.length,
  }));
  assert.deepEqual(framed, { framed: true, shell: 'undefined', app: 'undefined', sessionStorage: 0 });
  await screenshot(page, 'framed-refused');
  const log = await control('requests', undefined, 'GET');
  assert.ok(!log.some((r) => r.listener === 'identity'), 'nothing was sent to the identity provider');
});
