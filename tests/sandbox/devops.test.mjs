// Azure DevOps sandbox: auth (203), CORS, profile/accounts shapes, PAT lifecycle and policies.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { start, control, signIn, ado, pats, days, example } from './helpers.mjs';

let sb, ada, grace;
before(async () => {
  sb = await start();
  ada = (await signIn(sb, 'ada@contoso.example')).access_token;
  grace = (await signIn(sb, 'grace@fabrikam.example')).access_token;
});
after(async () => { await sb.close(); });
beforeEach(async () => {
  await control(sb, 'POST', '/reset'); // keeps access tokens valid: they are stateless JWTs
});

const patKeys = Object.keys(example('tokens/7.1/httpExamples/Pats/ListPats.json').responses['200'].body.patTokens[0]).sort();
const create = (body, org = 'contoso', token = ada) => ado(sb, token, pats(sb, org), { method: 'POST', body });
const newPat = (extra = {}) => ({ displayName: 'ci', scope: 'vso.code', validTo: days(30), allOrgs: false, ...extra });

test('a missing, forged, expired or wrong-audience bearer gets 203 + HTML sign-in page (with CORS)', async () => {
  const [h, p, s] = ada.split('.');
  const forgedPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url')), name: 'Mallory' })).toString('base64url');
  for (const tok of [null, 'garbage', `${h}.${forgedPayload}.${s}`]) {
    const res = await ado(sb, tok, pats(sb, 'contoso'));
    assert.equal(res.status, 203);
    assert.match(res.headers.get('content-type'), /^text\/html/);
    assert.equal(res.headers.get('access-control-allow-origin'), sb.origin);
    assert.match(res.headers.get('activityid'), /^[0-9a-f-]{36}$/);
    assert.match(await res.text(), /Sign In/);
  }
  const suppressed = await ado(sb, 'garbage', pats(sb, 'contoso'), { headers: { 'X-TFS-FedAuthRedirect': 'Suppress' } });
  assert.equal(suppressed.status, 401);
  await control(sb, 'POST', '/clock', { advanceMs: 3601_000 });
  assert.equal((await ado(sb, ada, `${sb.urls.profile}/_apis/profile/profiles/me?api-version=7.1`)).status, 203);
});

