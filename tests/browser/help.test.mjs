// The help views as a shopper meets them on the demo store, read through the ARIA mirror: suggestions
// for the page before typing, results as you type (in English, Hebrew and Arabic), an article with
// "Was this helpful?", the chat offer when nothing matches, Back, and the states around loading.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { feedbackRows, langOfPage, openPanel, pressEnter, sleep, useDemoServerAndBrowser, waitFor } from './harness.mjs';

const TEST = { timeout: 60_000 };
const CONTENT_API = /\/api\/v1\/sites\/demo\/content\?/;

/** The help controls a shopper finds by role and name, beyond the panel's own (harness widget()). */
function helpViews(w) {
  const said = w.words;
  const results = w.dialog.getByRole('list', { name: said['Search results'], exact: true });
  return {
    results,
    firstResult: results.getByRole('link').first(),
    suggestions: w.dialog.getByRole('list', { name: said['Suggested for this page'], exact: true }),
    status: w.dialog.getByRole('status'),
    back: w.dialog.getByRole('button', { name: said['Back'], exact: true }),
    yes: w.dialog.getByRole('button', { name: said['Yes'], exact: true }),
    no: w.dialog.getByRole('button', { name: said['No'], exact: true }),
    chat: w.dialog.getByRole('button', { name: said['Chat with us'], exact: true }),
  };
}

/** The visible text of a mirror element (its accessible name for links and headings). */
const textOf = (locator) => locator.evaluate((el) => el.textContent);

