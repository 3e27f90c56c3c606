// Identity sandbox: the subset of Entra ID v2 endpoints a PKCE SPA uses, with Entra's error texts.
import { createHash, randomBytes } from 'node:crypto';
import { guid, send, sendJson, sendHtml, redirect, readBody, esc, entraTimestamp } from './http.mjs';
import { signJwt, JWKS } from './jwt.mjs';
import { findUser, tenantNamed, TENANTS } from './seed.mjs';
import { CLIENT_ID, ADO_RESOURCE } from './state.mjs';
import { takeFault, applyFault } from './faults.mjs';

const rand = (n = 32) => randomBytes(n).toString('base64url');
const SESSION_COOKIE = 'sbx_session';

// "AADSTS50076: msg\r\nTrace ID: ...\r\nCorrelation ID: ...\r\nTimestamp: ..." like Entra.
function entraError(state, error, description, extra = {}) {
  const traceId = guid(), correlationId = guid(), ts = entraTimestamp(state.now());
  const code = Number((/AADSTS(\d+)/.exec(description) || [])[1] || 0);
  return {
    error,
    error_description: `${description}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${ts}`,
    error_codes: code ? [code] : [],
    timestamp: ts, trace_id: traceId, correlation_id: correlationId,
    error_uri: `${state.urls.identity}/error?code=${code}`,
    ...extra,
  };
}

function errorPage(res, status, code, text) {
  sendHtml(res, status, `<!DOCTYPE html><html><head><title>Sign in to your account</title></head><body>
<h1>Sorry, but we're having trouble signing you in.</h1>
<p id="error">AADSTS${code}: ${esc(text)}</p></body></html>`, { 'Content-Security-Policy': "default-src 'none'" });
}

function appendParams(uri, mode, params) {
  const qs = new URLSearchParams(Object.entries(params).filter(([, v]) => v != null)).toString();
  if (mode === 'fragment') return `${uri}#${qs}`;
  return `${uri}${uri.includes('?') ? '&' : '?'}${qs}`;
}

function redirectError(state, res, p, error, description) {
  const e = entraError(state, error, description);
  redirect(res, appendParams(p.redirectUri, p.responseMode, {
    error: e.error, error_description: e.error_description, error_uri: e.error_uri, state: p.state,
  }));
}

function cookieUser(state, req) {
  const m = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(req.headers.cookie || '');
  return m ? findUser(state, decodeURIComponent(m[1])) : null;
}

function issueCode(state, res, p, user) {
  const code = `0.sbx.${rand(48)}`;
  state.codes.set(code, {
    clientId: p.clientId, redirectUri: p.redirectUri, challenge: p.challenge, scope: p.scope,
    nonce: p.nonce, userOid: user.oid, tid: user.tid, used: false,
    expiresAt: state.now() + state.identity.codeLifetimeSec * 1000,
  });
  const cookie = `${SESSION_COOKIE}=${encodeURIComponent(user.oid)}; Path=/; HttpOnly; SameSite=Lax`;
  redirect(res, appendParams(p.redirectUri, p.responseMode, { code, state: p.state, session_state: guid() }),
    { 'Set-Cookie': cookie });
}

function pickerPage(state, res, base, txn, hint) {
  const users = [...state.users].sort((a, b) => (b.email === hint) - (a.email === hint));
  const items = users.map((u) => `<li><a id="user-${esc(u.email)}" href="${base}/authorize/pick?txn=${txn}&amp;user=${encodeURIComponent(u.email)}">`
    + `${esc(u.name)} <small>${esc(u.email)}</small></a></li>`).join('\n');
  // Plain links only: the page must work under a strict CSP (no inline script).
  sendHtml(res, 200, `<!DOCTYPE html><html><head><title>Pick an account</title>
<style>body{font-family:sans-serif;margin:3em}li{margin:.8em 0}small{color:#666}</style></head>
<body><h1>Pick an account</h1><p>Identity sandbox: no password needed.</p>
<ul>${items}</ul>
<p><a id="cancel" href="${base}/authorize/cancel?txn=${txn}">Cancel</a></p></body></html>`, {
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    'Cache-Control': 'no-store',
  });
}

