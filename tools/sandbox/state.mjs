// All mutable sandbox state in one object, so reset() really is "back to the start".
import { defaultDirectory } from './seed.mjs';

export const CLIENT_ID = '00000000-0000-4000-8000-00000000c0de';
export const ADO_RESOURCE = '499b84ac-1321-427f-aa17-267ca6975798';

export const IDENTITY_DEFAULTS = {
  autoSignIn: false,          // skip the account picker
  autoSignInUser: null,       // email/oid; default the first user (or login_hint)
  sso: true,                  // a session cookie on the identity origin makes later sign-ins silent
  authorizeError: null,       // one-shot {error, error_description}
  tokenError: null,           // one-shot {error, error_description, status?}
  accessTokenLifetimeSec: 3600,
  refreshTokenLifetimeSec: 86400, // SPA refresh tokens: fixed 24 h from sign-in, not sliding
  codeLifetimeSec: 60,
  omitPatsManageScope: false, // true: tokens carry only vso.profile (a registration without vso.pats_manage)
};

export const DEVOPS_DEFAULTS = {
  maxLifespanDays: 365,
  rejectLongLifespan: false,  // true: patLifespanPolicyViolation instead of clamping
  blockGlobalPats: false,
  blockFullScope: false,
  blockPatCreation: false,
  blockExpiredExtension: false, // true: expiredPatCannotBeExtended on update of an expired PAT
  // true: "Restrict PAT creation" allows packaging scopes only; a create with any other scope
  // gets disablePatCreationPolicyViolation with a message naming packaging (our guess at the
  // real answer: see the README)
  packagingScopesOnly: false,
  // false: Retry-After is left out of Access-Control-Expose-Headers, so the page cannot read it
  exposeRetryAfter: true,
  nextPatTokenError: null,      // one-shot patTokenError for the next create/update
  nextPatTokenErrorMessage: null,
  patTokenErrorStatus: null,    // override the HTTP status of patTokenError answers (e.g. 200)
  accountsAsBareArray: false,
  defaultPageSize: 100,
  missingScopeStatus: 401,
  // Tokens issued before the switch was set (access-token sequence number below this) are
  // refused although still valid: 'rejectAs' 401 (invalid_token) or 203 (sign-in page).
  rejectTokensBelowSeq: 0,
  rejectAs: 401,
  // Tokens issued before this sequence number get a CAE claims challenge (401 insufficient_claims).
  claimsChallengeBelowSeq: 0,
  // Whether CORS lets the page read X-VSS-ResourceTenant and WWW-Authenticate (it is not
  // known whether Azure DevOps exposes them: patdesk copes with both).
  exposeTenantHeaders: true,      // what the tokens API answers a token without vso.pats_manage: 401 or 403
};

export function createState(options = {}) {
  const s = { requests: [], requestSeq: 0, accessTokenSeq: 1 };
  s.now = () => Date.now() + s.clockOffsetMs;
  s.reset = () => {
    const { users, orgs } = defaultDirectory();
    Object.assign(s, {
      users, orgs,
      tokens: new Map(),        // authorizationId -> PAT record
      codes: new Map(),         // auth code -> grant
      refreshTokens: new Map(), // refresh token -> grant
      pendingAuth: new Map(),   // account-picker transaction -> validated authorize params
      identity: { ...IDENTITY_DEFAULTS, autoSignIn: !!options.autoSignIn },
      devops: { ...DEVOPS_DEFAULTS },
      faults: [],
      configOverride: null,
      clockOffsetMs: 0,
    });
    s.requests.length = 0;
  };
  s.logRequest = (listener, req) => {
    const entry = {
      seq: ++s.requestSeq, time: new Date().toISOString(), listener, method: req.method,
      url: req.url, origin: req.headers.origin ?? null, status: null,
    };
    s.requests.push(entry);
    if (s.requests.length > 20000) s.requests.splice(0, 5000);
    return entry;
  };
  s.reset();
  return s;
}

export function tokenStatus(state, tok) {
  if (tok.revokedAt != null) return 'revoked';
  return tok.validTo <= state.now() ? 'expired' : 'active';
}
