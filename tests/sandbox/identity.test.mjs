// Identity sandbox: authorize, PKCE, codes, CORS, refresh rotation, error formats.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  start, control, pkce, authorizeUrl, redirectParams, getCode, tokenRequest, signIn, decode, CLIENT_ID, ADO,
} from './helpers.mjs';

let sb;
before(async () => { sb = await start(); });
after(async () => { await sb.close(); });
beforeEach(async () => { await control(sb, 'POST', '/reset'); });

const redeemForm = (code, verifier) => ({
  client_id: CLIENT_ID, grant_type: 'authorization_code', code, code_verifier: verifier,
  redirect_uri: sb.urls.site, scope: `${ADO}/.default openid offline_access`,
});

test('openid-configuration points at the sandbox for any tenant', async () => {
  for (const tenant of ['organizations', 'common', 'contoso.example']) {
    const res = await fetch(`${sb.urls.identity}/${tenant}/v2.0/.well-known/openid-configuration`);
    const doc = await res.json();
    assert.equal(doc.authorization_endpoint, `${sb.urls.identity}/${tenant}/oauth2/v2.0/authorize`);
    assert.equal(doc.token_endpoint, `${sb.urls.identity}/${tenant}/oauth2/v2.0/token`);
    assert.ok(doc.code_challenge_methods_supported.includes('S256'));
  }
});

test('account picker: strict-CSP page with plain links; picking redirects with code, state, session_state', async () => {
  const { challenge } = pkce();
  const res = await fetch(authorizeUrl(sb, { code_challenge: challenge, state: 'a b&c=d/é' }), { redirect: 'manual' });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-security-policy'), /default-src 'none'/);
  const html = await res.text();
  assert.doesNotMatch(html, /<script/i);
  assert.match(html, /Ada Lovelace/);
  assert.match(html, /Grace Hopper/);
  const href = /id="user-grace@fabrikam\.example" href="([^"]+)"/.exec(html)[1].replace(/&amp;/g, '&');
  const pick = await fetch(href, { redirect: 'manual' });
  assert.equal(pick.status, 302);
  const loc = pick.headers.get('location');
  assert.ok(loc.startsWith(`${sb.urls.site}#code=`), loc);
  const p = redirectParams(loc);
  assert.equal(p.get('state'), 'a b&c=d/é');
  assert.ok(p.get('session_state'));
  // the cancel link redirects back with access_denied
  const res2 = await fetch(authorizeUrl(sb, { code_challenge: challenge, response_mode: 'query', prompt: 'select_account' }), { redirect: 'manual' });
  const cancel = /id="cancel" href="([^"]+)"/.exec(await res2.text())[1].replace(/&amp;/g, '&');
  const c = await fetch(cancel, { redirect: 'manual' });
  const q = redirectParams(c.headers.get('location'));
  assert.ok(c.headers.get('location').startsWith(`${sb.urls.site}?`));
  assert.equal(q.get('error'), 'access_denied');
  assert.match(q.get('error_description'), /^AADSTS65004: User declined to consent/);
  assert.equal(q.get('state'), 'st-1');
});

test('authorize validation: client id and redirect URI errors never redirect; PKCE and openid do', async () => {
  const { challenge } = pkce();
  let res = await fetch(authorizeUrl(sb, { code_challenge: challenge, client_id: 'nope' }), { redirect: 'manual' });
  assert.equal(res.headers.get('location'), null);
  assert.match(await res.text(), /AADSTS700016/);
  res = await fetch(authorizeUrl(sb, { code_challenge: challenge, redirect_uri: `${sb.urls.site}other` }), { redirect: 'manual' });
  assert.equal(res.headers.get('location'), null);
  assert.match(await res.text(), /AADSTS50011/);
  res = await fetch(authorizeUrl(sb, {}), { redirect: 'manual' });
  let p = redirectParams(res.headers.get('location'));
  assert.equal(p.get('error'), 'invalid_request');
  assert.match(p.get('error_description'), /^AADSTS9002325/);
  res = await fetch(authorizeUrl(sb, { code_challenge: challenge, code_challenge_method: 'plain' }), { redirect: 'manual' });
  assert.equal(redirectParams(res.headers.get('location')).get('error'), 'invalid_request');
  res = await fetch(authorizeUrl(sb, { code_challenge: challenge, scope: `${ADO}/.default` }), { redirect: 'manual' });
  p = redirectParams(res.headers.get('location'));
  assert.equal(p.get('error'), 'invalid_request');
  assert.equal(p.get('state'), 'st-1');
});

