// Azure DevOps as it is in December 2026, in the browser with real mouse and keyboard: rotate
// asks before any request, expired and global tokens offer Recreate instead of Edit, the
// organization policies' sentences, a 429 whose Retry-After the page cannot read, and a
// retried revoke that finds the token already gone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sandboxControl, startAll, openApp, click, waitForItem, waitForState, state, items, screenshot, settle, withEvidence } from './harness.mjs';

let env;
let control;
before(async () => { env = await startAll({ autoSignIn: true }); control = sandboxControl(env); });
after(async () => { await env?.close(); });

const DAY = 24 * 3600 * 1000;
const sandboxTokens = async () => (await control('state', undefined, 'GET')).tokens;
const tokenRequests = async (since = 0) => control(`requests?listener=tokens&since=${since}`, undefined, 'GET');
const lastSeq = async () => { const all = await control('requests', undefined, 'GET'); return all.length ? all[all.length - 1].seq : 0; };
const labels = async (page) => (await items(page)).map((i) => i.label);
// What the page itself sent (CORS preflights left out).
const changes = (requests) => requests.filter((r) => r.method !== 'GET' && r.method !== 'OPTIONS');
// True once some item's label contains `text` (within a few frames: a panel's body and a
// list's banners are drawn a frame after the state that shows them), false if none ever does.
const anyLabel = async (page, text, timeout = 5000) => page
  .waitForFunction((t) => window.patdesk.items().some((i) => i.label.includes(t)), text, { timeout, polling: 50 })
  .then(() => true, () => false);

// Resets the sandbox, seeds Ada's tokens, signs in and waits for the inventory.
async function signedInWith(tokens, { fixedTime, devops = {} } = {}) {
  await control('reset', {});
  await control('identity', { autoSignIn: true });
  if (Object.keys(devops).length) await control('devops', devops);
  const page = env.browser.pages()[0] || await env.browser.newPage();
  if (fixedTime) {
    // The page's clock stands at fixedTime; the sandbox's clock is moved to the same instant
    // so that sign-in and token dates agree with it.
    await control('clock', { offsetMs: Date.parse(fixedTime) - Date.now() });
    await page.clock.setFixedTime(new Date(fixedTime));
  }
  const now = fixedTime ? Date.parse(fixedTime) : Date.now();
  await control('seed', { user: 'ada@contoso.example', tokens: tokens(now) });
  const opened = await openApp(env);
  await click(opened.page, 'Sign in with Microsoft');
  // Every organization listed once (the Active filter: an expired token is not in the list yet).
  await waitForState(opened.page, 's => s.signedIn && !s.busy && s.organizations.length > 0 && s.organizations.every((o) => !o.loading && o.pagesLoaded > 0)');
  return opened;
}


const oneActive = (now) => [{ organization: 'contoso', displayName: 'deploy-bot', scope: 'vso.code', validFrom: new Date(now - 10 * DAY).toISOString(), validTo: new Date(now + 20 * DAY).toISOString() }];

test('rotate is confirmed before any request, and Cancel or Esc sends nothing', async () => {
  await withEvidence(env, 'policy-rotate', async () => {
    const { page } = await signedInWith(oneActive);
    const since = await lastSeq();
    await click(page, 'Rotate');
    await waitForState(page, 's => s.panel === "confirmRotate"');
    // The panel's body is on screen a frame after its title (ImGui sizes a new window on its
    // first frame): wait for the sentence rather than reading the frame the state changed in.
    await waitForItem(page, 'Creates a new token named "deploy-bot" with the same scopes and lifetime, shows its secret once, then revokes the current one: anything using the current token stops working.');
    await waitForItem(page, 'Cancel');
    await screenshot(page, 'policy-rotate-confirm');
    assert.deepEqual(changes(await tokenRequests(since)), [], 'nothing is sent while the confirmation shows');

    await click(page, 'Cancel');
    await waitForState(page, 's => s.panel === "none"');
    await click(page, 'Rotate');
    await waitForState(page, 's => s.panel === "confirmRotate"');
    await page.keyboard.press('Escape');
    await waitForState(page, 's => s.panel === "none"');
    await settle(page);
    assert.deepEqual(changes(await tokenRequests(since)), [], 'Cancel and Esc send nothing');
    assert.equal((await sandboxTokens()).length, 1);

    await click(page, 'Rotate');
    await waitForState(page, 's => s.panel === "confirmRotate"');
    const beforeConfirm = await lastSeq();
    await click(page, 'Rotate');
    await waitForState(page, 's => s.panel === "secret" && !s.busy');
    const sent = changes(await tokenRequests(beforeConfirm)).map((r) => r.method);
    assert.deepEqual(sent, ['POST', 'DELETE'], 'the panel\'s Rotate creates, then revokes');
  });
});

