// The staff console page: served from dist/console/, drawn by its own core, readable through the
// ARIA mirror like the widget.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useDemoServerAndBrowser, waitFor } from './harness.mjs';

const TEST = { timeout: 60_000 };

describe('console', () => {
  const env = useDemoServerAndBrowser();

  it('the console page loads its core and shows its heading through the mirror', TEST, async () => {
    const { page, log } = await env.open();
    const response = await page.goto(`${env.server.url}/console/`, { waitUntil: 'networkidle' });
    // It runs under a strict policy (no inline code, never framed); a violation would show in log.errors.
    const csp = response.headers()['content-security-policy'] ?? '';
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    const heading = page.getByRole('heading', { level: 1, name: 'Support console', exact: true });
    await heading.waitFor({ state: 'attached', timeout: 20_000 });
    assert.ok(log.requests.some((u) => /\/console\/support-console-core\.[0-9a-f]+\.wasm$/.test(u)),
      `no console core .wasm requested: ${log.requests.join(', ')}`);
    await waitFor(async () => (await page.getByRole('paragraph').count()) > 0, {
      timeout: 5_000,
      message: 'the console to show a paragraph',
    });
    assert.deepEqual(log.errors, []);
  });
});
