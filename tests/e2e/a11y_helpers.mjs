// Helpers for the accessibility tests: act on the ARIA mirror (web/a11y_mirror.js) the way a
// screen reader or keyboard user does, through Playwright's role locators and real key
// presses only (never window.patdesk.items() coordinates); compare ARIA snapshots with the
// reviewed fixtures in tests/e2e/fixtures/aria/.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { settle } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ariaFixtureDir = path.join(here, 'fixtures', 'aria');

// Moves DOM focus to the element (as a screen reader's "move to" or Tab does), then presses
// `key` on it: Enter for buttons, Space for checkboxes and radios.
export async function press(page, locator, key = 'Enter') {
  await settle(page, { minFrames: 1 });
  await locator.focus();
  await settle(page);
  await page.keyboard.press(key);
  await settle(page);
}

// The mirror is off until this button (the first thing in the page) is pressed, on every page
// load: after a sign-in round trip too. Afterwards DOM focus is inside the mirror.
export async function enableMirror(page) {
  await press(page, page.getByRole('button', { name: 'Enable screen reader support' }));
  await page.waitForFunction(() => window.patdeskA11y.enabled() && document.activeElement && document.activeElement.closest('#a11y-mirror'));
}

// Types into a mirrored text field (a real <input>): focus, select all, type.
export async function typeIn(page, locator, text) {
  await settle(page, { minFrames: 1 });
  await locator.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text, { delay: 5 });
  await settle(page);
}

// Toasts (the top-level status regions) come and go with time: left out of the fixtures.
function withoutToasts(yaml) {
  const out = [];
  let skipping = false;
  for (const line of yaml.split('\n')) {
    if (!line.startsWith(' ')) skipping = line.startsWith('- status');
    if (!skipping) out.push(line);
  }
  return out.join('\n');
}

// The mirror's accessibility tree as YAML, without toasts, with what changes from day to day
// (dates, relative times) replaced by placeholders.
export async function ariaSnapshot(page) {
  await settle(page);
  const yaml = withoutToasts(await page.locator('#a11y-mirror').ariaSnapshot());
  return yaml
    .replace(/\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?/g, '<date>')
    .replace(/\b(in|for) \d+ (day|days|hour|hours|minute|minutes)\b/g, '$1 <n> $2')
    .replace(/\b\d+ (days|day) ago\b/g, '<n> $1 ago');
}

// Compares the snapshot with tests/e2e/fixtures/aria/<name>.yml. To regenerate after a
// reviewed change: PATDESK_UPDATE_ARIA=1 node --test tests/e2e/a11y_axe.test.mjs, then read
// the diff (git diff tests/e2e/fixtures/aria) before committing it.
export async function matchAriaFixture(page, name) {
  const actual = await ariaSnapshot(page);
  const file = path.join(ariaFixtureDir, `${name}.yml`);
  if (process.env.PATDESK_UPDATE_ARIA === '1') {
    mkdirSync(ariaFixtureDir, { recursive: true });
    writeFileSync(file, actual + '\n');
    return;
  }
  assert.ok(existsSync(file), `no ARIA fixture ${file}: run with PATDESK_UPDATE_ARIA=1 and review it`);
  assert.equal(actual + '\n', readFileSync(file, 'utf8'), `ARIA snapshot of "${name}" differs from ${file}`);
}
