// Scrolling the panel as phone and desktop shoppers do: a finger dragged inside the results moves
// the list (with momentum) and never the store page behind, nor presses what it started on; the
// wheel does the same on a desktop; the Yes/No at the end of a long article are reached and tapped
// by touch. Gestures are Chromium's own (Input.synthesizeScrollGesture with a touch source), and
// controls are found by role and name through the ARIA mirror.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openPanel, sleep, useDemoServerAndBrowser, waitFor } from './harness.mjs';

const TEST = { timeout: 90_000 };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
// The same phone held sideways: the panel is short, so an article's end is below it.
const PHONE_SIDEWAYS = { ...PHONE, viewport: { width: 844, height: 390 } };

describe('touch and wheel scrolling in the panel', () => {
  const env = useDemoServerAndBrowser();

  async function visit(pagePath, contextOptions) {
    const opened = await env.open(contextOptions);
    await opened.page.goto(env.server.url + pagePath, { waitUntil: 'networkidle' });
    const w = await openPanel(opened.page);
    await waitFor(async () => (await w.debug()).content === 'ready', { timeout: 10_000, message: 'the help content' });
    return { ...opened, w };
  }

  async function search(page, w, text) {
    await w.search.click({ timeout: 5_000 });
    await page.keyboard.type(text);
    await waitFor(async () => (await w.debug()).search === text, { timeout: 5_000, message: `the core to see "${text}"` });
    const results = w.dialog.getByRole('list', { name: 'Search results', exact: true });
    await results.getByRole('link').first().waitFor({ timeout: 5_000 });
    return results;
  }

  /** A finger dragged from (x, y) by dy (negative: upwards, revealing what is below), as Chromium synthesizes it. */
  async function touchDrag(page, x, y, dy, speed = 1200) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.synthesizeScrollGesture', {
      x: Math.round(x), y: Math.round(y), xDistance: 0, yDistance: Math.round(dy), speed,
      gestureSourceType: 'touch', preventFling: false,
    });
    await cdp.detach();
  }

  /** Waits until `locator`'s top stops moving (momentum finished) and returns it. */
  async function settledTop(locator) {
    let last = NaN;
    return waitFor(async () => {
      const top = (await locator.boundingBox())?.y;
      const settled = top === last;
      last = top;
      return settled ? top : null;
    }, { timeout: 10_000, interval: 150, message: 'the list to stop moving' });
  }

  it('a finger dragged up in the results scrolls the list, not the page, and opens nothing', TEST, async () => {
    const { page, w } = await visit('/product.html', PHONE);
    const results = await search(page, w, 'shipping');
    assert.ok((await results.getByRole('listitem').count()) >= 5, 'too few results to scroll');
    const first = results.getByRole('link').first();
    const panel = await w.dialog.boundingBox();
    const before = await settledTop(first);
    const pageBefore = await page.evaluate(() => window.scrollY);
    const start = await first.boundingBox(); // the drag starts on a result: it must not open it

    // From inside the list, 200 px below the first result (or near the panel foot), finger upwards.
    const fromY = Math.min(start.y + start.height / 2 + 200, panel.y + panel.height - 40);
    await touchDrag(page, panel.x + panel.width / 2, fromY, -300);
    const after = await settledTop(first);
    assert.ok(before - after >= 150, `the list moved ${before - after} px for a 300 px drag`);
    assert.equal(await page.evaluate(() => window.scrollY), pageBefore, 'the store page scrolled behind the panel');
    assert.notEqual((await w.debug()).view, 'article', 'the drag opened the result it started on');

    // Dragged far past the end: the list stops at its end and the page still does not move.
    for (let i = 0; i < 4; i++) await touchDrag(page, panel.x + panel.width / 2, panel.y + panel.height - 60, -600, 3000);
    await settledTop(first);
    assert.equal(await page.evaluate(() => window.scrollY), pageBefore, 'the page scrolled at the end of the list');

    // And back down: the first result returns to where it was.
    for (let i = 0; i < 4; i++) await touchDrag(page, panel.x + panel.width / 2, panel.y + 200, 600, 3000);
    assert.ok(Math.abs((await settledTop(first)) - before) <= 1, 'the list did not return to its top');
  });

  it('a quick flick coasts on, but not for a shopper who asked for reduced motion', TEST, async () => {
    const moved = {};
    for (const reducedMotion of ['no-preference', 'reduce']) {
      const { page, w } = await visit('/product.html', { ...PHONE, reducedMotion });
      const results = await search(page, w, 'shipping');
      const first = results.getByRole('link').first();
      const panel = await w.dialog.boundingBox();
      const before = await settledTop(first);
      // A short, fast flick upwards from the middle of the list.
      await touchDrag(page, panel.x + panel.width / 2, panel.y + panel.height - 120, -100, 3000);
      moved[reducedMotion] = before - (await settledTop(first));
    }
    // The gesture Chromium synthesizes overshoots its 100 px a little; momentum adds far more.
    assert.ok(moved.reduce >= 60 && moved.reduce <= 130, `with reduced motion a 100 px flick moved the list ${moved.reduce} px`);
    assert.ok(moved['no-preference'] >= moved.reduce + 40,
      `a flick coasted ${moved['no-preference']} px, hardly more than with reduced motion (${moved.reduce} px)`);
  });

  it('the wheel over the results scrolls the list and leaves the page where it was', TEST, async () => {
    const { page, w } = await visit('/product.html', { viewport: { width: 1280, height: 800 } });
    const results = await search(page, w, 'shipping');
    const first = results.getByRole('link').first();
    const before = await settledTop(first);
    const box = await results.boundingBox();
    assert.ok(await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight + 300), 'test set-up: the store page is not scrollable');
    await page.mouse.move(box.x + box.width / 2, Math.min(box.y + 100, box.y + box.height - 10));
    await page.mouse.wheel(0, 300);
    const after = await settledTop(first);
    assert.ok(before - after >= 100, `the list moved ${before - after} px for one wheel turn`);
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 600); // far past the end
    await sleep(300);
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'the store page scrolled behind the panel');
  });

  it('on a phone held sideways, "Was this helpful?" below the end of an article is reached by touch and tapped', TEST, async () => {
    const { page, w } = await visit('/index.html', PHONE_SIDEWAYS);
    const results = await search(page, w, 'retrn polcy');
    await results.getByRole('link').first().tap({ timeout: 5_000 });
    await w.dialog.getByRole('heading', { level: 2, name: 'What is your return policy?', exact: true }).waitFor({ timeout: 5_000 });
    const yes = w.dialog.getByRole('button', { name: 'Yes', exact: true });
    const panel = await w.dialog.boundingBox();
    const inPanel = async () => {
      const b = await yes.boundingBox();
      return b && b.y >= panel.y && b.y + b.height <= panel.y + panel.height;
    };
    assert.equal(await inPanel(), false, 'test set-up: Yes is already in view without scrolling');
    for (let i = 0; i < 8 && !(await inPanel()); i++) {
      await touchDrag(page, panel.x + panel.width / 2, panel.y + panel.height - 80, -400);
      await settledTop(yes);
    }
    assert.ok(await inPanel(), 'Yes never came into view by touch');
    await yes.tap({ timeout: 5_000 });
    await waitFor(async () => (await yes.getAttribute('aria-pressed')) === 'true', { timeout: 5_000, message: 'Yes pressed by a tap' });
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'the store page scrolled behind the panel');
  });
});