test('CORS: preflight allows the SPA origin and the VSS headers only; exposes ActivityId etc.', async () => {
  const pre = await fetch(pats(sb, 'contoso'), {
    method: 'OPTIONS',
    headers: { origin: sb.origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
  });
  assert.equal(pre.headers.get('access-control-allow-origin'), sb.origin);
  assert.match(pre.headers.get('access-control-allow-headers'), /X-TFS-FedAuthRedirect/);
  assert.match(pre.headers.get('access-control-allow-methods'), /DELETE/);
  assert.equal(pre.headers.get('access-control-allow-credentials'), null);
  const foreign = await fetch(pats(sb, 'contoso'), { method: 'OPTIONS', headers: { origin: 'http://evil.example', 'access-control-request-method': 'GET' } });
  assert.equal(foreign.headers.get('access-control-allow-origin'), null);
  const res = await ado(sb, ada, pats(sb, 'contoso'));
  assert.match(res.headers.get('access-control-expose-headers'), /ActivityId/);
  assert.match(res.headers.get('access-control-expose-headers'), /Retry-After/);
});

test('profile/me and accounts have the recorded shapes; bare-array switch; wrong memberId; api-version', async () => {
  const me = await (await ado(sb, ada, `${sb.urls.profile}/_apis/profile/profiles/me?api-version=7.1`)).json();
  const ex = example('profile/7.1/httpExamples/profiles/GET__profile_profiles_me.json').responses['200'].body;
  assert.deepEqual(Object.keys(me).sort(), Object.keys(ex).sort());
  assert.equal(me.displayName, 'Ada Lovelace');
  assert.equal(me.emailAddress, 'ada@contoso.example');
  const accUrl = (id) => `${sb.urls.profile}/_apis/accounts?memberId=${id}&api-version=7.1`;
  const acc = await (await ado(sb, ada, accUrl(me.id))).json();
  const exA = example('account/7.1/httpExamples/accounts/GET__Accounts_memberId-_userId_.json').responses['200'].body;
  assert.deepEqual(Object.keys(acc).sort(), Object.keys(exA).sort());
  assert.deepEqual(Object.keys(acc.value[0]).sort(), Object.keys(exA.value[0]).sort());
  assert.deepEqual(acc.value.map((a) => a.accountName), ['contoso', 'fabrikam']);
  await control(sb, 'POST', '/devops', { accountsAsBareArray: true });
  const bare = await (await ado(sb, ada, accUrl(me.id))).json();
  assert.ok(Array.isArray(bare) && bare.length === 2);
  const wrong = await ado(sb, grace, accUrl(me.id));
  assert.equal(wrong.status, 401);
  const noVersion = await ado(sb, ada, `${sb.urls.profile}/_apis/profile/profiles/me`);
  assert.equal(noVersion.status, 400);
  const err = await noVersion.json();
  assert.deepEqual(Object.keys(err).sort(), ['$id', 'errorCode', 'eventId', 'innerException', 'message', 'typeKey', 'typeName']);
  assert.equal(err.typeKey, 'VssVersionNotSpecifiedException');
});

test('organization checks and preview api-version', async () => {
  assert.equal((await ado(sb, ada, pats(sb, 'nowhere'))).status, 404);
  const notMember = await ado(sb, ada, pats(sb, 'northwind'));
  assert.equal(notMember.status, 401);
  assert.match((await notMember.json()).message, /TF400813/);
  assert.equal((await ado(sb, ada, pats(sb, 'contoso', '', '7.1'))).status, 400);
  assert.equal((await ado(sb, ada, pats(sb, 'contoso', '', '7.2-preview.1'))).status, 200);
  assert.equal((await ado(sb, grace, pats(sb, 'Northwind'))).status, 200); // org names are case-insensitive
});

test('create returns an 84-char secret exactly once, in the recorded shape', async () => {
  const res = await create(newPat({ displayName: 'deploy' }));
  assert.equal(res.status, 200);
  const body = await res.json();
  assert.equal(body.patTokenError, 'none');
  assert.deepEqual(Object.keys(body.patToken).sort(), patKeys);
  assert.match(body.patToken.token, /^[A-Za-z0-9]{84}$/);
  const st = await control(sb, 'GET', '/state');
  assert.ok(st.organizations.find((o) => o.name === 'contoso').accountId === body.patToken.targetAccounts[0]);
  assert.equal(st.tokens[0].token, body.patToken.token);
  const list = await (await ado(sb, ada, pats(sb, 'contoso'))).json();
  assert.equal(list.patTokens.length, 1);
  assert.equal(list.patTokens[0].token, null);
  assert.equal(list.continuationToken, '');
  const one = await (await ado(sb, ada, pats(sb, 'contoso', `authorizationId=${body.patToken.authorizationId}`))).json();
  assert.equal(one.patTokenError, 'none');
  assert.equal(one.patToken.token, null);
  // not visible in another org (not global), nor for another user
  assert.equal((await (await ado(sb, ada, pats(sb, 'fabrikam'))).json()).patTokens.length, 0);
  assert.equal((await (await ado(sb, grace, pats(sb, 'fabrikam'))).json()).patTokens.length, 0);
  const missing = await ado(sb, ada, pats(sb, 'contoso', 'authorizationId=00000000-0000-4000-8000-000000000001'));
  assert.equal(missing.status, 404);
  assert.equal((await missing.json()).patTokenError, 'authorizationNotFound');
});

test('validTo is clamped to the max lifespan, or refused by policy', async () => {
  const near = (iso, d) => Math.abs(Date.parse(iso) - (Date.now() + d * 86_400_000)) < 60_000;
  let t = (await (await create(newPat({ validTo: days(800) }))).json()).patToken;
  assert.ok(near(t.validTo, 365), t.validTo);
  await control(sb, 'POST', '/devops', { maxLifespanDays: 30 });
  t = (await (await create(newPat({ validTo: days(90) }))).json()).patToken;
  assert.ok(near(t.validTo, 30), t.validTo);
  await control(sb, 'POST', '/devops', { rejectLongLifespan: true });
  const res = await create(newPat({ validTo: days(90) }));
  assert.equal(res.status, 400);
  assert.equal((await res.json()).patTokenError, 'patLifespanPolicyViolation');
});

test('policy switches and validation errors use the spec enum names', async () => {
  const expectError = async (body, code) => {
    const res = await create(body);
    const j = await res.json();
    assert.equal(j.patTokenError, code, JSON.stringify(j));
    assert.equal(res.status, 400);
    assert.ok(j.patTokenErrorMessage);
  };
  await expectError(newPat({ displayName: '' }), 'displayNameRequired');
  await expectError(newPat({ validTo: days(-1) }), 'invalidValidTo');
  await expectError(newPat({ scope: 'vso.bogus' }), 'invalidScope');
  // global PATs: allowed by default (targetAccounts null, visible in every org) ...
  const g = (await (await create(newPat({ allOrgs: true }))).json()).patToken;
  assert.equal(g.targetAccounts, null);
  assert.equal((await (await ado(sb, ada, pats(sb, 'fabrikam'))).json()).patTokens.length, 1);
  await control(sb, 'POST', '/devops', { blockGlobalPats: true });
  await expectError(newPat({ allOrgs: true }), 'globalPatPolicyViolation');
  await control(sb, 'POST', '/devops', { blockFullScope: true });
  await expectError(newPat({ scope: 'app_token' }), 'fullScopePatPolicyViolation');
  await control(sb, 'POST', '/devops', { nextPatTokenError: 'duplicateHash' });
  await expectError(newPat(), 'duplicateHash');
  assert.equal((await create(newPat())).status, 200); // one-shot
  await control(sb, 'POST', '/devops', { blockPatCreation: true });
  await expectError(newPat(), 'disablePatCreationPolicyViolation');
  await control(sb, 'POST', '/devops', { blockPatCreation: false, patTokenErrorStatus: 200 });
  const r = await create(newPat({ scope: '' }));
  assert.equal(r.status, 200);
  assert.equal((await r.json()).patTokenError, 'invalidScope');
});

test('paging: 250 tokens over 3 pages with an opaque continuation token bound to the filters', async () => {
  await control(sb, 'POST', '/seed', { user: 'ada@contoso.example', organizations: ['paging'], perOrganization: 250, expiredFraction: 0, globalFraction: 0 });
  const seen = [];
  let ct = '';
  const sizes = [];
  let firstToken;
  do {
    const q = `sortByOption=displayName&isSortAscending=true${ct ? `&continuationToken=${encodeURIComponent(ct)}` : ''}`;
    const page = await (await ado(sb, ada, pats(sb, 'paging', q))).json();
    sizes.push(page.patTokens.length);
    seen.push(...page.patTokens.map((t) => t.displayName));
    ct = page.continuationToken;
    firstToken ??= ct;
  } while (ct);
  assert.deepEqual(sizes, [100, 100, 50]);
  assert.equal(new Set(seen).size, 250);
  assert.deepEqual(seen, [...seen].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
  const mismatch = await ado(sb, ada, pats(sb, 'paging', `displayFilterOption=all&continuationToken=${encodeURIComponent(firstToken)}`));
  assert.equal(mismatch.status, 400);
  assert.equal((await ado(sb, ada, pats(sb, 'paging', 'continuationToken=%%%garbage'))).status, 400);
  const top = await (await ado(sb, ada, pats(sb, 'paging', '$top=500&displayFilterOption=ACTIVE'))).json();
  assert.equal(top.patTokens.length, 100);
  const small = await (await ado(sb, ada, pats(sb, 'paging', '$top=7&sortByOption=displayDate&isSortAscending=false'))).json();
  assert.equal(small.patTokens.length, 7);
  assert.ok(Date.parse(small.patTokens[0].validTo) >= Date.parse(small.patTokens[6].validTo));
});

test('revoke -> 204; revoked filter; update of revoked refused; expired filter', async () => {
  const t = (await (await create(newPat({ displayName: 'to-revoke' }))).json()).patToken;
  const del = await ado(sb, ada, pats(sb, 'contoso', `authorizationId=${t.authorizationId}`), { method: 'DELETE' });
  assert.equal(del.status, 204);
  assert.equal(await del.text(), '');
  const list = async (f) => (await (await ado(sb, ada, pats(sb, 'contoso', `displayFilterOption=${f}`))).json()).patTokens.map((x) => x.displayName);
  assert.deepEqual(await list('active'), []);
  assert.deepEqual(await list('revoked'), ['to-revoke']);
  const upd = await ado(sb, ada, pats(sb, 'contoso'), { method: 'PUT', body: { authorizationId: t.authorizationId, displayName: 'again' } });
  assert.equal(upd.status, 400);
  assert.equal((await upd.json()).patTokenError, 'invalidAuthorizationId');
  await control(sb, 'POST', '/seed', { user: 'ada@contoso.example', tokens: [{ organization: 'contoso', displayName: 'old', validFrom: days(-60), validTo: days(-1) }] });
  assert.deepEqual(await list('expired'), ['old']);
  assert.deepEqual((await list('all')).sort(), ['old', 'to-revoke']);
  const missing = await ado(sb, ada, pats(sb, 'contoso', 'authorizationId=00000000-0000-4000-8000-000000000001'), { method: 'DELETE' });
  assert.equal(missing.status, 404);
});

test('update: rename, rescope, extend (clamped from validFrom), go global; UpdatePat shape', async () => {
  const t = (await (await create(newPat())).json()).patToken;
  const res = await ado(sb, ada, pats(sb, 'contoso'), {
    method: 'PUT', body: { authorizationId: t.authorizationId, displayName: 'updated_token', scope: 'vso.analytics', validTo: days(900), allOrgs: true },
  });
  assert.equal(res.status, 200);
  const body = await res.json();
  const ex = example('tokens/7.1/httpExamples/Pats/UpdatePat.json').responses['200'].body;
  assert.deepEqual(Object.keys(body).sort(), Object.keys(ex).sort());
  assert.equal(body.patToken.displayName, 'updated_token');
  assert.equal(body.patToken.scope, 'vso.analytics');
  assert.equal(body.patToken.targetAccounts, null);
  assert.equal(body.patToken.token, null);
  assert.ok(Math.abs(Date.parse(body.patToken.validTo) - (Date.parse(t.validFrom) + 365 * 86_400_000)) < 1000);
});

test('a token without vso.pats_manage reads the profile but the tokens API answers 401 or 403 naming the scope', async () => {
  await control(sb, 'POST', '/identity', { omitPatsManageScope: true });
  const t = await signIn(sb, 'ada@contoso.example');
  assert.equal(t.scope, '499b84ac-1321-427f-aa17-267ca6975798/vso.profile');
  const me = await ado(sb, t.access_token, `${sb.urls.profile}/_apis/profile/profiles/me?api-version=7.1`);
  assert.equal(me.status, 200);
  const refused = await ado(sb, t.access_token, pats(sb, 'contoso'));
  assert.equal(refused.status, 401);
  assert.match((await refused.json()).message, /vso\.pats_manage/);
  assert.match(refused.headers.get('www-authenticate'), /insufficient_scope/);
  await control(sb, 'POST', '/devops', { missingScopeStatus: 403 });
  assert.equal((await ado(sb, t.access_token, pats(sb, 'contoso'))).status, 403);
  assert.equal((await ado(sb, ada, pats(sb, 'contoso'))).status, 200, 'a full token still works');
});