test('authorizeError switch: one-shot, Entra-formatted description', async () => {
  await control(sb, 'POST', '/identity', { authorizeError: { error: 'interaction_required', error_description: 'AADSTS50076: Due to a configuration change made by your administrator, you must use multi-factor authentication.' } });
  const { challenge } = pkce();
  const res = await fetch(authorizeUrl(sb, { code_challenge: challenge, state: 'xyz' }), { redirect: 'manual' });
  const p = redirectParams(res.headers.get('location'));
  assert.equal(p.get('error'), 'interaction_required');
  assert.match(p.get('error_description'), /^AADSTS50076: Due to .*\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: [0-9a-f-]{36}\r\nTimestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/s);
  assert.match(p.get('error_uri'), /code=50076/);
  assert.equal(p.get('state'), 'xyz');
  const again = await fetch(authorizeUrl(sb, { code_challenge: challenge }), { redirect: 'manual' });
  assert.equal(again.status, 200); // picker again
});

test('PKCE S256: right verifier gets tokens with the right claims, wrong verifier is refused', async () => {
  const { verifier, challenge } = pkce();
  const code = await getCode(sb, { challenge });
  const res = await tokenRequest(sb, redeemForm(code, verifier));
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('access-control-allow-origin'), sb.origin);
  const t = await res.json();
  assert.deepEqual(Object.keys(t).sort(), ['access_token', 'client_info', 'expires_in', 'ext_expires_in', 'id_token', 'refresh_token', 'scope', 'token_type']);
  assert.equal(t.token_type, 'Bearer');
  assert.equal(t.expires_in, 3600);
  const id = decode(t.id_token);
  assert.equal(id.aud, CLIENT_ID);
  assert.equal(id.iss, `${sb.urls.identity}/${id.tid}/v2.0`);
  assert.equal(id.nonce, 'nonce-1');
  assert.equal(id.preferred_username, 'ada@contoso.example');
  assert.equal(id.name, 'Ada Lovelace');
  assert.equal(id.ver, '2.0');
  assert.ok(id.iat && id.nbf && id.exp > id.iat && id.oid && id.tid);
  const at = decode(t.access_token);
  assert.equal(at.aud, ADO);
  assert.equal(at.scp, 'user_impersonation');
  assert.equal(at.upn, 'ada@contoso.example');
  assert.equal(at.oid, id.oid);
  assert.deepEqual(JSON.parse(Buffer.from(t.client_info, 'base64url')), { uid: id.oid, utid: id.tid });

  const other = pkce();
  const code2 = await getCode(sb, { challenge: other.challenge });
  const bad = await tokenRequest(sb, redeemForm(code2, verifier));
  assert.equal(bad.status, 400);
  const e = await bad.json();
  assert.equal(e.error, 'invalid_grant');
  assert.match(e.error_description, /^AADSTS501481: The Code_Verifier does not match the code_challenge/);
  assert.deepEqual(e.error_codes, [501481]);
  assert.ok(e.trace_id && e.correlation_id && e.timestamp);
});

test('codes are single-use and expire after 60 s', async () => {
  const { verifier, challenge } = pkce();
  const code = await getCode(sb, { challenge });
  assert.equal((await tokenRequest(sb, redeemForm(code, verifier))).status, 200);
  const replay = await tokenRequest(sb, redeemForm(code, verifier));
  assert.equal(replay.status, 400);
  assert.match((await replay.json()).error_description, /^AADSTS54005: OAuth2 Authorization code was already redeemed/);
  const code2 = await getCode(sb, { challenge });
  await control(sb, 'POST', '/clock', { advanceMs: 61_000 });
  const late = await tokenRequest(sb, redeemForm(code2, verifier));
  assert.match((await late.json()).error_description, /^AADSTS70008/);
});

