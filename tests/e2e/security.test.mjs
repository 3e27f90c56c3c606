// Hardening audit (issue "Hardening"):
//  1. the page runs under its CSP sent as a real header, with zero violations over the whole
//     journey (sign-in → create → copy → rotate → copy → sign-out);
//  2. no secret (access, refresh or id token, PAT value) is left at rest anywhere the browser
//     keeps things, nor in the console, the URL, history, state() or items();
//  3. no secret is left in the wasm heap: after "Done" on the copy-once panel the PAT's bytes
//     are gone, and after sign-out no token's bytes remain.
// The figures measured here are quoted in README "Security".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sandboxControl, startAll, openApp, click, typeInto, scrollToAndClick, waitForState, items, screenshot, browserAtRest, repoRoot } from './harness.mjs';
import { cspFromHtml } from '../../tools/sandbox/static.mjs';

let env;
const violations = [];   // every securitypolicyviolation on every page the tab showed

before(async () => {
  env = await startAll({ autoSignIn: true, sandboxOptions: { cspHeader: true } });
  // Reported through a binding as well as window.__violations: sign-in navigates away and back,
  // and a page's own array dies with it.
  await env.browser.exposeBinding('__patdeskReportViolation', (source, v) => { violations.push({ ...v, page: source.frame.url() }); });
  await env.browser.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      const v = { directive: e.effectiveDirective || e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber, sample: e.sample, disposition: e.disposition };
      window.__violations.push(v);
      try { window.__patdeskReportViolation(v); } catch (err) { /* binding not ready */ }
    });
  });
});
after(async () => { await env?.close(); });

// Sandbox control API, shared with the other e2e files (harness.mjs).
const control = (p, body, method) => sandboxControl(env)(p, body, method);

function directives(csp) {
  const out = new Map();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), values);
  }
  return out;
}

// The rules the policy must meet wherever it is written (meta tag, header, hosting samples).
function assertStrictPolicy(csp, where, { needFrameAncestors }) {
  const d = directives(csp);
  const scriptSrc = d.get('script-src') || d.get('default-src');
  assert.ok(scriptSrc, `${where}: script-src`);
  assert.ok(!scriptSrc.includes("'unsafe-inline'"), `${where}: no 'unsafe-inline' for scripts`);
  assert.ok(!scriptSrc.includes("'unsafe-eval'"), `${where}: no 'unsafe-eval' for scripts`);
  assert.ok(scriptSrc.includes("'wasm-unsafe-eval'"), `${where}: 'wasm-unsafe-eval' for the wasm`);
  assert.deepEqual(d.get('default-src'), ["'none'"], `${where}: default-src 'none'`);
  assert.deepEqual(d.get('base-uri'), ["'none'"], `${where}: base-uri 'none'`);
  assert.deepEqual(d.get('object-src'), ["'none'"], `${where}: object-src 'none'`);
  assert.deepEqual(d.get('form-action'), ["'none'"], `${where}: form-action 'none'`);
  if (needFrameAncestors) assert.deepEqual(d.get('frame-ancestors'), ["'none'"], `${where}: frame-ancestors 'none'`);
  else assert.ok(!d.has('frame-ancestors'), `${where}: frame-ancestors is ignored in a meta tag, it belongs in the header`);
  return d;
}

test('the CSP is strict in the meta tag, in the header and in the hosting samples', async () => {
  const metaCsp = cspFromHtml(readFileSync(path.join(repoRoot, 'web', 'index.html'), 'utf8'));
  assert.ok(metaCsp, 'index.html has a CSP meta tag');
  assertStrictPolicy(metaCsp, 'meta CSP', { needFrameAncestors: false });

  const res = await fetch(env.sandbox.urls.site);
  const header = res.headers.get('content-security-policy');
  assert.ok(header, 'the sandbox sends the CSP as a header');
  assertStrictPolicy(header, 'CSP header', { needFrameAncestors: true });

  // Hosting samples: the same policy plus frame-ancestors, connect-src narrowed to the real hosts.
  const hosts = ["'self'", 'https://login.microsoftonline.com', 'https://app.vssps.visualstudio.com', 'https://vssps.dev.azure.com'];
  const swa = JSON.parse(readFileSync(path.join(repoRoot, 'hosting', 'staticwebapp.config.json'), 'utf8'));
  const h = swa.globalHeaders;
  const swaCsp = assertStrictPolicy(h['Content-Security-Policy'], 'staticwebapp.config.json', { needFrameAncestors: true });
  assert.deepEqual(swaCsp.get('connect-src'), hosts);
  assert.equal(h['X-Frame-Options'], 'DENY');
  assert.equal(h['Referrer-Policy'], 'no-referrer');
  assert.equal(h['X-Content-Type-Options'], 'nosniff');
  assert.ok(h['Permissions-Policy']);
  assert.equal(swa.mimeTypes['.wasm'], 'application/wasm');

  const nginx = readFileSync(path.join(repoRoot, 'hosting', 'nginx.conf'), 'utf8');
  const nginxCsp = /add_header\s+Content-Security-Policy\s+"([^"]+)"/.exec(nginx)?.[1];
  assert.ok(nginxCsp, 'nginx.conf sets the CSP header');
  assert.deepEqual(assertStrictPolicy(nginxCsp, 'nginx.conf', { needFrameAncestors: true }).get('connect-src'), hosts);
  for (const re of [/X-Frame-Options\s+"?DENY/, /Referrer-Policy\s+"?no-referrer/, /X-Content-Type-Options\s+"?nosniff/, /Permissions-Policy/, /application\/wasm\s+wasm/, /gzip\s+on/]) {
    assert.match(nginx, re);
  }
});

