// Control API, fault injection, request log and the static site.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { start, control, signIn, ado, pats, days, tokenRequest, CLIENT_ID, authorizeUrl, pkce } from './helpers.mjs';

let sb, ada;
before(async () => {
  sb = await start({ cspHeader: true });
  ada = (await signIn(sb)).access_token;
});
after(async () => { await sb.close(); });
beforeEach(async () => { await control(sb, 'POST', '/reset'); });

const list = () => ado(sb, ada, pats(sb, 'contoso'));
const newPat = { displayName: 'x', scope: 'vso.code', validTo: days(10), allOrgs: false };

test('fault status: status, Retry-After and CORS headers readable, then back to normal', async () => {
  await control(sb, 'POST', '/fault', { target: 'list', kind: 'status', status: 503, retryAfter: '2', count: 2 });
  for (let i = 0; i < 2; i++) {
    const res = await list();
    assert.equal(res.status, 503);
    assert.equal(res.headers.get('retry-after'), '2');
    assert.equal(res.headers.get('access-control-allow-origin'), sb.origin);
    assert.ok(res.headers.get('activityid'));
    assert.match((await res.json()).message, /TF400733/);
  }
  assert.equal((await list()).status, 200);
});

test('fault drop: the client sees a network error', async () => {
  await control(sb, 'POST', '/fault', { target: 'profile', kind: 'drop' });
  await assert.rejects(ado(sb, ada, `${sb.urls.profile}/_apis/profile/profiles/me?api-version=7.1`), TypeError);
  const log = await control(sb, 'GET', '/requests?listener=profile');
  assert.equal(log.at(-1).status, 'dropped');
});

test('fault html203, malformed and delay', async () => {
  await control(sb, 'POST', '/fault', { target: 'accounts', kind: 'html203' });
  const r1 = await ado(sb, ada, `${sb.urls.profile}/_apis/accounts?memberId=x&api-version=7.1`);
  assert.equal(r1.status, 203);
  assert.match(r1.headers.get('content-type'), /text\/html/);
  await control(sb, 'POST', '/fault', { target: 'get', kind: 'malformed' });
  const r2 = await ado(sb, ada, pats(sb, 'contoso', 'authorizationId=00000000-0000-4000-8000-000000000001'));
  assert.equal(r2.status, 200);
  assert.match(r2.headers.get('content-type'), /application\/json/);
  await assert.rejects(r2.json(), SyntaxError);
  await control(sb, 'POST', '/fault', { target: 'list', kind: 'delay', delayMs: 300 });
  const t0 = Date.now();
  const r3 = await list();
  assert.ok(Date.now() - t0 >= 290);
  assert.equal(r3.status, 200);
});

test('create fault: afterCommit creates the token server-side; without it nothing is created', async () => {
  await control(sb, 'POST', '/fault', { target: 'create', kind: 'status', status: 500 });
  assert.equal((await ado(sb, ada, pats(sb, 'contoso'), { method: 'POST', body: newPat })).status, 500);
  assert.equal((await control(sb, 'GET', '/state')).tokens.length, 0);
  await control(sb, 'POST', '/fault', { target: 'create', kind: 'drop', afterCommit: true });
  await assert.rejects(ado(sb, ada, pats(sb, 'contoso'), { method: 'POST', body: newPat }), TypeError);
  const st = await control(sb, 'GET', '/state');
  assert.equal(st.tokens.length, 1);
  assert.match(st.tokens[0].token, /^[A-Za-z0-9]{84}$/);
});

test('identity faults: token endpoint 500 keeps CORS; authorize 503; bad fault spec refused', async () => {
  await control(sb, 'POST', '/fault', { target: 'token', kind: 'status', status: 500 });
  const res = await tokenRequest(sb, { client_id: CLIENT_ID, grant_type: 'refresh_token', refresh_token: 'x' });
  assert.equal(res.status, 500);
  assert.equal(res.headers.get('access-control-allow-origin'), sb.origin);
  assert.equal((await res.json()).error, 'temporarily_unavailable');
  await control(sb, 'POST', '/fault', { target: 'authorize', kind: 'status', status: 503 });
  const a = await fetch(authorizeUrl(sb, { code_challenge: pkce().challenge }), { redirect: 'manual' });
  assert.equal(a.status, 503);
  assert.equal((await control(sb, 'GET', '/faults')).length, 0);
  await assert.rejects(control(sb, 'POST', '/fault', { target: 'nope', kind: 'drop' }), /400/);
});