test('an expired token offers Recreate, not Edit, and Recreate works end to end', async () => {
  await withEvidence(env, 'policy-recreate', async () => {
    const { page } = await signedInWith((now) => [
      { organization: 'contoso', displayName: 'nightly-expired', scope: 'vso.build vso.code', validFrom: new Date(now - 40 * DAY).toISOString(), validTo: new Date(now - 3 * DAY).toISOString() },
    ], { devops: { blockExpiredExtension: true } });
    await click(page, 'Expired');
    await waitForState(page, 's => s.filter === "expired" && s.visibleTokenCount === 1');
    await waitForItem(page, 'Recreate');
    assert.ok(!(await labels(page)).includes('Edit'), 'no Edit for an expired token');
    await screenshot(page, 'policy-expired-row');
    const old = (await sandboxTokens())[0];

    await click(page, 'Recreate');
    let s = await waitForState(page, 's => s.panel === "create"');
    assert.equal(s.createDraft.name, 'nightly-expired');
    assert.equal(s.createDraft.organization, 'contoso');
    assert.equal(s.createDraft.scope, 'vso.build vso.code');
    assert.equal(s.createDraft.recreateOf, old.authorizationId);
    await waitForItem(page, 'Recreate token');
    await click(page, '90 days');
    await screenshot(page, 'policy-recreate-pane');
    await click(page, 'Create');
    await waitForState(page, 's => s.panel === "secret" && !s.busy');
    const fresh = (await sandboxTokens()).find((t) => t.authorizationId !== old.authorizationId);
    assert.ok(fresh, 'a new token exists');
    assert.equal(fresh.displayName, 'nightly-expired');
    assert.equal(fresh.scope, 'vso.build vso.code');
    assert.equal(fresh.organization, 'contoso');
    assert.ok((Date.parse(fresh.validTo) - Date.now()) / DAY > 89, 'with the expiry picked');
    await click(page, 'Copy');
    await waitForState(page, 's => s.secretCopied');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), fresh.token);
    await click(page, 'Done');

    // Then it offers to revoke the expired one.
    await waitForState(page, 's => s.panel === "confirmRevoke"');
    await waitForItem(page, `nightly-expired \u00b7 contoso`);
    await screenshot(page, 'policy-recreate-revoke-offer');
    await click(page, 'Revoke');
    await waitForState(page, 's => s.panel === "none" && !s.busy && s.progressSteps.length === 1');
    assert.equal((await sandboxTokens()).find((t) => t.authorizationId === old.authorizationId).status, 'revoked');
  });
});

// Opens the create pane through a create link (the tab already runs patdesk) and creates.
async function createThroughLink(page, query) {
  await page.evaluate((q) => { location.hash = `#new?${q}`; }, query);
  await waitForState(page, 's => s.panel === "create" && s.createDraft.fromLink');
  await click(page, 'Create');
  return waitForState(page, 's => !s.busy && (s.lastError || s.panel === "secret")');
}

