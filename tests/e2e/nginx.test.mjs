// The nginx sample, tested with a real nginx (Debian's): a copy of dist/ configured by
// scripts/configure-site.sh, served by hosting/nginx.conf as generated (listen/root moved to a
// loopback port and a temp folder, nothing else changed), `nginx -t` first; then the journey
// runs under its headers with zero CSP violations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot, startAll, sandboxControl, openApp, click, typeInto, waitForState, screenshot } from './harness.mjs';

const NGINX = process.env.NGINX || '/usr/sbin/nginx';
const work = mkdtempSync(path.join(tmpdir(), 'patdesk-nginx-'));
const site = path.join(work, 'site');
let env;
let nginx;
let port;

const freePort = () => new Promise((resolve, reject) => {
  const s = createServer();
  s.once('error', reject);
  s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
});

async function waitForPort(p, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try { await fetch(`http://127.0.0.1:${p}/`); return; } catch (e) {
      if (Date.now() > deadline) throw new Error(`nginx did not answer on port ${p}: ${readFileSync(path.join(work, 'error.log'), 'utf8')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

before(async () => {
  assert.equal(spawnSync(NGINX, ['-v']).status, 0, `${NGINX} is missing: bash scripts/setup.sh installs nginx`);
  port = await freePort();
  cpSync(path.join(repoRoot, 'dist'), site, { recursive: true });
  env = await startAll({ autoSignIn: true, sandboxOptions: { dist: site, asDeployed: true, publicSite: `http://127.0.0.1:${port}/` } });
  const urls = env.sandbox.urls;
  const configFile = path.join(work, 'config.json');
  writeFileSync(configFile, JSON.stringify({
    clientId: '00000000-0000-4000-8000-00000000c0de',
    authority: `${urls.identity}/organizations`,
    devopsProfileBaseUrl: urls.profile,
    devopsTokensBaseUrl: urls.tokens,
  }));
  const configured = spawnSync('bash', [path.join(repoRoot, 'scripts/configure-site.sh'), configFile, site],
    { encoding: 'utf8', env: { ...process.env, HOSTING_OUT: path.join(work, 'hosting') } });
  assert.equal(configured.status, 0, configured.stderr);

  // The generated server block, with only where it listens and what it serves changed.
  const server = readFileSync(path.join(work, 'hosting', 'nginx.conf'), 'utf8')
    .replace(/listen 443 ssl http2;/, `listen 127.0.0.1:${port};`)
    .replace(/root \/var\/www\/patdesk;/, `root ${site};`);
  assert.ok(server.includes(`listen 127.0.0.1:${port};`) && server.includes(`root ${site};`), 'the sample still has its listen and root lines');
  writeFileSync(path.join(work, 'server.conf'), server);
  for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(work, d));
  // A main file around it: everything under the temp prefix, no root paths needed.
  writeFileSync(path.join(work, 'nginx.conf'), [
    ...(process.getuid && process.getuid() === 0 ? ['user root;'] : []),
    'worker_processes 1;', 'daemon off;', `pid ${work}/nginx.pid;`, `error_log ${work}/error.log;`,
    'events { worker_connections 64; }',
    'http {', '  include /etc/nginx/mime.types;', '  default_type application/octet-stream;',
    `  access_log ${work}/access.log;`, `  client_body_temp_path ${work}/body;`, `  proxy_temp_path ${work}/proxy;`,
    `  fastcgi_temp_path ${work}/fastcgi;`, `  uwsgi_temp_path ${work}/uwsgi;`, `  scgi_temp_path ${work}/scgi;`,
    `  include ${work}/server.conf;`, '}', ''].join('\n'));
  const check = spawnSync(NGINX, ['-t', '-p', work, '-c', path.join(work, 'nginx.conf')], { encoding: 'utf8' });
  assert.equal(check.status, 0, `nginx -t: ${check.stderr}`);
  nginx = spawn(NGINX, ['-p', work, '-c', path.join(work, 'nginx.conf')], { stdio: 'ignore' });
  await waitForPort(port);
});

after(async () => {
  if (nginx) { nginx.kill('SIGTERM'); await new Promise((r) => nginx.once('exit', r)); }
  await env?.close();
  rmSync(work, { recursive: true, force: true });
});

test('nginx sends the sample headers: the CSP with frame-ancestors, and the wasm type', async () => {
  const page = await fetch(`http://127.0.0.1:${port}/`);
  assert.equal(page.status, 200);
  const csp = page.headers.get('content-security-policy');
  assert.ok(csp && csp.includes("frame-ancestors 'none'"), csp);
  assert.ok(csp.includes(new URL(env.sandbox.urls.tokens).origin), 'the configured origins are in the header');
  assert.equal(page.headers.get('x-frame-options'), 'DENY');
  const wasm = await fetch(`http://127.0.0.1:${port}/patdesk.wasm`);
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
});

test('the journey runs under real nginx with hosting/nginx.conf', async () => {
  const control = sandboxControl(env);
  await control('seed', { user: 'ada@contoso.example', tokens: [
    { organization: 'contoso', displayName: 'legacy-deploy', scope: 'vso.release_execute', validFrom: new Date(Date.now() - 20 * 86400000).toISOString(), validTo: new Date(Date.now() + 20 * 86400000).toISOString() },
  ] });
  const { page, log } = await openApp(env);
  assert.ok(page.url().startsWith(`http://127.0.0.1:${port}/`), 'the page comes from nginx');
  const violations = [];
  await page.exposeFunction('reportViolation', (v) => violations.push(v));
  const listen = () => page.evaluate(() => document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`)));
  await listen();

  await click(page, 'Sign in with Microsoft');
  await waitForState(page, 's => s.signedIn && s.tokens.length === 1 && !s.busy');
  await listen();  // the sign-in redirect loaded the page again
  // A create link fills the pane (name, organization, scope, days); the person presses Create.
  await page.evaluate(() => { location.hash = '#new?name=nginx-bot&org=contoso&scopes=vso.code&days=30'; });
  await waitForState(page, 's => s.panel === "create" && s.createDraft.fromLink');
  await click(page, 'Create');
  await waitForState(page, 's => s.panel === "secret" && !s.busy');
  const created = (await control('state', undefined, 'GET')).tokens.find((t) => t.displayName === 'nginx-bot');
  assert.ok(created, 'created through nginx-served page');
  await click(page, 'Copy');
  await waitForState(page, 's => s.secretCopied');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), created.token);
  await click(page, 'Done');
  await waitForState(page, 's => s.panel === "none"');
  await typeInto(page, 'Search', 'nginx-bot');
  await waitForState(page, 's => s.visibleTokenCount === 1');
  await click(page, 'Rotate');
  await waitForState(page, 's => s.panel === "confirmRotate"');
  await click(page, 'Rotate');
  await waitForState(page, 's => s.panel === "secret" && !s.busy');
  await click(page, 'Copy');
  await waitForState(page, 's => s.secretCopied');
  await click(page, 'Done');
  await waitForState(page, 's => s.panel === "none"');
  assert.equal((await control('state', undefined, 'GET')).tokens.find((t) => t.authorizationId === created.authorizationId).status, 'revoked');
  await screenshot(page, 'nginx-journey');
  await click(page, 'Sign out');
  await waitForState(page, 's => !s.signedIn && s.screen === "signIn"');
  assert.deepEqual(violations, []);
  assert.deepEqual(log.errors, []);
});
