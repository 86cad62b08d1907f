// Inline "Was this page helpful?" spots (<div data-support-feedback="topic">) on the store's own
// pages, the widget served from support-server on another origin: what the shopper sees and hears
// (found by role and name, as assistive technology does), what arrives in the server's SQLite
// database, and that the WebAssembly core is never fetched for it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { feedbackRows, pressEnter, sleep, startStoreServer, useDemoServerAndBrowser, waitFor } from './harness.mjs';

const TEST = { timeout: 60_000 };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const CORE = /support-widget-core\.[0-9a-f]+\.(mjs|wasm)(\?|$)/;
const SPOTS = /\.spots\.mjs(\?|$)/;

describe('inline page feedback', () => {
  const env = useDemoServerAndBrowser();
  let store;
  before(async () => {
    store = await startStoreServer({ widgetUrl: env.server.url });
  });
  after(async () => store?.stop());

  const rows = (topic) => feedbackRows(env.server.db, `kind = 'page' AND subject = '${topic.replaceAll("'", "''")}'`);

  async function visit(pagePath, contextOptions) {
    const opened = await env.open(contextOptions);
    await opened.page.goto(store.url + pagePath, { waitUntil: 'networkidle' });
    return opened;
  }

  /** The spot's controls, by role and name, in the language it speaks. */
  function spot(page, t = { question: 'Was this page helpful?', yes: 'Yes', no: 'No', comment: 'What were you looking for? (optional)', send: 'Send' }) {
    const group = page.getByRole('group', { name: t.question, exact: true });
    return {
      group,
      yes: group.getByRole('button', { name: t.yes, exact: true }),
      no: group.getByRole('button', { name: t.no, exact: true }),
      comment: page.getByRole('textbox', { name: t.comment, exact: true }),
      send: page.getByRole('button', { name: t.send, exact: true }),
    };
  }

  it('on the product page, Yes from the keyboard is thanked and stored once, and the core is never fetched', TEST, async () => {
    const { page, log } = await visit('/product.html?ref=newsletter');
    const s = spot(page);
    await pressEnter(page, s.yes);
    await page.getByRole('status').filter({ hasText: 'Thanks for your feedback.' }).waitFor({ timeout: 5_000 });
    assert.equal(await s.group.isVisible(), false, 'the question is answered and goes away');

    const topic = 'Trail Runner 2 product page';
    const [stored] = await waitFor(() => rows(topic).length && rows(topic), { timeout: 15_000, message: 'the vote in the database' });
    assert.equal(stored.helpful, 1);
    assert.equal(stored.locale, 'en');
    assert.equal(stored.page_url, `${store.url}/product.html`);
    assert.equal(JSON.parse(stored.payload).context.page.title, 'Trail Runner 2 running shoes — Northwind Outfitters');
    await sleep(1_000);
    assert.equal(rows(topic).length, 1, 'one answer, one row');

    assert.ok(!log.requests.some((u) => CORE.test(u)), `the core was fetched: ${log.requests.filter((u) => CORE.test(u))}`);
    assert.ok(log.requests.some((u) => SPOTS.test(u) && u.startsWith(env.server.url + '/')), 'the spots module, from the widget origin');
    assert.equal(await page.evaluate(() => window.SupportWidget('debug').loaded), false);
    assert.deepEqual(log.errors, []);

    // Seen again in this browser, the page thanks instead of asking twice.
    await page.reload({ waitUntil: 'networkidle' });
    await page.getByText('Thanks for your feedback.', { exact: true }).waitFor({ timeout: 5_000 });
    assert.equal(await s.group.count(), 0);
  });

  it('No asks what was missing; the comment arrives with the vote, as written, in one row', TEST, async () => {
    const { page, log } = await visit('/order-status.html');
    const s = spot(page);
    await s.group.waitFor({ timeout: 5_000 });
    assert.equal(await s.comment.isVisible(), false, 'no comment box before the answer');
    assert.equal(await s.send.isVisible(), false);
    await pressEnter(page, s.no);
    assert.equal(await s.group.isVisible(), false, 'the question is answered and goes away');
    await waitFor(() => s.comment.evaluate((el) => el.getRootNode().activeElement === el), { timeout: 5_000, message: 'focus in the comment box' });
    const comment = 'Where do I enter a <b>gift card</b> number?';
    await page.keyboard.type(comment);
    await pressEnter(page, s.send);
    await page.getByRole('status').filter({ hasText: 'Thanks, your comment was sent to our team.' }).waitFor({ timeout: 5_000 });

    const topic = 'Order status page';
    const [stored] = await waitFor(() => rows(topic).length && rows(topic), { timeout: 15_000, message: 'the vote in the database' });
    assert.equal(stored.helpful, 0);
    assert.equal(stored.comment, comment);
    await sleep(1_000);
    assert.equal(rows(topic).length, 1, 'the "No" and its comment are one row');
    assert.ok(!log.requests.some((u) => CORE.test(u)));
    assert.deepEqual(log.errors, []);
  });

  it('a No without a comment is not lost when the shopper goes to another page', TEST, async () => {
    const { page } = await visit('/order-status.html');
    const before = rows('Order status page').length;
    await spot(page).no.click({ timeout: 5_000 });
    await spot(page).comment.waitFor({ timeout: 5_000 });
    // ('load': the vote sent with keepalive as the page is left never finishes for Playwright.)
    await page.goto(`${store.url}/index.html`, { waitUntil: 'load' });
    const after = await waitFor(() => rows('Order status page').length > before && rows('Order status page'), {
      timeout: 15_000, message: 'the held "No" in the database',
    });
    const last = after[after.length - 1];
    assert.equal(last.helpful, 0);
    assert.equal(last.comment, '');
  });

  it('on the Hebrew page the spot speaks Hebrew, right to left, and the vote carries locale he', TEST, async () => {
    const { page, log } = await visit('/he.html');
    const s = spot(page, { question: 'האם הדף הזה עזר לך?', yes: 'כן', no: 'לא', comment: 'מה חיפשת? (לא חובה)', send: 'שליחה' });
    await s.group.waitFor({ timeout: 5_000 });
    assert.equal(await s.group.evaluate((el) => getComputedStyle(el).direction), 'rtl');
    // Right to left: the question starts at the right, Yes comes before (right of) No.
    const [question, yes, no] = await Promise.all([s.group.locator('p').boundingBox(), s.yes.boundingBox(), s.no.boundingBox()]);
    assert.ok(yes.x > no.x, `Yes (x=${yes.x}) should be right of No (x=${no.x})`);
    assert.ok(question.x > yes.x, 'the question comes first, at the right');
    await pressEnter(page, s.no);
    await waitFor(() => s.comment.evaluate((el) => el.getRootNode().activeElement === el), { timeout: 5_000, message: 'focus in the comment box' });
    await page.keyboard.type('לא מצאתי מידות לילדים');
    await pressEnter(page, s.send);
    await page.getByText('תודה, ההערה שלך נשלחה לצוות שלנו.', { exact: true }).waitFor({ timeout: 5_000 });
    const [stored] = await waitFor(() => rows('Home page (he)').length && rows('Home page (he)'), { timeout: 15_000, message: 'the vote' });
    assert.equal(stored.locale, 'he');
    assert.equal(stored.comment, 'לא מצאתי מידות לילדים');
    assert.deepEqual(log.errors, []);
  });

  it('on the Arabic page the spot speaks Arabic', TEST, async () => {
    const { page } = await visit('/ar.html');
    const s = spot(page, { question: 'هل كانت هذه الصفحة مفيدة؟', yes: 'نعم', no: 'لا' });
    await pressEnter(page, s.yes);
    await page.getByText('شكرًا على ملاحظاتك.', { exact: true }).waitFor({ timeout: 5_000 });
    const [stored] = await waitFor(() => rows('Home page (ar)').length && rows('Home page (ar)'), { timeout: 15_000, message: 'the vote' });
    assert.equal(stored.locale, 'ar');
  });

  it('on a phone the buttons follow the page\'s font and are big enough to tap', TEST, async () => {
    const { page } = await visit('/product.html', PHONE);
    const s = spot(page);
    await s.yes.waitFor({ timeout: 5_000 });
    const pageFont = await page.evaluate(() => getComputedStyle(document.querySelector('main p')).fontFamily);
    for (const button of [s.yes, s.no]) {
      const box = await button.boundingBox();
      assert.ok(box.width >= 44 && box.height >= 44, `touch target ${box.width}×${box.height} is under 44 px`);
      assert.equal(await button.evaluate((el) => getComputedStyle(el).fontFamily), pageFont);
    }
    await s.yes.tap();
    await page.getByText('Thanks for your feedback.', { exact: true }).waitFor({ timeout: 5_000 });
    const stored = await waitFor(() => rows('Trail Runner 2 product page').find((r) => JSON.parse(r.payload).context.viewport === 'phone'), {
      timeout: 15_000, message: 'the phone vote',
    });
    assert.equal(stored.helpful, 1);
  });

  it('a spot a single-page store adds later is found, and nothing is fetched for it before', TEST, async () => {
    const { page, log } = await visit('/index.html');
    await sleep(500);
    assert.ok(!log.requests.some((u) => SPOTS.test(u)), 'a page without spots fetches nothing for them');
    await page.evaluate(() => {
      const view = document.createElement('section');
      view.innerHTML = '<h2>Returns</h2><div data-support-feedback="Returns view"></div>';
      document.querySelector('main').append(view);
    });
    const s = spot(page);
    await pressEnter(page, s.yes);
    await waitFor(() => rows('Returns view').length, { timeout: 15_000, message: 'the vote from the added spot' });
    assert.ok(!log.requests.some((u) => CORE.test(u)));
    assert.deepEqual(log.errors, []);
  });
});