test('each policy error gives its sentence', async () => {
  await withEvidence(env, 'policy-errors', async () => {
    const { page } = await signedInWith(oneActive);
    const cases = [
      ['disablePatCreationPolicyViolation', 'Your organization restricts who may create PATs.', 'Ask a Project Collection Administrator to add you to the allow-list, or use Entra-based Git credentials (git config --global credential.azreposCredentialType oauth).'],
      ['globalPATCreationBlocked', 'Azure DevOps no longer creates tokens for all accessible organizations: global PATs stopped working on 1 December 2026.'],
      ['expiredPatCannotBeExtended', 'This token has expired, and since 31 March 2026 Azure DevOps no longer lets an expired token be extended or modified.'],
    ];
    for (const [code, message, action] of cases) {
      await control('devops', { nextPatTokenError: code });
      const s = await createThroughLink(page, `name=policy-${code}&org=contoso&scopes=vso.code&days=30`);
      assert.equal(s.lastError?.code, `pat.${code}`);
      assert.equal(s.lastError.message, message);
      if (action) assert.equal(s.lastError.action, action);
      assert.ok(await anyLabel(page, message), `${code}: the sentence is on screen`);
      await click(page, 'Cancel');
      await waitForState(page, 's => s.panel === "none"');
    }

    // A lifespan policy that refuses: the message names the maximum.
    await control('devops', { rejectLongLifespan: true, maxLifespanDays: 30 });
    let s = await createThroughLink(page, 'name=too-long&org=contoso&scopes=vso.code&days=90');
    assert.equal(s.lastError?.code, 'pat.patLifespanPolicyViolation');
    assert.equal(s.lastError.message, 'The expiration date is later than the maximum lifespan your organization allows (30 days).');
    await click(page, 'Cancel');
    await waitForState(page, 's => s.panel === "none"');

    // A lifespan policy that clamps: the notice names the maximum it revealed.
    await control('devops', { rejectLongLifespan: false, maxLifespanDays: 30 });
    s = await createThroughLink(page, 'name=clamped&org=contoso&scopes=vso.code&days=90');
    assert.equal(s.panel, 'secret');
    assert.ok(s.notices.some((n) => n.includes('(at most 30 days)')), JSON.stringify(s.notices));
    await click(page, 'Copy');
    await waitForState(page, 's => s.secretCopied');
    await click(page, 'Done');
    await waitForState(page, 's => s.panel === "none"');

    // Packaging scopes only: it says so and offers to keep only those.
    await control('devops', { maxLifespanDays: 365, packagingScopesOnly: true });
    s = await createThroughLink(page, 'name=feed&org=contoso&scopes=vso.code+vso.packaging_write&days=30');
    assert.equal(s.lastError?.code, 'policy.packaging_only');
    assert.equal(s.lastError.message, 'Your organization allows new tokens with packaging scopes only, and this token asks for other scopes.');
    await screenshot(page, 'policy-packaging-only');
    await click(page, 'Keep only packaging scopes');
    s = await waitForState(page, 's => s.createDraft.scope === "vso.packaging_write" && !s.lastError');
    await click(page, 'Create');
    await waitForState(page, 's => s.panel === "secret" && !s.busy');
    assert.equal((await sandboxTokens()).find((t) => t.displayName === 'feed').scope, 'vso.packaging_write');
  });
});

test('a 429 without a readable Retry-After waits at least 10 s with a countdown, and Retry now works', async () => {
  await withEvidence(env, 'policy-throttle', async () => {
    const { page } = await signedInWith(oneActive, { devops: { exposeRetryAfter: false } });
    // Retry-After is sent, but not exposed to the page: it must use its own backoff.
    await control('fault', { target: 'list', kind: 'status', status: 429, retryAfter: '1', count: 1 });
    const since = await lastSeq();
    await click(page, 'Refresh');
    const s = await waitForState(page, 's => s.throttle !== null');
    assert.ok(s.throttle.waitMs >= 10000, `waits at least 10 s (${s.throttle.waitMs})`);
    assert.ok(s.throttle.waitMs <= 12000, `10 s plus at most a fifth of jitter (${s.throttle.waitMs})`);
    assert.match(s.throttle.text, /^Azure DevOps is throttling: retrying in \d+ s$/);
    assert.ok(s.throttle.secondsLeft >= 9);
    assert.ok(await anyLabel(page, 'Azure DevOps is throttling: retrying in '), 'the countdown is on screen');
    await screenshot(page, 'policy-throttle-countdown');
    const throttled = (await tokenRequests(since)).filter((r) => r.method === 'GET' && r.status === 429);
    assert.equal(throttled.length, 1);

    await click(page, 'Retry now');
    await waitForState(page, 's => s.throttle === null && !s.busy && s.organizations.every((o) => !o.error)');
    const after = (await tokenRequests(throttled[0].seq)).filter((r) => r.method === 'GET' && r.url === throttled[0].url);
    assert.ok(after.length >= 1, 'the throttled list was asked again');
    const gap = new Date(after[0].time).getTime() - new Date(throttled[0].time).getTime();
    assert.ok(gap < s.throttle.waitMs, `Retry now sent it before the countdown ended (${gap} ms)`);
    assert.equal((await state(page)).tokens.length, 1);
  });
});

