// The staff console page: served from dist/console/, drawn by its own core, readable through the
// ARIA mirror like the widget.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, openPage, startServer, waitFor } from './harness.mjs';

const TEST = { timeout: 60_000 };

describe('console', () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the console page loads its core and shows its heading through the mirror', TEST, async () => {
    const { page, context, log } = await openPage(browser);
    try {
      await page.goto(`${server.url}/console/`, { waitUntil: 'networkidle' });
      const heading = page.getByRole('heading', { level: 1, name: 'Support console', exact: true });
      await heading.waitFor({ state: 'attached', timeout: 20_000 });
      assert.ok(log.requests.some((u) => /\/console\/support-console-core\.[0-9a-f]+\.wasm$/.test(u)),
        `no console core .wasm requested: ${log.requests.join(', ')}`);
      await waitFor(async () => (await page.getByRole('paragraph').count()) > 0, {
        timeout: 5_000,
        message: 'the console to show a paragraph',
      });
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });
});
