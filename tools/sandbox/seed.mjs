// The sandbox directory (users, organizations) and bulk PAT seeding for tests and demos.
import { randomBytes, createHash } from 'node:crypto';
import { detGuid, guid, quantizeMs } from './http.mjs';

const DAY = 86_400_000;

// `tenant`: the Entra tenant the organization is connected to. Only organizations that name
// one check it (they accept only that tenant's tokens); the others accept any sandbox token.
export function makeOrg(name, tenant = null) {
  return { name, accountId: detGuid(`org:${name.toLowerCase()}`), tenant };
}

// The sandbox's Entra tenants: a key, its tenant ID and the domains that name it.
export const TENANTS = {
  contoso: { tid: detGuid('tenant:contoso'), domains: ['contoso.example', 'contoso.onmicrosoft.com'] },
  fabrikam: { tid: detGuid('tenant:fabrikam'), domains: ['fabrikam.example', 'fabrikam.onmicrosoft.com'] },
  woodgrove: { tid: detGuid('tenant:woodgrove'), domains: ['woodgrove.example', 'woodgrove.onmicrosoft.com'] },
};

// The tenant key a path segment names (key, tenant ID or domain), or null (organizations,
// common, or a tenant the sandbox does not know).
export function tenantNamed(segment) {
  const s = String(segment || '').toLowerCase();
  for (const [key, t] of Object.entries(TENANTS)) {
    if (s === key || s === t.tid || t.domains.includes(s)) return key;
  }
  return null;
}

function makeUser(key, name, email, tenant, orgs, guestOf = []) {
  return {
    oid: detGuid(`oid:${key}`),
    tid: detGuid(`tenant:${tenant}`),
    homeTenant: tenant,
    guestOf, // tenants the user is a guest in (B2B): a grant at one of them gives its tid
    profileId: detGuid(`profile:${key}`), // ADO's VSID differs from the Entra oid, like the real service
    name,
    email,
    organizations: orgs,
  };
}

// Ada: contoso + fabrikam. Grace: fabrikam + northwind. Gus, a contoso user and a guest in
// woodgrove: contoso-labs (contoso) + woodgrove-ops (woodgrove), each accepting only its own
// tenant's tokens. No tokens.
export function defaultDirectory() {
  const orgs = new Map();
  for (const n of ['contoso', 'fabrikam', 'northwind']) orgs.set(n, makeOrg(n));
  orgs.set('contoso-labs', makeOrg('contoso-labs', 'contoso'));
  orgs.set('woodgrove-ops', makeOrg('woodgrove-ops', 'woodgrove'));
  const users = [
    makeUser('ada', 'Ada Lovelace', 'ada@contoso.example', 'contoso', ['contoso', 'fabrikam']),
    makeUser('grace', 'Grace Hopper', 'grace@fabrikam.example', 'fabrikam', ['fabrikam', 'northwind']),
    makeUser('gus', 'Gus Guest', 'gus@contoso.example', 'contoso', ['contoso-labs', 'woodgrove-ops'], ['woodgrove']),
  ];
  return { orgs, users };
}

export function findUser(state, key) {
  if (key == null) return state.users[0];
  const k = String(key).toLowerCase();
  return state.users.find((u) => u.email.toLowerCase() === k || u.oid === k || u.profileId === k
    || u.name.toLowerCase() === k || u.email.split('@')[0] === k) || null;
}