test('a retried DELETE that finds the token gone reports success', async () => {
  await withEvidence(env, 'policy-revoke-gone', async () => {
    const { page } = await signedInWith(oneActive);
    // The first DELETE revokes it but its answer is lost to a 500; the retry finds no token.
    await control('fault', { target: 'revoke', kind: 'status', status: 500, afterCommit: true });
    await control('fault', { target: 'revoke', kind: 'status', status: 404,
      body: JSON.stringify({ patToken: null, patTokenError: 'authorizationNotFound', patTokenErrorMessage: 'The authorization was not found.' }) });
    const since = await lastSeq();
    await click(page, 'Revoke');
    await waitForState(page, 's => s.panel === "confirmRevoke"');
    await click(page, 'Revoke');
    const s = await waitForState(page, 's => s.panel === "none" && !s.busy && s.progressSteps.length === 1', { timeout: 20000 });
    assert.equal(s.lastError, null);
    assert.equal(s.progressSteps[0], 'Revoked "deploy-bot"');
    assert.ok(s.toasts.includes('Revoked 1 token'));
    const deletes = (await tokenRequests(since)).filter((r) => r.method === 'DELETE');
    assert.deepEqual(deletes.map((r) => r.status), [500, 404]);
    assert.equal((await sandboxTokens())[0].status, 'revoked');
  });
});

test('a config pointing at a host outside the CSP shows the setup screen naming it', async () => {
  await withEvidence(env, 'policy-csp', async () => {
    await control('reset', {});
    // Port 9 on loopback: not one of the origins the sandbox stamps into the page's CSP.
    await control('config', { merge: { devopsTokensBaseUrl: 'http://127.0.0.1:9' } });
    const page = env.browser.pages()[0] || await env.browser.newPage();
    const since = await lastSeq();
    await openApp(env);
    const s = await waitForState(page, 's => s.screen === "setup"');
    assert.equal(s.setupProblem?.code, 'config.csp_missing_origin');
    assert.equal(s.setupProblem.detail, 'devopsTokensBaseUrl');
    const sentence = "config.json points to http://127.0.0.1:9, but this page's Content-Security-Policy does not allow connections there: see Deploy in the README.";
    assert.equal(s.setupProblem.message, sentence);
    await waitForItem(page, sentence);
    await screenshot(page, 'policy-csp-setup');
    const identity = (await control(`requests?listener=identity&since=${since}`, undefined, 'GET'));
    assert.deepEqual(identity, [], 'nothing goes to sign-in');
    await control('config', undefined, 'DELETE');
  });
});

// The fixed clock stays with the page: these two run last.
test('a global token shows the past tense after 2026-12-01 on a fixed test clock, with no Edit', async () => {
  await withEvidence(env, 'policy-global', async () => {
    const { page } = await signedInWith((now) => [
      { organization: 'contoso', displayName: 'old-global', scope: 'vso.code', allOrgs: true, validFrom: new Date(now - 30 * DAY).toISOString(), validTo: new Date(now + 60 * DAY).toISOString() },
    ], { fixedTime: '2026-12-05T12:00:00Z' });
    assert.equal(await page.evaluate(() => new Date().toISOString()), '2026-12-05T12:00:00.000Z');
    await waitForItem(page, 'Recreate');
    assert.ok(await anyLabel(page, 'Global PATs no longer work since 1 December 2026'), 'the banner is in the past tense');
    assert.ok(!(await labels(page)).some((l) => l.includes('stop working on')), 'no future tense left');
    const row = await labels(page);
    assert.ok(!row.includes('Edit'), 'no Edit for a global token');
    assert.ok(!row.includes('Rotate'), 'no Rotate after the date: Recreate instead');
    await screenshot(page, 'policy-global-retired');
    await click(page, 'old-global');
    await waitForState(page, 's => s.panel === "details" && !s.busy');
    assert.ok(await anyLabel(page, 'No longer works since 1 December 2026'));
    assert.ok(!(await labels(page)).includes('Edit'));
    await waitForItem(page, 'Recreate');
    await click(page, 'Close');
  });
});

test('before 2026-12-01 the same global token is announced in the future tense', async () => {
  await withEvidence(env, 'policy-global-before', async () => {
    const { page } = await signedInWith((now) => [
      { organization: 'contoso', displayName: 'old-global', scope: 'vso.code', allOrgs: true, validFrom: new Date(now - 30 * DAY).toISOString(), validTo: new Date(now + 60 * DAY).toISOString() },
    ], { fixedTime: '2026-11-20T12:00:00Z' });
    assert.ok(await anyLabel(page, 'Global PATs stop working on 1 December 2026 (in 11 days)'));
    assert.ok(!(await labels(page)).includes('Edit'), 'never Edit for a global token');
  });
});
