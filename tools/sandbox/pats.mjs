// PAT lifecycle API: /{organization}/_apis/tokens/pats (list, get, create, update, revoke).
// Errors that the API reports through PatTokenResult use HTTP 400 (404 for authorizationNotFound);
// the switch devops.patTokenErrorStatus can force another status (e.g. 200) to test both readings.
import { createHash } from 'node:crypto';
import { dotnetDate, isGuid } from './http.mjs';
import { makeToken } from './seed.mjs';
import { tokenStatus } from './state.mjs';
import { parseScopes } from './scopes.mjs';

const DAY = 86_400_000;
const FILTERS = ['active', 'expired', 'revoked', 'all'];
const SORTS = { displayname: 'displayName', displaydate: 'displayDate', status: 'status' };
const STATUS_ORDER = { active: 0, expired: 1, revoked: 2 };

const view = (tok, withSecret = false) => ({
  displayName: tok.displayName,
  validTo: dotnetDate(tok.validTo),
  scope: tok.scope,
  targetAccounts: tok.targetAccounts ? [...tok.targetAccounts] : null,
  validFrom: dotnetDate(tok.validFrom),
  authorizationId: tok.authorizationId,
  token: withSecret ? tok.token : null, // the secret is only ever returned by create
});

function patError(state, code, message) {
  const status = state.devops.patTokenErrorStatus ?? (code === 'authorizationNotFound' ? 404 : 400);
  return { status, json: { patToken: null, patTokenError: code, patTokenErrorMessage: message } };
}

// One-shot switch: the next create/update answers with this patTokenError.
function forcedError(state) {
  const code = state.devops.nextPatTokenError;
  if (!code) return null;
  const msg = state.devops.nextPatTokenErrorMessage ?? `Sandbox forced patTokenError '${code}'.`;
  state.devops.nextPatTokenError = null;
  state.devops.nextPatTokenErrorMessage = null;
  return patError(state, code, msg);
}

function list(state, ctx, visible) {
  const q = ctx.url.searchParams;
  const bad = (m) => ctx.vssError(400, m, 'ArgumentException', 'System.ArgumentException, mscorlib');
  const filter = (q.get('displayFilterOption') ?? 'active').toLowerCase();
  if (!FILTERS.includes(filter)) return bad(`The value '${q.get('displayFilterOption')}' is not valid for displayFilterOption.`);
  const sortRaw = q.get('sortByOption') ?? 'displayName';
  const sort = SORTS[sortRaw.toLowerCase()];
  if (!sort) return bad(`The value '${sortRaw}' is not valid for sortByOption.`);
  const ascRaw = (q.get('isSortAscending') ?? 'true').toLowerCase();
  if (!['true', 'false'].includes(ascRaw)) return bad(`The value '${q.get('isSortAscending')}' is not valid for isSortAscending.`);
  const asc = ascRaw === 'true';
  let top = state.devops.defaultPageSize;
  if (q.has('$top')) {
    top = Number(q.get('$top'));
    if (!Number.isInteger(top) || top < 1) return bad(`The value '${q.get('$top')}' is not valid for $top.`);
  }
  top = Math.min(top, 100); // "limit of 100" per the spec

  // Opaque continuation token: offset + a hash of the filters it was issued for.
  const filterHash = createHash('sha256').update(JSON.stringify([ctx.user.oid, ctx.org.accountId, filter, sort, asc])).digest('base64url').slice(0, 16);
  let offset = 0;
  const ct = q.get('continuationToken');
  if (ct) {
    let parsed;
    try { parsed = JSON.parse(Buffer.from(ct, 'base64url').toString('utf8')); } catch { parsed = null; }
    if (!parsed || !Number.isInteger(parsed.o) || parsed.o < 0) return bad('The continuation token is not valid.');
    if (parsed.h !== filterHash) return bad('The continuation token was issued for different filtering or sorting options. Subsequent calls must supply the same options.');
    offset = parsed.o;
  }
  const items = visible.filter((t) => filter === 'all' || tokenStatus(state, t) === filter);
  const byName = (a, b) => a.displayName.localeCompare(b.displayName, 'en', { sensitivity: 'base' }) || a.authorizationId.localeCompare(b.authorizationId);
  const cmp = {
    displayName: byName,
    displayDate: (a, b) => a.validTo - b.validTo || byName(a, b),
    status: (a, b) => STATUS_ORDER[tokenStatus(state, a)] - STATUS_ORDER[tokenStatus(state, b)] || a.validTo - b.validTo || byName(a, b),
  }[sort];
  items.sort(asc ? cmp : (a, b) => cmp(b, a));
  const page = items.slice(offset, offset + top);
  const next = offset + top < items.length ? Buffer.from(JSON.stringify({ o: offset + top, h: filterHash })).toString('base64url') : '';
  return { status: 200, json: { continuationToken: next, patTokens: page.map((t) => view(t)) } };
}

