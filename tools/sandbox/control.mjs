// Control API on the site origin (/_sandbox/*): test hooks, no auth, JSON in and out.
import { readBody, sendJson, send } from './http.mjs';
import { IDENTITY_DEFAULTS, DEVOPS_DEFAULTS, tokenStatus } from './state.mjs';
import { seedTokens } from './seed.mjs';
import { addFault } from './faults.mjs';
import { dotnetDate } from './http.mjs';

function httpError(status, message) {
  return Object.assign(new Error(message), { status });
}

async function jsonBody(req) {
  const text = await readBody(req);
  if (!text.trim()) return {};
  try { return JSON.parse(text); } catch { throw httpError(400, 'body must be JSON'); }
}

// Only known switch names, so a typo in a test fails loudly instead of silently doing nothing.
function applySwitches(target, defaults, body) {
  for (const [k, v] of Object.entries(body)) {
    if (!(k in defaults)) throw httpError(400, `unknown switch '${k}'; known: ${Object.keys(defaults).join(', ')}`);
    target[k] = v;
  }
  return target;
}

function snapshot(state) {
  return {
    now: new Date(state.now()).toISOString(),
    clockOffsetMs: state.clockOffsetMs,
    urls: state.urls,
    users: state.users,
    organizations: [...state.orgs.values()],
    tokens: [...state.tokens.values()].map((t) => ({
      authorizationId: t.authorizationId,
      user: state.users.find((u) => u.oid === t.userOid)?.email ?? t.userOid,
      organization: t.organization,
      displayName: t.displayName,
      scope: t.scope,
      validFrom: dotnetDate(t.validFrom),
      validTo: dotnetDate(t.validTo),
      targetAccounts: t.targetAccounts,
      status: tokenStatus(state, t),
      token: t.token, // secrets included on purpose: tests compare clipboard content
    })),
    faults: state.faults,
    identity: state.identity,
    devops: state.devops,
    configOverride: state.configOverride,
    refreshTokens: state.refreshTokens.size,
  };
}

const HELP = {
  'POST /_sandbox/reset': 'initial state (users, orgs, no tokens, no faults, default switches, empty request log)',
  'POST /_sandbox/seed': '{user, organizations?, perOrganization?, expiredFraction?, globalFraction?, revokedFraction?, tokens?}',
  'GET /_sandbox/state': 'everything, including PAT secrets',
  'POST /_sandbox/identity': Object.keys(IDENTITY_DEFAULTS).join(', ') + ', revokeRefreshTokens',
  'POST /_sandbox/devops': Object.keys(DEVOPS_DEFAULTS).join(', ') + ', rejectValidTokens, claimsChallenge',
  'POST /_sandbox/fault': '{target, kind, status?, retryAfter?, delayMs?, count?, body?, contentType?, afterCommit?}',
  'GET|DELETE /_sandbox/faults': 'list / clear queued faults',
  'GET|DELETE /_sandbox/requests': 'request log (?listener=&since=) / clear',
  'POST|PUT|DELETE /_sandbox/config': 'POST {raw?, status?, contentType?, merge?}; PUT raw body verbatim; DELETE restores',
  'POST /_sandbox/clock': '{offsetMs} or {advanceMs}: shifts the sandbox clock (codes, tokens, PAT expiry)',
};

export function createControlHandler(state, generatedConfig) {
  const routes = {
    'GET /_sandbox': () => ({ endpoints: HELP }),
    'POST /_sandbox/reset': () => { state.reset(); return { ok: true }; },
    'POST /_sandbox/seed': (b) => seedTokens(state, b),
    'GET /_sandbox/state': () => snapshot(state),
    'POST /_sandbox/identity': (b) => {
      if (b.revokeRefreshTokens) { state.refreshTokens.clear(); delete b.revokeRefreshTokens; }
      return applySwitches(state.identity, IDENTITY_DEFAULTS, b);
    },
    'POST /_sandbox/devops': (b) => {
      // Switches about "the tokens issued so far" become a cut-off in the token sequence.
      if (b.rejectValidTokens !== undefined) {
        state.devops.rejectTokensBelowSeq = b.rejectValidTokens ? state.accessTokenSeq : 0;
        delete b.rejectValidTokens;
      }
      if (b.claimsChallenge !== undefined) {
        state.devops.claimsChallengeBelowSeq = b.claimsChallenge ? state.accessTokenSeq : 0;
        delete b.claimsChallenge;
      }
      return applySwitches(state.devops, DEVOPS_DEFAULTS, b);
    },
    'POST /_sandbox/fault': (b) => addFault(state, b),
    'GET /_sandbox/faults': () => state.faults,
    'DELETE /_sandbox/faults': () => { state.faults.length = 0; return { ok: true }; },
    'DELETE /_sandbox/fault': () => { state.faults.length = 0; return { ok: true }; },
    'GET /_sandbox/requests': (b, url) => {
      const listener = url.searchParams.get('listener');
      const since = Number(url.searchParams.get('since') || 0);
      return state.requests.filter((r) => (!listener || r.listener === listener) && r.seq > since);
    },
    'DELETE /_sandbox/requests': () => { state.requests.length = 0; return { ok: true }; },
    'POST /_sandbox/config': (b) => {
      if (b.merge) {
        state.configOverride = { status: 200, raw: JSON.stringify({ ...generatedConfig(state), ...b.merge }) };
      } else {
        state.configOverride = { status: Number(b.status ?? 200), raw: b.raw ?? null, contentType: b.contentType ?? null };
        if (state.configOverride.status === 200 && state.configOverride.raw == null) throw httpError(400, 'raw is required for status 200');
      }
      return state.configOverride;
    },
    'DELETE /_sandbox/config': () => { state.configOverride = null; return { ok: true }; },
    'POST /_sandbox/clock': (b) => {
      if (b.offsetMs !== undefined) state.clockOffsetMs = Number(b.offsetMs);
      if (b.advanceMs !== undefined) state.clockOffsetMs += Number(b.advanceMs);
      return { now: new Date(state.now()).toISOString(), clockOffsetMs: state.clockOffsetMs };
    },
  };

  return async (req, res, url) => {
    const key = `${req.method} ${url.pathname.replace(/\/$/, '') || '/'}`;
    try {
      if (key === 'PUT /_sandbox/config') {
        // Raw body served verbatim (invalid JSON included) so the app's config errors can be tested.
        state.configOverride = { status: 200, raw: await readBody(req), contentType: req.headers['content-type'] || null };
        return sendJson(res, 200, state.configOverride);
      }
      const route = routes[key];
      if (!route) return sendJson(res, 404, { error: `no control route ${key}`, endpoints: HELP });
      const body = req.method === 'POST' ? await jsonBody(req) : {};
      const out = await route(body, url);
      return sendJson(res, 200, out);
    } catch (e) {
      if (!res.headersSent) sendJson(res, e.status || 500, { error: e.message });
      else send(res, 500, '');
    }
  };
}
