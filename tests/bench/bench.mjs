#!/usr/bin/env node
// "What a person feels": patdesk (C++/wasm/ImGui, dist/) against a plain-DOM peer page built
// on @azure/msal-browser (tests/bench/peer/), both signing in to the local sandbox and listing
// the same PATs, each measured in headless Chromium (SwiftShader) over several runs.
//
//   node tests/bench/bench.mjs [--runs 5] [--only patdesk|peer] [--sizes 100,1000,10000] [--dist DIR]
//
// Builds nothing of the app: it needs dist/ (bash scripts/build-web.sh). It does compile the
// small native decode benchmark (g++) into build/bench/. Writes test-results/bench.md.
// Not a pass/fail test: budgets are reported, the exit code is 0 unless the bench itself broke.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, copyFileSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { gzipSync, brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox } from '../../tools/sandbox/server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
let dist = path.join(repoRoot, 'dist');
const buildDir = path.join(repoRoot, 'build', 'bench');
const peerDir = path.join(buildDir, 'peer');

const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-gl=swiftshader', '--enable-unsafe-swiftshader'];
const VIEWPORT = { width: 1280, height: 800 };
const ORGS = ['contoso', 'fabrikam', 'org03', 'org04', 'org05', 'org06', 'org07', 'org08', 'org09', 'org10'];
const IDLE_MS = 10_000;

// ---------------------------------------------------------------- arguments
const args = process.argv.slice(2);
function arg(name, fallback) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}
if (args.includes('--help') || args.includes('-h')) {
  console.log('usage: node tests/bench/bench.mjs [--runs 5] [--only patdesk|peer] [--sizes 100,1000,10000] [--dist DIR]');
  process.exit(0);
}
const RUNS = Math.max(1, Number(arg('runs', 5)));
// Another built site (e.g. a copy of an older dist/) to compare against under the same load.
if (arg('dist', null)) dist = path.resolve(arg('dist'));
const ONLY = arg('only', null);
const SIZES = arg('sizes', '100,1000,10000').split(',').map(Number);
const BIG = Math.max(...SIZES);

if (!existsSync(path.join(dist, 'patdesk.wasm')) || !existsSync(path.join(dist, 'index.html'))) {
  console.error('dist/ is not built. Build it first:  bash scripts/build-web.sh');
  process.exit(2);
}
if (!existsSync(path.join(repoRoot, 'node_modules', '@azure', 'msal-browser'))) {
  console.error('@azure/msal-browser is missing. Install the npm packages first:  bash scripts/setup.sh  (or npm ci)');
  process.exit(2);
}

// ---------------------------------------------------------------- the peer page
// Copies tests/bench/peer/ and MSAL's browser-ready UMD build into build/bench/peer/. One
// patch: MSAL refuses a non-https authority, and the sandbox is plain http on 127.0.0.1, so
// its URI check also accepts http on loopback. Nothing else in MSAL is changed.
function preparePeer() {
  rmSync(peerDir, { recursive: true, force: true });
  mkdirSync(peerDir, { recursive: true });
  for (const f of readdirSync(path.join(here, 'peer'))) copyFileSync(path.join(here, 'peer', f), path.join(peerDir, f));
  const msalPath = path.join(repoRoot, 'node_modules/@azure/msal-browser/lib/msal-browser.min.js');
  const msal = readFileSync(msalPath, 'utf8');
  const check = /"https:"!==(\w+)\.Protocol\.toLowerCase\(\)/g;
  const hits = msal.match(check) || [];
  if (hits.length !== 1) throw new Error(`MSAL's https authority check not found exactly once (${hits.length}); update preparePeer()`);
  const patched = msal.replace(check, (m, v) => `${m}&&!/^(127\\.0\\.0\\.1|localhost)(:|$)/.test(${v}.HostNameAndPort)`);
  writeFileSync(path.join(peerDir, 'msal-browser.min.js'), patched);
  const version = JSON.parse(readFileSync(path.join(repoRoot, 'node_modules/@azure/msal-browser/package.json'), 'utf8')).version;
  return version;
}