// Counts, in the wasm heap (linear memory: heap, stack and statics), every occurrence of each
// secret's UTF-8 bytes, and of a 24-byte piece of its middle (a partial copy).
async function heapHits(page, secrets) {
  return page.evaluate((secrets) => {
    const heap = typeof HEAPU8 !== 'undefined' ? HEAPU8 : Module.HEAPU8;
    // One byte = one char (windows-1252 maps every byte to one UTF-16 unit), so indices line up
    // and String.indexOf does the search fast.
    const text = new TextDecoder('latin1').decode(heap);
    const count = (needle) => { let n = 0; for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) n++; return n; };
    return { heapBytes: heap.length, hits: secrets.map((s) => ({ whole: count(s), piece: count(s.slice(Math.floor(s.length / 2) - 12, Math.floor(s.length / 2) + 12)) })) };
  }, secrets);
}

function watchSecrets(page) {
  const found = { access: new Set(), refresh: new Set(), id: new Set(), pat: new Set() };
  page.on('response', async (res) => {
    if (!/oauth2\/v2\.0\/token|_apis\/tokens\/pats/.test(res.url())) return;
    try {
      const body = await res.json();
      if (body.access_token) found.access.add(body.access_token);
      if (body.refresh_token) found.refresh.add(body.refresh_token);
      if (body.id_token) found.id.add(body.id_token);
      if (body.patToken?.token) found.pat.add(body.patToken.token);
    } catch { /* not JSON, or the page went away */ }
  });
  return found;
}

