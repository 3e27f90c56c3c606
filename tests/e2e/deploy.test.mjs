// One file to deploy: scripts/configure-site.sh turns a copy of dist/ and a config.json into a
// site that signs in against the sandbox with no hand edit, served exactly as deployed (its
// own config.json, its index.html's CSP unchanged by the sandbox), under the CSP as a header.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot, startAll, sandboxControl, openApp, click, waitForState, screenshot } from './harness.mjs';

const work = mkdtempSync(path.join(tmpdir(), 'patdesk-deploy-'));
const site = path.join(work, 'site');
const hostingOut = path.join(work, 'hosting');
cpSync(path.join(repoRoot, 'dist'), site, { recursive: true });

let env;
before(async () => {
  env = await startAll({ autoSignIn: true, sandboxOptions: { dist: site, asDeployed: true, cspHeader: true } });
});
after(async () => { await env?.close(); rmSync(work, { recursive: true, force: true }); });

function configureSite(config) {
  const file = path.join(work, 'config.json');
  writeFileSync(file, typeof config === 'string' ? config : JSON.stringify(config, null, 2));
  return spawnSync('bash', [path.join(repoRoot, 'scripts/configure-site.sh'), file, site],
    { encoding: 'utf8', env: { ...process.env, HOSTING_OUT: hostingOut } });
}

test('configure-site.sh refuses a bad config, names the field and leaves the site as it was', () => {
  const before = readFileSync(path.join(site, 'index.html'), 'utf8');
  for (const [config, field] of [
    [{ clientId: 'x', authority: 'http://example.com/organizations' }, '"authority"'],
    [{ clientId: 42 }, '"clientId"'],
    [{ authority: 'https://login.microsoftonline.com/organizations' }, '"clientId"'],
    ['{ not json', 'JSON'],
  ]) {
    const run = configureSite(config);
    assert.equal(run.status, 1, `exit status for ${JSON.stringify(config)}: ${run.stderr}`);
    assert.ok(run.stderr.includes(field), `names ${field}: ${run.stderr}`);
  }
  assert.equal(readFileSync(path.join(site, 'index.html'), 'utf8'), before);
});

test('configure-site.sh makes a site that signs in against the sandbox with no hand edit', async () => {
  const urls = env.sandbox.urls;
  const config = {
    clientId: '00000000-0000-4000-8000-00000000c0de',
    authority: `${urls.identity}/organizations`,
    devopsProfileBaseUrl: urls.profile,
    devopsTokensBaseUrl: urls.tokens,
  };
  const run = configureSite(config);
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(readFileSync(path.join(site, 'config.json'), 'utf8')), config);
  const html = readFileSync(path.join(site, 'index.html'), 'utf8');
  for (const u of [urls.identity, urls.profile, urls.tokens]) {
    assert.ok(html.includes(new URL(u).origin), `index.html's CSP allows ${new URL(u).origin}`);
  }
  assert.ok(!html.includes('https://vssps.dev.azure.com'), 'only the configured origins');
  for (const sample of ['nginx.conf', 'staticwebapp.config.json']) {
    assert.ok(existsSync(path.join(hostingOut, sample)));
    assert.ok(readFileSync(path.join(hostingOut, sample), 'utf8').includes(new URL(urls.tokens).origin), `${sample} has the origins`);
  }

  const control = sandboxControl(env);
  await control('seed', { user: 'ada@contoso.example', tokens: [
    { organization: 'contoso', displayName: 'deployed', scope: 'vso.code', validFrom: new Date(Date.now() - 86400000).toISOString(), validTo: new Date(Date.now() + 9 * 86400000).toISOString() },
  ] });
  const { page, log } = await openApp(env);
  const violations = [];
  await page.exposeFunction('reportViolation', (v) => violations.push(v)).catch(() => {});
  await page.evaluate(() => document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(e.blockedURI)));
  let s = await waitForState(page, 's => s.screen === "signIn"');
  assert.equal(s.setupProblem, null);
  await click(page, 'Sign in with Microsoft');
  s = await waitForState(page, 's => s.signedIn && !s.busy && s.tokens.length === 1');
  assert.equal(s.tokens[0].name, 'deployed');
  await screenshot(page, 'deploy-configured-site');
  assert.deepEqual(violations, []);
  assert.deepEqual(log.errors, []);
});
