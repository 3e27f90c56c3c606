// The whole journey as a screen reader or keyboard user walks it: only Playwright role
// locators on the ARIA mirror and real key presses (no window.patdesk.items() coordinates, no
// mouse). Sign in, pick an organization, create "Code: Read & write" for 30 days, copy it,
// search, extend, rotate (with its confirmation), revoke two tokens in bulk, sign out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sandboxControl, startAll, openApp, waitForState, state, screenshot } from './harness.mjs';
import { press, typeIn, enableMirror } from './a11y_helpers.mjs';

let env;
let control;
before(async () => { env = await startAll({ autoSignIn: true }); control = sandboxControl(env); });
after(async () => { await env?.close(); });

const sandboxTokens = async () => (await control('state', undefined, 'GET')).tokens;
const day = 24 * 3600 * 1000;

test('a screen reader user walks the whole journey with role locators and the keyboard', async () => {
  await control('reset', {});
  await control('identity', { autoSignIn: true });
  await control('seed', { user: 'ada@contoso.example', tokens: [
    { organization: 'fabrikam', displayName: 'old-ci-token', scope: 'vso.build', validFrom: new Date(Date.now() - 20 * day).toISOString(), validTo: new Date(Date.now() + 5 * day).toISOString() },
    { organization: 'contoso', displayName: 'legacy-deploy', scope: 'vso.release_execute', validFrom: new Date(Date.now() - 50 * day).toISOString(), validTo: new Date(Date.now() + 20 * day).toISOString() },
  ] });
  const { page, log } = await openApp(env);
  try {
    // 1. Turn the mirror on (the page's first control), sign in, turn it on again after the
    //    round trip (a new page load).
    await enableMirror(page);
    await press(page, page.getByRole('button', { name: 'Sign in with Microsoft' }));
    await waitForState(page, 's => s.signedIn && s.tokens.length === 2 && !s.busy', { timeout: 20000 });
    await enableMirror(page);
    await page.getByRole('status').filter({ hasText: '2 tokens, 1 expires within 7 days' }).waitFor({ state: 'attached' });

    // 2. Pick an organization (the inventory's picker: a combobox with a listbox).
    const picker = page.getByRole('combobox', { name: 'Choose organization' });
    await press(page, picker);
    assert.equal(await picker.getAttribute('aria-expanded'), 'true');
    await press(page, page.getByRole('listbox').getByRole('option', { name: 'contoso', exact: true }));
    await waitForState(page, 's => s.selectedOrganization === "contoso"');
    await page.getByRole('row', { name: /legacy-deploy/ }).waitFor({ state: 'attached' });
    assert.equal(await page.getByRole('row', { name: /old-ci-token/ }).count(), 0, 'only contoso rows are shown');

    // 3. Create "Code: Read & write" for 30 days. Focus lands on the Name field when the pane opens.
    await press(page, page.getByRole('button', { name: 'New token' }));
    const pane = page.getByRole('dialog', { name: 'New personal access token' });
    await pane.waitFor({ state: 'attached' });
    const name = pane.getByRole('textbox', { name: 'Name' });
    await page.waitForFunction(() => document.activeElement && document.activeElement.getAttribute('aria-label') === 'Name');
    await typeIn(page, name, 'release-bot a11y');
    await waitForState(page, 's => s.createDraft.name === "release-bot a11y"');
    assert.equal(await pane.getByRole('combobox', { name: 'Organization' }).textContent(), 'contoso');
    await press(page, pane.getByRole('radio', { name: '30 days' }), 'Space');
    assert.equal(await pane.getByRole('radio', { name: '30 days' }).getAttribute('aria-checked'), 'true');
    await press(page, pane.getByRole('radio', { name: 'Custom defined' }), 'Space');
    await typeIn(page, pane.getByRole('textbox', { name: 'Filter scopes' }), 'code');
    await press(page, pane.getByRole('radio', { name: 'Code: Read & write' }), 'Space');
    await screenshot(page, 'a11y-journey-create');
    await press(page, pane.getByRole('button', { name: 'Create' }));
    const secret = page.getByRole('dialog', { name: 'Your new token' });
    await secret.waitFor({ state: 'attached', timeout: 15000 });
    const created = (await sandboxTokens()).find((t) => t.displayName === 'release-bot a11y');
    assert.ok(created, 'the sandbox holds the new token');
    assert.equal(created.scope, 'vso.code_write');
    assert.equal(created.organization ?? 'contoso', 'contoso');
    const days = (Date.parse(created.validTo) - Date.now()) / day;
    assert.ok(days > 29 && days < 31.1, `expires in about 30 days (${days})`);

    // 4. Copy: the clipboard holds the sandbox's secret; the DOM never does.
    const field = secret.getByRole('textbox', { name: 'Token value, hidden: use Copy' });
    assert.equal(await field.inputValue(), '');
    assert.ok(!(await page.content()).includes(created.token), 'the PAT is not in the DOM');
    await press(page, secret.getByRole('button', { name: 'Copy' }));
    await waitForState(page, 's => s.secretCopied');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), created.token);
    await press(page, secret.getByRole('button', { name: 'Reveal' }));
    await secret.getByRole('button', { name: 'Hide' }).waitFor({ state: 'attached' });
    assert.ok(!(await page.content()).includes(created.token), 'revealed on the canvas only, not in the DOM');
    await press(page, secret.getByRole('button', { name: 'Done' }));
    await waitForState(page, 's => s.panel === "none"');

    // 5. Search.
    await typeIn(page, page.getByRole('textbox', { name: 'Search' }), 'release-bot');
    await waitForState(page, 's => s.visibleTokenCount === 1');
    const row = page.getByRole('row', { name: /release-bot a11y/ });
    await row.waitFor({ state: 'attached' });

    // 6. Extend it to 90 days.
    await press(page, row.getByRole('button', { name: 'Edit' }));
    const edit = page.getByRole('dialog', { name: 'Edit token' });
    await press(page, edit.getByRole('radio', { name: '90 days' }), 'Space');
    await press(page, edit.getByRole('button', { name: 'Save' }));
    await waitForState(page, 's => s.panel === "none" && !s.busy');
    const extended = (await sandboxTokens()).find((t) => t.authorizationId === created.authorizationId);
    assert.ok((Date.parse(extended.validTo) - Date.now()) / day > 89, 'the expiry moved out to 90 days');

    // 7. Rotate it: the row's Rotate asks first, in a dialog; its Rotate does the work.
    await press(page, page.getByRole('row', { name: /release-bot a11y/ }).getByRole('button', { name: 'Rotate' }));
    const confirmRotate = page.getByRole('dialog', { name: 'Rotate token?' });
    await confirmRotate.waitFor({ state: 'attached' });
    assert.equal(await page.evaluate(() => window.patdesk.state().panel), 'confirmRotate');
    assert.equal((await sandboxTokens()).filter((t) => t.displayName === 'release-bot a11y').length, 1,
      'nothing is created before the confirmation');
    await press(page, confirmRotate.getByRole('button', { name: 'Rotate' }));
    await waitForState(page, 's => s.panel === "secret" && !s.busy', { timeout: 15000 });
    const all = await sandboxTokens();
    const replacement = all.find((t) => t.displayName === 'release-bot a11y' && t.authorizationId !== created.authorizationId);
    assert.equal(all.find((t) => t.authorizationId === created.authorizationId).status, 'revoked');
    assert.ok(replacement && replacement.scope === 'vso.code_write');
    const rotated = page.getByRole('dialog', { name: 'Your new token' });
    await press(page, rotated.getByRole('button', { name: 'Copy' }));
    await waitForState(page, 's => s.secretCopied');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), replacement.token);
    await press(page, rotated.getByRole('button', { name: 'Done' }));
    await waitForState(page, 's => s.panel === "none"');

    // 8. Revoke the two seeded tokens in bulk (every organization, no search).
    await typeIn(page, page.getByRole('textbox', { name: 'Search' }), '');
    await waitForState(page, 's => s.search === ""');
    await press(page, page.getByRole('combobox', { name: 'Choose organization' }));
    await press(page, page.getByRole('option', { name: 'All organizations' }));
    await waitForState(page, 's => s.selectedOrganization === ""');
    for (const token of ['old-ci-token', 'legacy-deploy']) {
      const box = page.getByRole('row', { name: new RegExp(token) }).getByRole('checkbox', { name: `Select ${token}` });
      await press(page, box, 'Space');
      assert.equal(await box.getAttribute('aria-checked'), 'true');
    }
    await press(page, page.getByRole('button', { name: 'Revoke selected (2)' }));
    const confirm = page.getByRole('dialog', { name: 'Revoke 2 tokens?' });
    await confirm.waitFor({ state: 'attached' });
    await press(page, confirm.getByRole('button', { name: 'Revoke', exact: true }));
    await waitForState(page, 's => s.panel === "none" && !s.busy && s.progressSteps.length === 2', { timeout: 15000 });
    const after = await sandboxTokens();
    for (const token of ['old-ci-token', 'legacy-deploy']) {
      assert.equal(after.find((t) => t.displayName === token).status, 'revoked', `${token} is revoked`);
    }

    // 9. Sign out.
    await press(page, page.getByRole('button', { name: 'Sign out' }));
    await waitForState(page, 's => !s.signedIn && s.screen === "signIn"');
    await page.getByRole('button', { name: 'Sign in with Microsoft' }).waitFor({ state: 'attached' });
    assert.deepEqual(log.errors, []);
  } catch (e) {
    await screenshot(page, 'a11y-journey-FAILED').catch(() => {});
    const s = await state(page).catch(() => null);
    const tree = await page.locator('#a11y-mirror').ariaSnapshot().catch(() => '(no mirror)');
    e.message += `\nstate at failure: ${JSON.stringify(s)?.slice(0, 1200)}\nmirror:\n${tree.slice(0, 3000)}`;
    throw e;
  }
});