function authorize(state, req, res, url, base) {
  const q = url.searchParams;
  const p = {
    clientId: q.get('client_id'), redirectUri: q.get('redirect_uri'), responseType: q.get('response_type'),
    responseMode: q.get('response_mode') || 'query', state: q.get('state'), nonce: q.get('nonce'),
    scope: q.get('scope') || '', challenge: q.get('code_challenge'), method: q.get('code_challenge_method'),
    prompt: q.get('prompt'), loginHint: q.get('login_hint'),
  };
  // Without a trusted client and redirect URI Entra shows an error page and never redirects.
  if (p.clientId !== CLIENT_ID) {
    return errorPage(res, 400, 700016, `Application with identifier '${p.clientId}' was not found in the directory 'Sandbox'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`);
  }
  if (p.redirectUri !== state.urls.redirectUri) {
    return errorPage(res, 400, 50011, `The redirect URI '${p.redirectUri}' specified in the request does not match the redirect URIs configured for the application '${CLIENT_ID}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal.`);
  }
  if (!['query', 'fragment'].includes(p.responseMode)) p.responseMode = 'query';
  const forced = state.identity.authorizeError;
  if (forced) {
    state.identity.authorizeError = null;
    return redirectError(state, res, p, forced.error || 'server_error', forced.error_description || 'AADSTS50000: There was an error issuing a token.');
  }
  if (p.responseType !== 'code') {
    return redirectError(state, res, p, 'unsupported_response_type', `AADSTS700054: response_type '${p.responseType}' is not enabled for the application.`);
  }
  if (!p.challenge || p.method !== 'S256') {
    return redirectError(state, res, p, 'invalid_request', "AADSTS9002325: Proof Key for Code Exchange is required for cross-origin authorization code redemption.");
  }
  if (!p.scope.split(/\s+/).includes('openid')) {
    return redirectError(state, res, p, 'invalid_request', "AADSTS90014: The required field 'scope' is missing or does not contain 'openid'.");
  }
  const hinted = p.loginHint ? findUser(state, p.loginHint) : null;
  const session = state.identity.sso ? cookieUser(state, req) : null;
  if (state.identity.autoSignIn) {
    return issueCode(state, res, p, hinted || findUser(state, state.identity.autoSignInUser) || state.users[0]);
  }
  if (p.prompt === 'none') {
    if (session && (!hinted || hinted === session)) return issueCode(state, res, p, session);
    return redirectError(state, res, p, 'login_required', 'AADSTS50058: A silent sign-in request was sent but no user is signed in.');
  }
  if (session && !['login', 'select_account', 'consent'].includes(p.prompt) && (!hinted || hinted === session)) {
    return issueCode(state, res, p, session);
  }
  const txn = rand(18);
  state.pendingAuth.set(txn, p);
  pickerPage(state, res, base, txn, hinted?.email);
}

function pick(state, res, url, cancel) {
  const p = state.pendingAuth.get(url.searchParams.get('txn'));
  if (!p) return errorPage(res, 400, 90015, 'The sign-in request is no longer valid. Start again from the application.');
  state.pendingAuth.delete(url.searchParams.get('txn'));
  if (cancel) {
    return redirectError(state, res, p, 'access_denied', 'AADSTS65004: User declined to consent to access the app.');
  }
  const user = findUser(state, url.searchParams.get('user'));
  if (!user) return errorPage(res, 400, 50034, 'The user account does not exist in the directory.');
  issueCode(state, res, p, user);
}

// The tenant a token is issued for: the one the endpoint's path names when the user is a
// member there (home or guest), the home tenant for organizations / common / a tenant the
// sandbox does not know; null (AADSTS50020) for a known tenant the user is not in.
function grantTenant(user, segment) {
  const key = tenantNamed(segment);
  if (!key) return user.tid;
  if (key === user.homeTenant) return user.tid;
  return user.guestOf?.includes(key) ? TENANTS[key].tid : null;
}

function notInTenant(user, segment) {
  return `AADSTS50020: User account '${user.email}' from identity provider 'https://sts.windows.net/${user.tid}/' does not exist in tenant '${segment}' and cannot access the application '${CLIENT_ID}' in that tenant.`;
}