describe('help views', () => {
  const env = useDemoServerAndBrowser();
  const checkedLogs = [];

  /** Opens `pagePath`, opens the panel and waits for the help articles to be loaded. */
  async function visit(pagePath, contextOptions) {
    const opened = await env.open(contextOptions);
    checkedLogs.push(opened.log);
    await opened.page.goto(env.server.url + pagePath, { waitUntil: 'networkidle' });
    const w = await openPanel(opened.page, langOfPage(pagePath));
    await waitFor(async () => (await w.debug()).content === 'ready', {
      timeout: 10_000,
      message: "the help articles to load (debug().content === 'ready')",
    });
    return { ...opened, w, v: helpViews(w) };
  }

  async function search(page, w, text) {
    await w.search.click({ timeout: 5_000 });
    await page.keyboard.type(text);
    await waitFor(async () => (await w.debug()).search === text, { timeout: 5_000, message: `the core to see "${text}"` });
  }

  it('typing "retrn polcy" lists the returns policy first, with a live count', TEST, async () => {
    const { page, w, v } = await visit('/index.html');
    await search(page, w, 'retrn polcy');
    await v.firstResult.waitFor({ timeout: 5_000 });
    assert.equal(await textOf(v.firstResult), 'What is your return policy?');
    assert.equal((await w.debug()).results[0], 'return-policy');
    const count = (await w.debug()).results.length;
    assert.equal(await textOf(v.status), count === 1 ? '1 article found' : `${count} articles found`);
    assert.equal(await v.results.getByRole('listitem').count(), count);
  });

  it('results follow each keystroke', TEST, async () => {
    const { page, w, v } = await visit('/index.html');
    await search(page, w, 'gift wr');
    await waitFor(async () => /gift wrap/i.test(await textOf(v.firstResult)), {
      timeout: 5_000,
      message: 'a gift wrapping article first for "gift wr"',
    });
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('card');
    await waitFor(async () => /gift card/i.test(await textOf(v.firstResult)), {
      timeout: 5_000,
      message: 'a gift card article first once the query is "gift card"',
    });
  });

  it('opening a result shows the article with its heading, body and "Was this helpful?"', TEST, async () => {
    const { page, w, v } = await visit('/index.html');
    await search(page, w, 'retrn polcy');
    await v.firstResult.click({ timeout: 5_000 });
    const heading = w.dialog.getByRole('heading', { level: 2, name: 'What is your return policy?', exact: true });
    await heading.waitFor({ timeout: 5_000 });
    assert.equal((await w.debug()).view, 'article');
    assert.ok(await w.dialog.getByText('60 days of delivery', { exact: false }).count(), 'the body is not in the mirror');
    assert.equal(await w.dialog.getByText('Was this helpful?', { exact: true }).count(), 1);
    assert.equal(await v.yes.count(), 1);
    assert.equal(await v.no.count(), 1);
    assert.equal(await v.back.count(), 1);
  });

  it('a link in an article is a real link, and activating it opens that page of the store', TEST, async () => {
    const { page, w, v } = await visit('/index.html');
    await search(page, w, 'return policy');
    await v.firstResult.click({ timeout: 5_000 });
    const link = w.dialog.getByRole('link', { name: 'order status', exact: true });
    await link.waitFor({ timeout: 5_000 });
    assert.equal(await link.getAttribute('href'), '/order-status.html');
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/order-status\.html$/, { timeout: 5_000 });
  });

  it('"Yes" is thanked, kept, and shown again after a reload', TEST, async () => {
    const { page, w, v } = await visit('/index.html');
    await search(page, w, 'retrn polcy');
    await v.firstResult.click({ timeout: 5_000 });
    await v.yes.waitFor({ timeout: 5_000 });
    // Far down a long article: keyboard focus scrolls it into view, Enter answers.
    await v.yes.focus();
    await page.keyboard.press('Enter');
    await waitFor(async () => (await v.yes.getAttribute('aria-pressed')) === 'true', {
      timeout: 5_000,
      message: 'Yes pressed after answering',
    });
    await waitFor(async () => (await textOf(v.status)) === 'Thanks for your feedback.', {
      timeout: 5_000,
      message: 'the thank-you in the status region',
    });
    assert.equal(await v.chat.count(), 0, 'a Yes should not offer chat');

    await page.reload({ waitUntil: 'networkidle' });
    const again = await openPanel(page);
    await waitFor(async () => (await again.debug()).content === 'ready', { timeout: 10_000, message: 'content after reload' });
    const views = helpViews(again);
    // The session reopens the panel on the article; from the results again, the answer is still kept.
    await views.yes.waitFor({ timeout: 5_000 });
    await views.back.click({ timeout: 5_000 });
    assert.equal(await again.search.inputValue(), 'retrn polcy');
    await views.firstResult.click({ timeout: 5_000 });
    await views.yes.waitFor({ timeout: 5_000 });
    await waitFor(async () => (await views.yes.getAttribute('aria-pressed')) === 'true', {
      timeout: 5_000,
      message: 'the recorded Yes shown as pressed after a reload',
    });
    assert.notEqual(await views.no.getAttribute('aria-pressed'), 'true');
    assert.equal(await textOf(views.status), 'Thanks for your feedback.');
  });

  it('"No" thanks the shopper and offers chat', TEST, async () => {
    const { page, w, v } = await visit('/index.html');
    await search(page, w, 'gift wrapping');
    await v.firstResult.click({ timeout: 5_000 });
    await v.no.waitFor({ timeout: 5_000 });
    await v.no.focus();
    await page.keyboard.press('Enter');
    await v.chat.waitFor({ timeout: 5_000 });
    assert.equal(await v.no.getAttribute('aria-pressed'), 'true');
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('support-widget:demo:helpful-answers')));
    const id = (await w.debug()).article;
    assert.equal(stored.answers[id].answer, 'no');
  });

  it('Back returns to the results with the query kept', TEST, async () => {
    const { page, w, v } = await visit('/index.html');
    await search(page, w, 'retrn polcy');
    await v.firstResult.waitFor({ timeout: 5_000 });
    const before = (await w.debug()).results;
    await v.firstResult.click({ timeout: 5_000 });
    await v.back.waitFor({ timeout: 5_000 });
    await v.back.click({ timeout: 5_000 });
    await v.results.waitFor({ timeout: 5_000 });
    assert.equal(await w.search.inputValue(), 'retrn polcy');
    assert.equal((await w.debug()).view, 'home');
    assert.deepEqual((await w.debug()).results, before);
    assert.equal(await textOf(v.firstResult), 'What is your return policy?');
    assert.equal(await v.back.count(), 0, 'Back is still shown at Home');
  });

  it('the cart page suggests coupon help before the shopper types', TEST, async () => {
    const { v } = await visit('/cart.html');
    await v.suggestions.waitFor({ timeout: 5_000 });
    const first = v.suggestions.getByRole('link').first();
    assert.match(await textOf(first), /coupon|promo/i);
  });

  it("the product page suggests help for that product's category before typing", TEST, async () => {
    const { w, v } = await visit('/product.html');
    await v.suggestions.waitFor({ timeout: 5_000 });
    const names = await v.suggestions.getByRole('link').evaluateAll((links) => links.map((a) => a.textContent));
    assert.ok(names.length > 0);
    assert.ok(names.some((n) => /shoe|size/i.test(n)), `no shoe article among the suggestions: ${names.join(' | ')}`);
    assert.equal((await w.debug()).page, '/product.html');
  });

  it("the product's SKU and category are read from the page's schema.org JSON-LD", TEST, async () => {
    const { w } = await visit('/product.html');
    assert.deepEqual((await w.debug()).product, { sku: 'NW-TR2-GRN', categories: ['Footwear'] });
  });

  it('a Hebrew query on a Hebrew page finds the Hebrew returns policy', TEST, async () => {
    const { page, w, v } = await visit('/he.html');
    assert.equal((await w.debug()).locale, 'he');
    await search(page, w, 'מדיניות החזרות');
    await v.firstResult.waitFor({ timeout: 5_000 });
    assert.equal(await textOf(v.firstResult), 'מה מדיניות ההחזרות שלכם?');
  });

  it('an Arabic query typed without hamza on an Arabic page finds the Arabic returns policy', TEST, async () => {
    const { page, w, v } = await visit('/ar.html');
    assert.equal((await w.debug()).locale, 'ar');
    await search(page, w, 'سياسة الارجاع');
    await v.firstResult.waitFor({ timeout: 5_000 });
    assert.equal(await textOf(v.firstResult), 'ما هي سياسة الإرجاع لديكم؟');
  });

  it('data-locale picks the articles\' language over the page\'s, reduced to one the site has', TEST, async () => {
    const opened = await env.open();
    checkedLogs.push(opened.log);
    const { page } = opened;
    // A test-only page: the English store's home page with data-locale="ar-EG" on the snippet.
    await page.route('**/locale-test.html', async (route) => {
      const response = await route.fetch({ url: env.server.url + '/index.html' });
      const html = (await response.text()).replace('data-site="demo"', 'data-site="demo" data-locale="ar-EG"');
      await route.fulfill({ response, body: html });
    });
    await page.goto(env.server.url + '/locale-test.html', { waitUntil: 'networkidle' });
    const w = await openPanel(page, 'ar'); // the widget speaks the data-locale's language too
    await waitFor(async () => (await w.debug()).content === 'ready', { timeout: 10_000, message: 'content' });
    assert.equal((await w.debug()).locale, 'ar');
    await search(page, w, 'سياسة الإرجاع');
    await helpViews(w).firstResult.waitFor({ timeout: 5_000 });
    assert.equal(await textOf(helpViews(w).firstResult), 'ما هي سياسة الإرجاع لديكم؟');
  });

  it('with localStorage blocked, answering still works and nothing breaks', TEST, async () => {
    const opened = await env.open();
    checkedLogs.push(opened.log);
    const { page } = opened;
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    await page.goto(env.server.url + '/index.html', { waitUntil: 'networkidle' });
    const w = await openPanel(page);
    await waitFor(async () => (await w.debug()).content === 'ready', { timeout: 10_000, message: 'content' });
    const v = helpViews(w);
    await search(page, w, 'gift wrapping');
    await v.firstResult.click({ timeout: 5_000 });
    await v.yes.focus();
    await page.keyboard.press('Enter');
    await waitFor(async () => (await v.yes.getAttribute('aria-pressed')) === 'true', { timeout: 5_000, message: 'Yes pressed' });
    assert.equal(await textOf(v.status), 'Thanks for your feedback.');
  });

  it('with storage full, answering still works for this visit', TEST, async () => {
    const opened = await env.open();
    checkedLogs.push(opened.log);
    const { page } = opened;
    await page.addInitScript(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.goto(env.server.url + '/index.html', { waitUntil: 'networkidle' });
    const w = await openPanel(page);
    await waitFor(async () => (await w.debug()).content === 'ready', { timeout: 10_000, message: 'content' });
    const v = helpViews(w);
    await search(page, w, 'gift wrapping');
    await v.firstResult.click({ timeout: 5_000 });
    await v.no.focus();
    await page.keyboard.press('Enter');
    await v.chat.waitFor({ timeout: 5_000 });
    assert.equal(await v.no.getAttribute('aria-pressed'), 'true');
  });

  it('an unknown query says nothing matches and offers chat, which opens with the question in the box and real contact details a step away', TEST, async () => {
    const query = 'zxqv kettlebell sponsorship';
    const { page, w, v } = await visit('/index.html');
    await search(page, w, query);
    await w.dialog.getByText(`No articles match “${query}”.`, { exact: true }).waitFor({ timeout: 5_000 });
    assert.equal(await textOf(v.status), 'No articles found');
    assert.equal(await v.results.count(), 0);
    await v.chat.click({ timeout: 5_000 });
    await w.dialog.getByRole('heading', { level: 2, name: 'Chat with us', exact: true }).waitFor({ timeout: 5_000 });
    assert.equal((await w.debug()).view, 'chat');
    // What the shopper searched for waits in the message box: no retyping.
    assert.equal(await w.dialog.getByRole('textbox', { name: 'Message', exact: true }).inputValue(), query);
    await pressEnter(page, w.dialog.getByRole('link', { name: 'Other ways to contact us', exact: true }));
    await w.dialog.getByRole('heading', { level: 2, name: 'Contact us', exact: true }).waitFor({ timeout: 5_000 });
    await w.dialog.getByRole('heading', { level: 3, name: 'How can I contact customer support?', exact: true }).waitFor({ timeout: 5_000 });
    // Asking for chat settled the query: it reaches the server for the "what to write next" insight.
    await waitFor(() => feedbackRows(env.server.db, `kind = 'search_miss' AND subject = '${query}'`).length === 1, {
      timeout: 15_000, message: 'the question at the server',
    });
  });

  for (const query of ['do you sell helicopters', 'can i buy a helicopter']) {
    it(`"${query}" is not answered by its small words: nothing matches, chat is offered, the question is kept`, TEST, async () => {
      const { page, w, v } = await visit('/index.html');
      await search(page, w, query);
      await w.dialog.getByText(`No articles match “${query}”.`, { exact: true }).waitFor({ timeout: 5_000 });
      assert.equal(await textOf(v.status), 'No articles found');
      assert.equal(await v.chat.count(), 1, 'no chat offer');
      await waitFor(() => feedbackRows(env.server.db, `kind = 'search_miss' AND subject = '${query}'`).length === 1, {
        timeout: 15_000, message: 'the question at the server',
      });
    });
  }

  it('"how do i return shoes" lights up what it asks about, never "I", "do" or "how"', TEST, async () => {
    const { page, w, v } = await visit('/index.html');
    await search(page, w, 'how do i return shoes');
    await v.firstResult.waitFor({ timeout: 5_000 });
    // The highlighted words, as the core drew them.
    const words = (await w.debug()).highlights;
    assert.ok(words.length > 0, 'nothing was highlighted');
    for (const word of words) assert.ok(!/^(how|do|i)$/i.test(word.trim()), `"${word}" is highlighted`);
  });

  it('a query with no result is sent once the shopper stops typing for 1.5 s, and its prefixes never are', TEST, async () => {
    const { page, w } = await visit('/index.html');
    const misses = () => feedbackRows(env.server.db, `kind = 'search_miss' AND subject LIKE 'zxqv d%'`).map((r) => r.subject);
    await search(page, w, 'zxqv dumbbell');
    assert.deepEqual(misses(), [], 'sent before it settled');
    await waitFor(() => misses().length > 0, { timeout: 15_000, message: 'the unanswered query at the server' });
    await sleep(1_000);
    assert.deepEqual(misses(), ['zxqv dumbbell']);
  });

  it('a failed content request shows an error with Retry, and Retry loads the articles', TEST, async () => {
    const opened = await env.open();
    const { page, log } = opened;
    await page.route(CONTENT_API, (route) => route.abort());
    await page.goto(env.server.url + '/index.html', { waitUntil: 'networkidle' });
    const w = await openPanel(page);
    const status = w.dialog.getByRole('status');
    await waitFor(async () => (await status.count()) > 0 && (await textOf(status)) === 'Help articles could not be loaded.', {
      timeout: 10_000,
      message: 'the content error in the status region',
    });
    assert.equal((await w.debug()).content, 'failed');
    await page.unroute(CONTENT_API);
    await w.dialog.getByRole('button', { name: 'Retry', exact: true }).click({ timeout: 5_000 });
    await waitFor(async () => (await w.debug()).content === 'ready', { timeout: 10_000, message: 'content after Retry' });
    await helpViews(w).suggestions.or(w.dialog.getByRole('list', { name: 'Help articles', exact: true })).first().waitFor({ timeout: 5_000 });
    assert.deepEqual(log.errors.filter((e) => e.startsWith('pageerror')), []);
  });

  it('the panel says it is loading until the articles arrive', TEST, async () => {
    const { page } = await env.open();
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route(CONTENT_API, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(env.server.url + '/index.html', { waitUntil: 'networkidle' });
    const w = await openPanel(page);
    const status = w.dialog.getByRole('status');
    await waitFor(async () => (await status.count()) > 0 && (await textOf(status)) === 'Loading help articles…', {
      timeout: 5_000,
      message: 'the loading message while the content request is held',
    });
    release();
    await waitFor(async () => (await w.debug()).content === 'ready', { timeout: 10_000, message: 'content once released' });
    await sleep(100);
  });

  it('no console errors or page errors on any page above', () => {
    assert.deepEqual(checkedLogs.flatMap((log) => log.errors), []);
  });
});
