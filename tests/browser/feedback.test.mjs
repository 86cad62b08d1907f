// Feedback reaches support-server and is never lost: the store's page on its own origin, the widget
// from support-server on another; what arrives is read from the server's SQLite database itself.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { feedbackRows, openPanel, pressEnter, sleep, startStoreServer, useDemoServerAndBrowser, waitFor } from './harness.mjs';

const TEST = { timeout: 90_000 };
const FEEDBACK = /\/api\/v1\/sites\/demo\/feedback$/;

const rows = feedbackRows;

/** Events waiting in the page's feedback outbox (localStorage, shared by the site's tabs). */
const pending = (page) => page.evaluate(() =>
  (JSON.parse(localStorage.getItem('support-widget:demo:feedback-outbox') || '{"entries":[]}').entries || []).length);

describe('feedback', () => {
  const env = useDemoServerAndBrowser();
  let store;
  before(async () => {
    store = await startStoreServer({ widgetUrl: env.server.url });
  });
  after(async () => store?.stop());

  /** Opens an article found by searching on a store page; returns the widget and its article controls. */
  async function openArticle(page, query) {
    const w = await openPanel(page);
    await waitFor(async () => (await w.debug()).content === 'ready', { timeout: 10_000, message: 'the help content' });
    await w.search.click({ timeout: 5_000 });
    await page.keyboard.type(query);
    const first = w.dialog.getByRole('list', { name: 'Search results', exact: true }).getByRole('link').first();
    await first.click({ timeout: 5_000 });
    await waitFor(async () => (await w.debug()).view === 'article', { timeout: 5_000, message: 'the article' });
    return {
      w,
      yes: w.dialog.getByRole('button', { name: 'Yes', exact: true }),
      no: w.dialog.getByRole('button', { name: 'No', exact: true }),
      comment: w.dialog.getByRole('textbox', { name: 'What were you looking for? (optional)', exact: true }),
      send: w.dialog.getByRole('button', { name: 'Send', exact: true }),
    };
  }

  it('an article "No" with a comment arrives in the database once, with the page it was given on', TEST, async () => {
    const { page, log } = await env.open();
    await page.goto(`${store.url}/product.html?email=dana@example.com`, { waitUntil: 'networkidle' });
    const a = await openArticle(page, 'shipping');
    const article = (await a.w.debug()).article;
    await pressEnter(page, a.no);
    await a.comment.click({ timeout: 5_000 });
    const comment = 'לא מצאתי משלוח לאילת <b>today</b>';
    await page.keyboard.type(comment);
    await pressEnter(page, a.send);
    await a.w.dialog.getByText('Thanks, your comment was sent to our team.').waitFor({ timeout: 5_000 });

    const stored = await waitFor(() => rows(env.server.db, `subject = '${article}'`).find((r) => r.comment), {
      timeout: 15_000, message: 'the vote in the database',
    });
    assert.equal(stored.kind, 'article_helpful');
    assert.equal(stored.helpful, 0);
    assert.equal(stored.comment, comment); // as written: nothing escaped or stripped
    assert.equal(stored.page_url, `${store.url}/product.html`); // no query string: it held an e-mail address
    await waitFor(async () => (await pending(page)) === 0, { timeout: 10_000, message: 'the outbox emptied' });
    await sleep(1_000);
    assert.equal(rows(env.server.db, `subject = '${article}'`).length, 1, 'one vote, one row');
    assert.ok(log.requests.some((u) => FEEDBACK.test(u) && u.startsWith(env.server.url)), 'sent to the widget server');
    assert.deepEqual(log.errors, []);
  });

  it('an IBAN in an article comment is removed before it is sent, and the shopper is told', TEST, async () => {
    const { page } = await env.open();
    await page.goto(`${store.url}/index.html`, { waitUntil: 'networkidle' });
    const a = await openArticle(page, 'refund');
    const article = (await a.w.debug()).article;
    await pressEnter(page, a.no);
    await a.comment.click({ timeout: 5_000 });
    await page.keyboard.type('Refund it to DE89 3704 0044 0532 0130 00 please');
    await pressEnter(page, a.send);
    await a.w.dialog.getByText('We removed a card number, bank account or password from your message, to keep it safe.', { exact: true })
      .waitFor({ timeout: 5_000 });
    const stored = await waitFor(() => rows(env.server.db, `subject = '${article}'`).find((r) => r.comment),
      { timeout: 15_000, message: 'the comment in the database' });
    assert.equal(stored.comment, 'Refund it to [IBAN DE…3000] please');
  });

  it('an article "No" is not lost when the shopper leaves the page with the panel open, and a changed answer is one vote', TEST, async () => {
    const { page } = await env.open();
    await page.goto(`${store.url}/index.html`, { waitUntil: 'networkidle' });
    const a = await openArticle(page, 'waterproofing');
    const article = (await a.w.debug()).article;
    // No, then Yes: the shopper changed their mind; the server gets one vote, the last answer.
    await pressEnter(page, a.no);
    await a.comment.waitFor({ timeout: 5_000 });
    await pressEnter(page, a.yes);
    const changed = await waitFor(() => rows(env.server.db, `subject = '${article}'`).length && rows(env.server.db, `subject = '${article}'`), {
      timeout: 15_000, message: 'the changed vote',
    });
    assert.deepEqual(changed.map((r) => r.helpful), [1]);

    // No on another article, then straight to another page of the store, the panel still open.
    await a.w.search.click({ timeout: 5_000 });
    await page.keyboard.press('Control+A');
    await page.keyboard.type('warranty');
    await waitFor(async () => (await a.w.debug()).search === 'warranty', { timeout: 5_000, message: 'the whole query typed' });
    await pressEnter(page, a.w.dialog.getByRole('list', { name: 'Search results', exact: true }).getByRole('link').first());
    await waitFor(async () => (await a.w.debug()).view === 'article' && (await a.w.debug()).article !== article, { timeout: 5_000, message: 'the second article' });
    const second = (await a.w.debug()).article;
    await pressEnter(page, a.no);
    await a.comment.waitFor({ timeout: 5_000 });
    await page.goto(`${store.url}/cart.html`, { waitUntil: 'load' }); // ('load': a keepalive send outlives the page)
    const left = await waitFor(() => rows(env.server.db, `subject = '${second}'`).length && rows(env.server.db, `subject = '${second}'`), {
      timeout: 15_000, message: 'the "No" given before leaving',
    });
    assert.equal(left.length, 1);
    assert.equal(left[0].helpful, 0);
    assert.equal(rows(env.server.db, `subject = '${article}'`).length, 1, 'still one vote for the first article');
  });

  it('feedback given while the server cannot be reached arrives once it can, exactly once, also across a reload', TEST, async () => {
    const { page, log } = await env.open();
    let blocked = 0;
    const block = (route) => { blocked++; return route.abort('connectionrefused'); };
    await page.route(FEEDBACK, block);
    await page.goto(`${store.url}/index.html`, { waitUntil: 'networkidle' });
    const a = await openArticle(page, 'gift wrapping');
    const article = (await a.w.debug()).article;
    await pressEnter(page, a.yes);
    await waitFor(() => blocked > 0, { timeout: 10_000, message: 'a send attempt while blocked' });
    assert.equal(await pending(page), 1, 'kept while the server is unreachable');

    // The shopper closes the panel and goes on to another page; the event is still waiting in the
    // browser, and the loader sends it from there without the panel (or the core) being opened.
    await a.w.close.click();
    await a.w.dialog.waitFor({ state: 'hidden', timeout: 5_000 });
    const requestsBefore = log.requests.length;
    await page.reload({ waitUntil: 'networkidle' });
    assert.equal(await pending(page), 1, 'still waiting after the reload');
    await waitFor(() => blocked > 1, { timeout: 15_000, message: 'another attempt after the reload' });
    assert.ok(!log.requests.slice(requestsBefore).some((u) => /\.wasm(\?|$)/.test(u)), 'the core was not loaded to send it');
    // Chromium may send the keepalive request made as the page unloads past page.route (it outlives
    // the page): then one row is here already, and the resend below must not make it two.
    assert.ok(rows(env.server.db, `subject = '${article}'`).length <= 1, 'at most the unload send got through');

    await page.unroute(FEEDBACK, block);
    await waitFor(() => rows(env.server.db, `subject = '${article}'`).length > 0, { timeout: 45_000, message: 'the vote once the server is reachable' });
    await waitFor(async () => (await pending(page)) === 0, { timeout: 10_000, message: 'the outbox emptied' });
    await sleep(1_500);
    const stored = rows(env.server.db, `subject = '${article}'`);
    assert.equal(stored.length, 1, 'exactly once');
    assert.equal(stored[0].helpful, 1);
  });
});