// ---------------------------------------------------------------- native decode benchmark
function decodeBench() {
  mkdirSync(buildDir, { recursive: true });
  const exe = path.join(buildDir, 'decode_bench');
  execFileSync('g++', ['-std=c++17', '-O2', '-DNDEBUG', `-I${path.join(repoRoot, 'src')}`,
    path.join(here, 'decode_bench.cpp'), path.join(repoRoot, 'src/core/devops/decoders.cpp'),
    path.join(repoRoot, 'src/core/text/iso8601.cpp'), '-o', exe], { stdio: ['ignore', 'inherit', 'inherit'] });
  const results = [];
  for (let i = 0; i < 3; i++) results.push(JSON.parse(execFileSync(exe, { encoding: 'utf8' })));
  return results;
}

// ---------------------------------------------------------------- page drivers
// Both pages expose the same small surface to the bench.
const apps = {
  patdesk: {
    label: 'patdesk',
    // "Sign in with Microsoft" is in this frame's visible items.
    usable: () => window.patdesk && window.patdesk.items().some((i) => i.label === 'Sign in with Microsoft'),
    async clickSignIn(page) {
      const item = await page.waitForFunction(() => (window.patdesk && window.patdesk.items().find((i) => i.label === 'Sign in with Microsoft')) || null, null, { polling: 50, timeout: 30000 });
      const it = await item.jsonValue();
      await page.mouse.click(it.x + it.w / 2, it.y + it.h / 2);
    },
    stateExpr: 'window.patdesk.state()',
    // The list is on screen, not only in the state: the last drawn frame counts every row
    // ("N tokens shown"); a build from before that caption (--dist) shows a row of the list.
    drawnExpr: (total) => `((items) => { const shown = items.find((i) => /tokens? shown$/.test(i.label));
      if (shown) return shown.label.replace(/[^0-9]/g, '') === '${total}';
      const names = new Set(s.tokens.map((t) => t.name)); return items.some((i) => names.has(i.label)); })(window.patdesk.items())`,
    // The deferred half of the wasm, loaded after the first usable frame, is in place.
    settled: () => performance.getEntriesByName('patdesk:deferred-installed').length > 0,
    async wasmBytes(page) {
      return page.evaluate(() => (typeof wasmMemory !== 'undefined' ? wasmMemory.buffer.byteLength
        : (typeof HEAP8 !== 'undefined' ? HEAP8.length : 0)));
    },
    scrollPoint: { x: 640, y: 520 },
  },
  peer: {
    label: 'peer (MSAL.js + DOM)',
    usable: () => { const b = document.getElementById('signin'); return !!b && !b.hidden && b.offsetWidth > 0; },
    async clickSignIn(page) { await page.click('#signin', { timeout: 30000 }); },
    stateExpr: 'window.peer.state()',
    drawnExpr: () => 'true', // the DOM is updated with the state
    async wasmBytes() { return 0; },
    scrollPoint: { x: 640, y: 520 },
  },
};

// rAF accounting installed before any page script: counts callbacks, records their start
// times and durations (the main-thread work of each frame).
function rafProbe() {
  const raw = window.requestAnimationFrame.bind(window);
  const probe = { count: 0, starts: [], work: [], record: false, raw };
  window.__bench = probe;
  window.requestAnimationFrame = function (cb) {
    return raw(function (ts) {
      const t0 = performance.now();
      probe.count++;
      try { cb(ts); } finally {
        if (probe.record) { probe.starts.push(t0); probe.work.push(performance.now() - t0); }
      }
    });
  };
}

