// One shopper, two tabs of one store (one browser context), the widget served from another origin:
// what the shopper does in the panel of one tab — opening it, searching, reading an article, a
// guide's steps, closing it — is what the other tab shows, and what a reload shows. Stored data
// that is not a session we wrote is replaced with one console warning, never a broken widget.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startStoreServer, useDemoServerAndBrowser, waitFor, widget } from './harness.mjs';

const TEST = { timeout: 90_000 };
const SESSION_KEY = 'support-widget:demo:session';

/** The guide's callout on the page: a dialog named by the guide's title. */
const callout = (page, guideTitle) => page.getByRole('dialog', { name: guideTitle, exact: true });

describe('one session across tabs', () => {
  const env = useDemoServerAndBrowser();
  let store;
  before(async () => {
    store = await startStoreServer({ widgetUrl: env.server.url });
  });
  after(async () => store?.stop());

  /** Two tabs of one shopper on the store's `pagePath`, each with its console warnings recorded. */
  async function twoTabs(pagePath) {
    const { context, page: a, log } = await env.open();
    const b = await context.newPage();
    const warningsB = [];
    b.on('console', (m) => m.type() === 'warning' && warningsB.push(m.text()));
    for (const page of [a, b]) await page.goto(store.url + pagePath, { waitUntil: 'networkidle' });
    return { context, a, b, warningsA: log.warnings, warningsB };
  }

  const isOpen = (page) => widget(page).launcher.getAttribute('aria-expanded').then((v) => v === 'true');

  it('the panel opened in one tab is open in the other, with the article read there; closed there, it closes here', TEST, async () => {
    const { a, b } = await twoTabs('/index.html');
    const wa = widget(a);
    const wb = widget(b);

    await wa.launcher.click();
    await wb.dialog.waitFor({ state: 'visible', timeout: 20_000 });
    assert.equal(await isOpen(b), true, "tab B's launcher does not say the panel is expanded");
    // Opening to match another tab moves no focus: the page keeps it.
    assert.equal(await b.evaluate(() => document.activeElement === document.body), true, 'tab B moved focus');

    await wa.search.waitFor({ timeout: 20_000 });
    await wa.search.fill('return policy');
    await waitFor(async () => (await wb.search.inputValue()) === 'return policy', { message: "tab B's search field to show A's query" });
    const resultsA = wa.dialog.getByRole('list', { name: 'Search results', exact: true });
    await resultsA.getByRole('link', { name: 'What is your return policy?', exact: true }).click({ timeout: 5_000 });
    await wb.dialog.getByRole('heading', { name: 'What is your return policy?', exact: true }).waitFor({ timeout: 10_000 });
    assert.equal((await wb.debug()).view, 'article');

    // Back in B: A goes back too, with the results of the same query.
    await wb.dialog.getByRole('button', { name: 'Back', exact: true }).click({ timeout: 5_000 });
    await waitFor(async () => (await wa.debug()).view === 'home', { message: 'tab A back at the results' });
    assert.equal(await wa.search.inputValue(), 'return policy');

    await wb.close.click();
    await wa.dialog.waitFor({ state: 'hidden', timeout: 10_000 });
    assert.equal(await isOpen(a), false);
  });

  it('a reload shows the panel as it was left: open, on the same article, with the same search', TEST, async () => {
    const { a } = await twoTabs('/index.html');
    const w = widget(a);
    await w.launcher.click();
    await w.search.waitFor({ timeout: 20_000 });
    await w.search.fill('return policy');
    const results = w.dialog.getByRole('list', { name: 'Search results', exact: true });
    await results.getByRole('link', { name: 'What is your return policy?', exact: true }).click({ timeout: 5_000 });
    await w.dialog.getByRole('heading', { name: 'What is your return policy?', exact: true }).waitFor({ timeout: 5_000 });

    await a.reload({ waitUntil: 'networkidle' });
    await w.dialog.getByRole('heading', { name: 'What is your return policy?', exact: true }).waitFor({ timeout: 20_000 });
    assert.equal(await w.search.inputValue(), 'return policy');
    await w.dialog.getByRole('button', { name: 'Back', exact: true }).click({ timeout: 5_000 });
    await waitFor(async () => (await w.debug()).results[0] === 'return-policy', { message: 'the results of the kept query' });
  });

  it("a guide's step advanced in one tab shows in the other, and its end ends it there", TEST, async () => {
    const { a, b } = await twoTabs('/cart.html');
    const w = widget(a);
    await w.launcher.click();
    await waitFor(async () => (await w.debug()).content === 'ready', { timeout: 20_000, message: 'the help content' });
    const guides = w.dialog.getByRole('list', { name: 'Step-by-step guides', exact: true });
    await guides.getByRole('link', { name: 'Apply a coupon', exact: true }).click({ timeout: 5_000 });

    // B follows without the shopper touching it: the same step, on its own copy of the page.
    const inB = callout(b, 'Apply a coupon');
    await inB.getByRole('heading', { name: 'Enter your coupon code', exact: true }).waitFor({ timeout: 20_000 });
    assert.match(await inB.textContent(), /Step 1 of 3/);

    await callout(a, 'Apply a coupon').getByRole('heading', { name: 'Enter your coupon code', exact: true }).waitFor({ timeout: 10_000 });
    const field = a.getByLabel('Coupon code', { exact: true });
    await field.fill('welcome10');
    await field.press('Tab');
    await inB.getByRole('heading', { name: 'Press Apply', exact: true }).waitFor({ timeout: 10_000 });
    assert.match(await inB.textContent(), /Step 2 of 3/);

    // Ended in B: A's callout goes, and only one outcome is sent (B's).
    await inB.getByRole('button', { name: 'Exit guide', exact: true }).click({ timeout: 5_000 });
    await callout(a, 'Apply a coupon').waitFor({ state: 'detached', timeout: 10_000 });
    assert.equal(JSON.parse(await a.evaluate((k) => localStorage.getItem(k), SESSION_KEY)).guide.value, null);
  });

  it('stored data that is not our session is replaced with one warning; the widget works', TEST, async () => {
    const { context, page } = await env.open();
    await context.addInitScript((key) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key, '{"v":1,"clock":3,"panel_open":{"value":"yes","clock":1,"tab":"x"}');
        sessionStorage.setItem('seeded', '1');
      }
    }, SESSION_KEY);
    const warnings = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.goto(store.url + '/index.html', { waitUntil: 'networkidle' });
    const w = widget(page);
    await w.launcher.click();
    await w.search.waitFor({ timeout: 20_000 });
    await w.search.fill('shipping');
    await waitFor(async () => (await w.debug()).results.length > 0, { message: 'search results' });
    const about = warnings.filter((t) => t.includes('session'));
    assert.equal(about.length, 1, `warnings: ${JSON.stringify(warnings)}`);
    assert.match(about[0], /session\.saved\.invalid_json/);
    const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), SESSION_KEY));
    assert.equal(stored.v, 1);
    assert.equal(stored.panel_open.value, true);
    assert.equal(stored.search_query.value, 'shipping');
  });

  it('guide progress kept by an earlier version moves into the session once and continues when the panel is opened', TEST, async () => {
    const { context, page } = await env.open();
    await context.addInitScript(() => {
      if (sessionStorage.getItem('seeded')) return;
      const now = Date.now();
      localStorage.setItem('support-widget:demo:guide-progress', JSON.stringify({
        v: 1, guide: 'apply-coupon', locale: 'en', step: 'apply', history: ['code'], started: now - 60_000, updated: now - 30_000,
      }));
      sessionStorage.setItem('seeded', '1');
    });
    await page.goto(store.url + '/cart.html', { waitUntil: 'networkidle' });
    // (The loader does not read the old key: it loads the core for the session only.)
    await widget(page).launcher.click();
    await callout(page, 'Apply a coupon').getByRole('heading', { name: 'Press Apply', exact: true }).waitFor({ timeout: 20_000 });
    const kept = await page.evaluate(() => [localStorage.getItem('support-widget:demo:guide-progress'), localStorage.getItem('support-widget:demo:session')]);
    assert.equal(kept[0], null, 'the old key is still there');
    assert.equal(JSON.parse(kept[1]).guide.value.step, 'apply');
  });
});
