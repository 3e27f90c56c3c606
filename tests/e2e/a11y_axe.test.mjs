// axe-core (through @axe-core/playwright) on every screen a person meets: sign-in,
// inventory, create, copy-once, confirm and error, at 1280 and 400 CSS px. 0 serious or
// critical violations. At 1280 px the ARIA snapshot of each screen is also compared with its
// reviewed fixture (tests/e2e/fixtures/aria/; PATDESK_UPDATE_ARIA=1 regenerates them).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { sandboxControl, startAll, openApp, waitForState, screenshot } from './harness.mjs';
import { press, typeIn, matchAriaFixture, enableMirror } from './a11y_helpers.mjs';

let env;
let control;
before(async () => { env = await startAll({ autoSignIn: true }); control = sandboxControl(env); });
after(async () => { await env?.close(); });

const day = 24 * 3600 * 1000;

async function seed() {
  await control('reset', {});
  await control('identity', { autoSignIn: true });
  await control('seed', { user: 'ada@contoso.example', tokens: [
    { organization: 'fabrikam', displayName: 'old-ci-token', scope: 'vso.build', validFrom: new Date(Date.now() - 20 * day).toISOString(), validTo: new Date(Date.now() + 5 * day).toISOString() },
    { organization: 'contoso', displayName: 'legacy-deploy', scope: 'vso.release_execute', validFrom: new Date(Date.now() - 50 * day).toISOString(), validTo: new Date(Date.now() + 20 * day).toISOString() },
  ] });
}

// Serious and critical violations, described so that a failure says what and where.
async function seriousViolations(page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

async function check(page, screen, width) {
  await screenshot(page, `a11y-${width}-${screen}`);
  assert.deepEqual(await seriousViolations(page), [], `axe on the ${screen} screen at ${width} px`);
  if (width === 1280) await matchAriaFixture(page, screen);
}

for (const [width, height] of [[1280, 800], [400, 800]]) {
  test(`axe finds no serious or critical violation on any screen at ${width} px, and the ARIA tree matches its fixtures`, async () => {
    await seed();
    const { page } = await openApp(env);
    await page.setViewportSize({ width, height });
    await waitForState(page, 's => s.screen === "signIn"');
    assert.deepEqual(await seriousViolations(page), [], `axe before the mirror is on, at ${width} px`);
    await enableMirror(page);
    await page.getByRole('button', { name: 'Sign in with Microsoft' }).waitFor({ state: 'attached' });
    await check(page, 'sign-in', width);

    await press(page, page.getByRole('button', { name: 'Sign in with Microsoft' }));
    await waitForState(page, 's => s.signedIn && s.tokens.length === 2 && !s.busy', { timeout: 20000 });
    await enableMirror(page);
    await page.getByRole('row', { name: /legacy-deploy/ }).waitFor({ state: 'attached' });
    await check(page, 'inventory', width);

    await press(page, page.getByRole('button', { name: 'New token' }));
    const pane = page.getByRole('dialog', { name: 'New personal access token' });
    await typeIn(page, pane.getByRole('textbox', { name: 'Name' }), `axe-${width}`);
    await waitForState(page, `s => s.createDraft.name === "axe-${width}"`);
    await press(page, pane.getByRole('radio', { name: 'Custom defined' }), 'Space');
    await typeIn(page, pane.getByRole('textbox', { name: 'Filter scopes' }), 'code');
    await press(page, pane.getByRole('radio', { name: 'Code: Read & write' }), 'Space');
    await waitForState(page, 's => s.createDraft.scope === "vso.code_write"');
    await check(page, 'create', width);

    await press(page, pane.getByRole('button', { name: 'Create' }));
    await page.getByRole('dialog', { name: 'Your new token' }).waitFor({ state: 'attached', timeout: 15000 });
    await waitForState(page, 's => s.panel === "secret" && !s.busy');
    await check(page, 'copy-once', width);
    await press(page, page.getByRole('button', { name: 'Copy' }));
    await waitForState(page, 's => s.secretCopied');
    await press(page, page.getByRole('button', { name: 'Done' }));
    await waitForState(page, 's => s.panel === "none"');

    await press(page, page.getByRole('checkbox', { name: 'Select old-ci-token' }), 'Space');
    await press(page, page.getByRole('button', { name: 'Revoke selected (1)' }));
    await page.getByRole('dialog', { name: 'Revoke 1 token?' }).waitFor({ state: 'attached' });
    await check(page, 'confirm', width);
    await page.keyboard.press('Escape');
    await waitForState(page, 's => s.panel === "none"');

    // An error: the token endpoint fails during a sign-in.
    await press(page, page.getByRole('button', { name: 'Sign out' }));
    await waitForState(page, 's => !s.signedIn && s.screen === "signIn"');
    await control('fault', { target: 'token', count: 1, kind: 'status', status: 500 });
    await press(page, page.getByRole('button', { name: 'Sign in with Microsoft' }));
    await waitForState(page, 's => s.lastError && !s.busy && s.screen === "signIn"', { timeout: 20000 });
    await enableMirror(page);
    await page.getByRole('alert').waitFor({ state: 'attached' });
    await check(page, 'error', width);
    await control('faults', undefined, 'DELETE');
  });
}
