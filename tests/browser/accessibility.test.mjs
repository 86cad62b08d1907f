// An automated accessibility audit (axe-core, WCAG 2.x rules) of every demo page with the help
// panel open: the launcher, the dialog and the ARIA mirror of the drawn panel must raise no
// violation. It complements the tests that find controls by role and name.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { openPanel, useDemoServerAndBrowser } from './harness.mjs';

const TEST = { timeout: 60_000 };
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe('accessibility', () => {
  const env = useDemoServerAndBrowser();

  for (const pagePath of ['/index.html', '/product.html', '/cart.html', '/order-status.html']) {
    it(`axe finds no violations on ${pagePath} with the panel open`, TEST, async () => {
      const { page } = await env.open();
      await page.goto(env.server.url + pagePath, { waitUntil: 'networkidle' });
      await openPanel(page);
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () =>
        (await window.axe.run(document)).violations.map((v) => ({
          rule: v.id,
          impact: v.impact,
          where: v.nodes.map((n) => n.target.join(' ')),
        }))
      );
      assert.deepEqual(violations, [], `axe violations: ${JSON.stringify(violations, null, 1)}`);
    });
  }
});
