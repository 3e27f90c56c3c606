// The fault matrix: every fault the sandbox can inject, on every API call patdesk makes.
// For each cell: the app stays responsive, shows the specific message (or recovers on its
// own where a retry is safe), keeps what the person typed, succeeds on retry once the fault
// clears, and never duplicates a create.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sandboxControl, startAll, openApp, click, typeInto, waitForState, state, settle } from './harness.mjs';

let env;
let page;
let control;
before(async () => {
  env = await startAll({ autoSignIn: true });
  control = sandboxControl(env);
  ({ page } = await openApp(env));
});
after(async () => { await env?.close(); });


const FAULTS = {
  drop: { kind: 'drop' },
  500: { kind: 'status', status: 500 },
  503: { kind: 'status', status: 503, retryAfter: '1' },
  429: { kind: 'status', status: 429, retryAfter: '1' },
  html203: { kind: 'html203' },
  401: { kind: 'status', status: 401, body: '{"$id":"1","message":"TF400813: The user is not authorized to access this resource.","typeKey":"UnauthorizedRequestException"}', contentType: 'application/json' },
  malformed: { kind: 'malformed' },
  delay: { kind: 'delay', delayMs: 8000 },
};

// What a person must see for each cell: 'ok' = patdesk recovers by itself (a safe automatic
// retry, or just patience); otherwise the error code it must show.
const AUTO_RETRIED_GET = { drop: 'ok', 500: 'ok', 503: 'ok', 429: 'ok', html203: 'devops.sign_in_page', 401: 'devops.unauthorized', malformed: 'devops.malformed', delay: 'ok' };
const EXPECTED = {
  // A dropped connection may be re-sent once by Chromium itself (see update/revoke).
  token: { drop: /^(ok|auth\.network)$/, 500: /^(auth|oauth|aadsts)\./, 503: /^(auth|oauth|aadsts)\./, 429: /^(auth|oauth|aadsts)\./, html203: /^(auth|oauth)\./, 401: /^(auth|oauth|aadsts)\./, malformed: /^(auth|oauth)\./, delay: 'ok' },
  profile: AUTO_RETRIED_GET,
  accounts: AUTO_RETRIED_GET,
  list: AUTO_RETRIED_GET,
  get: AUTO_RETRIED_GET,
  create: { drop: /^(ok|devops\.create_ambiguous)$/, 500: 'devops.create_ambiguous', 503: 'devops.create_ambiguous', 429: 'devops.throttled', html203: 'devops.sign_in_page', 401: 'devops.unauthorized', malformed: 'devops.create_ambiguous', delay: 'ok' },
  // PUT and DELETE are idempotent: Chromium itself re-sends them once when a kept-alive
  // connection drops, so a single drop may heal before patdesk sees it.
  update: { drop: /^(ok|devops\.network)$/, 500: 'ok', 503: 'ok', 429: 'devops.throttled', html203: 'devops.sign_in_page', 401: 'devops.unauthorized', malformed: 'devops.malformed', delay: 'ok' },
  revoke: { drop: /^(ok|devops\.network)$/, 500: 'ok', 503: 'ok', 429: 'devops.throttled', html203: 'devops.sign_in_page', 401: 'devops.unauthorized', malformed: /^(ok|devops\.malformed)$/, delay: 'ok' },
};

const day = 24 * 3600 * 1000;
async function freshSandbox() {
  await control('reset', {});
  await control('identity', { autoSignIn: true });
  await control('seed', { user: 'ada@contoso.example', tokens: [
    { organization: 'contoso', displayName: 'fault-target', scope: 'vso.code', validFrom: new Date(Date.now() - day).toISOString(), validTo: new Date(Date.now() + 10 * day).toISOString() },
  ] });
}

async function signIn() {
  await page.goto(env.sandbox.urls.site);
  await page.waitForFunction(() => window.patdeskShell && window.patdeskShell.firstFrameSeen);
  await click(page, 'Sign in with Microsoft');
}
const ready = 's => s.signedIn && !s.busy && s.tokens.length === 1';

