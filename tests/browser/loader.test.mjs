// The loader before and around the core: what it fetches, its launcher, its commands and its config.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { launcherHasFocus, sleep, useDemoServerAndBrowser, waitFor, widget } from './harness.mjs';

const TEST = { timeout: 60_000 };

/** WCAG contrast ratio of two "rgb(r, g, b)" strings. */
function contrast(a, b) {
  const lum = (css) =>
    css.match(/\d+(\.\d+)?/g).slice(0, 3)
      .map((v) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
      .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('loader', () => {
  const env = useDemoServerAndBrowser();

  async function visit(pagePath, { html, init, contextOptions } = {}) {
    const opened = await env.open(contextOptions);
    // A page that exists only for this test, served from the server's own origin.
    if (html) await opened.page.route(env.server.url + pagePath, (route) => route.fulfill({ contentType: 'text/html', body: html }));
    if (init) await opened.page.addInitScript(init);
    await opened.page.goto(env.server.url + pagePath, { waitUntil: 'networkidle' });
    return opened;
  }
  const testPage = (scriptAttributes) =>
    `<!doctype html><html lang="en"><head><title>t</title><link rel="icon" href="data:,"></head>` +
    `<body><p>test page</p><script src="/support-widget.js" ${scriptAttributes} async></script></body></html>`;

  it('(a) before interaction only the page and the loader are requested', TEST, async () => {
    const { page, log } = await visit('/index.html');
    await sleep(1_000);
    await widget(page).launcher.waitFor({ state: 'visible', timeout: 5_000 });
    const fetched = [...new Set(log.requests.filter((u) => !u.startsWith('data:')))].map((u) =>
      u.startsWith(env.server.url) ? new URL(u).pathname : u
    );
    assert.deepEqual(fetched.sort(), ['/index.html', '/shared.css', '/support-widget.js']);
    assert.ok(!fetched.some((u) => /\.(mjs|wasm|ttf|otf|woff2?)$/.test(u)));
    assert.deepEqual(await page.evaluate(() => window.SupportWidget('debug')), { loaded: false, open: false });
    assert.deepEqual(log.errors, []);
  });

  it('the only global the loader adds is SupportWidget', TEST, async () => {
    const { page, log } = await visit('/order-status.html', {
      init: () => {
        const before = new Set(Object.getOwnPropertyNames(window));
        Object.defineProperty(window, '__globalsBefore', { value: before, enumerable: false });
      },
    });
    await widget(page).launcher.waitFor({ state: 'visible', timeout: 5_000 });
    const added = await page.evaluate(() =>
      Object.getOwnPropertyNames(window).filter((name) => !window.__globalsBefore.has(name) && name !== '__globalsBefore')
    );
    assert.deepEqual(added, ['SupportWidget']);
    assert.deepEqual(log.errors, []);
  });

  it('the launcher is reachable with Tab, and Enter opens the panel', TEST, async () => {
    const { page, log } = await visit('/index.html');
    const w = widget(page);
    let presses = 0;
    while (!(await launcherHasFocus(page))) {
      assert.ok(++presses <= 60, 'the launcher was not reached after 60 Tab presses');
      await page.keyboard.press('Tab');
    }
    assert.equal(await w.launcher.getAttribute('aria-expanded'), 'false');
    const box = await w.launcher.boundingBox();
    assert.ok(box.width >= 44 && box.height >= 44, `touch target ${box.width}×${box.height} is under 44 px`);
    await page.keyboard.press('Enter');
    await w.dialog.waitFor({ state: 'visible', timeout: 5_000 });
    assert.equal(await w.launcher.getAttribute('aria-expanded'), 'true');
    await waitFor(async () => (await w.debug()).loaded, { timeout: 20_000, message: 'the core to load' });
    assert.deepEqual(log.errors, []);
  });

  it("SupportWidget('open') from page script opens the panel without a click", TEST, async () => {
    const { page, log } = await visit('/cart.html');
    const w = widget(page);
    await page.evaluate(() => window.SupportWidget('open'));
    await w.dialog.waitFor({ state: 'visible', timeout: 5_000 });
    assert.equal(await w.launcher.getAttribute('aria-expanded'), 'true');
    await waitFor(async () => {
      const d = await w.debug();
      return d.loaded && d.open && d.frames > 0;
    }, { timeout: 20_000, message: 'the core to load and draw' });
    assert.deepEqual(log.errors, []);
  });

  it('toggle, close and on(ready | open | close) work, in order', TEST, async () => {
    const { page, log } = await visit('/order-status.html');
    const w = widget(page);
    await page.evaluate(() => {
      const seen = (window.SupportWidget.seen = []);
      for (const event of ['ready', 'open', 'close']) window.SupportWidget('on', event, () => seen.push(event));
      window.SupportWidget('toggle');
    });
    await waitFor(async () => (await w.debug()).loaded, { timeout: 20_000, message: 'the core to load' });
    await page.evaluate(() => window.SupportWidget('toggle'));
    await w.dialog.waitFor({ state: 'hidden', timeout: 5_000 });
    await page.evaluate(() => window.SupportWidget('open'));
    await page.evaluate(() => window.SupportWidget('close'));
    await w.dialog.waitFor({ state: 'hidden', timeout: 5_000 });
    assert.deepEqual(await page.evaluate(() => window.SupportWidget.seen), ['open', 'ready', 'close', 'open', 'close']);
    assert.equal((await w.debug()).open, false);
    assert.deepEqual(log.errors, []);
  });

  it('calls queued by the pre-loader stub are replayed', TEST, async () => {
    const { page, log } = await visit('/index.html', {
      init: () => {
        window.SupportWidget = window.SupportWidget || function () {
          (window.SupportWidget.q = window.SupportWidget.q || []).push(arguments);
        };
        window.SupportWidget('on', 'ready', () => (window.SupportWidget.readyFired = true));
        window.SupportWidget('open');
      },
    });
    const w = widget(page);
    await w.dialog.waitFor({ state: 'visible', timeout: 5_000 });
    await waitFor(() => page.evaluate(() => window.SupportWidget.readyFired === true), {
      timeout: 20_000,
      message: "the 'ready' listener queued before the loader ran",
    });
    assert.deepEqual(log.errors, []);
  });

  it('an unknown command logs exactly one console error naming it and the known commands', TEST, async () => {
    const { page, log } = await visit('/index.html');
    assert.equal(await page.evaluate(() => window.SupportWidget('frobnicate', 1)), undefined);
    await sleep(300);
    assert.equal(log.errors.length, 1, log.errors.join('\n'));
    assert.match(log.errors[0], /frobnicate/);
    for (const known of ['open', 'close', 'toggle', 'on', 'debug']) assert.match(log.errors[0], new RegExp(`\\b${known}\\b`));
  });

  it('a second copy of the script tag only warns', TEST, async () => {
    const { page, log } = await visit('/product.html');
    await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const s = document.createElement('script');
          s.src = '/support-widget.js';
          s.dataset.site = 'demo';
          s.onload = resolve;
          s.onerror = reject;
          document.body.append(s);
        })
    );
    assert.equal(await page.locator('[data-support-widget]').count(), 1);
    assert.equal(await widget(page).launcher.count(), 1);
    assert.equal(log.warnings.filter((m) => /included twice/.test(m)).length, 1, log.warnings.join('\n'));
    assert.deepEqual(log.errors, []);
  });

  it('without data-site: one clear console error and no launcher', TEST, async () => {
    const { page, log } = await visit('/no-site.html', { html: testPage('') });
    await sleep(300);
    assert.equal(await page.locator('[data-support-widget]').count(), 0);
    assert.equal(log.errors.length, 1, log.errors.join('\n'));
    assert.match(log.errors[0], /data-site/);
  });

  it('bad position and colour fall back to defaults with a warning', TEST, async () => {
    const { page, log } = await visit('/bad-config.html', { html: testPage('data-site="demo" data-position="middle" data-brand="blurple"') });
    const launcher = widget(page).launcher;
    await launcher.waitFor({ state: 'visible', timeout: 5_000 });
    assert.equal(log.warnings.filter((m) => /data-position|data-brand/.test(m)).length, 2, log.warnings.join('\n'));
    const box = await launcher.boundingBox();
    assert.ok(box.x > page.viewportSize().width / 2, 'the launcher is not on the right');
    assert.equal(await launcher.evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(79, 70, 229)');
    assert.deepEqual(log.errors, []);
  });

  it('a light brand colour gets a dark icon (contrast ≥ 4.5:1), and left works', TEST, async () => {
    const { page, log } = await visit('/yellow.html', { html: testPage('data-site="demo" data-position="left" data-brand="#ffd400"') });
    const launcher = widget(page).launcher;
    await launcher.waitFor({ state: 'visible', timeout: 5_000 });
    const { background, color } = await launcher.evaluate((b) => ({
      background: getComputedStyle(b).backgroundColor,
      color: getComputedStyle(b).color,
    }));
    assert.equal(background, 'rgb(255, 212, 0)');
    assert.ok(contrast(background, color) >= 4.5, `contrast ${contrast(background, color).toFixed(2)} of ${color} on ${background}`);
    assert.ok((await launcher.boundingBox()).x < page.viewportSize().width / 2, 'the launcher is not on the left');
    assert.deepEqual(log.errors, []);
  });

  it('no motion under prefers-reduced-motion, and the host page can set the z-index', TEST, async () => {
    const { page, log } = await visit('/index.html', { contextOptions: { reducedMotion: 'reduce' } });
    await page.route(/support-widget-core\.[^/]*\.mjs/, () => {}); // never answered: the spinner stays
    const launcher = widget(page).launcher;
    await launcher.click();
    const spinner = page.locator('[data-support-widget] .spin');
    assert.equal(await spinner.evaluate((s) => getComputedStyle(s).animationName), 'none');
    const defaultZ = Number(await launcher.evaluate((b) => getComputedStyle(b).zIndex));
    assert.ok(defaultZ > 1_000_000, `default z-index ${defaultZ} is not high`);
    await page.addStyleTag({ content: '[data-support-widget] { --support-widget-z-index: 5; }' });
    assert.equal(await launcher.evaluate((b) => getComputedStyle(b).zIndex), '5');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    assert.equal(await spinner.evaluate((s) => getComputedStyle(s).animationName), 'sw-spin', 'test set-up: no animation to remove');
    assert.deepEqual(log.errors, []);
  });

  it("works under a strict CSP (no inline styles, only 'wasm-unsafe-eval')", TEST, async () => {
    const opened = await env.open();
    const { page, log } = opened;
    const csp = "default-src 'self'; img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
    await page.route(env.server.url + '/csp.html', (route) =>
      route.fulfill({ contentType: 'text/html', headers: { 'content-security-policy': csp }, body: testPage('data-site="demo"') })
    );
    await page.goto(env.server.url + '/csp.html', { waitUntil: 'networkidle' });
    const w = widget(page);
    assert.equal(await w.launcher.evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(79, 70, 229)', 'the launcher is unstyled');
    await w.launcher.click();
    await waitFor(async () => {
      const d = await w.debug();
      return d.loaded && d.frames > 0;
    }, { timeout: 20_000, message: 'the core to load and draw under the CSP' });
    assert.deepEqual(log.errors, []);
  });

  it('data-preload="idle" imports the core without opening the panel', TEST, async () => {
    const { page, log } = await visit('/preload.html', { html: testPage('data-site="demo" data-preload="idle"') });
    const w = widget(page);
    await waitFor(async () => (await w.debug()).loaded, { timeout: 20_000, message: 'the core to load in idle time' });
    assert.ok(log.requests.some((u) => /\.wasm(\?|$)/.test(u)), 'no .wasm requested');
    assert.equal(await w.dialog.isVisible(), false);
    assert.equal((await w.debug()).open, false);
    await w.launcher.click();
    await w.dialog.waitFor({ state: 'visible', timeout: 5_000 });
    await waitFor(async () => (await w.debug()).frames > 0, { timeout: 10_000, message: 'a frame after opening' });
    assert.deepEqual(log.errors, []);
  });
});