async function launch() {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'patdesk-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_FLAGS, viewport: VIEWPORT,
  });
  await context.addInitScript(rafProbe);
  const page = context.pages()[0] || await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
  const net = { finished: [] };
  cdp.on('Network.loadingFinished', (e) => net.finished.push({ id: e.requestId, bytes: e.encodedDataLength, t: e.timestamp }));
  const urls = new Map();
  const sentAt = new Map(); // request id -> wall clock (ms since the epoch) when it was sent
  cdp.on('Network.requestWillBeSent', (e) => { urls.set(e.requestId, e.request.url); if (!sentAt.has(e.requestId)) sentAt.set(e.requestId, e.wallTime * 1000); });
  net.urls = urls;
  net.sentAt = sentAt;
  return {
    page, cdp, net,
    async close() { await context.close().catch(() => {}); rmSync(userDataDir, { recursive: true, force: true }); },
  };
}

async function metrics(cdp) {
  const { metrics: m } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(m.map((x) => [x.name, x.value]));
}

async function control(sandbox, route, body, method = 'POST') {
  const res = await fetch(`${sandbox.urls.control}/${route}`, {
    method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`control ${route}: ${res.status} ${await res.text()}`);
  return res.headers.get('content-type')?.includes('json') ? res.json() : res.text();
}

async function resetSandbox(sandbox, total) {
  await control(sandbox, 'reset', {});
  await control(sandbox, 'identity', { autoSignIn: true });
  if (total > 0) {
    await control(sandbox, 'seed', { user: 'ada@contoso.example', organizations: ORGS, perOrganization: Math.round(total / ORGS.length),
      expiredFraction: 0, globalFraction: 0, revokedFraction: 0 });
  }
  await control(sandbox, 'requests', undefined, 'DELETE');
}

// Waits in the page (polled every `interval` ms) for a predicate; returns performance.now() then.
async function waitInPage(page, fnSource, { interval = 10, timeout = 120000 } = {}) {
  // A real function, not a string: a string predicate would need eval, which both pages' CSP forbid.
  // eslint-disable-next-line no-new-func
  const fn = new Function(`try { return (${fnSource})() ? performance.now() : 0; } catch (e) { return 0; }`);
  const handle = await page.waitForFunction(fn, null, { polling: interval, timeout });
  return handle.jsonValue();
}

// 1. Load: bytes until usable, time to usable, then idle cost over IDLE_MS with no input.
async function measureLoad(app, sandbox) {
  await resetSandbox(sandbox, 0);
  const b = await launch();
  try {
    const { page, cdp, net } = b;
    await page.goto(sandbox.urls.site, { waitUntil: 'commit' });
    const tUsable = await waitInPage(page, apps[app].usable.toString(), { interval: 5 });
    // "Until the first usable frame": every request the page sent before it (finished or not;
    // what it had received by then is not the question). patdesk marks that frame itself
    // ("ready": the first frame with items, web_main.cpp), which the 5 ms poll above can only
    // see a little later; the peer has no such mark, so its poll time stands.
    const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark')
      .filter((m) => m.name.startsWith('patdesk:')).map((m) => [m.name.slice(8), m.startTime])));
    const usableAt = marks.ready !== undefined ? Math.min(marks.ready, tUsable) : tUsable;
    // Then let what was requested after it arrive: patdesk's deferred wasm, installed in the
    // background (its bytes are reported separately, and idle is measured after it).
    // A site built before the split (an older dist/ passed with --dist) has no deferred half.
    const splitSite = app !== 'patdesk' || existsSync(path.join(dist, 'patdesk.deferred.wasm'));
    if (apps[app].settled && splitSite) await page.waitForFunction(apps[app].settled, null, { timeout: 60000 });
    await page.waitForTimeout(300);
    const cutoff = (await page.evaluate(() => performance.timeOrigin)) + usableAt;
    const bytesByUrl = {};
    const laterByUrl = {};
    let bytes = 0;
    let bytesLater = 0;
    for (const f of net.finished) {
      const name = path.basename(new URL(net.urls.get(f.id) || 'x:/?').pathname) || '/';
      if ((net.sentAt.get(f.id) ?? Infinity) <= cutoff) { bytesByUrl[name] = f.bytes; bytes += f.bytes; }
      else { laterByUrl[name] = f.bytes; bytesLater += f.bytes; }
    }
    // Idle: no input for IDLE_MS.
    await page.waitForTimeout(1000);
    const m0 = await metrics(cdp);
    const r0 = await page.evaluate(() => window.__bench.count);
    await page.waitForTimeout(IDLE_MS);
    const m1 = await metrics(cdp);
    const r1 = await page.evaluate(() => window.__bench.count);
    return {
      timeToUsableMs: tUsable, bytes, bytesByUrl, bytesLater, laterByUrl, marks,
      idleTaskMs: (m1.TaskDuration - m0.TaskDuration) * 1000,
      idleCpuPct: ((m1.TaskDuration - m0.TaskDuration) * 1000) / (m1.Timestamp - m0.Timestamp) / 10,
      idleRaf: r1 - r0,
    };
  } finally {
    await b.close();
  }
}