export function issueTokens(state, user, scopeParam, nonce, rtExpiresAt, tid = user.tid) {
  const now = Math.floor(state.now() / 1000);
  const life = state.identity.accessTokenLifetimeSec;
  const idBase = state.urls.identity;
  // A registration without vso.pats_manage: Entra grants what is registered and says so in scope.
  const scp = state.identity.omitPatsManageScope ? 'vso.profile' : 'user_impersonation';
  const access = signJwt({
    aud: ADO_RESOURCE, iss: `${idBase}/${tid}/`, iat: now, nbf: now, exp: now + life,
    appid: CLIENT_ID, name: user.name, oid: user.oid, tid, upn: user.email, unique_name: user.email,
    scp, sub: user.oid, uti: rand(16), ver: '1.0',
    sbx_seq: state.accessTokenSeq++, // lets the rejection switches tell old tokens from new
  });
  const id = signJwt({
    aud: CLIENT_ID, iss: `${idBase}/${tid}/v2.0`, iat: now, nbf: now, exp: now + 3600,
    name: user.name, nonce: nonce ?? undefined, oid: user.oid,
    // Entra's optional login_hint claim: an opaque value for logout_hint / login_hint.
    login_hint: Buffer.from(`O.sbx.${user.oid}`).toString('base64url'), preferred_username: user.email,
    sub: user.oid, tid, uti: rand(16), ver: '2.0',
  });
  const refresh = `1.sbx.${rand(64)}`;
  state.refreshTokens.set(refresh, { userOid: user.oid, scope: scopeParam, expiresAt: rtExpiresAt, issuedAt: state.now() });
  return {
    token_type: 'Bearer',
    scope: `${ADO_RESOURCE}/${scp}`,
    expires_in: life, ext_expires_in: life,
    access_token: access, refresh_token: refresh, id_token: id,
    client_info: Buffer.from(JSON.stringify({ uid: user.oid, utid: tid })).toString('base64url'),
  };
}

async function token(state, req, res, entry, tenantSegment) {
  const origin = req.headers.origin;
  const cors = origin === state.urls.siteOrigin ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : {};
  const base = { ...cors, 'Cache-Control': 'no-store, no-cache', Pragma: 'no-cache' };
  if (req.method === 'OPTIONS') {
    return send(res, 204, '', origin === state.urls.siteOrigin ? {
      ...cors, 'Access-Control-Allow-Methods': 'POST, OPTIONS',
      'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] || 'content-type',
      'Access-Control-Max-Age': '86400',
    } : {});
  }
  if (req.method !== 'POST') return sendJson(res, 405, entraError(state, 'invalid_request', 'AADSTS900561: The endpoint only accepts POST requests.'), base);
  const fault = takeFault(state, 'token');
  if (fault && await applyFault(fault, res, base, entry)) return;
  const fail = (error, desc, status = 400) => sendJson(res, status, entraError(state, error, desc), base);
  const body = new URLSearchParams(await readBody(req));
  if (!origin) {
    return fail('invalid_request', "AADSTS9002327: Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.");
  }
  const forced = state.identity.tokenError;
  if (forced) {
    state.identity.tokenError = null;
    return fail(forced.error || 'invalid_grant', forced.error_description || 'AADSTS50000: There was an error issuing a token.', forced.status || 400);
  }
  const grant = body.get('grant_type');
  if (!grant) return fail('invalid_request', "AADSTS900144: The request body must contain the following parameter: 'grant_type'.");
  if (body.get('client_id') !== CLIENT_ID) {
    return fail('unauthorized_client', `AADSTS700016: Application with identifier '${body.get('client_id')}' was not found in the directory 'Sandbox'.`);
  }
  const now = state.now();
  if (grant === 'authorization_code') {
    const code = body.get('code');
    const c = code && state.codes.get(code);
    if (!c) return fail('invalid_grant', "AADSTS70000: The provided value for the 'code' parameter is not valid.");
    if (c.used) return fail('invalid_grant', 'AADSTS54005: OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.');
    c.used = true; // burnt on any redemption attempt, successful or not
    if (now > c.expiresAt) return fail('invalid_grant', 'AADSTS70008: The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.');
    if (body.get('redirect_uri') !== c.redirectUri) {
      return fail('invalid_grant', "AADSTS50148: The redirect_uri does not match the redirect URI used to obtain the authorization code.");
    }
    const verifier = body.get('code_verifier');
    if (!verifier) return fail('invalid_request', "AADSTS900144: The request body must contain the following parameter: 'code_verifier'.");
    const computed = createHash('sha256').update(verifier, 'ascii').digest('base64url');
    if (computed !== c.challenge) {
      return fail('invalid_grant', 'AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request.');
    }
    const user = findUser(state, c.userOid);
    const rtExpiry = now + state.identity.refreshTokenLifetimeSec * 1000;
    const tid = grantTenant(user, tenantSegment);
    if (!tid) return fail('invalid_grant', notInTenant(user, tenantSegment));
    return sendJson(res, 200, issueTokens(state, user, body.get('scope') || c.scope, c.nonce, rtExpiry, tid), base);
  }
  if (grant === 'refresh_token') {
    const rt = body.get('refresh_token');
    const g = rt && state.refreshTokens.get(rt);
    if (!g) return fail('invalid_grant', 'AADSTS70000: Provided grant is invalid or malformed.');
    state.refreshTokens.delete(rt); // rotation: the old refresh token dies here
    if (now > g.expiresAt) {
      return fail('invalid_grant', `AADSTS700084: The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 1.00:00:00, which cannot be extended. It is now expired and a new sign in request must be sent by the SPA to the sign in page. The token was issued on ${new Date(g.issuedAt).toISOString()}.`);
    }
    const user = findUser(state, g.userOid);
    if (!user) return fail('invalid_grant', 'AADSTS50034: The user account does not exist in the directory.');
    // Entra refresh tokens are not bound to one tenant: a grant at another tenant's endpoint
    // gives that tenant's access token, when the user is a guest there.
    const tid = grantTenant(user, tenantSegment);
    if (!tid) return fail('invalid_grant', notInTenant(user, tenantSegment));
    return sendJson(res, 200, issueTokens(state, user, body.get('scope') || g.scope, null, g.expiresAt, tid), base);
  }
  return fail('unsupported_grant_type', `AADSTS70003: The app requested an unsupported grant type '${grant}'.`);
}

