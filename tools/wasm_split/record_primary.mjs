// Records which wasm functions patdesk's first screens run, and writes their hashes to
// tools/wasm_split/primary_functions.txt: the build keeps exactly those in patdesk.wasm and
// moves the rest to patdesk.deferred.wasm (README "Performance", first-load bytes).
//
//   bash scripts/build-web.sh && node tools/wasm_split/record_primary.mjs [--build DIR] [--dist DIR]
//   (then build again: the new list takes effect at the next link)
//
// It serves dist/ with the build's *instrumented* module (build/web/patdesk.wasm, written by
// -sSPLIT_MODULE next to patdesk.wasm.orig), walks the signed-out start in headless Chromium
// (sign-in screen drawn, every item hovered, the tenant field typed into, "Sign in with
// Microsoft" clicked up to the redirect), reads the module's profile (__write_profile), and
// lets wasm-split name the functions that ran. Re-run it after changing what the sign-in
// screen does; a stale list only costs bytes (the build prints how stale it is).
import { cpSync, mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startAll, openApp, items, settle } from '../../tests/e2e/harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const option = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return path.resolve(at > 0 ? process.argv[at + 1] : fallback);
};
const build = option('--build', path.join(root, 'build', 'web'));
const dist = option('--dist', path.join(root, 'dist'));
const work = mkdtempSync(path.join(tmpdir(), 'patdesk-split-'));
const FEATURES = ['--enable-exception-handling', '--enable-sign-ext', '--enable-mutable-globals', '--enable-bulk-memory'];

try {
  const site = path.join(work, 'site');
  cpSync(dist, site, { recursive: true });
  for (const f of ['patdesk.wasm.gz', 'patdesk.wasm.br', 'patdesk.deferred.wasm', 'patdesk.deferred.wasm.gz', 'patdesk.deferred.wasm.br']) {
    rmSync(path.join(site, f), { force: true });
  }
  copyFileSync(path.join(build, 'patdesk.wasm'), path.join(site, 'patdesk.wasm')); // instrumented, whole

  const env = await startAll({ autoSignIn: false, sandboxOptions: { dist: site } });
  let profile;
  try {
    const { page } = await openApp(env);
    await page.waitForFunction(() => window.patdesk.items().length > 0);
    await settle(page);
    for (const it of await items(page)) {
      await page.mouse.move(it.x + it.w / 2, it.y + it.h / 2);
      await settle(page);
    }
    const tenant = (await items(page)).find((i) => /^Tenant/.test(i.label));
    if (!tenant) throw new Error('no tenant field on the sign-in screen');
    await page.mouse.click(tenant.x + 5, tenant.y + tenant.h / 2);
    await page.keyboard.type('contoso.onmicrosoft.com');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Tab');
    await settle(page);
    // The click runs everything up to the redirect; a 204 answer keeps this page (and its profile).
    await page.route(/\/oauth2\/v2\.0\/authorize/, (route) => route.fulfill({ status: 204 }));
    const signIn = (await items(page)).find((i) => i.label === 'Sign in with Microsoft');
    await page.mouse.click(signIn.x + signIn.w / 2, signIn.y + signIn.h / 2);
    await page.waitForTimeout(500);
    profile = Buffer.from(await page.evaluate(() => {
      const size = 1 << 20;
      const at = Module._malloc(size);
      const length = Module.asm.__write_profile(at, size);
      return Array.from(HEAPU8.subarray(at, at + length));
    }));
  } finally {
    await env.close();
  }

  const profilePath = path.join(work, 'primary.prof');
  writeFileSync(profilePath, profile);
  const verbose = execFileSync('wasm-split', [path.join(build, 'patdesk.wasm.orig'), `--profile=${profilePath}`,
    '-o1', path.join(work, 'p.wasm'), '-o2', path.join(work, 'd.wasm'), '-v', ...FEATURES], { encoding: 'latin1', maxBuffer: 64 << 20 });
  const keptLine = verbose.split('\n').find((l) => l.startsWith('Keeping functions: '));
  if (!keptLine) throw new Error('wasm-split printed no "Keeping functions" line');
  const kept = keptLine.slice('Keeping functions: '.length).split(', ').filter(Boolean);
  const hashes = [...new Set(kept.map((n) => createHash('sha1').update(Buffer.from(n, 'latin1')).digest('hex').slice(0, 16)))].sort();
  const out = path.join(root, 'tools', 'wasm_split', 'primary_functions.txt');
  writeFileSync(out, '# Functions patdesk.wasm keeps (sha1 of the binaryen name, 16 hex digits), recorded by\n' +
    '# tools/wasm_split/record_primary.mjs; everything else goes to patdesk.deferred.wasm.\n' + hashes.join('\n') + '\n');
  console.log(`${hashes.length} functions recorded in ${path.relative(root, out)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
