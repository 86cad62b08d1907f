// Consent and forgetting, as a store that must ask first uses them, with the widget served from
// another origin than the store: before SupportWidget('consent', true) the widget fetches nothing
// from its server, keeps nothing in the browser and shows nothing; SupportWidget('forget') leaves no
// key of ours in localStorage, and the server no feedback or conversation of that browser.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addStaff, feedbackRows, openPanel, pressEnter, signInStaff, sleep, startStoreServer, useDemoServerAndBrowser, waitFor, widget } from './harness.mjs';

const TEST = { timeout: 90_000 };
const EMAIL = 'noa.privacy@shop.example';
const PASSWORD = 'correct horse battery staple';

/** Records every localStorage write and every key present, from before the page's first script. */
async function watchStorage(page) {
  await page.addInitScript(() => {
    window.__storageWrites = [];
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      window.__storageWrites.push(key);
      return setItem.call(this, key, value);
    };
  });
}
const storageWrites = (page) => page.evaluate(() => window.__storageWrites);
const ourKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('support-widget:')));

describe('consent and forgetting', () => {
  const env = useDemoServerAndBrowser();
  let store;
  before(async () => {
    addStaff(env.server.db, EMAIL, PASSWORD);
    store = await startStoreServer({ widgetUrl: env.server.url });
  });
  after(async () => store?.stop());

  it('with data-consent="required", nothing is fetched, kept or shown before consent; after it the widget works', TEST, async () => {
    const { page, log } = await env.open();
    await watchStorage(page);
    await page.goto(store.url + '/consent-required.html', { waitUntil: 'networkidle' });
    // Calls the page makes meanwhile wait for consent: none of them loads or stores anything.
    await page.evaluate(() => {
      window.SupportWidget('open');
      window.SupportWidget('setContext', { custom: { plan: 'gold' } });
    });
    await sleep(1500);
    const w = widget(page);
    const fromWidgetServer = log.requests.filter((url) => url.startsWith(env.server.url));
    assert.deepEqual(fromWidgetServer.map((url) => new URL(url).pathname), ['/support-widget.js'],
      'only the loader itself may come from the widget server before consent');
    assert.deepEqual(await storageWrites(page), [], 'nothing may be written to localStorage before consent');
    assert.deepEqual(await ourKeys(page), []);
    assert.equal(await w.launcher.count(), 0, 'the launcher is not shown before consent');
    assert.equal(await page.getByRole('group', { name: 'Was this page helpful?', exact: true }).count(), 0,
      'the inline feedback spot is not drawn before consent');

    await page.getByRole('button', { name: 'Accept', exact: true }).click();
    // The panel the page asked to open before consent opens now.
    await w.dialog.waitFor({ state: 'visible', timeout: 20_000 });
    await w.search.waitFor({ timeout: 20_000 });
    await waitFor(async () => (await w.debug()).content === 'ready', { timeout: 10_000, message: 'the help content' });
    await page.getByRole('group', { name: 'Was this page helpful?', exact: true }).waitFor({ timeout: 10_000 });
    assert.ok((await ourKeys(page)).includes('support-widget:demo:session'), 'after consent the session is kept');
    assert.deepEqual(log.errors, []);
  });

  it('forget leaves no key of ours in the browser and no feedback or conversation of it on the server, in every tab', TEST, async () => {
    const { context, page, log } = await env.open();
    await page.goto(store.url + '/index.html', { waitUntil: 'networkidle' });
    const other = await context.newPage();
    await other.goto(store.url + '/index.html', { waitUntil: 'networkidle' });

    // An article vote (feedback) …
    const w = await openPanel(page);
    await waitFor(async () => (await w.debug()).content === 'ready', { timeout: 10_000, message: 'the help content' });
    await w.search.click({ timeout: 5_000 });
    await page.keyboard.type('return policy');
    await w.dialog.getByRole('list', { name: 'Search results', exact: true }).getByRole('link').first().click({ timeout: 5_000 });
    await waitFor(async () => (await w.debug()).view === 'article', { timeout: 5_000, message: 'the article' });
    const article = (await w.debug()).article;
    await pressEnter(page, w.dialog.getByRole('button', { name: 'Yes', exact: true }));
    const key = await waitFor(() => page.evaluate(() => localStorage.getItem('support-widget:demo:shopper-key')),
      { message: 'the shopper key the feedback went with' });
    const vote = await waitFor(() => feedbackRows(env.server.db, `kind = 'article_helpful' AND subject = '${article}' AND helpful = 1`).at(-1),
      { timeout: 15_000, message: 'the vote on the server' });
    assert.ok(!vote.payload.includes(key), 'the shopper key itself is not stored with the feedback');

    // … and a chat a person must answer.
    const staff = await signInStaff(env, EMAIL, PASSWORD);
    const earlier = new Set((await staff.conversations()).map((c) => c.id));
    await w.dialog.getByRole('button', { name: 'Back', exact: true }).click({ timeout: 5_000 });
    await pressEnter(page, w.dialog.getByRole('link', { name: 'Chat with us', exact: true }));
    await w.dialog.getByRole('textbox', { name: 'Message', exact: true }).click({ timeout: 5_000 });
    await page.keyboard.type('My parcel arrived wet and the box was torn');
    await page.keyboard.press('Enter');
    const conversation = await waitFor(async () => (await staff.conversations()).find((c) => !earlier.has(c.id)),
      { timeout: 15_000, message: 'the conversation in the staff inbox' });
    const transcript = () => staff.get(`/conversations/${conversation.id}`);
    assert.equal((await transcript()).status(), 200);

    await page.evaluate(() => window.SupportWidget('forget'));
    await waitFor(async () => (await transcript()).status() === 404, { timeout: 15_000, message: 'the conversation gone for staff' });
    await waitFor(() => !feedbackRows(env.server.db, `id = ${vote.id}`).length, { message: 'the vote gone from the database' });
    const left = () => page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('support-widget:')));
    await waitFor(async () => (await ourKeys(page)).length === 0 && (await ourKeys(other)).length === 0,
      { timeout: 10_000, message: 'no key of ours left' }).catch(async (e) => {
      throw new Error(`${e.message}; still: ${JSON.stringify(await left())}`);
    });
    // The panel starts afresh, here and in the other tab: home, nothing searched, no conversation.
    const state = await w.debug();
    assert.equal(state.view, 'home');
    assert.equal(state.search, '');
    assert.ok(!state.chat || !state.chat.id, JSON.stringify(state.chat));
    // A page that keeps running writes nothing of the forgotten session back.
    await sleep(1000);
    assert.deepEqual(await ourKeys(page), []);
    assert.deepEqual(log.errors, []);
  });
});
