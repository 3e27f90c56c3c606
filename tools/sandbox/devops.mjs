// Azure DevOps sandbox listeners (profile port and tokens port): CORS, bearer auth, api-version,
// fault injection, then dispatch to profile.mjs / pats.mjs which return plain result objects.
import { guid, send, sendJson, readBody } from './http.mjs';
import { verifyJwt } from './jwt.mjs';
import { ADO_RESOURCE } from './state.mjs';
import { findUser, TENANTS } from './seed.mjs';
import { takeFault, applyFault, SIGN_IN_HTML } from './faults.mjs';
import { profileRoute } from './profile.mjs';
import { patsRoute } from './pats.mjs';

const ALLOW_HEADERS = 'Authorization, Content-Type, Accept, X-TFS-FedAuthRedirect, X-VSS-ReauthenticationAction, X-TFS-Session';
const EXPOSE_HEADERS = 'Retry-After, ActivityId, X-VSS-E2EID, X-MSEdge-Ref, WWW-Authenticate, X-VSS-ResourceTenant';
// With exposeTenantHeaders off: what a browser may read when Azure DevOps does not expose the
// organization's tenant (neither X-VSS-ResourceTenant nor WWW-Authenticate).
const EXPOSE_HEADERS_WITHOUT_TENANT = 'Retry-After, ActivityId, X-VSS-E2EID, X-MSEdge-Ref';

// Without the tenant headers when exposeTenantHeaders is off, and without Retry-After when the
// exposeRetryAfter switch is off: a cross-origin script then
// cannot read it, as with a server that does not list it.
function exposeHeaders(state) {
  const listed = state.devops.exposeTenantHeaders ? EXPOSE_HEADERS : EXPOSE_HEADERS_WITHOUT_TENANT;
  return state.devops.exposeRetryAfter ? listed : listed.replace('Retry-After, ', '');
}

// VssServiceException-shaped JSON, as every ADO error body looks.
export function vssError(status, message, typeKey = 'VssServiceException', typeName) {
  return {
    status,
    json: {
      $id: '1', innerException: null, message,
      typeName: typeName ?? `Microsoft.VisualStudio.Services.Common.${typeKey}, Microsoft.VisualStudio.Services.Common`,
      typeKey, errorCode: 0, eventId: 3000,
    },
  };
}

// api-version from the query or the Accept header ("application/json;api-version=7.1").
function checkApiVersion(req, url, needsPreview) {
  const v = url.searchParams.get('api-version') ?? (/api-version=([^;,\s]+)/.exec(req.headers.accept || '') || [])[1];
  if (!v) {
    return vssError(400, `No api-version was supplied for the "${req.method}" request. The version must be supplied either as part of the Accept header (e.g. "application/json; api-version=1.0") or as a query parameter (e.g. '?api-version=1.0').`,
      'VssVersionNotSpecifiedException', 'Microsoft.VisualStudio.Services.WebApi.VssVersionNotSpecifiedException, Microsoft.VisualStudio.Services.WebApi');
  }
  const m = /^(\d+)\.(\d+)(-preview(\.\d+)?)?$/.exec(v);
  if (!m) return vssError(400, `The api-version '${v}' is not in a valid format.`, 'VssInvalidApiVersionException');
  if (Number(m[1]) * 10 + Number(m[2]) > 72) {
    return vssError(400, `The requested REST API version of ${v} is out of range for this server. The latest REST API version this server supports is 7.2.`, 'VssVersionOutOfRangeException');
  }
  if (needsPreview && !m[3]) {
    return vssError(400, `The requested version "${v}" of the resource is under preview. The -preview flag must be supplied in the api-version for such requests. For example: "${v}-preview"`, 'VssInvalidPreviewVersionException');
  }
  return null;
}

function authenticate(state, req) {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization || '');
  const claims = m && verifyJwt(m[1]);
  if (!claims || claims.aud !== ADO_RESOURCE) return null;
  const now = state.now() / 1000;
  if (!(claims.exp > now) || (claims.nbf && claims.nbf > now + 300)) return null;
  const user = findUser(state, claims.oid);
  return user ? { user, tid: claims.tid, scopes: String(claims.scp || '').split(/\s+/), seq: Number(claims.sbx_seq || 0) } : null;
}

// An organization connected to a tenant accepts only that tenant's tokens. A token from
// another directory gets a 401 that names the organization's tenant twice: in
// X-VSS-ResourceTenant and in WWW-Authenticate's authorization_uri.
function wrongTenant(state, url, tid) {
  const name = decodeURIComponent(url.pathname.split('/')[1] || '').toLowerCase();
  const org = state.orgs.get(name);
  if (!org?.tenant) return null;
  const orgTid = TENANTS[org.tenant]?.tid;
  if (!orgTid || orgTid === tid) return null;
  return {
    ...vssError(401, `TF400813: The user is not authorized to access this resource. The organization '${org.name}' is connected to another directory.`, 'UnauthorizedRequestException'),
    headers: {
      'WWW-Authenticate': `Bearer authorization_uri=${state.urls.identity}/${orgTid}, Basic realm="${state.urls.tokens}/"`,
      'X-VSS-ResourceTenant': orgTid,
    },
  };
}