function validateCommon(state, body, { requireAll }) {
  const d = state.devops;
  const now = state.now();
  const out = {};
  if (requireAll || body.displayName !== undefined) {
    if (typeof body.displayName !== 'string' || !body.displayName.trim()) return { err: ['displayNameRequired', 'The display name is required.'] };
    if (body.displayName.length > 256 || /[\u0000-\u001f]/.test(body.displayName)) return { err: ['invalidDisplayName', 'The display name is not valid.'] };
    out.displayName = body.displayName;
  }
  if (requireAll || body.scope !== undefined) {
    const scopes = parseScopes(body.scope);
    if (!scopes) return { err: ['invalidScope', `The scope '${body.scope}' is not valid.`] };
    if (d.blockFullScope && scopes.includes('app_token')) {
      return { err: ['fullScopePatPolicyViolation', 'Your organization policy restricts creating full-scoped personal access tokens.'] };
    }
    out.scope = scopes.join(' ');
  }
  if (requireAll || body.validTo !== undefined) {
    const vt = typeof body.validTo === 'string' ? Date.parse(body.validTo) : NaN;
    if (!Number.isFinite(vt) || vt <= now) return { err: ['invalidValidTo', 'The expiration date must be a valid date in the future.'] };
    out.validTo = vt;
  }
  if (body.allOrgs !== undefined) {
    if (body.allOrgs === true && d.blockGlobalPats) {
      return { err: ['globalPatPolicyViolation', 'Your organization policy restricts creating global personal access tokens.'] };
    }
    out.allOrgs = body.allOrgs === true;
  }
  return { out };
}

// Lifespan policy: clamp to max (spec behaviour) or refuse when rejectLongLifespan is on.
function applyLifespan(state, validTo, fromMs) {
  const max = fromMs + state.devops.maxLifespanDays * DAY;
  if (validTo <= max) return { validTo };
  if (state.devops.rejectLongLifespan) {
    return { err: ['patLifespanPolicyViolation', `Your organization policy limits personal access tokens to ${state.devops.maxLifespanDays} days.`] };
  }
  return { validTo: max };
}

function create(state, ctx) {
  if (state.devops.blockPatCreation) return patError(state, 'disablePatCreationPolicyViolation', 'Your organization policy restricts creating personal access tokens.');
  const forced = forcedError(state);
  if (forced) return forced;
  const v = validateCommon(state, ctx.body, { requireAll: true });
  if (v.err) return patError(state, ...v.err);
  if (state.devops.packagingScopesOnly && !v.out.scope.split(' ').every((s) => s.startsWith('vso.packaging'))) {
    return patError(state, 'disablePatCreationPolicyViolation', 'Your organization policy allows creating personal access tokens with packaging scopes only.');
  }
  const life = applyLifespan(state, v.out.validTo, state.now());
  if (life.err) return patError(state, ...life.err);
  const tok = makeToken(state, {
    user: ctx.user, org: ctx.org, displayName: v.out.displayName, scope: v.out.scope,
    validTo: life.validTo, global: v.out.allOrgs === true,
  });
  return { status: 200, json: { patToken: view(tok, true), patTokenError: 'none' } };
}

