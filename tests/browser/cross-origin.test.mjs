// The normal deployment: the store serves its pages from its own origin and the snippet loads the
// widget from support-server on another (another loopback port is another origin). Then the same on
// a store theme that fights the widget — strict CSP, right to left, a transformed and filtered
// body, !important rules everywhere, a cookie banner over the bottom of the screen — on a desktop
// and on a phone.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodePng, feedbackRows, openPanel, startStoreServer, useDemoServerAndBrowser, waitFor, widget } from './harness.mjs';

const TEST = { timeout: 60_000 };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

describe('widget served from another origin than the store', () => {
  const env = useDemoServerAndBrowser();
  let store;
  before(async () => {
    store = await startStoreServer({
      widgetUrl: env.server.url,
      headersFor: (pathname) =>
        pathname === '/hostile-theme.html'
          ? {
              'Content-Security-Policy':
                `default-src 'self'; script-src ${env.server.url} 'wasm-unsafe-eval'; style-src 'self'; ` +
                `connect-src 'self' ${env.server.url}; img-src 'self' data:`,
            }
          : {},
    });
  });
  after(async () => store?.stop());

  /** Opens a store page, recording CSP violations the page reports. */
  async function visit(pagePath, contextOptions) {
    const opened = await env.open(contextOptions);
    await opened.page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`), true);
    });
    await opened.page.goto(store.url + pagePath, { waitUntil: 'networkidle' });
    return opened;
  }

  const fromWidgetOrigin = (log, pattern) => log.requests.filter((u) => pattern.test(u)).every((u) => u.startsWith(env.server.url + '/'));

  it('on the store\'s product page the panel opens, search finds an article and it opens, with no error', TEST, async () => {
    const { page, log } = await visit('/product.html');
    assert.notEqual(new URL(store.url).origin, new URL(env.server.url).origin);
    const w = await openPanel(page);
    await waitFor(async () => (await w.debug()).content === 'ready', { timeout: 10_000, message: 'the help content from the widget origin' });
    await w.search.click({ timeout: 5_000 });
    await page.keyboard.type('shipping');
    const first = w.dialog.getByRole('list', { name: 'Search results', exact: true }).getByRole('link').first();
    await first.waitFor({ timeout: 5_000 });
    const title = await first.evaluate((el) => el.textContent);
    await first.click({ timeout: 5_000 });
    await w.dialog.getByRole('heading', { level: 2, name: title, exact: true }).waitFor({ timeout: 5_000 });
    assert.equal((await w.debug()).view, 'article');
    // The core, its .wasm, the font and the content all came from the widget's origin, not the store's.
    for (const pattern of [/\.mjs(\?|$)/, /\.wasm(\?|$)/, /\.ttf(\?|$)/, /\/api\/v1\/sites\/demo\/content/]) {
      assert.ok(log.requests.some((u) => pattern.test(u)), `nothing matching ${pattern} was requested`);
      assert.ok(fromWidgetOrigin(log, pattern), `${pattern} was requested from the store's origin`);
    }
    assert.deepEqual(log.errors, []);
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  });

  it('on a hostile theme with a strict CSP, the page\'s feedback spot asks in Hebrew and its vote is sent, with no violation', TEST, async () => {
    const { page, log } = await visit('/hostile-theme.html');
    const group = page.getByRole('group', { name: 'האם הדף הזה עזר לך?', exact: true });
    await group.getByRole('button', { name: 'כן', exact: true }).click({ timeout: 5_000 });
    await page.getByRole('status').filter({ hasText: 'תודה על המשוב.' }).waitFor({ timeout: 5_000 });
    await waitFor(() => feedbackRows(env.server.db, "subject = 'hostile theme'").length === 1, { timeout: 15_000, message: 'the vote in the database' });
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    assert.deepEqual(log.errors, []);
  });

  for (const [device, options] of [['desktop', { viewport: { width: 1280, height: 800 } }], ['phone', PHONE]]) {
    it(`on a hostile theme (${device}) the launcher and panel sit in the viewport, unclipped and unfiltered, and typing reaches search`, TEST, async () => {
      const { page, log } = await visit('/hostile-theme.html', options);
      const w = widget(page, 'he'); // the theme's page is Hebrew: so are the panel's words
      const viewport = page.viewportSize();
      const inside = (box) => box && box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width + 0.5 && box.y + box.height <= viewport.height + 0.5;

      await w.launcher.waitFor({ state: 'visible', timeout: 5_000 });
      const launcherBox = await w.launcher.boundingBox();
      assert.ok(inside(launcherBox), `the launcher is outside the ${viewport.width}×${viewport.height} viewport: ${JSON.stringify(launcherBox)}`);
      // Nothing of the page (the cookie banner) covers its middle, and the theme's grayscale filter
      // does not reach it: the brand colour is drawn as it is.
      const hit = await w.launcher.evaluate((button) => {
        const r = button.getBoundingClientRect();
        const atPoint = button.getRootNode().elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return atPoint === button || button.contains(atPoint);
      });
      assert.ok(hit, 'something of the page covers the launcher');
      const shot = await page.screenshot({ clip: { x: launcherBox.x + launcherBox.width / 2 - 1, y: launcherBox.y + 6, width: 2, height: 2 } });
      const png = decodePng(shot);
      const [r, g, b] = png.pixels.subarray(0, 3);
      assert.ok(Math.abs(r - 0x4f) < 12 && Math.abs(g - 0x46) < 12 && Math.abs(b - 0xe5) < 12, `the launcher is drawn rgb(${r}, ${g}, ${b}), not the brand colour #4f46e5`);

      await openPanel(page, 'he');
      const dialogBox = await w.dialog.boundingBox();
      assert.ok(inside(dialogBox), `the panel is outside the viewport: ${JSON.stringify(dialogBox)}`);
      assert.ok(dialogBox.width >= Math.min(340, viewport.width - 40) && dialogBox.height >= 300, `the panel is shrunk: ${JSON.stringify(dialogBox)}`);
      const canvasBox = await w.dialog.locator('canvas').boundingBox();
      assert.ok(Math.abs(canvasBox.width - dialogBox.width) < 2 && Math.abs(canvasBox.height - dialogBox.height) < 2, `the canvas does not fill the panel: ${JSON.stringify(canvasBox)}`);

      await waitFor(async () => (await w.debug()).content === 'ready', { timeout: 10_000, message: 'the help content' });
      await w.search.click({ timeout: 5_000 });
      // The page is Hebrew (<html lang="he">): the Hebrew articles, searched in Hebrew ("shipping").
      await page.keyboard.type('משלוח');
      await waitFor(async () => (await w.debug()).search === 'משלוח', { timeout: 5_000, message: 'the core to see the Hebrew query' });
      await w.dialog.getByRole('list', { name: w.words['Search results'], exact: true }).getByRole('link').first().waitFor({ timeout: 5_000 });

      assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
      assert.deepEqual(log.errors, []);
    });
  }
});
