// Shared helpers for the sandbox tests (not a test file itself).
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox, repoRoot } from '../../tools/sandbox/server.mjs';

export const CLIENT_ID = '00000000-0000-4000-8000-00000000c0de';
export const ADO = '499b84ac-1321-427f-aa17-267ca6975798';
export const specs = path.resolve(repoRoot, 'tests/fixtures/azure-devops-specs');

// Recorded examples from Microsoft's specs: responses must have their shapes.
// A missing fixture fails naming its path, not as a JSON error.
export function example(rel) {
  const file = path.join(specs, rel);
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`fixture missing or unreadable: ${file} (${e.code || e.message})`);
  }
  return JSON.parse(text.replace(/^\uFEFF/, ''));
}

export function makeDist() {
  const dir = mkdtempSync(path.join(tmpdir(), 'patdesk-dist-'));
  writeFileSync(path.join(dir, 'index.html'), `<!DOCTYPE html><html><head>
<meta charset="utf-8"><meta content="default-src 'self'; connect-src 'self' http://127.0.0.1:*" http-equiv="Content-Security-Policy">
</head><body>patdesk</body></html>`);
  writeFileSync(path.join(dir, 'app.wasm'), Buffer.concat([Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), Buffer.alloc(20000, 7)]));
  writeFileSync(path.join(dir, 'app.js'), 'console.log("hi");\n'.repeat(200));
  return dir;
}

export async function start(extra = {}) {
  const sb = await startSandbox({ sitePort: 0, idPort: 0, profilePort: 0, tokensPort: 0, dist: makeDist(), ...extra });
  sb.origin = sb.urls.site.replace(/\/$/, '');
  return sb;
}

export async function control(sb, method, p, body) {
  const res = await fetch(`${sb.urls.control}${p}`, {
    method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizeUrl(sb, params = {}, tenant = 'organizations') {
  const u = new URL(`${sb.urls.identity}/${tenant}/oauth2/v2.0/authorize`);
  const p = {
    client_id: CLIENT_ID, response_type: 'code', redirect_uri: sb.urls.site, response_mode: 'fragment',
    scope: `${ADO}/.default openid profile offline_access`, state: 'st-1', nonce: 'nonce-1',
    code_challenge_method: 'S256', ...params,
  };
  for (const [k, v] of Object.entries(p)) if (v != null) u.searchParams.set(k, v);
  return u.toString();
}

// Parameters of a redirect back to the app (fragment or query).
export function redirectParams(location) {
  const u = new URL(location);
  return new URLSearchParams(u.hash ? u.hash.slice(1) : u.search);
}

// Authorize through the account picker (a real link on the page) and return the code.
export async function getCode(sb, { challenge, user = 'ada@contoso.example', params = {} } = {}) {
  const res = await fetch(authorizeUrl(sb, { code_challenge: challenge, ...params }), { redirect: 'manual' });
  let location = res.headers.get('location');
  if (res.status === 200) {
    const html = await res.text();
    const href = new RegExp(`id="user-${user.replace(/\./g, '\\.')}" href="([^"]+)"`).exec(html)[1].replace(/&amp;/g, '&');
    const pick = await fetch(href, { redirect: 'manual' });
    location = pick.headers.get('location');
  }
  return redirectParams(location).get('code');
}

export async function tokenRequest(sb, form, headers = { origin: null }) {
  const h = { 'content-type': 'application/x-www-form-urlencoded' };
  const origin = headers.origin === null ? sb.origin : headers.origin;
  if (origin !== undefined) h.origin = origin;
  return fetch(`${sb.urls.identity}/organizations/oauth2/v2.0/token`, {
    method: 'POST', headers: h, body: new URLSearchParams(form).toString(),
  });
}

export async function signIn(sb, user = 'ada@contoso.example') {
  const { verifier, challenge } = pkce();
  const code = await getCode(sb, { challenge, user });
  const res = await tokenRequest(sb, {
    client_id: CLIENT_ID, grant_type: 'authorization_code', code, code_verifier: verifier,
    redirect_uri: sb.urls.site, scope: `${ADO}/.default openid profile offline_access`,
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${await res.text()}`);
  return res.json();
}

export const decode = (jwt) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));

// DevOps call as the SPA would make it (cross-origin, bearer).
export function ado(sb, token, url, { method = 'GET', body, headers = {} } = {}) {
  return fetch(url, {
    method,
    headers: {
      origin: sb.origin, accept: 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export const pats = (sb, org, query = '', v = '7.1-preview.1') =>
  `${sb.urls.tokens}/${encodeURIComponent(org)}/_apis/tokens/pats?api-version=${v}${query ? '&' + query : ''}`;

export const days = (n) => new Date(Date.now() + n * 86_400_000).toISOString();