function discovery(state, tenant) {
  const b = `${state.urls.identity}/${tenant}`;
  const issuerTenant = /^[0-9a-f-]{36}$/i.test(tenant) ? tenant : '{tenantid}';
  return {
    token_endpoint: `${b}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${b}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${state.urls.identity}/${issuerTenant}/v2.0`,
    request_uri_parameter_supported: false,
    authorization_endpoint: `${b}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${b}/oauth2/v2.0/logout`,
    code_challenge_methods_supported: ['plain', 'S256'],
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'oid'],
    tenant_region_scope: null,
  };
}

export function createIdentityHandler(state) {
  return async (req, res, url, entry) => {
    const parts = url.pathname.split('/').filter(Boolean);
    const tenant = parts[0];
    const rest = parts.slice(1).join('/');
    const base = `${state.urls.identity}/${tenant}/oauth2/v2.0`;
    if (tenant === 'error') {
      return sendHtml(res, 200, `<!DOCTYPE html><p>AADSTS${esc(url.searchParams.get('code'))} (identity sandbox)</p>`);
    }
    if (rest === 'v2.0/.well-known/openid-configuration') {
      return sendJson(res, 200, discovery(state, tenant), { 'Access-Control-Allow-Origin': '*' });
    }
    if (rest === 'discovery/v2.0/keys') return sendJson(res, 200, JWKS, { 'Access-Control-Allow-Origin': '*' });
    if (rest === 'oauth2/v2.0/token') return token(state, req, res, entry, tenant);
    if (rest === 'oauth2/v2.0/authorize') {
      const fault = takeFault(state, 'authorize');
      if (fault && await applyFault(fault, res, {}, entry)) return;
      return authorize(state, req, res, url, base);
    }
    if (rest === 'oauth2/v2.0/authorize/pick') return pick(state, res, url, false);
    if (rest === 'oauth2/v2.0/authorize/cancel') return pick(state, res, url, true);
    if (rest === 'oauth2/v2.0/logout') {
      const clear = { 'Set-Cookie': `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax` };
      const target = url.searchParams.get('post_logout_redirect_uri');
      let ok = false;
      try { ok = !!target && new URL(target).origin === state.urls.siteOrigin; } catch { /* invalid URL */ }
      if (ok) return redirect(res, target, clear);
      return sendHtml(res, 200, '<!DOCTYPE html><html><body><h1>You signed out of your account</h1><p>It\'s a good idea to close all browser windows.</p></body></html>', clear);
    }
    send(res, 404, 'Not found', { 'Content-Type': 'text/plain' });
  };
}
