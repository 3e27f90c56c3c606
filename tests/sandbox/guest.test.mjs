// The sandbox's second tenant: a guest user with organizations in two tenants, organizations
// that accept only their own tenant's tokens and say which tenant on a 401, a refresh-token
// grant at another tenant's endpoint, and the switch for exposing those headers to CORS.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { start, control, signIn, ado, pats, decode, CLIENT_ID } from './helpers.mjs';
import { TENANTS } from '../../tools/sandbox/seed.mjs';

let sb, gus;
before(async () => {
  sb = await start();
});
after(async () => { await sb.close(); });
beforeEach(async () => {
  await control(sb, 'POST', '/reset');
  gus = await signIn(sb, 'gus@contoso.example');
});

async function grant(tenant, refreshToken) {
  return fetch(`${sb.urls.identity}/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: sb.origin },
    body: new URLSearchParams({ client_id: CLIENT_ID, grant_type: 'refresh_token', refresh_token: refreshToken,
      scope: '499b84ac-1321-427f-aa17-267ca6975798/.default openid profile offline_access' }).toString(),
  });
}

test('the guest lists organizations of both tenants from the home sign-in', async () => {
  const profile = await (await ado(sb, gus.access_token, `${sb.urls.profile}/_apis/profile/profiles/me?api-version=7.1`)).json();
  const accounts = await (await ado(sb, gus.access_token, `${sb.urls.profile}/_apis/accounts?memberId=${profile.id}&api-version=7.1`)).json();
  assert.deepEqual(accounts.value.map((a) => a.accountName).sort(), ['contoso-labs', 'woodgrove-ops']);
  assert.equal(decode(gus.access_token).tid, TENANTS.contoso.tid);
});

test('an organization of another tenant refuses the home token with 401 naming its tenant, exposed to CORS', async () => {
  const res = await ado(sb, gus.access_token, pats(sb, 'woodgrove-ops'));
  assert.equal(res.status, 401);
  assert.match((await res.json()).message, /^TF400813/);
  assert.equal(res.headers.get('x-vss-resourcetenant'), TENANTS.woodgrove.tid);
  assert.match(res.headers.get('www-authenticate'), new RegExp(`authorization_uri=${sb.urls.identity}/${TENANTS.woodgrove.tid}`));
  assert.match(res.headers.get('access-control-expose-headers'), /X-VSS-ResourceTenant/);
  assert.match(res.headers.get('access-control-expose-headers'), /WWW-Authenticate/);
  // The home organization accepts it.
  assert.equal((await ado(sb, gus.access_token, pats(sb, 'contoso-labs'))).status, 200);
});

test('with exposeTenantHeaders off the headers are sent but not exposed to the page', async () => {
  await control(sb, 'POST', '/devops', { exposeTenantHeaders: false });
  const res = await ado(sb, gus.access_token, pats(sb, 'woodgrove-ops'));
  assert.equal(res.status, 401);
  const exposed = res.headers.get('access-control-expose-headers');
  assert.doesNotMatch(exposed, /X-VSS-ResourceTenant/);
  assert.doesNotMatch(exposed, /WWW-Authenticate/);
  assert.match(exposed, /ActivityId/);
});

test('a refresh grant at the other tenant gives that tenant\'s token, which its organization accepts and the home one refuses', async () => {
  for (const name of [TENANTS.woodgrove.tid, 'woodgrove.onmicrosoft.com']) {
    const res = await grant(name, gus.refresh_token);
    assert.equal(res.status, 200);
    const tokens = await res.json();
    gus.refresh_token = tokens.refresh_token; // rotated
    assert.equal(decode(tokens.access_token).tid, TENANTS.woodgrove.tid);
    assert.equal((await ado(sb, tokens.access_token, pats(sb, 'woodgrove-ops'))).status, 200);
    const home = await ado(sb, tokens.access_token, pats(sb, 'contoso-labs'));
    assert.equal(home.status, 401);
    assert.equal(home.headers.get('x-vss-resourcetenant'), TENANTS.contoso.tid);
  }
});

test('a grant at a tenant the user is not in is refused with AADSTS50020', async () => {
  const res = await grant('fabrikam.example', gus.refresh_token);
  assert.equal(res.status, 400);
  const body = await res.json();
  assert.equal(body.error, 'invalid_grant');
  assert.match(body.error_description, /^AADSTS50020/);
});

test('organizations without a tenant still accept any sandbox token', async () => {
  const ada = await signIn(sb, 'ada@contoso.example');
  assert.equal((await ado(sb, ada.access_token, pats(sb, 'fabrikam'))).status, 200);
});
