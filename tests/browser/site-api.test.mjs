// The site owner's API (README "SupportWidget(...)"), called by a store page on its own origin with
// the widget served from another: showArticle and search open the panel where the page asks; the
// page hears the bot's messages and the shopper's feedback; identify reaches staff verified when
// the store's server signed the shopper's id, and marked unverified when it did not.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { addStaff, openPanel, pressEnter, repoRoot, signInStaff, startStoreServer, useDemoServerAndBrowser, waitFor, widget } from './harness.mjs';

const TEST = { timeout: 90_000 };
const EMAIL = 'omer.api@shop.example';
const PASSWORD = 'correct horse battery staple';
const SECRET = JSON.parse(fs.readFileSync(path.join(repoRoot, 'demo_site/help/site.json'), 'utf8')).identity_secret;

describe('the site owner API', () => {
  const env = useDemoServerAndBrowser();
  let store;
  before(async () => {
    addStaff(env.server.db, EMAIL, PASSWORD);
    store = await startStoreServer({ widgetUrl: env.server.url });
  });
  after(async () => store?.stop());

  async function storePage(pagePath = '/index.html') {
    const opened = await env.open();
    await opened.page.goto(store.url + pagePath, { waitUntil: 'networkidle' });
    // What the page hears through SupportWidget('on', …).
    await opened.page.evaluate(() => {
      window.__heard = [];
      for (const event of ['message', 'feedback'])
        window.SupportWidget('on', event, (detail) => window.__heard.push({ event, detail }));
    });
    return { ...opened, heard: () => opened.page.evaluate(() => window.__heard) };
  }

  it("showArticle opens the panel on that article, search on that query's results; a wrong id is named", TEST, async () => {
    const { page, log } = await storePage();
    const w = widget(page);
    await page.evaluate(() => window.SupportWidget('showArticle', 'return-policy'));
    await w.dialog.getByRole('heading', { name: 'What is your return policy?', exact: true }).waitFor({ timeout: 20_000 });
    assert.equal(await w.launcher.getAttribute('aria-expanded'), 'true');

    await page.evaluate(() => window.SupportWidget('search', 'shipping'));
    await waitFor(async () => (await w.debug()).view === 'home', { message: 'the results view' });
    // The search field shows the query from the next frame on.
    await waitFor(async () => (await w.search.inputValue()) === 'shipping', { message: 'the query in the search field' });
    const results = w.dialog.getByRole('list', { name: 'Search results', exact: true });
    await results.getByRole('link').first().waitFor({ timeout: 5_000 });

    await page.evaluate(() => window.SupportWidget('showArticle', 'no-such-article'));
    await waitFor(() => log.warnings.concat(log.errors).some((m) => /showArticle: no article "no-such-article".*return-policy/.test(m)),
      { message: `the console naming the wrong id and the ids there are (${log.warnings})` });
  });

  it("the page hears the bot's answer and the shopper's vote", TEST, async () => {
    const { page, heard } = await storePage();
    const w = await openPanel(page);
    await waitFor(async () => (await w.debug()).content === 'ready', { timeout: 10_000, message: 'the help content' });
    await pressEnter(page, w.dialog.getByRole('link', { name: 'Chat with us', exact: true }));
    await w.dialog.getByRole('textbox', { name: 'Message', exact: true }).click({ timeout: 5_000 });
    await page.keyboard.type('How do I return an item?');
    await page.keyboard.press('Enter');
    const message = await waitFor(async () => (await heard()).find((h) => h.event === 'message'), { timeout: 15_000, message: "the bot's message" });
    assert.equal(message.detail.author, 'bot');
    assert.ok(message.detail.text.length > 0, JSON.stringify(message));
    assert.equal((await heard()).filter((h) => h.event === 'message').length, 1, 'the shopper\'s own message is not announced');

    await page.evaluate(() => window.SupportWidget('showArticle', 'return-policy'));
    await pressEnter(page, w.dialog.getByRole('button', { name: 'Yes', exact: true }));
    const vote = await waitFor(async () => (await heard()).find((h) => h.event === 'feedback'), { message: 'the vote' });
    assert.deepEqual(vote.detail, { kind: 'article_helpful', subject: 'return-policy', helpful: true });
  });

  it('identify reaches staff as verified when the store signed the id, unverified when it did not; the hash is not kept', TEST, async () => {
    const staff = await signInStaff(env, EMAIL, PASSWORD);
    const list = () => staff.conversations();
    const transcript = async (id) => (await staff.get(`/conversations/${id}`)).json();

    for (const [hash, verified] of [[createHmac('sha256', SECRET).update('c-1042').digest('hex'), true], ['ab'.repeat(32), false]]) {
      const earlier = new Set((await list()).map((c) => c.id));
      const { page, log } = await storePage();
      await page.evaluate((h) => window.SupportWidget('identify', { id: 'c-1042', email: 'dana@example.com', name: 'Dana Levi', hash: h }), hash);
      const w = await openPanel(page);
      await waitFor(async () => (await w.debug()).content === 'ready', { timeout: 10_000, message: 'the help content' });
      await pressEnter(page, w.dialog.getByRole('link', { name: 'Chat with us', exact: true }));
      await w.dialog.getByRole('textbox', { name: 'Message', exact: true }).click({ timeout: 5_000 });
      await page.keyboard.type('My parcel arrived wet and the box was torn');
      await page.keyboard.press('Enter');
      const opened = await waitFor(async () => (await list()).find((c) => !earlier.has(c.id)), { timeout: 15_000, message: 'the conversation' });
      const shopper = (await transcript(opened.id)).conversation.context.shopper;
      assert.deepEqual(shopper, { id: 'c-1042', email: 'dana@example.com', name: 'Dana Levi', verified }, JSON.stringify(shopper));
      assert.deepEqual(log.warnings.filter((m) => /identify/.test(m)), []);
    }

    // A mistake is named once on the console, with the field at fault.
    const { page, log } = await storePage();
    await page.evaluate(() => window.SupportWidget('identify', { id: 'c-1', mail: 'x@example.com' }));
    await openPanel(page);
    await waitFor(() => log.warnings.some((m) => /identify: .*\/mail.*context\.identity\.unknown_field/.test(m)),
      { message: `the warning naming /mail (${log.warnings})` });
  });
});
