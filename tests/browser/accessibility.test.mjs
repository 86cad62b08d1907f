// An automated accessibility audit (axe-core, WCAG 2.x rules) of every demo page with the help
// panel open: the launcher, the dialog and the ARIA mirror of the drawn panel must raise no
// violation. It complements the tests that find controls by role and name.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { langOfPage, openPanel, useDemoServerAndBrowser, waitFor } from './harness.mjs';

const TEST = { timeout: 60_000 };
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function audit(page) {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () =>
    (await window.axe.run(document)).violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      where: v.nodes.map((n) => n.target.join(' ')),
    }))
  );
  assert.deepEqual(violations, [], `axe violations: ${JSON.stringify(violations, null, 1)}`);
}

describe('accessibility', () => {
  const env = useDemoServerAndBrowser();

  /** Opens the page and the panel, and waits until the help articles are shown. */
  async function openHelp(pagePath) {
    const { page } = await env.open();
    await page.goto(env.server.url + pagePath, { waitUntil: 'networkidle' });
    const w = await openPanel(page, langOfPage(pagePath));
    await waitFor(async () => (await w.debug()).content === 'ready', { timeout: 10_000, message: 'the help articles' });
    return { page, w };
  }

  async function searchFor(page, w, text) {
    await w.search.click({ timeout: 5_000 });
    await page.keyboard.type(text);
    await waitFor(async () => (await w.debug()).search === text, { timeout: 5_000, message: `the query "${text}"` });
  }

  for (const pagePath of ['/index.html', '/product.html', '/cart.html', '/order-status.html', '/he.html', '/ar.html', '/fa.html']) {
    it(`axe finds no violations on ${pagePath} with the panel open`, TEST, async () => {
      const { page } = await openHelp(pagePath);
      await audit(page);
    });
  }

  it('axe finds no violations in search results', TEST, async () => {
    const { page, w } = await openHelp('/index.html');
    await searchFor(page, w, 'return');
    await w.dialog.getByRole('list', { name: 'Search results', exact: true }).waitFor({ timeout: 5_000 });
    await audit(page);
  });

  it('axe finds no violations when nothing matches', TEST, async () => {
    const { page, w } = await openHelp('/index.html');
    await searchFor(page, w, 'zxqv kettlebell sponsorship');
    await w.dialog.getByRole('button', { name: 'Chat with us', exact: true }).waitFor({ timeout: 5_000 });
    await audit(page);
  });

  it('axe finds no violations in an open article with links and lists', TEST, async () => {
    const { page, w } = await openHelp('/index.html');
    await searchFor(page, w, 'return policy');
    await w.dialog.getByRole('list', { name: 'Search results', exact: true }).getByRole('link').first().click({ timeout: 5_000 });
    await w.dialog.getByRole('button', { name: 'Yes', exact: true }).waitFor({ timeout: 5_000 });
    await audit(page);
  });

  it('axe finds no violations in the contact view', TEST, async () => {
    const { page, w } = await openHelp('/index.html');
    await searchFor(page, w, 'zxqv kettlebell sponsorship');
    await w.dialog.getByRole('button', { name: 'Chat with us', exact: true }).click({ timeout: 5_000 });
    await w.dialog.getByRole('heading', { name: 'Contact us', exact: true }).waitFor({ timeout: 5_000 });
    await audit(page);
  });
});