test('token endpoint CORS: missing Origin -> AADSTS9002327; foreign origin gets no CORS headers', async () => {
  const { verifier, challenge } = pkce();
  const res = await tokenRequest(sb, redeemForm(await getCode(sb, { challenge }), verifier), {});
  assert.equal(res.status, 400);
  const e = await res.json();
  assert.equal(e.error, 'invalid_request');
  assert.match(e.error_description, /^AADSTS9002327: Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests\./);
  const foreign = await tokenRequest(sb, redeemForm(await getCode(sb, { challenge }), verifier), { origin: 'http://evil.example' });
  assert.equal(foreign.headers.get('access-control-allow-origin'), null);
  const pre = await fetch(`${sb.urls.identity}/organizations/oauth2/v2.0/token`, {
    method: 'OPTIONS', headers: { origin: sb.origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });
  assert.equal(pre.headers.get('access-control-allow-origin'), sb.origin);
  const preBad = await fetch(`${sb.urls.identity}/organizations/oauth2/v2.0/token`, {
    method: 'OPTIONS', headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
  });
  assert.equal(preBad.headers.get('access-control-allow-origin'), null);
});

test('refresh tokens rotate; the old one dies; SPA refresh tokens expire after 24 h', async () => {
  await control(sb, 'POST', '/identity', { accessTokenLifetimeSec: 120 });
  const t1 = await signIn(sb);
  assert.equal(t1.expires_in, 120);
  const form = (rt) => ({ client_id: CLIENT_ID, grant_type: 'refresh_token', refresh_token: rt, scope: `${ADO}/.default offline_access` });
  const r2 = await tokenRequest(sb, form(t1.refresh_token));
  assert.equal(r2.status, 200);
  const t2 = await r2.json();
  assert.notEqual(t2.refresh_token, t1.refresh_token);
  assert.notEqual(t2.access_token, t1.access_token);
  const old = await tokenRequest(sb, form(t1.refresh_token));
  assert.equal((await old.json()).error, 'invalid_grant');
  await control(sb, 'POST', '/clock', { advanceMs: 24 * 3600_000 + 1000 });
  const expired = await tokenRequest(sb, form(t2.refresh_token));
  const e = await expired.json();
  assert.equal(e.error, 'invalid_grant');
  assert.match(e.error_description, /^AADSTS700084/);
});

test('tokenError switch gives the Entra JSON error shape', async () => {
  await control(sb, 'POST', '/identity', { tokenError: { error: 'invalid_grant', error_description: 'AADSTS50173: The provided grant has expired due to it being revoked.' } });
  const res = await tokenRequest(sb, { client_id: CLIENT_ID, grant_type: 'refresh_token', refresh_token: 'x' });
  assert.equal(res.status, 400);
  const e = await res.json();
  for (const k of ['error', 'error_description', 'error_codes', 'timestamp', 'trace_id', 'correlation_id']) assert.ok(k in e, k);
  assert.deepEqual(e.error_codes, [50173]);
});

test('auto sign-in honours login_hint; SSO session; prompt=none without session; logout', async () => {
  await control(sb, 'POST', '/identity', { autoSignIn: true });
  const { challenge } = pkce();
  let res = await fetch(authorizeUrl(sb, { code_challenge: challenge, login_hint: 'grace@fabrikam.example' }), { redirect: 'manual' });
  assert.equal(res.status, 302);
  assert.ok(redirectParams(res.headers.get('location')).get('code'));
  await control(sb, 'POST', '/identity', { autoSignIn: false });
  res = await fetch(authorizeUrl(sb, { code_challenge: challenge, prompt: 'none' }), { redirect: 'manual' });
  const p = redirectParams(res.headers.get('location'));
  assert.equal(p.get('error'), 'login_required');
  // With the session cookie from a previous sign-in, prompt=none succeeds.
  const cookie = 'sbx_session=' + encodeURIComponent((await control(sb, 'GET', '/state')).users[1].oid);
  res = await fetch(authorizeUrl(sb, { code_challenge: challenge, prompt: 'none' }), { redirect: 'manual', headers: { cookie } });
  assert.ok(redirectParams(res.headers.get('location')).get('code'));
  res = await fetch(`${sb.urls.identity}/organizations/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent(sb.urls.site)}`, { redirect: 'manual' });
  assert.equal(res.status, 302);
  assert.equal(res.headers.get('location'), sb.urls.site);
  res = await fetch(`${sb.urls.identity}/organizations/oauth2/v2.0/logout?post_logout_redirect_uri=http://evil.example/`, { redirect: 'manual' });
  assert.equal(res.status, 200);
});
