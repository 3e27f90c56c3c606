#!/usr/bin/env node
// "Looks the same" check for size/speed work: screenshots of sign-in, inventory, create and the
// copy-once secret panel (masked and revealed) at 1280×800, at devicePixelRatio 1 and 2, of any built site.
//
//   node tests/bench/screens.mjs [--dist dist] [--out test-results/screens]
//
// Run it on the site before and after a change and open the PNGs side by side.
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox } from '../../tools/sandbox/server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const args = process.argv.slice(2);
const arg = (name, fallback) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : fallback; };
const dist = path.resolve(arg('dist', path.join(repoRoot, 'dist')));
const out = path.resolve(arg('out', path.join(repoRoot, 'test-results', 'screens')));
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--use-gl=swiftshader', '--enable-unsafe-swiftshader'];
const DAY = 24 * 3600 * 1000;
// Fixed dates, so that before and after show the same text.
const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);

async function control(sandbox, route, body) {
  const res = await fetch(`${sandbox.urls.control}/${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`control ${route}: ${res.status} ${await res.text()}`);
}

async function settle(page) {
  await page.waitForFunction(() => window.patdesk && !window.patdesk.frame().pending, null, { polling: 'raf', timeout: 15000 });
}

async function clickItem(page, label) {
  const h = await page.waitForFunction((l) => window.patdesk && window.patdesk.items().find((i) => i.label === l), label, { polling: 50, timeout: 15000 });
  const it = await h.jsonValue();
  await page.mouse.click(it.x + it.w / 2, it.y + it.h / 2);
  await settle(page);
}

async function shoot(sandbox, dpr) {
  await control(sandbox, 'reset', {});
  await control(sandbox, 'identity', { autoSignIn: true });
  await control(sandbox, 'seed', { user: 'ada@contoso.example', tokens: [
    { organization: 'fabrikam', displayName: 'old-ci-token', scope: 'vso.build', validFrom: new Date(NOW - 20 * DAY).toISOString(), validTo: new Date(NOW + 5 * DAY).toISOString() },
    { organization: 'contoso', displayName: 'legacy-deploy (Łódź, café)', scope: 'vso.release_execute vso.code_write', validFrom: new Date(NOW - 50 * DAY).toISOString(), validTo: new Date(NOW + 20 * DAY).toISOString() },
  ] });
  const dir = mkdtempSync(path.join(tmpdir(), 'patdesk-screens-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: FLAGS, viewport: { width: 1280, height: 800 }, deviceScaleFactor: dpr });
  try {
    const page = context.pages()[0] || await context.newPage();
    await page.goto(sandbox.urls.site);
    await page.waitForFunction(() => window.patdesk && window.patdesk.items().length > 0, null, { polling: 50, timeout: 30000 });
    await settle(page);
    const name = (n) => path.join(out, `dpr${dpr}-${n}.png`);
    await page.screenshot({ path: name('1-signin') });
    await clickItem(page, 'Sign in with Microsoft');
    await page.waitForFunction(() => { const s = window.patdesk && window.patdesk.state(); return s && s.signedIn && s.tokens.length === 2 && !s.busy; }, null, { polling: 50, timeout: 30000 });
    await settle(page);
    await page.mouse.move(1, 1);
    await settle(page);
    await page.screenshot({ path: name('2-inventory') });
    await clickItem(page, 'New token');
    await clickItem(page, 'Name');
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'text-input', null, { timeout: 5000 });
    await page.keyboard.type('release-bot', { delay: 5 });
    await settle(page);
    await clickItem(page, 'Custom defined');
    await clickItem(page, 'Code: Read & write');
    await page.mouse.move(1, 1);
    await settle(page);
    await page.screenshot({ path: name('3-create') });
    await clickItem(page, 'Create');
    await page.waitForFunction(() => window.patdesk.state().panel === 'secret', null, { polling: 50, timeout: 15000 });
    await settle(page);
    await page.screenshot({ path: name('4-secret') });
    await clickItem(page, 'Reveal');  // the PAT itself, in the mono face
    await page.mouse.move(1, 1);
    await settle(page);
    await page.screenshot({ path: name('5-revealed') });
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

mkdirSync(out, { recursive: true });
const sandbox = await startSandbox({ host: '127.0.0.1', sitePort: 0, idPort: 0, profilePort: 0, tokensPort: 0, dist, autoSignIn: true, quiet: true });
try {
  for (const dpr of [1, 2]) await shoot(sandbox, dpr);
} finally {
  await sandbox.close();
}
console.log(`screenshots of ${dist} in ${out}`);