test('seed many tokens fast with a spread of expiries; reset clears everything', async () => {
  const t0 = Date.now();
  const out = await control(sb, 'POST', '/seed', { user: 'ada@contoso.example', organizations: ['contoso', 'fabrikam'], perOrganization: 1000, expiredFraction: 0.1, globalFraction: 0.05 });
  assert.equal(out.created, 2000);
  assert.ok(Date.now() - t0 < 3000);
  const st = await control(sb, 'GET', '/state');
  const now = Date.now();
  const expired = st.tokens.filter((t) => t.status === 'expired').length;
  const within7 = st.tokens.filter((t) => t.status === 'active' && Date.parse(t.validTo) - now < 7 * 86_400_000).length;
  const within30 = st.tokens.filter((t) => t.status === 'active' && Date.parse(t.validTo) - now < 30 * 86_400_000).length;
  const global = st.tokens.filter((t) => t.targetAccounts === null).length;
  assert.ok(expired > 120 && expired < 290, `expired ${expired}`);
  assert.ok(within7 > 50 && within30 > within7, `${within7} ${within30}`);
  assert.ok(global > 40 && global < 180, `global ${global}`);
  assert.equal(new Set(st.tokens.map((t) => t.displayName)).size, 2000);
  await control(sb, 'POST', '/devops', { blockPatCreation: true });
  await control(sb, 'POST', '/fault', { target: 'list', kind: 'drop' });
  await control(sb, 'POST', '/reset');
  const after = await control(sb, 'GET', '/state');
  assert.equal(after.tokens.length, 0);
  assert.equal(after.faults.length, 0);
  assert.equal(after.devops.blockPatCreation, false);
  assert.deepEqual(after.users.map((u) => [u.email, u.organizations]), [
    ['ada@contoso.example', ['contoso', 'fabrikam']], ['grace@fabrikam.example', ['fabrikam', 'northwind']],
    ['gus@contoso.example', ['contoso-labs', 'woodgrove-ops']]]);
  await assert.rejects(control(sb, 'POST', '/devops', { typoSwitch: true }), /unknown switch/);
});

test('request log spans all listeners, records Origin, skips the control API', async () => {
  await control(sb, 'DELETE', '/requests');
  await fetch(`${sb.urls.site}config.json`);
  await list();
  await tokenRequest(sb, { grant_type: 'refresh_token', client_id: CLIENT_ID, refresh_token: 'x' });
  const log = await control(sb, 'GET', '/requests');
  assert.deepEqual(log.map((r) => r.listener), ['site', 'tokens', 'identity']);
  assert.equal(log[1].origin, sb.origin);
  assert.equal(log[1].method, 'GET');
  assert.equal(log[1].status, 200);
  assert.ok(log[0].time && log[0].url === '/config.json');
});

