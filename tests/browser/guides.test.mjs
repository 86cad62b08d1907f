// Guides on the demo store, as a shopper follows them: the highlight around the real element, the
// callout beside it, steps that advance when the shopper does what they ask, a guide that goes on
// across a page navigation and a reload, a late element awaited, a missing one reported, answers
// that branch, the panel's step runner, the keyboard, and an accessibility audit of the overlay.
// Controls are found by role and name; only the highlight's geometry is read from the element that
// draws it, since what it covers is exactly what a shopper sees.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { feedbackRows, lastFeedbackId, openPanel, repoRoot, useDemoServerAndBrowser, waitFor } from './harness.mjs';

const TEST = { timeout: 90_000 };
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The guide's callout on the page: a dialog named by the guide's title. */
const callout = (page, guideTitle) => page.getByRole('dialog', { name: guideTitle, exact: true });

/** The box of the highlight's cut-out, or null while none is shown. */
const holeBox = (page) =>
  page.evaluate(() => {
    const hole = document.querySelector('[data-support-widget]').shadowRoot.querySelector('.sw-guide-hole');
    if (!hole || hole.hidden) return null;
    const r = hole.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });

/** How many overlay elements (highlight, callout, live region) the widget has on the page. */
const overlayElements = (page) =>
  page.evaluate(() => document.querySelector('[data-support-widget]').shadowRoot.querySelectorAll('[data-sw-guide]').length);

const contains = (outer, inner) =>
  outer.x <= inner.x + 0.5 && outer.y <= inner.y + 0.5 &&
  outer.x + outer.width >= inner.x + inner.width - 0.5 && outer.y + outer.height >= inner.y + inner.height - 0.5;

const overlaps = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const guideState = (page) => page.evaluate(() => window.SupportWidget('debug').guide || null);

/** Waits until the guide's callout shows the step titled `title` (its heading). */
async function waitForStep(page, guideTitle, title) {
  const dialog = callout(page, guideTitle);
  await dialog.getByRole('heading', { name: title, exact: true }).waitFor({ timeout: 15_000 });
  return dialog;
}

/** Waits until the highlight is drawn around `locator` and returns both boxes. */
async function waitForHighlight(page, locator, what) {
  let boxes = null;
  await waitFor(async () => {
    const hole = await holeBox(page);
    const target = await locator.boundingBox();
    // Settled: a step may scroll its target into view smoothly, and the hole follows it there.
    const still = boxes?.target && target && ['x', 'y', 'width', 'height'].every((k) => boxes.target[k] === target[k]);
    boxes = { hole, target };
    return still && hole && contains(hole, target);
  }, { timeout: 10_000, message: `the highlight around ${what} (last ${JSON.stringify(boxes)})` });
  return boxes;
}

const storage = (page, key) => page.evaluate((k) => localStorage.getItem(`support-widget:demo:${k}`), key);
/** The guide in progress as the session stores it (widget/session_sync.h), or null. */
const savedGuide = async (page) => JSON.parse((await storage(page, 'session')) || '{}').guide?.value ?? null;

/** How guides ended, as support-server stored them (kind "guide") after row `since`, waiting for `count`. */
async function outcomesSince(db, since, count = 1) {
  const rows = await waitFor(() => {
    const found = feedbackRows(db, `kind = 'guide' AND id > ${since}`);
    return found.length >= count && found;
  }, { timeout: 15_000, message: `${count} guide outcome(s) at the server` });
  return rows.map((r) => JSON.parse(r.payload)).map((p) => ({ guide: p.guide_id, outcome: p.outcome, step: p.step, stepNumber: p.step_number }));
}