function update(state, ctx, find) {
  const id = ctx.body.authorizationId;
  if (!isGuid(id)) return patError(state, 'invalidAuthorizationId', 'The authorizationId is missing or not a valid GUID.');
  const tok = find(id);
  if (!tok) return patError(state, 'authorizationNotFound', `The personal access token with authorizationId '${id}' was not found.`);
  const status = tokenStatus(state, tok);
  if (status === 'revoked') return patError(state, 'invalidAuthorizationId', 'The personal access token has been revoked and cannot be updated.');
  const forced = forcedError(state);
  if (forced) return forced;
  if (status === 'expired' && state.devops.blockExpiredExtension && ctx.body.validTo !== undefined) {
    return patError(state, 'expiredPatCannotBeExtended', 'An expired personal access token cannot be extended.');
  }
  const v = validateCommon(state, ctx.body, { requireAll: false });
  if (v.err) return patError(state, ...v.err);
  let validTo = tok.validTo;
  if (v.out.validTo !== undefined) {
    // Spec: an update is clamped to "the date the PAT was initially created + maximum lifespan".
    const life = applyLifespan(state, v.out.validTo, tok.validFrom);
    if (life.err) return patError(state, ...life.err);
    validTo = life.validTo;
  }
  if (v.out.displayName !== undefined) tok.displayName = v.out.displayName;
  if (v.out.scope !== undefined) tok.scope = v.out.scope;
  tok.validTo = validTo;
  if (v.out.allOrgs === true) tok.targetAccounts = null;
  if (v.out.allOrgs === false && tok.targetAccounts === null) tok.targetAccounts = [ctx.org.accountId];
  return { status: 200, json: { patToken: view(tok), patTokenError: 'none' } };
}

export function patsRoute(ctx) {
  const { state, user, url, target } = ctx;
  const raw = url.pathname.split('/')[1];
  let orgName = raw;
  try { orgName = decodeURIComponent(raw); } catch { /* keep raw */ }
  const org = state.orgs.get(orgName.toLowerCase());
  if (!org) {
    return ctx.vssError(404, `VS800075: The project collection with name '${orgName}' does not exist or you do not have permission to access it.`, 'HostNotFoundException');
  }
  if (!user.organizations.some((o) => o.toLowerCase() === org.name.toLowerCase())) {
    return ctx.vssError(401, `TF400813: The user '${user.oid}' is not authorized to access this resource.`, 'UnauthorizedRequestException');
  }
  ctx.org = org;
  // A user's PATs are visible in an organization they target, and global PATs everywhere.
  const isVisible = (t) => t.userOid === user.oid && (t.targetAccounts === null || t.targetAccounts.includes(org.accountId));
  const find = (id) => {
    const t = state.tokens.get(String(id).toLowerCase());
    return t && isVisible(t) ? t : null;
  };
  if (target === 'list') return list(state, ctx, [...state.tokens.values()].filter(isVisible));
  if (target === 'create') return create(state, ctx);
  if (target === 'update') return update(state, ctx, find);
  const id = url.searchParams.get('authorizationId');
  if (!isGuid(id)) return patError(state, 'invalidAuthorizationId', 'The authorizationId is missing or not a valid GUID.');
  const tok = find(id);
  if (!tok) return patError(state, 'authorizationNotFound', `The personal access token with authorizationId '${id}' was not found.`);
  if (target === 'get') return { status: 200, json: { patToken: view(tok), patTokenError: 'none' } };
  // revoke: idempotent, 204 like the recorded example
  if (tok.revokedAt == null) tok.revokedAt = state.now();
  return { status: 204 };
}