export function ensureOrg(state, name) {
  const key = name.toLowerCase();
  if (!state.orgs.has(key)) state.orgs.set(key, makeOrg(name));
  return state.orgs.get(key);
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
// 84 chars like current ADO PATs, which carry the fixed "AZDO" signature at offset 76.
export function makeSecret() {
  let out = '';
  while (out.length < 80) {
    for (const b of randomBytes(96)) {
      if (b < 248 && out.length < 80) out += ALPHABET[b % 62];
    }
  }
  return out.slice(0, 76) + 'AZDO' + out.slice(76, 80);
}

export function makeToken(state, { user, org, displayName, scope, validFrom, validTo, global = false, revoked = false }) {
  const now = state.now();
  const tok = {
    authorizationId: guid(),
    userOid: user.oid,
    organization: org.name,
    displayName,
    scope,
    validFrom: quantizeMs(validFrom ?? now),
    validTo: quantizeMs(validTo),
    targetAccounts: global ? null : [org.accountId],
    token: makeSecret(),
    revokedAt: revoked ? now : null,
  };
  state.tokens.set(tok.authorizationId, tok);
  return tok;
}

const PURPOSES = ['build-agent', 'release', 'nuget-feed', 'analytics', 'work-items', 'code-read',
  'ci-pipeline', 'package-publish', 'test-runner', 'backup', 'wiki-sync', 'ssh-bridge'];
const SCOPES = ['vso.code', 'vso.build_execute', 'vso.packaging', 'vso.analytics', 'vso.work_full',
  'vso.code_write vso.build', 'app_token', 'vso.release_execute vso.variablegroups_read'];

// Deterministic pseudo-random fraction in [0,1) per (seed, i): reruns produce the same spread.
function frac(seed) {
  return createHash('sha256').update(seed).digest().readUInt32BE(0) / 2 ** 32;
}

// POST /_sandbox/seed. Returns a summary; throws Error with .status on bad input.
export function seedTokens(state, spec = {}) {
  const user = findUser(state, spec.user);
  if (!user) throw Object.assign(new Error(`unknown user ${spec.user}`), { status: 400 });
  const orgNames = spec.organizations ?? user.organizations;
  const per = Math.max(0, Math.min(100_000, Number(spec.perOrganization ?? (spec.tokens ? 0 : 10))));
  const expiredFraction = Number(spec.expiredFraction ?? 0.1);
  const globalFraction = Number(spec.globalFraction ?? 0.05);
  const revokedFraction = Number(spec.revokedFraction ?? 0);
  const now = state.now();
  let created = 0;
  for (const name of orgNames) {
    // Unknown organizations are created and the user joins them: handy for "many orgs" tests.
    const org = ensureOrg(state, name);
    if (!user.organizations.some((o) => o.toLowerCase() === org.name.toLowerCase())) user.organizations.push(org.name);
    for (let i = 0; i < per; i++) {
      const r = frac(`${user.oid}:${org.name}:${i}`);
      const r2 = frac(`b:${user.oid}:${org.name}:${i}`);
      let validTo;
      if (r < expiredFraction) validTo = now - (1 + r2 * 90) * DAY;
      else {
        const bucket = r2 * 10;
        if (bucket < 1) validTo = now + (1 / 24 + bucket * (7 - 1 / 24)) * DAY; // 1 h..7 days
        else if (bucket < 3) validTo = now + (7 + (bucket - 1) * 11.5) * DAY; // 7..30 days
        else validTo = now + (30 + (bucket - 3) * 47.8) * DAY;               // 30..365 days
      }
      const lifespan = (30 + Math.floor(r2 * 335)) * DAY;
      makeToken(state, {
        user, org,
        displayName: `${PURPOSES[i % PURPOSES.length]}-${org.name}-${String(i + 1).padStart(4, '0')}`,
        scope: SCOPES[Math.floor(r2 * 1000) % SCOPES.length],
        validFrom: Math.min(now, validTo - lifespan),
        validTo,
        global: frac(`g:${user.oid}:${org.name}:${i}`) < globalFraction,
        revoked: frac(`r:${user.oid}:${org.name}:${i}`) < revokedFraction,
      });
      created++;
    }
  }
  // Explicit tokens: [{organization, displayName, scope, validTo, validFrom, allOrgs, revoked}]
  const explicit = [];
  for (const t of spec.tokens ?? []) {
    const org = ensureOrg(state, t.organization ?? user.organizations[0]);
    const tok = makeToken(state, {
      user, org, displayName: t.displayName ?? `token-${created + 1}`, scope: t.scope ?? 'vso.code',
      validFrom: t.validFrom ? Date.parse(t.validFrom) : undefined,
      validTo: t.validTo ? Date.parse(t.validTo) : now + 30 * DAY,
      global: !!t.allOrgs, revoked: !!t.revoked,
    });
    explicit.push(tok.authorizationId);
    created++;
  }
  return { user: user.email, organizations: orgNames, created, authorizationIds: explicit };
}