// Starts the operation under test; returns a function that checks its success.
const ACTIONS = {
  token: { start: signIn, succeeded: async () => (await state(page)).signedIn },
  profile: { start: signIn, succeeded: async () => (await state(page)).organizations?.length === 2 },
  accounts: { start: signIn, succeeded: async () => (await state(page)).organizations?.length === 2 },
  list: { start: () => click(page, 'Refresh'), succeeded: async () => (await state(page)).tokens?.length === 1 },
  get: {
    async start() {
      if ((await state(page)).panel === 'details') await click(page, 'Close');
      await click(page, 'Details');
    },
    succeeded: async () => (await control('requests?listener=tokens', undefined, 'GET'))
      .some((r) => r.method === 'GET' && /authorizationId=/.test(r.url) && r.status === 200),
  },
  create: {
    async start() {
      if ((await state(page)).panel !== 'create') {
        await click(page, 'New token');
        await typeInto(page, 'Name', 'matrix-token');
        await click(page, 'Full access');
      }
      await click(page, 'Create');
    },
    succeeded: async () => (await state(page)).panel === 'secret',
  },
  update: {
    async start() {
      if ((await state(page)).panel !== 'edit') {
        await click(page, 'Edit');
        await click(page, '60 days');
      }
      await click(page, 'Save');
    },
    succeeded: async () => (await state(page)).panel === 'none',
  },
  revoke: {
    async start() {
      if ((await state(page)).panel !== 'confirmRevoke') await click(page, 'Revoke');
      await click(page, 'Revoke');
    },
    succeeded: async () => (await control('state', undefined, 'GET')).tokens.find((t) => t.displayName === 'fault-target').status === 'revoked',
  },
};

function matches(expected, code) {
  return expected instanceof RegExp ? expected.test(code) : expected === code;
}

async function runCell(target, faultName) {
  await freshSandbox();
  const preSignIn = ['token', 'profile', 'accounts'].includes(target);
  if (!preSignIn) {
    await signIn();
    await waitForState(page, ready, { timeout: 20000 });
  }
  await control('requests', undefined, 'DELETE');
  await control('fault', { target, count: 1, ...FAULTS[faultName] });
  const action = ACTIONS[target];
  await action.start();

  // Responsive while the call is in flight: the state answers at once.
  const t0 = Date.now();
  await state(page);
  assert.ok(Date.now() - t0 < 2000, 'the page answers while the call is in flight');

  // Wait for the call to finish one way or the other.
  const s = await waitForState(page, 's => !s.busy && s.screen !== "signingIn"', { timeout: 30000 });
  const expected = EXPECTED[target][faultName];
  const code = s.lastError ? s.lastError.code : 'ok';
  const shown = code === 'ok' ? 'ok' : code;
  assert.ok(matches(expected, shown), `${target} × ${faultName}: expected ${expected}, got ${shown} (${s.lastError?.message ?? ''})`);
  if (shown === 'ok') assert.ok(await action.succeeded(), `${target} × ${faultName}: recovered without an error, so the call must have worked`);
  if (s.lastError) assert.ok(s.lastError.message.length > 15, 'the message is a real sentence');

  if (target === 'create' && code !== 'ok') {
    assert.equal(s.createDraft.name, 'matrix-token', 'what the person typed is kept');
    const created = (await control('state', undefined, 'GET')).tokens.filter((t) => t.displayName === 'matrix-token');
    assert.ok(created.length <= 1, 'an ambiguous create left at most one token');
  }

  // Once the fault clears, doing it again works.
  if (code !== 'ok' || !(await action.succeeded())) {
    await control('faults', undefined, 'DELETE');
    if (s.lastError) await click(page, 'Dismiss').catch(() => {});
    if (target === 'create' && /ambiguous/.test(code)) {
      // As the message says: refresh the list first; nothing was created, so create again.
      await click(page, 'Refresh').catch(() => {});
    }
    if (['profile', 'accounts'].includes(target) && (await state(page)).signedIn) await click(page, 'Refresh');
    else await action.start();
    await waitForState(page, 's => !s.busy && s.screen !== "signingIn"', { timeout: 30000 });
    await settle(page);
    assert.ok(await action.succeeded(), `${target} × ${faultName}: the retry succeeded`);
  }
  if (target === 'create') {
    const created = (await control('state', undefined, 'GET')).tokens.filter((t) => t.displayName === 'matrix-token');
    assert.equal(created.length, 1, 'exactly one token was created in the end');
  }
}

const results = [];
for (const target of Object.keys(EXPECTED)) {
  for (const faultName of Object.keys(FAULTS)) {
    test(`${target} survives ${faultName}`, async () => {
      try {
        await runCell(target, faultName);
        results.push({ target, faultName, ok: true });
      } catch (e) {
        results.push({ target, faultName, ok: false });
        throw e;
      }
    });
  }
}

test('the fault matrix is printed', () => {
  const faults = Object.keys(FAULTS);
  const lines = [`| call | ${faults.join(' | ')} |`, `|---|${faults.map(() => '---').join('|')}|`];
  for (const target of Object.keys(EXPECTED)) {
    lines.push(`| ${target} | ${faults.map((f) => { const r = results.find((x) => x.target === target && x.faultName === f); return r ? (r.ok ? 'pass' : 'FAIL') : '-'; }).join(' | ')} |`);
  }
  const passed = results.filter((r) => r.ok).length;
  console.log(`\nFault matrix: ${passed}/${results.length} cells passed\n${lines.join('\n')}`);
});