test('the whole journey under the CSP header: zero violations, nothing at rest, nothing left in the wasm heap', async () => {
  await control('reset', {});
  await control('identity', { autoSignIn: true });
  const page = env.browser.pages()[0] || await env.browser.newPage();
  const secrets = watchSecrets(page);
  const { log } = await openApp(env);
  const report = {};

  // Sign in.
  await click(page, 'Sign in with Microsoft');
  await waitForState(page, 's => s.signedIn && s.organizations.length === 2 && !s.busy');

  // Create a Code (Read & write) token for 30 days, copy it, Done.
  await click(page, 'New token');
  await typeInto(page, 'Name', 'security-audit');
  await click(page, '30 days');
  await click(page, 'Custom defined');
  await typeInto(page, 'Filter scopes', 'code');
  await scrollToAndClick(page, 'Code: Read & write', 'Filter scopes');
  await click(page, 'Create');
  await waitForState(page, 's => s.panel === "secret" && !s.busy');
  const sandboxTokens = async () => (await control('state', undefined, 'GET')).tokens;
  const first = (await sandboxTokens()).find((t) => t.displayName === 'security-audit');
  assert.ok(first, 'the sandbox holds the new token');
  secrets.pat.add(first.token);
  await click(page, 'Copy');
  await waitForState(page, 's => s.secretCopied');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), first.token);
  await click(page, 'Done');
  await waitForState(page, 's => s.panel === "none"');
  report.afterFirstDone = await heapHits(page, [first.token]);

  // Rotate it: a new secret, copied, Done.
  await typeInto(page, 'Search', 'security-audit');
  await waitForState(page, 's => s.visibleTokenCount === 1');
  await click(page, 'Rotate');
  await waitForState(page, 's => s.panel === "confirmRotate"');
  await click(page, 'Rotate');
  await waitForState(page, 's => s.panel === "secret" && !s.busy');
  const second = (await sandboxTokens()).find((t) => t.displayName === 'security-audit' && t.authorizationId !== first.authorizationId);
  assert.ok(second, 'the sandbox holds the replacement');
  secrets.pat.add(second.token);
  await click(page, 'Copy');
  await waitForState(page, 's => s.secretCopied');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), second.token);
  // Reveal it once too: the drawn text must not leave a copy behind either.
  await click(page, 'Reveal');
  await click(page, 'Hide');
  await click(page, 'Done');
  await waitForState(page, 's => s.panel === "none"');
  report.afterSecondDone = await heapHits(page, [first.token, second.token]);
  const stateWhileSignedIn = JSON.stringify(await page.evaluate(() => window.patdesk.state()));
  const itemsWhileSignedIn = JSON.stringify(await items(page));

  // Sign out.
  await click(page, 'Sign out');
  await waitForState(page, 's => !s.signedIn && s.screen === "signIn"');
  await screenshot(page, 'security-signed-out');

  const named = [
    ...[...secrets.access].map((v) => ['access token', v]),
    ...[...secrets.refresh].map((v) => ['refresh token', v]),
    ...[...secrets.id].map((v) => ['id token', v]),
    ...[...secrets.pat].map((v) => ['PAT', v]),
  ];
  assert.ok(secrets.access.size >= 1 && secrets.refresh.size >= 1 && secrets.id.size >= 1, 'the audit saw the tokens it looks for');
  assert.equal(secrets.pat.size, 2, 'the audit saw both PATs');

  // At rest: storage, IndexedDB, Cache Storage, cookies, location, history, console, state(), items().
  const rest = await browserAtRest(page);
  rest.items = JSON.stringify(await items(page));
  rest.stateWhileSignedIn = stateWhileSignedIn;
  rest.itemsWhileSignedIn = itemsWhileSignedIn;
  rest.console = JSON.stringify(log.console);
  rest.pageErrors = JSON.stringify(log.errors);
  const atRest = [];
  for (const [kind, value] of named) {
    for (const [where, text] of Object.entries(rest)) if (String(text).includes(value)) atRest.push(`${kind} in ${where}`);
  }
  report.secretsAtRest = atRest.length;
  assert.deepEqual(atRest, [], 'no secret at rest');
  assert.equal(rest.indexedDB, '[]', 'no IndexedDB database at all');
  assert.equal(rest.caches, '[]', 'no Cache Storage');
  assert.equal(rest.cookies, '', 'no cookie');
  assert.equal(rest.localStorage, '{}', 'nothing in localStorage');
  assert.equal(rest.sessionStorage, '{}', 'the PKCE entry is gone from sessionStorage');
  assert.ok(!/[#?&](code|state|error|access_token|id_token)=/.test(rest.location), `the URL is clean: ${rest.location}`);
  report.historyLength = rest.historyLength;

  // The wasm heap after sign-out: no token, no PAT.
  report.afterSignOut = await heapHits(page, named.map(([, v]) => v));
  report.kinds = named.map(([k]) => k);
  console.log(`security audit: ${JSON.stringify(report)}`);
  const hitsOf = (r) => r.hits.reduce((n, h) => n + h.whole + h.piece, 0);
  assert.equal(hitsOf(report.afterFirstDone), 0, `the first PAT is gone from the wasm heap after Done: ${JSON.stringify(report.afterFirstDone)}`);
  assert.equal(hitsOf(report.afterSecondDone), 0, `no PAT is left in the wasm heap after Done: ${JSON.stringify(report.afterSecondDone)}`);
  assert.equal(hitsOf(report.afterSignOut), 0, `no secret is left in the wasm heap after sign-out: ${JSON.stringify(report.afterSignOut)}`);

  // History: walk back through every entry this tab has; none may carry an auth response or a secret.
  const urls = [page.url()];
  for (let i = 0; i < rest.historyLength; i++) {
    const res = await page.goBack({ waitUntil: 'commit' }).catch(() => null);
    if (!res && urls.includes(page.url())) break;
    urls.push(page.url());
  }
  for (const u of urls) {
    assert.ok(!/[#?&](code|access_token|id_token|refresh_token)=/.test(u), `a history entry carries an auth response: ${u}`);
    for (const [kind, value] of named) assert.ok(!u.includes(value), `${kind} in a history entry`);
  }

  // CSP: nothing was refused on any page of the journey.
  const pageViolations = await page.evaluate(() => window.__violations || []).catch(() => []);
  const cspConsole = log.console.filter((m) => /Content Security Policy/i.test(m.text));
  console.log(`security audit: CSP violations ${violations.length} (binding), ${pageViolations.length} (last page), ${cspConsole.length} console CSP messages`);
  assert.deepEqual(violations, [], 'no CSP violation over the journey');
  assert.deepEqual(cspConsole, [], 'no CSP message in the console');
  assert.deepEqual(log.errors, []);
});