describe('guides', () => {
  const env = useDemoServerAndBrowser();

  async function visit(pagePath, contextOptions) {
    const opened = await env.open(contextOptions);
    await opened.page.goto(env.server.url + pagePath, { waitUntil: 'networkidle' });
    return opened;
  }

  /** Opens the panel and starts the guide named `title` from its list, as a shopper does. */
  async function startFromPanel(page, title) {
    const w = await openPanel(page);
    await waitFor(async () => (await w.debug()).content === 'ready', { timeout: 10_000, message: 'the help content' });
    const guides = w.dialog.getByRole('list', { name: 'Step-by-step guides', exact: true });
    await guides.getByRole('link', { name: title, exact: true }).click({ timeout: 5_000 });
    return w;
  }

  it('the coupon guide end to end: highlight around each target, filling and clicking advance, Done clears it', TEST, async () => {
    const since = lastFeedbackId(env.server.db);
    const { page } = await visit('/cart.html');
    const w = await startFromPanel(page, 'Apply a coupon');
    // The panel gets out of the way: the steps are on the page.
    await w.dialog.waitFor({ state: 'hidden', timeout: 5_000 });

    const step1 = await waitForStep(page, 'Apply a coupon', 'Enter your coupon code');
    assert.match(await step1.textContent(), /Step 1 of 3/);
    const field = page.getByLabel('Coupon code', { exact: true });
    const { target: fieldBox } = await waitForHighlight(page, field, 'the coupon field');
    assert.ok(!overlaps(await step1.boundingBox(), fieldBox), 'the callout covers the coupon field');

    // The shopper types on the real page; the field is usable through the highlight.
    await field.click();
    await page.keyboard.type('welcome10');
    assert.equal((await guideState(page)).step, 'code', 'the guide moved on while the shopper was still typing');
    await page.keyboard.press('Tab');
    const step2 = await waitForStep(page, 'Apply a coupon', 'Press Apply');
    assert.match(await step2.textContent(), /Step 2 of 3/);
    const apply = page.getByRole('button', { name: 'Apply', exact: true });
    await waitForHighlight(page, apply, 'the Apply button');

    await apply.click();
    const step3 = await waitForStep(page, 'Apply a coupon', 'Check your new total');
    assert.match(await page.locator('#coupon-message').textContent(), /WELCOME10 applied/, 'the page did not apply the coupon');
    await waitForHighlight(page, page.locator('#totals'), 'the totals');

    await step3.getByRole('button', { name: 'Done', exact: true }).click();
    await waitFor(async () => (await overlayElements(page)) === 0, { timeout: 5_000, message: 'every overlay element to go' });
    assert.equal(await savedGuide(page), null, 'progress is still stored after the guide ended');
    const outcomes = await outcomesSince(env.server.db, since);
    assert.deepEqual(outcomes.map((o) => [o.guide, o.outcome, o.step, o.stepNumber]), [['apply-coupon', 'completed', 'total', 3]]);
  });

  it('Exit removes every overlay element and records the step it was abandoned at', TEST, async () => {
    const since = lastFeedbackId(env.server.db);
    const { page } = await visit('/cart.html');
    await startFromPanel(page, 'Apply a coupon');
    const dialog = await waitForStep(page, 'Apply a coupon', 'Enter your coupon code');
    await dialog.getByRole('button', { name: 'Next', exact: true }).click();
    await waitForStep(page, 'Apply a coupon', 'Press Apply');
    assert.ok((await overlayElements(page)) >= 2);
    await dialog.getByRole('button', { name: 'Exit guide', exact: true }).click();
    await waitFor(async () => (await overlayElements(page)) === 0, { timeout: 5_000, message: 'every overlay element to go' });
    assert.equal(await holeBox(page), null);
    const outcomes = await outcomesSince(env.server.db, since);
    assert.deepEqual(outcomes.map((o) => [o.outcome, o.step, o.stepNumber]), [['abandoned', 'apply', 2]]);
    // The page is itself again: the coupon field takes input as before.
    await page.getByLabel('Coupon code', { exact: true }).fill('X');
  });

  for (const [how, contextOptions] of [['clicked', undefined], ['tapped on a phone', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }]]) {
    it(`typing a coupon code, then Exit ${how}: the guide ends on step 1 instead of moving on`, TEST, async () => {
      const since = lastFeedbackId(env.server.db);
      const { page } = await visit('/cart.html', contextOptions);
      await page.evaluate(() => window.SupportWidget('startGuide', 'apply-coupon'));
      const dialog = await waitForStep(page, 'Apply a coupon', 'Enter your coupon code');
      const field = page.getByLabel('Coupon code', { exact: true });
      await waitForHighlight(page, field, 'the coupon field');
      await field.focus();
      await page.keyboard.type('welcome10');
      // Leaving the field for Exit commits it; the press on Exit still wins.
      const exit = dialog.getByRole('button', { name: 'Exit guide', exact: true });
      if (contextOptions?.hasTouch) await exit.tap();
      else await exit.click();
      await waitFor(async () => (await overlayElements(page)) === 0, { timeout: 5_000, message: 'every overlay element to go' });
      assert.deepEqual(await guideState(page), { id: 'apply-coupon', outcome: 'abandoned', step: 'code' }, 'the guide did not end where the shopper left it');
      assert.equal(await callout(page, 'Apply a coupon').count(), 0);
      assert.equal(await savedGuide(page), null, 'progress is still stored after Exit');
      const outcomes = await outcomesSince(env.server.db, since);
      assert.deepEqual(outcomes.map((o) => [o.outcome, o.step, o.stepNumber]), [['abandoned', 'code', 1]]);
      assert.equal(await field.inputValue(), 'welcome10', 'the shopper\'s typing was lost');
    });
  }

  it('the order guide goes on across a page navigation and a reload, without opening the panel', TEST, async () => {
    const { page } = await visit('/index.html');
    await page.evaluate(() => window.SupportWidget('startGuide', 'track-order'));
    await waitForStep(page, 'Track your order', 'Open Order status');
    const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Order status', exact: true });
    await waitForHighlight(page, link, 'the Order status link');

    await Promise.all([page.waitForURL(/order-status\.html$/), link.click()]);
    const step2 = await waitForStep(page, 'Track your order', 'Enter your order number');
    assert.match(await step2.textContent(), /Step 2 of 5/);
    await waitForHighlight(page, page.getByLabel('Order number', { exact: true }), 'the order number field');
    assert.equal(await page.getByRole('dialog', { name: 'Help', exact: true }).isVisible(), false, 'the panel opened by itself');

    await page.reload({ waitUntil: 'networkidle' });
    await waitForStep(page, 'Track your order', 'Enter your order number');
    assert.equal((await guideState(page)).step, 'number');
    // Back still knows the way that led here.
    await callout(page, 'Track your order').getByRole('button', { name: 'Back', exact: true }).click();
    await waitForStep(page, 'Track your order', 'Open Order status');
  });

  it('a Hebrew guide reads right to left and carries on in the language of the next page', TEST, async () => {
    const { page } = await visit('/he.html');
    const w = await openPanel(page, 'he');
    await waitFor(async () => (await w.debug()).content === 'ready', { timeout: 10_000, message: 'the Hebrew help content' });
    assert.equal((await w.debug()).guides[0], 'track-order', 'the guide for this page is not listed first');
    await w.dialog.getByRole('list', { name: w.words['Step-by-step guides'], exact: true })
      .getByRole('link', { name: 'מעקב אחר ההזמנה', exact: true }).click({ timeout: 5_000 });
    const dialog = await waitForStep(page, 'מעקב אחר ההזמנה', 'פתחו את „מצב ההזמנה”');
    assert.equal(await dialog.getAttribute('dir'), 'rtl');
    assert.equal(await dialog.getAttribute('lang'), 'he');
    assert.match(await dialog.textContent(), /צעד 1 מתוך 5/); // the widget's words in Hebrew
    const link = page.getByRole('navigation', { name: 'ראשי' }).getByRole('link', { name: 'מצב ההזמנה', exact: true });
    await waitForHighlight(page, link, 'the order status link in the Hebrew menu');
    await Promise.all([page.waitForURL(/order-status\.html$/), link.click()]);
    // The order status page is in English: the same guide goes on in English, at the same step.
    const english = await waitForStep(page, 'Track your order', 'Enter your order number');
    assert.equal(await english.getAttribute('dir'), 'ltr');
    assert.match(await english.textContent(), /Step 2 of 5/);
  });

  it('a step whose element appears a second after it starts finds it', TEST, async () => {
    const { page } = await visit('/order-status.html');
    await page.evaluate(() => window.SupportWidget('startGuide', 'track-order'));
    // Started on the page the first step leads to: it begins at the second.
    await waitForStep(page, 'Track your order', 'Enter your order number');
    await page.getByLabel('Order number', { exact: true }).fill('NW-10482');
    await page.keyboard.press('Tab');
    await waitForStep(page, 'Track your order', 'Enter your email address');
    await page.getByLabel('Email', { exact: true }).fill('ada@example.com');
    await page.keyboard.press('Tab');
    await waitForStep(page, 'Track your order', 'Select Check status');
    // When the step's callout appears and when the page adds the result, as the page saw them.
    await page.evaluate(() => {
      const root = document.querySelector('[data-support-widget]').shadowRoot;
      const seen = (window.__seen = {});
      const note = () => {
        const now = performance.now();
        if (!seen.step && [...root.querySelectorAll('h2')].some((h) => h.textContent === 'Here is your order')) seen.step = now;
        if (!seen.result && document.getElementById('order-result')) seen.result = now;
      };
      new MutationObserver(note).observe(root, { childList: true, subtree: true, characterData: true });
      new MutationObserver(note).observe(document.body, { childList: true, subtree: true });
    });
    await page.getByRole('button', { name: 'Check status', exact: true }).click();

    await waitForStep(page, 'Track your order', 'Here is your order');
    await waitForHighlight(page, page.locator('#order-result'), 'the order result inserted a second later');
    const seen = await page.evaluate(() => window.__seen);
    assert.ok(seen.step && seen.result && seen.result - seen.step >= 500,
      `the result was added ${seen.result - seen.step} ms after the step began: not a late element`);
    assert.equal((await guideState(page)).target, 'found');
    assert.match(await page.locator('#order-result').textContent(), /shipped/);
  });

  it('a target that is not on the page says so after the wait, and Skip goes on', TEST, async () => {
    const { page } = await visit('/cart.html');
    // A theme without the coupon field the guide was written for.
    await page.evaluate(() => document.querySelector('#coupon-code').closest('div').remove());
    await page.evaluate(() => window.SupportWidget('startGuide', 'apply-coupon'));
    const dialog = await waitForStep(page, 'Apply a coupon', 'Enter your coupon code');
    assert.equal(await dialog.getByText("I can't find this on the page.").count(), 0, 'gave up before waiting');
    await dialog.getByText("I can't find this on the page.").waitFor({ timeout: 12_000 });
    assert.equal((await guideState(page)).target, 'missing');
    assert.equal(await holeBox(page), null, 'a highlight is drawn around nothing');
    const live = page.locator('[data-support-widget] .sw-guide-live');
    await waitFor(async () => /can't find this on the page/.test(await live.textContent()), { timeout: 3_000, message: 'the announcement' });
    await dialog.getByRole('button', { name: 'End guide', exact: true }).waitFor();
    await dialog.getByRole('button', { name: 'Skip this step', exact: true }).click();
    await waitForStep(page, 'Apply a coupon', 'Press Apply');
    await waitForHighlight(page, page.getByRole('button', { name: 'Apply', exact: true }), 'the Apply button');
  });

  it('a question branches: measuring takes the longer way, picking a size and adding it completes the guide', TEST, async () => {
    const since = lastFeedbackId(env.server.db);
    const { page } = await visit('/product.html');
    await startFromPanel(page, 'Find your size');
    const dialog = await waitForStep(page, 'Find your size', 'Do you know your usual size?');
    assert.match(await dialog.textContent(), /Step 1 of 5/);
    assert.equal(await dialog.getByRole('button', { name: 'Next', exact: true }).count(), 0, 'a question offers Next');
    await dialog.getByRole('button', { name: 'No, help me measure', exact: true }).click();
    await waitForStep(page, 'Find your size', 'Measure your foot');
    assert.equal(await holeBox(page), null, 'a step without a target draws a highlight');
    await dialog.getByRole('button', { name: 'Next', exact: true }).click();
    await waitForStep(page, 'Find your size', 'Find your length in the chart');
    await waitForHighlight(page, page.getByRole('table', { name: /Size chart/ }), 'the size chart');
    await dialog.getByRole('button', { name: 'Next', exact: true }).click();
    const pick = await waitForStep(page, 'Find your size', 'Choose your size');
    assert.match(await pick.textContent(), /Step 4 of 5/);
    // The step scrolls the sizes into view (smoothly): pick one once they are highlighted in place.
    await waitForHighlight(page, page.locator('.sizes'), 'the sizes');
    await page.getByRole('radio', { name: '10', exact: true }).check({ force: true });
    await waitForStep(page, 'Find your size', 'Add it to your cart');
    await Promise.all([page.waitForURL(/cart\.html/), page.getByRole('button', { name: 'Add to cart', exact: true }).click()]);
    const outcomes = await outcomesSince(env.server.db, since);
    assert.deepEqual(outcomes.map((o) => [o.guide, o.outcome, o.stepNumber]), [['find-your-size', 'completed', 5]]);
    assert.equal(await savedGuide(page), null);

    // The short way: knowing the size skips the measuring steps.
    await page.goto(env.server.url + '/product.html', { waitUntil: 'networkidle' });
    await page.evaluate(() => window.SupportWidget('startGuide', 'find-your-size'));
    await waitForStep(page, 'Find your size', 'Do you know your usual size?');
    await callout(page, 'Find your size').getByRole('button', { name: 'Yes, I know my size', exact: true }).click();
    assert.match(await (await waitForStep(page, 'Find your size', 'Choose your size')).textContent(), /Step 2 of 3/);
  });

  it('a search that names a guide offers it above the articles, and it starts from any page', TEST, async () => {
    const { page } = await visit('/index.html');
    const w = await openPanel(page);
    await waitFor(async () => (await w.debug()).content === 'ready', { timeout: 10_000, message: 'the help content' });
    await w.search.click({ timeout: 5_000 });
    await page.keyboard.type('apply coupon');
    await waitFor(async () => (await w.debug()).search === 'apply coupon', { timeout: 5_000, message: 'the query' });
    assert.deepEqual((await w.debug()).guideResults, ['apply-coupon']);
    const offered = w.dialog.getByRole('list', { name: 'Step-by-step guides', exact: true });
    await offered.getByRole('link', { name: 'Apply a coupon', exact: true }).click({ timeout: 5_000 });
    // The steps are on the cart page: the callout says so and links there.
    const dialog = await waitForStep(page, 'Apply a coupon', 'Enter your coupon code');
    await dialog.getByText('This step is on another page. The guide waits for you there.').waitFor({ timeout: 5_000 });
    assert.equal((await guideState(page)).target, 'other-page');
    await Promise.all([page.waitForURL(/cart\.html$/), dialog.getByRole('link', { name: 'Go to that page', exact: true }).click()]);
    await waitForHighlight(page, page.getByLabel('Coupon code', { exact: true }), 'the coupon field on the cart page');
  });

  it('the panel shows the running guide with its progress, and its buttons move the step on the page', TEST, async () => {
    const { page } = await visit('/cart.html');
    const w = await startFromPanel(page, 'Apply a coupon');
    await waitForStep(page, 'Apply a coupon', 'Enter your coupon code');
    await w.launcher.click();
    await w.dialog.getByRole('heading', { name: 'Apply a coupon', exact: true }).waitFor({ timeout: 5_000 });
    await w.dialog.getByRole('heading', { name: 'Enter your coupon code', exact: true }).waitFor();
    assert.equal(await w.dialog.getByRole('status').filter({ hasText: 'Step 1 of 3' }).count(), 1);
    const bar = w.dialog.getByRole('progressbar', { name: 'Guide progress', exact: true });
    assert.equal(await bar.getAttribute('aria-valuenow'), '33');
    await w.dialog.getByRole('button', { name: 'Next', exact: true }).click();
    await w.dialog.getByRole('heading', { name: 'Press Apply', exact: true }).waitFor({ timeout: 5_000 });
    await waitForStep(page, 'Apply a coupon', 'Press Apply');
    await w.dialog.getByRole('button', { name: 'Previous step', exact: true }).click();
    await waitForStep(page, 'Apply a coupon', 'Enter your coupon code');
    await w.dialog.getByRole('button', { name: 'Exit guide', exact: true }).click();
    await w.dialog.getByText('You left the guide at step 1.').waitFor({ timeout: 5_000 });
    await waitFor(async () => (await overlayElements(page)) === 0, { timeout: 5_000, message: 'every overlay element to go' });
  });

  it('keyboard only: starting puts focus in the callout, Enter moves on, each step is announced, Escape ends it', TEST, async () => {
    const { page } = await visit('/cart.html');
    const w = await openPanel(page);
    await waitFor(async () => (await w.debug()).content === 'ready', { timeout: 10_000, message: 'the help content' });
    const link = w.dialog.getByRole('list', { name: 'Step-by-step guides', exact: true }).getByRole('link', { name: 'Apply a coupon', exact: true });
    await link.focus();
    await page.keyboard.press('Enter');
    const dialog = await waitForStep(page, 'Apply a coupon', 'Enter your coupon code');
    await waitFor(() => dialog.evaluate((d) => d.contains(d.getRootNode().activeElement)), { timeout: 5_000, message: 'focus in the callout' });
    const live = page.locator('[data-support-widget] .sw-guide-live');
    await waitFor(async () => (await live.textContent()) === 'Step 1 of 3: Enter your coupon code', { timeout: 3_000, message: 'step 1 announced' });

    // Tab through the callout to Next, then Enter.
    for (let i = 0; i < 6; i++) {
      const name = await page.evaluate(() => {
        const root = document.querySelector('[data-support-widget]').shadowRoot;
        return root.activeElement && root.activeElement.textContent;
      });
      if (name === 'Next') break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await waitForStep(page, 'Apply a coupon', 'Press Apply');
    await waitFor(async () => (await live.textContent()) === 'Step 2 of 3: Press Apply', { timeout: 3_000, message: 'step 2 announced' });
    await waitFor(() => dialog.evaluate((d) => d.contains(d.getRootNode().activeElement)), { timeout: 5_000, message: 'focus kept in the callout' });
    await page.keyboard.press('Escape');
    await waitFor(async () => (await overlayElements(page)) === 0, { timeout: 5_000, message: 'Escape to end the guide' });
    assert.equal(await page.evaluate(() => document.querySelector('[data-support-widget]').shadowRoot.activeElement?.getAttribute('aria-label') ||
      document.querySelector('[data-support-widget]').shadowRoot.activeElement?.textContent), 'Help', 'focus did not return to the launcher');
  });

  it('axe finds no serious or critical violation with the overlay shown', TEST, async () => {
    const { page } = await visit('/cart.html');
    await page.evaluate(() => window.SupportWidget('startGuide', 'apply-coupon'));
    await waitForStep(page, 'Apply a coupon', 'Enter your coupon code');
    await waitForHighlight(page, page.getByLabel('Coupon code', { exact: true }), 'the coupon field');
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () =>
      (await window.axe.run(document)).violations.map((v) => ({ rule: v.id, impact: v.impact, where: v.nodes.map((n) => n.target.join(' ')) }))
    );
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(serious, [], `axe violations: ${JSON.stringify(violations, null, 1)}`);
  });

  it("Chromium agrees with every verdict of the content checker's CSS selector cases", TEST, async () => {
    const cases = fs.readFileSync(path.join(repoRoot, 'tests/core/guide/selector_cases.txt'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith('#'))
      .map((line) => {
        const tab = line.indexOf('\t');
        return { verdict: line.slice(0, tab), selector: line.slice(tab + 1) };
      });
    assert.ok(cases.length > 100, `only ${cases.length} cases`);
    const { page } = await visit('/index.html');
    const disagreements = await page.evaluate((list) =>
      list.filter(({ verdict, selector }) => {
        let parses = true;
        try { document.querySelector(selector); } catch { parses = false; }
        return parses !== (verdict === 'valid' || verdict === 'element-never');
      }), cases);
    assert.deepEqual(disagreements, []);
  });
});