test('static site: generated config.json, overrides, gzip, wasm type, no-store, CSP header', async () => {
  const cfg = await (await fetch(`${sb.urls.site}config.json`)).json();
  assert.deepEqual(cfg, {
    clientId: CLIENT_ID, authority: `${sb.urls.identity}/organizations`, redirectUri: sb.urls.site,
    scopes: ['499b84ac-1321-427f-aa17-267ca6975798/.default'], devopsProfileBaseUrl: sb.urls.profile, devopsTokensBaseUrl: sb.urls.tokens,
  });
  await fetch(`${sb.urls.control}/config`, { method: 'PUT', body: '{"clientId": ' });
  assert.equal(await (await fetch(`${sb.urls.site}config.json`)).text(), '{"clientId": ');
  await control(sb, 'POST', '/config', { status: 404 });
  assert.equal((await fetch(`${sb.urls.site}config.json`)).status, 404);
  await control(sb, 'POST', '/config', { merge: { defaultOrganization: 'fabrikam' } });
  assert.equal((await (await fetch(`${sb.urls.site}config.json`)).json()).defaultOrganization, 'fabrikam');
  await control(sb, 'DELETE', '/config');
  assert.equal((await (await fetch(`${sb.urls.site}config.json`)).json()).clientId, CLIENT_ID);

  // Raw HTTP view of gzip (fetch would decompress transparently).
  const http = await import('node:http');
  const raw = await new Promise((resolve, reject) => {
    http.get(`${sb.urls.site}app.wasm`, { headers: { 'accept-encoding': 'gzip, br' } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
  assert.equal(raw.headers['content-type'], 'application/wasm');
  assert.equal(raw.headers['content-encoding'], 'gzip');
  assert.equal(raw.headers['cache-control'], 'no-store');
  assert.ok(raw.body.length < 1000);
  assert.equal(gunzipSync(raw.body).length, 20008);
  const idx = await fetch(sb.urls.site);
  assert.match(idx.headers.get('content-type'), /text\/html/);
  // The sandbox adds its own origins to connect-src (the deployable page names only Microsoft's).
  const origins = [sb.urls.identity, sb.urls.profile, sb.urls.tokens].map((u) => new URL(u).origin).join(' ');
  assert.equal(idx.headers.get('content-security-policy'), `default-src 'self'; connect-src 'self' http://127.0.0.1:* ${origins}; frame-ancestors 'none'`);
  assert.ok((await idx.text()).includes(origins), 'the served meta tag names the sandbox origins too');
  assert.equal(idx.headers.get('x-frame-options'), 'DENY');
  assert.match((await fetch(`${sb.urls.site}app.js`)).headers.get('content-type'), /text\/javascript/);
  assert.equal((await fetch(`${sb.urls.site}missing.js`)).status, 404);
  assert.notEqual((await fetch(`${sb.urls.site}..%2f..%2fetc/passwd`)).status, 200);
});

test('a 401 or html203 fault on an Azure DevOps call also refuses the replay of that same request, once', async () => {
  await control(sb, 'POST', '/reset');
  const { access_token: at } = await signIn(sb);
  await control(sb, 'POST', '/fault', { target: 'list', kind: 'status', status: 401, body: '{"message":"TF400813"}' });
  const url = pats(sb, 'contoso');
  assert.equal((await ado(sb, at, url)).status, 401, 'the first attempt');
  assert.equal((await ado(sb, at, pats(sb, 'fabrikam'))).status, 200, 'another request is not covered');
  assert.equal((await ado(sb, at, url)).status, 401, 'the replay of the same request');
  assert.equal((await ado(sb, at, url)).status, 200, 'then it clears');
  await control(sb, 'POST', '/fault', { target: 'list', kind: 'html203', coverReplay: false });
  assert.equal((await ado(sb, at, url)).status, 203);
  assert.equal((await ado(sb, at, url)).status, 200, 'coverReplay:false: one-shot');
});

test('rejectValidTokens refuses the tokens issued so far and accepts newer ones, as 401 or 203', async () => {
  await control(sb, 'POST', '/reset');
  const old = (await signIn(sb)).access_token;
  for (const rejectAs of [401, 203]) {
    await control(sb, 'POST', '/devops', { rejectValidTokens: true, rejectAs });
    const refused = await ado(sb, old, pats(sb, 'contoso'), { headers: rejectAs === 401 ? { 'x-tfs-fedauthredirect': 'Suppress' } : {} });
    assert.equal(refused.status, rejectAs);
    if (rejectAs === 401) assert.match(refused.headers.get('www-authenticate'), /invalid_token/);
    const fresh = (await signIn(sb)).access_token;
    assert.equal((await ado(sb, fresh, pats(sb, 'contoso'))).status, 200);
  }
  await control(sb, 'POST', '/devops', { rejectValidTokens: false });
  assert.equal((await ado(sb, old, pats(sb, 'contoso'))).status, 200);
});

test('claimsChallenge answers a 401 whose WWW-Authenticate carries base64 JSON claims, exposed to CORS', async () => {
  await control(sb, 'POST', '/reset');
  const old = (await signIn(sb)).access_token;
  await control(sb, 'POST', '/devops', { claimsChallenge: true });
  const res = await ado(sb, old, pats(sb, 'contoso'));
  assert.equal(res.status, 401);
  const m = /claims="([^"]+)"/.exec(res.headers.get('www-authenticate'));
  assert.ok(m, res.headers.get('www-authenticate'));
  assert.equal(JSON.parse(Buffer.from(m[1], 'base64').toString('utf8')).access_token.nbf.essential, true);
  assert.match(res.headers.get('access-control-expose-headers'), /WWW-Authenticate/);
  assert.equal((await ado(sb, (await signIn(sb)).access_token, pats(sb, 'contoso'))).status, 200);
});