// A still-valid token the switches say to refuse: the same answers as for a bad bearer.
function refuseValidToken(state, req, res, headers, seq) {
  const d = state.devops;
  if (seq < d.claimsChallengeBelowSeq) {
    // Continuous access evaluation: the token was revoked by policy; sign in again with claims.
    const claims = Buffer.from(JSON.stringify({ access_token: { nbf: { essential: true, value: String(Math.floor(state.now() / 1000)) } } })).toString('base64');
    write(res, { ...vssError(401, 'TF400813: The user is not authorized to access this resource.', 'UnauthorizedRequestException'),
      headers: { 'WWW-Authenticate': `Bearer authorization_uri="${state.urls.identity}/organizations/oauth2/authorize", error="insufficient_claims", claims="${claims}"` } }, headers);
    return true;
  }
  if (seq < d.rejectTokensBelowSeq) {
    if (Number(d.rejectAs) === 203) {
      send(res, 203, SIGN_IN_HTML, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
    } else {
      write(res, { ...vssError(401, 'TF400813: The user is not authorized to access this resource.', 'UnauthorizedRequestException'),
        headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } }, headers);
    }
    return true;
  }
  return false;
}

// The PAT lifecycle API needs vso.pats_manage (or the older user_impersonation).
function missingPatScope(state, scopes) {
  if (scopes.includes('vso.pats_manage') || scopes.includes('user_impersonation')) return null;
  const status = state.devops.missingScopeStatus === 403 ? 403 : 401;
  return {
    ...vssError(status, 'The access token does not include the scope vso.pats_manage that the personal access token API requires.', 'UnauthorizedRequestException'),
    headers: { 'WWW-Authenticate': 'Bearer error="insufficient_scope", scope="vso.pats_manage"' },
  };
}

function target(which, method, url) {
  if (which === 'profile') {
    if (/^\/_apis\/profile\/profiles\/[^/]+\/?$/i.test(url.pathname)) return method === 'GET' ? 'profile' : null;
    if (/^\/_apis\/accounts\/?$/i.test(url.pathname)) return method === 'GET' ? 'accounts' : null;
    return null;
  }
  if (!/^\/[^/]+\/_apis\/tokens\/pats\/?$/i.test(url.pathname)) return null;
  if (method === 'GET') return url.searchParams.has('authorizationId') ? 'get' : 'list';
  return { POST: 'create', PUT: 'update', DELETE: 'revoke' }[method] ?? null;
}

function write(res, r, headers) {
  const h = { ...headers, ...(r.headers || {}) };
  if (r.status === 204) return send(res, 204, '', h);
  if (r.json !== undefined) return sendJson(res, r.status, r.json, h);
  send(res, r.status, r.text ?? '', { 'Content-Type': r.contentType ?? 'text/plain; charset=utf-8', ...h });
}

export function createDevopsHandler(state, which) {
  return async (req, res, url, entry) => {
    const origin = req.headers.origin;
    const allowed = origin && origin === state.urls.siteOrigin;
    const headers = {
      ActivityId: guid(), 'X-VSS-E2EID': guid(), 'X-MSEdge-Ref': `Ref A: ${guid().replace(/-/g, '').toUpperCase()}`,
      'Cache-Control': 'no-cache',
      ...(allowed ? { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': exposeHeaders(state), Vary: 'Origin' } : {}),
    };
    if (req.method === 'OPTIONS') {
      return send(res, 204, '', allowed ? {
        ...headers, 'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
        'Access-Control-Allow-Headers': ALLOW_HEADERS, 'Access-Control-Max-Age': '3600',
      } : headers);
    }
    const t = target(which, req.method, url);
    if (!t) return write(res, vssError(404, `The resource cannot be found: ${req.method} ${url.pathname}`, 'VssResourceNotFoundException'), headers);
    const fault = takeFault(state, t, `${req.method} ${req.url}`);
    if (fault && !fault.afterCommit && await applyFault(fault, res, headers, entry)) return;

    const auth = authenticate(state, req);
    const user = auth?.user;
    if (!user) {
      // The real service answers a bad/missing bearer with a 203 HTML sign-in page, unless the
      // client opts out of redirects with X-TFS-FedAuthRedirect: Suppress (then a 401).
      if (/^suppress$/i.test(req.headers['x-tfs-fedauthredirect'] || '')) {
        return write(res, { ...vssError(401, 'TF400813: The user is not authorized to access this resource.', 'UnauthorizedRequestException'),
          headers: { 'WWW-Authenticate': 'Bearer authorization_uri=' + `${state.urls.identity}/organizations` } }, headers);
      }
      return send(res, 203, SIGN_IN_HTML, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
    }
    const otherDirectory = which === 'tokens' ? wrongTenant(state, url, auth.tid) : null;
    if (otherDirectory) return write(res, otherDirectory, headers);
    if (refuseValidToken(state, req, res, headers, auth.seq)) return;
    const scopeRefusal = which === 'tokens' ? missingPatScope(state, auth.scopes) : null;
    if (scopeRefusal) return write(res, scopeRefusal, headers);
    const bad = checkApiVersion(req, url, which === 'tokens');
    if (bad) return write(res, bad, headers);

    let body = null;
    if (req.method === 'POST' || req.method === 'PUT') {
      const text = await readBody(req);
      try { body = JSON.parse(text || 'null'); } catch {
        return write(res, vssError(400, `TF400898: An Internal Error Occurred. Activity Id: ${headers.ActivityId}.`, 'JsonReaderException', 'Newtonsoft.Json.JsonReaderException, Newtonsoft.Json'), headers);
      }
      if (body === null || typeof body !== 'object') {
        return write(res, vssError(400, 'Value cannot be null.\r\nParameter name: body', 'ArgumentNullException', 'System.ArgumentNullException, mscorlib'), headers);
      }
    }
    const ctx = { state, user, url, body, method: req.method, target: t, vssError };
    const result = which === 'profile' ? profileRoute(ctx) : patsRoute(ctx);
    // afterCommit: the change above is already stored; only the response fails (ambiguous outcome).
    if (fault && fault.afterCommit && await applyFault(fault, res, headers, entry)) return;
    write(res, result, headers);
  };
}