function classify(r) {
  const u = r.url;
  if (r.method === 'OPTIONS') return 'preflight';
  if (r.listener === 'site') return 'static';
  if (/\/oauth2\/v2\.0\/authorize/.test(u)) return 'authorize';
  if (/\/oauth2\/v2\.0\/token/.test(u)) return 'token';
  if (/openid-configuration|discovery/.test(u)) return 'metadata';
  if (/\/_apis\/profile\/profiles/.test(u)) return 'profile';
  if (/\/_apis\/accounts/.test(u)) return 'accounts';
  if (/\/_apis\/tokens\/pats/.test(u)) return 'list';
  return 'other';
}

// 2. Sign in with `total` PATs seeded across 10 organizations: list time, round trips,
//    memory, and (for the largest size) frame times while scrolling the table.
async function measureList(app, sandbox, total, { scroll = false } = {}) {
  await resetSandbox(sandbox, total);
  const b = await launch();
  try {
    const { page, cdp } = b;
    const expr = apps[app].stateExpr;
    await page.goto(sandbox.urls.site, { waitUntil: 'commit' });
    await waitInPage(page, apps[app].usable.toString(), { interval: 20 });
    const wallClick = Date.now();
    await apps[app].clickSignIn(page);
    // Back from the redirect: wait for sign-in completion, then for every row.
    const tSigned = await waitInPage(page, `() => ${expr}.signedIn`, { interval: 10 });
    const tListed = await waitInPage(page, `() => { const s = ${expr}; return s.tokens.length === ${total} && s.organizations.length >= ${ORGS.length} && !s.organizations.some((o) => o.loading) && ${apps[app].drawnExpr(total)}; }`, { interval: 10 });
    // Click → every row listed, across the round trip to the identity provider: wall clock
    // of the click against the (new) page's own clock when the last row was there.
    const clickToListMs = (await page.evaluate(() => performance.timeOrigin)) + tListed - wallClick;
    const log = await control(sandbox, 'requests', undefined, 'GET');
    const entries = Array.isArray(log) ? log : log.requests;
    const firstList = entries.findIndex((r) => classify(r) === 'list');
    const upToFirstList = entries.slice(0, firstList + 1);
    const kinds = {};
    for (const r of upToFirstList) kinds[classify(r)] = (kinds[classify(r)] || 0) + 1;
    const all = {};
    for (const r of entries) all[classify(r)] = (all[classify(r)] || 0) + 1;
    await page.waitForTimeout(500);
    await cdp.send('HeapProfiler.collectGarbage');
    const m = await metrics(cdp);
    const wasm = await apps[app].wasmBytes(page);
    const out = {
      listMs: tListed - tSigned, clickToListMs, jsHeap: m.JSHeapUsedSize, wasm, nodes: m.Nodes,
      roundTrips: { toFirstList: kinds, apiToFirstList: upToFirstList.filter((r) => !['static', 'preflight'].includes(classify(r))).length,
        preflightsToFirstList: kinds.preflight || 0, all },
    };
    if (scroll) out.scroll = await measureScroll(app, page);
    return out;
  } finally {
    await b.close();
  }
}

