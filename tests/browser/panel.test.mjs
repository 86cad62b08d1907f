// The open panel, as a shopper meets it on the demo store: the core loads on the first click, draws,
// takes typed text, draws nothing while idle, closes with Close or Escape, and leaves the page usable.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countColours, decodePng, launcherHasFocus, openPanel, sleep, useDemoServerAndBrowser, waitFor, widget, wordsOf } from './harness.mjs';

const TEST = { timeout: 60_000 };
const CORE_MJS = /\/support-widget-core\.[^/?]*\.mjs(\?|$)/;
const CORE_WASM = /\/support-widget-core\.[^/?]*\.wasm(\?|$)/;

describe('panel', () => {
  const env = useDemoServerAndBrowser();
  const checkedLogs = []; // pages whose console must stay free of errors (test g)

  async function visit(pagePath, contextOptions) {
    const opened = await env.open(contextOptions);
    checkedLogs.push(opened.log);
    await opened.page.goto(env.server.url + pagePath, { waitUntil: 'networkidle' });
    return opened;
  }

  it('(b) activating the launcher loads the core and shows a drawn panel', TEST, async () => {
    const { page, log } = await visit('/index.html');
    const w = await openPanel(page);
    assert.ok(log.requests.some((u) => CORE_MJS.test(u)), `no core .mjs requested: ${log.requests.join(', ')}`);
    assert.ok(log.requests.some((u) => CORE_WASM.test(u)), `no core .wasm requested: ${log.requests.join(', ')}`);
    assert.equal(await w.launcher.getAttribute('aria-expanded'), 'true');
    assert.notEqual(await w.dialog.getAttribute('aria-busy'), 'true', 'the panel still says it is busy after load');
    const heading = w.dialog.getByRole('heading', { level: 1, name: 'Northwind Help', exact: true });
    assert.equal(await heading.count(), 1, 'no level-1 heading named by data-title ("Northwind Help") in the panel');

    const canvas = w.dialog.locator('canvas');
    assert.equal(await canvas.count(), 1, 'the panel holds exactly one canvas');
    const [canvasBox, dialogBox] = [await canvas.boundingBox(), await w.dialog.boundingBox()];
    assert.ok(Math.abs(canvasBox.width - dialogBox.width) <= 1 && Math.abs(canvasBox.height - dialogBox.height) <= 1,
      `the canvas (${canvasBox.width}×${canvasBox.height}) does not fill the panel (${dialogBox.width}×${dialogBox.height})`);
    let colours = 0;
    await waitFor(async () => {
      colours = countColours(decodePng(await canvas.screenshot()), 16);
      return colours > 2;
    }, { timeout: 10_000, message: 'the canvas to show more than 2 colours' }).catch(() => {
      assert.fail(`the panel's canvas looks blank: ${colours} distinct colour(s)`);
    });
  });

  it('the server sends the core .wasm as application/wasm', TEST, async () => {
    const { page, log } = await visit('/index.html');
    await openPanel(page);
    const wasm = log.responses.find((r) => CORE_WASM.test(r.url));
    assert.ok(wasm, 'no response for the core .wasm');
    assert.equal(wasm.status, 200);
    assert.match(wasm.headers['content-type'] || '', /^application\/wasm\b/);
  });

  it('opening moves focus into the panel', TEST, async () => {
    const { page } = await visit('/index.html');
    const w = await openPanel(page);
    await waitFor(() => w.dialog.evaluate((d) => d.contains(d.getRootNode().activeElement)), {
      timeout: 5_000,
      message: 'focus inside the dialog after opening',
    });
  });

  it('(c) Close, found by role and name, closes the panel', TEST, async () => {
    const { page } = await visit('/index.html');
    const w = await openPanel(page);
    await w.close.click({ timeout: 5_000 });
    await w.dialog.waitFor({ state: 'hidden', timeout: 5_000 });
    assert.equal(await w.launcher.getAttribute('aria-expanded'), 'false');
    assert.equal((await w.debug()).open, false);
    await waitFor(() => launcherHasFocus(page), { timeout: 5_000, message: 'focus back on the launcher' });
  });

  it('(d) text typed into the search field reaches the core', TEST, async () => {
    const text = 'where is my order';
    const { page } = await visit('/index.html');
    const w = await openPanel(page);
    await w.search.click({ timeout: 5_000 });
    await page.keyboard.type(text);
    await waitFor(async () => (await w.debug()).search === text, {
      timeout: 5_000,
      message: `SupportWidget('debug').search to equal "${text}"`,
    });
    await waitFor(async () => (await w.search.inputValue()) === text, {
      timeout: 5_000,
      message: `the searchbox's value in the ARIA mirror to equal "${text}"`,
    });
  });

  it('(e) no frames are drawn while idle, and input draws again', TEST, async () => {
    const { page } = await visit('/index.html');
    const w = await openPanel(page);
    await sleep(1_000);
    const before = (await w.debug()).frames;
    await sleep(2_000);
    const idle = (await w.debug()).frames;
    assert.ok(before > 0, 'the core has drawn no frame at all');
    assert.equal(idle, before, `the core drew ${idle - before} frame(s) in 2 s of idle`);
    // The counter is live: a key press in the search field draws again.
    await w.search.focus();
    await page.keyboard.type('a');
    await waitFor(async () => (await w.debug()).frames > idle, { timeout: 5_000, message: 'a frame after typing' });
  });

  it('(f) Escape inside the panel closes it and focus returns to the launcher', TEST, async () => {
    const { page } = await visit('/index.html');
    const w = await openPanel(page);
    await w.search.click({ timeout: 5_000 });
    assert.ok(await w.dialog.evaluate((d) => d.contains(d.getRootNode().activeElement)), 'focus is not inside the panel');
    await page.keyboard.press('Escape');
    await w.dialog.waitFor({ state: 'hidden', timeout: 5_000 });
    assert.equal(await w.launcher.getAttribute('aria-expanded'), 'false');
    await waitFor(() => launcherHasFocus(page), { timeout: 5_000, message: 'focus back on the launcher' });
  });

  it('Tab and Shift-Tab move between controls, and Enter activates the focused one', TEST, async () => {
    const { page } = await visit('/index.html');
    const w = await openPanel(page);
    const focusedControl = () =>
      w.dialog.evaluate((d) => {
        const el = d.getRootNode().activeElement;
        return el && d.contains(el) ? `${el.tagName.toLowerCase()}:${el.getAttribute('aria-label') || el.textContent}` : null;
      });
    await waitFor(async () => (await focusedControl()) === 'input:Search help articles', {
      timeout: 5_000,
      message: 'the search field focused after opening',
    });
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focusedControl(), 'button:Close', 'Shift-Tab from the search field does not reach Close');
    await page.keyboard.press('Tab');
    assert.equal(await focusedControl(), 'input:Search help articles', 'Tab from Close does not reach the search field');
    await page.keyboard.press('Shift+Tab');
    // Enter on the mirror button is a click without a pointer: it must reach the core as an activation.
    await page.keyboard.press('Enter');
    await w.dialog.waitFor({ state: 'hidden', timeout: 5_000 });
    assert.equal((await w.debug()).open, false);
    await waitFor(() => launcherHasFocus(page), { timeout: 5_000, message: 'focus back on the launcher' });
  });

  it('the page around the open panel stays clickable', TEST, async () => {
    const { page } = await visit('/product.html', { viewport: { width: 1280, height: 800 } });
    const w = await openPanel(page);
    const size = page.getByRole('radio', { name: '8', exact: true });
    const [panelBox, sizeBox] = [await w.dialog.boundingBox(), await size.boundingBox()];
    const overlaps =
      sizeBox.x < panelBox.x + panelBox.width && panelBox.x < sizeBox.x + sizeBox.width &&
      sizeBox.y < panelBox.y + panelBox.height && panelBox.y < sizeBox.y + sizeBox.height;
    assert.ok(!overlaps, 'test set-up: the size picker lies under the panel');
    await size.click({ timeout: 5_000 });
    assert.equal(await size.isChecked(), true, 'clicking size 8 beside the open panel did not select it');
    assert.ok(await w.dialog.isVisible(), 'clicking the page closed the panel');
  });

  it('on a phone (390×844) the panel is a full-width sheet that the canvas fills', TEST, async () => {
    const { page } = await visit('/index.html', { viewport: { width: 390, height: 844 } });
    const w = await openPanel(page);
    const box = await w.dialog.boundingBox();
    assert.equal(Math.round(box.x), 0);
    assert.equal(Math.round(box.width), 390);
    assert.equal(Math.round(box.y + box.height), 844, 'the sheet does not sit on the bottom edge');
    const canvasBox = await w.dialog.locator('canvas').boundingBox();
    assert.equal(Math.round(canvasBox.width), 390);
  });

  it('on a phone, opening focuses Close rather than the search field (no keyboard pops up)', TEST, async () => {
    const { page } = await visit('/index.html', { viewport: { width: 390, height: 844 } });
    const w = await openPanel(page);
    await waitFor(() => w.close.evaluate((b) => b.getRootNode().activeElement === b), {
      timeout: 5_000,
      message: 'Close focused after opening on a phone',
    });
  });

  it('on a HiDPI screen the canvas backing store is its CSS size × devicePixelRatio', TEST, async () => {
    const { page } = await visit('/index.html', { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 });
    const w = await openPanel(page);
    const canvas = w.dialog.locator('canvas');
    await waitFor(() => canvas.evaluate((c) => {
      const box = c.getBoundingClientRect();
      return Math.abs(c.width - box.width * 2) <= 1 && Math.abs(c.height - box.height * 2) <= 1;
    }), { timeout: 5_000, message: 'a canvas backing store of 2× its CSS size' }).catch(async (error) => {
      const size = await canvas.evaluate((c) => `${c.width}×${c.height} for ${c.clientWidth}×${c.clientHeight} CSS px`);
      throw new Error(`${error.message}: ${size}`);
    });
  });

  it('a failed load shows a message with Retry, logs one error, and Retry loads the core', TEST, async () => {
    const { page, log } = await visit('/index.html');
    checkedLogs.pop(); // this page expects errors; checked here instead
    await page.route(CORE_MJS, (route) => route.abort());
    const w = widget(page);
    await w.launcher.click();
    const message = w.dialog.getByText('Help could not load.');
    await message.waitFor({ state: 'visible', timeout: 10_000 });
    const ours = () => log.errors.filter((e) => e.includes('SupportWidget'));
    assert.equal(ours().length, 1, `expected one SupportWidget error, got: ${ours().join(' | ')}`);
    assert.equal(log.errors.filter((e) => e.startsWith('pageerror')).length, 0, log.errors.join('\n'));

    await page.unroute(CORE_MJS);
    await w.dialog.getByRole('button', { name: 'Retry', exact: true }).click({ timeout: 5_000 });
    await waitFor(async () => (await w.debug()).loaded, { timeout: 20_000, message: 'the core to load on Retry' });
    await message.waitFor({ state: 'hidden', timeout: 5_000 });
    assert.equal(ours().length, 1, `Retry logged more errors: ${ours().join(' | ')}`);
  });

  it('on the Arabic page the launcher and the panel are named in Arabic, before the core has loaded', TEST, async () => {
    const { page } = await visit('/ar.html');
    const said = wordsOf('ar');
    await page.route(CORE_MJS, (route) => route.abort());
    checkedLogs.pop(); // this page expects the core's failed load
    const w = widget(page, 'ar');
    assert.equal(await w.launcher.count(), 1, `no launcher named "${said['Help']}"`);
    await w.launcher.click();
    await w.dialog.waitFor({ state: 'visible', timeout: 5_000 });
    assert.equal(await page.getByRole('dialog', { name: 'Help', exact: true }).count(), 0, 'an English name left');
  });

  it('a font that cannot be fetched (three tries) says so with Retry, and Retry draws the panel', TEST, async () => {
    const { page, log } = await visit('/index.html');
    checkedLogs.pop(); // this page expects a warning and failed requests; checked here instead
    const FONT = /\/fonts\/noto-sans-latin\.[^/?]*\.ttf(\?|$)/;
    let refused = 0;
    await page.route(FONT, (route) => (refused++, route.abort()));
    const w = widget(page);
    await w.launcher.click();
    const message = w.dialog.getByRole('alert').filter({ hasText: 'Help could not load.' });
    await message.waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(refused, 3, 'the font was not tried three times before giving up');
    assert.equal((await w.debug()).frames, 0, 'the panel drew without its font');
    assert.equal(log.errors.filter((e) => e.startsWith('pageerror')).length, 0, log.errors.join('\n'));

    await page.unroute(FONT);
    await w.dialog.getByRole('button', { name: 'Retry', exact: true }).click({ timeout: 5_000 });
    await waitFor(async () => (await w.debug()).frames > 0, { timeout: 20_000, message: 'a frame once the font loaded on Retry' });
    await message.waitFor({ state: 'hidden', timeout: 5_000 });
    await w.dialog.getByRole('heading', { level: 1, name: 'Northwind Help', exact: true }).waitFor({ timeout: 5_000 });
  });

  it('(g) no console errors or page errors on any page above', () => {
    const errors = checkedLogs.flatMap((log) => log.errors);
    assert.deepEqual(errors, []);
  });
});