// Wheel events over the table (real input events through CDP), while a rAF loop samples the
// frame cadence; the rAF probe also records how long the page's own frame callbacks take.
async function measureScroll(app, page) {
  const p = apps[app].scrollPoint;
  await page.mouse.move(p.x, p.y);
  const before = await page.evaluate(() => (window.peer ? document.scrollingElement.scrollTop : JSON.stringify(window.patdesk.items().slice(0, 40).map((i) => i.y))));
  await page.evaluate(() => {
    const b = window.__bench; b.starts = []; b.work = []; b.record = true;
    b.ticks = []; b.sampling = true;
    const raw = b.raw;
    const tick = (ts) => { b.ticks.push(performance.now()); if (b.sampling) raw(tick); };
    raw(tick);
  });
  const t0 = Date.now();
  let events = 0;
  while (Date.now() - t0 < 3000) {
    await page.mouse.wheel(0, 60);
    events++;
    await new Promise((r) => setTimeout(r, 8));
  }
  const res = await page.evaluate(() => {
    const b = window.__bench; b.record = false; b.sampling = false;
    const iv = []; for (let i = 1; i < b.ticks.length; i++) iv.push(b.ticks[i] - b.ticks[i - 1]);
    return { intervals: iv, work: b.work.slice() };
  });
  const after = await page.evaluate(() => (window.peer ? document.scrollingElement.scrollTop : JSON.stringify(window.patdesk.items().slice(0, 40).map((i) => i.y))));
  const q = (a, p) => { if (!a.length) return NaN; const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
  return {
    events, frames: res.intervals.length + 1, scrolled: before !== after,
    intervalP50: q(res.intervals, 0.5), intervalP95: q(res.intervals, 0.95),
    longFrames: res.intervals.filter((x) => x > 20).length,
    workP50: q(res.work, 0.5), workP95: q(res.work, 0.95), appFrames: res.work.length,
  };
}

// ---------------------------------------------------------------- statistics + report
const median = (a) => { const s = a.filter((x) => Number.isFinite(x)).sort((x, y) => x - y); if (!s.length) return NaN; const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const range = (a) => { const s = a.filter((x) => Number.isFinite(x)); return s.length ? [Math.min(...s), Math.max(...s)] : [NaN, NaN]; };
function stat(values, fmt) {
  const [lo, hi] = range(values);
  const m = median(values);
  if (!Number.isFinite(m)) return { m, text: 'n/a' };
  return { m, text: values.length > 1 && lo !== hi ? `${fmt(m)} (${fmt(lo)}–${fmt(hi)})` : fmt(m) };
}
const kb = (x) => `${(x / 1024).toFixed(1)} KB`;
const mb = (x) => `${(x / 1048576).toFixed(1)} MB`;
const ms = (x) => `${x >= 100 ? Math.round(x) : x.toFixed(1)} ms`;
const num = (x) => `${Math.round(x)}`;
const pct = (x) => `${x.toFixed(2)} %`;
const bytesFmt = (x) => `${Math.round(x).toLocaleString('en')} B`;

async function main() {
  const msalVersion = preparePeer();
  console.log(`patdesk benchmark: ${RUNS} run(s) per page, sizes ${SIZES.join('/')}, ${cpus().length} cores, headless Chromium + SwiftShader`);
  console.log(`peer: @azure/msal-browser ${msalVersion} (build/bench/peer)`);
  const decode = decodeBench();
  console.log(`native decode: ${decode.map((d) => d.mbPerSec).join(', ')} MB/s`);

  const sandboxes = {
    patdesk: await startSandbox({ host: '127.0.0.1', sitePort: 0, idPort: 0, profilePort: 0, tokensPort: 0, dist, autoSignIn: true, quiet: true }),
    peer: await startSandbox({ host: '127.0.0.1', sitePort: 0, idPort: 0, profilePort: 0, tokensPort: 0, dist: peerDir, autoSignIn: true, quiet: true }),
  };
  const results = { patdesk: { load: [], list: {} }, peer: { load: [], list: {} } };
  const which = ONLY ? [ONLY] : ['patdesk', 'peer'];
  try {
    for (let run = 1; run <= RUNS; run++) {
      for (const app of which) {
        const l = await measureLoad(app, sandboxes[app]);
        results[app].load.push(l);
        console.log(`[${app} run ${run}] usable ${ms(l.timeToUsableMs)}, ${l.bytes} B, idle ${ms(l.idleTaskMs)} task time, ${l.idleRaf} rAF` +
          (Object.keys(l.marks).length ? `; marks ${Object.entries(l.marks).map(([k, t]) => `${k} ${Math.round(t)}`).join(', ')}` : ''));
        for (const n of SIZES) {
          const r = await measureList(app, sandboxes[app], n, { scroll: n === BIG });
          (results[app].list[n] ||= []).push(r);
          console.log(`[${app} run ${run}] ${n} PATs: click → list ${ms(r.clickToListMs)}, listed in ${ms(r.listMs)}, JS heap ${mb(r.jsHeap)}, wasm ${mb(r.wasm)}, api round trips to first list ${r.roundTrips.apiToFirstList} (+${r.roundTrips.preflightsToFirstList} preflights)` +
            (r.scroll ? `, scroll frame p50 ${ms(r.scroll.intervalP50)} p95 ${ms(r.scroll.intervalP95)}, app work p95 ${ms(r.scroll.workP95)}, moved ${r.scroll.scrolled}` : ''));
        }
      }
    }
  } finally {
    await sandboxes.patdesk.close();
    await sandboxes.peer.close();
  }
  report(results, decode, msalVersion);
}

function markMedians(loads) {
  const names = [...new Set(loads.flatMap((l) => Object.keys(l.marks || {})))];
  const all = names.map((n) => [n, median(loads.map((l) => (l.marks || {})[n]).filter((x) => x !== undefined))]);
  return all.sort((a, b) => a[1] - b[1]).map(([n, t]) => `${n} ${Math.round(t)}`).join(', ') || 'none recorded';
}

// What a host that serves precompressed files (the .gz / .br siblings in dist/) sends.
function distSizes() {
  const files = ['index.html', 'shell.js', 'a11y_mirror.js', 'style.css', 'patdesk.js', 'patdesk.wasm', 'patdesk.deferred.wasm'];
  let raw = 0, gz = 0, br = 0;
  const parts = files.filter((f) => existsSync(path.join(dist, f))).map((f) => {
    const buf = readFileSync(path.join(dist, f));
    const g = gzipSync(buf, { level: 9 }).length;
    const b = brotliCompressSync(buf, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length;
    raw += buf.length; gz += g; br += b;
    return `${f} ${buf.length} / ${g} / ${b}`;
  });
  return `${parts.join(', ')}; total ${raw} / ${gz} / ${br}`;
}

function report(results, decode, msalVersion) {
  const rows = [];
  const get = (app, f) => f(results[app]);
  function row(name, f, fmt, { lowerIsBetter = true } = {}) {
    const a = stat(get('patdesk', f), fmt); const b = stat(get('peer', f), fmt);
    const ratio = Number.isFinite(a.m) && Number.isFinite(b.m) && b.m !== 0 ? `${(a.m / b.m).toFixed(2)}×` : '—';
    rows.push([name, a.text, b.text, ratio]);
    void lowerIsBetter;
    return { patdesk: a.m, peer: b.m };
  }
  const L = (k) => (r) => r.load.map((x) => x[k]);
  const N = (n, f) => (r) => (r.list[n] || []).map(f);
  const v = {};
  v.bytes = row('Bytes to first usable frame (gzip, transferred)', L('bytes'), bytesFmt);
  v.bytesLater = row('  + bytes requested after it (gzip, transferred)', L('bytesLater'), bytesFmt);
  v.ttu = row('Time to usable (navigation → "Sign in with Microsoft")', L('timeToUsableMs'), ms);
  v.idleTask = row(`Idle main-thread task time over ${IDLE_MS / 1000} s`, L('idleTaskMs'), ms);
  v.idleCpu = row('Idle CPU (% of one core)', L('idleCpuPct'), pct);
  v.idleRaf = row(`Idle animation frames over ${IDLE_MS / 1000} s`, L('idleRaf'), num);
  for (const n of SIZES) {
    v[`click${n}`] = row(`Sign-in click → ${n.toLocaleString('en')} PATs listed`, N(n, (x) => x.clickToListMs), ms);
    v[`list${n}`] = row(`List ${n.toLocaleString('en')} PATs (sign-in done → all rows)`, N(n, (x) => x.listMs), ms);
    v[`heap${n}`] = row(`  JS heap with ${n.toLocaleString('en')} PATs`, N(n, (x) => x.jsHeap), mb);
    v[`wasm${n}`] = row(`  wasm memory with ${n.toLocaleString('en')} PATs`, N(n, (x) => x.wasm), mb);
    v[`mem${n}`] = row(`  JS heap + wasm with ${n.toLocaleString('en')} PATs`, N(n, (x) => x.jsHeap + x.wasm), mb);
  }
  v.scrollP50 = row(`Scroll ${BIG.toLocaleString('en')} rows: frame interval p50`, N(BIG, (x) => x.scroll.intervalP50), ms);
  v.scrollP95 = row(`Scroll ${BIG.toLocaleString('en')} rows: frame interval p95`, N(BIG, (x) => x.scroll.intervalP95), ms);
  v.scrollLong = row('Scroll: frames > 20 ms (of ~180)', N(BIG, (x) => x.scroll.longFrames), num);
  v.scrollWork = row('Scroll: page frame-callback work p95', N(BIG, (x) => x.scroll.workP95), ms);
  v.rtApi = row('API round trips, page load → first PAT list', N(SIZES[0], (x) => x.roundTrips.apiToFirstList), num);
  v.rtPre = row('  + CORS preflights before the first list', N(SIZES[0], (x) => x.roundTrips.preflightsToFirstList), num);
  const kinds = (app) => (results[app].list[SIZES[0]] || [])[0]?.roundTrips.toFirstList || {};
  const decodeMb = median(decode.map((d) => d.mbPerSec));
  rows.push([`Native decode, 100-page list (${(decode[0].bytes / 1e6).toFixed(1)} MB, g++ -O2)`, `${decodeMb.toFixed(1)} MB/s`, '—', '—']);

  const budgets = [
    ['Bytes ≤ 250,000 gzip (stretch 180,000)', v.bytes.patdesk <= 250000, bytesFmt(v.bytes.patdesk)],
    ['Time to usable ≤ 1.5× peer (stretch 1.0×)', v.ttu.patdesk <= 1.5 * v.ttu.peer, `${ms(v.ttu.patdesk)} vs ${ms(v.ttu.peer)} (${(v.ttu.patdesk / v.ttu.peer).toFixed(2)}×)`],
    [`Sign-in click → ${SIZES[0].toLocaleString('en')} PATs listed ≤ 1.0× peer`, v[`click${SIZES[0]}`].patdesk <= v[`click${SIZES[0]}`].peer,
      `${ms(v[`click${SIZES[0]}`].patdesk)} vs ${ms(v[`click${SIZES[0]}`].peer)} (${(v[`click${SIZES[0]}`].patdesk / v[`click${SIZES[0]}`].peer).toFixed(2)}×)`],
    ['Idle: zero animation frames', v.idleRaf.patdesk === 0, `${num(v.idleRaf.patdesk)} frames / 10 s`],
    ['Idle: < 1 % of one core', v.idleCpu.patdesk < 1, pct(v.idleCpu.patdesk)],
    // Issue 13's budget is the page's own work per frame; the frame cadence (which software GL
    // sets: the canvas is rasterised and read back on the CPU) is the stricter row below it.
    [`Scroll ${BIG.toLocaleString('en')} rows: page frame work p95 < 16 ms`, v.scrollWork.patdesk < 16,
      `work p95 ${ms(v.scrollWork.patdesk)}`],
    [`Scroll ${BIG.toLocaleString('en')} rows: no frame interval > 20 ms (cadence)`, v.scrollLong.patdesk === 0,
      `interval p50 ${ms(v.scrollP50.patdesk)} / p95 ${ms(v.scrollP95.patdesk)}, ${num(v.scrollLong.patdesk)} frames > 20 ms`],
    [`wasm memory ≤ 64 MB with ${BIG.toLocaleString('en')} PATs`, v[`wasm${BIG}`].patdesk <= 64 * 1048576, mb(v[`wasm${BIG}`].patdesk)],
    ['Round trips at the minimum (authorize, token, profile, accounts, list)', v.rtApi.patdesk <= 5,
      `${num(v.rtApi.patdesk)} API requests + ${num(v.rtPre.patdesk)} preflights`],
  ];
  const bytesDetail = (app) => Object.entries(results[app].load[0]?.bytesByUrl || {}).map(([k, x]) => `${k} ${kb(x)}`).join(', ');

  const header = ['Metric (median, range over runs)', 'patdesk', `peer (MSAL.js ${msalVersion})`, 'patdesk / peer'];
  const md = [];
  md.push(`# patdesk benchmark`, '');
  md.push(`${new Date().toISOString()} · ${RUNS} run(s) per page · ${cpus().length} cores (${cpus()[0]?.model?.trim()}) · headless Chromium ${CHROMIUM_FLAGS.includes('--use-gl=swiftshader') ? '+ SwiftShader (software GL)' : ''} · viewport ${VIEWPORT.width}×${VIEWPORT.height}`, '');
  md.push(`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`);
  for (const r of rows) md.push(`| ${r.join(' | ')} |`);
  md.push('', '## Budgets (patdesk)', '', '| budget | measured | met |', '|---|---|---|');
  for (const [b, ok, val] of budgets) md.push(`| ${b} | ${val} | ${ok ? 'yes' : '**no**'} |`);
  md.push('', '## Details', '');
  md.push(`- Bytes, patdesk (run 1): ${bytesDetail('patdesk')}; requested after the first usable frame: ${Object.entries(results.patdesk.load[0]?.laterByUrl || {}).map(([k, x]) => `${k} ${kb(x)}`).join(', ') || 'nothing'}`);
  md.push(`- Load timeline, patdesk (performance.marks, ms after navigation, median of runs): ${markMedians(results.patdesk.load)}`);
  md.push(`- dist/ files (bytes: raw / gzip -9 / brotli -q 11): ${distSizes()}`);
  md.push(`- Bytes, peer (run 1): ${bytesDetail('peer')}`);
  md.push(`- Requests to the first list, patdesk: ${JSON.stringify(kinds('patdesk'))}; peer: ${JSON.stringify(kinds('peer'))}`);
  md.push(`- Native decode runs: ${decode.map((d) => `${d.mbPerSec} MB/s (${d.msPerList} ms/list)`).join(', ')}`);
  const text = md.join('\n') + '\n';
  mkdirSync(path.join(repoRoot, 'test-results'), { recursive: true });
  writeFileSync(path.join(repoRoot, 'test-results', 'bench.md'), text);
  console.log('\n' + text);
  console.log('written: test-results/bench.md');
}

main().catch((e) => { console.error(e); process.exit(1); });
