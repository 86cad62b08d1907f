// Chat as a shopper on a store page uses it, with the widget served from another origin than the
// store: the bot answers what the FAQ covers, a "No" hands the conversation to a person, and an
// agent signed in from a second browser context answers — the shopper sees it without a reload, the
// transcript survives one, and a dropped network loses and doubles nothing. Controls are found by
// role and name, in the page's language.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addStaff, openPanel, pressEnter, sleep, startStoreServer, useDemoServerAndBrowser, waitFor, widget } from './harness.mjs';

const TEST = { timeout: 90_000 };
const EMAIL = 'dana.levi@shop.example';
const PASSWORD = 'correct horse battery staple';
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

describe('chat', () => {
  const env = useDemoServerAndBrowser();
  let store;
  before(async () => {
    addStaff(env.server.db, EMAIL, PASSWORD);
    store = await startStoreServer({ widgetUrl: env.server.url });
  });
  after(async () => store?.stop());

  /** An agent in a second browser context, signed in to the staff API the console uses. */
  async function agent() {
    const { context } = await env.open();
    const signedIn = await context.request.post(`${env.server.url}/api/v1/staff/session`, { data: { email: EMAIL, password: PASSWORD } });
    assert.equal(signedIn.status(), 200, await signedIn.text());
    const csrf = (await signedIn.json()).csrf_token;
    const headers = { 'X-CSRF-Token': csrf, Origin: env.server.url };
    const call = async (method, url, data) => {
      const response = await context.request.fetch(`${env.server.url}/api/v1/staff${url}`, { method, headers, data });
      assert.ok(response.ok(), `${method} ${url}: ${response.status()} ${await response.text()}`);
      return response.status() === 204 ? null : response.json();
    };
    return {
      list: (state = '') => call('GET', `/conversations${state ? `?state=${state}` : ''}`),
      transcript: (id) => call('GET', `/conversations/${id}`),
      join: (id) => call('POST', `/conversations/${id}/join`, { label: 'Dana' }),
      reply: (id, clientId, text) => call('POST', `/conversations/${id}/messages`, { client_id: clientId, text, written_ms: Date.now() }),
      close: (id) => call('POST', `/conversations/${id}/close`, {}),
      feedback: (kind) => call('GET', `/feedback?kind=${kind}`),
    };
  }

  /** A shopper on a store page (the store's own origin) with the panel open on the chat. */
  async function shopper(pagePath = '/index.html', contextOptions) {
    const opened = await env.open(contextOptions);
    await opened.page.goto(store.url + pagePath, { waitUntil: 'networkidle' });
    const lang = /\/(he|ar|fa)\.html/.exec(pagePath)?.[1] ?? 'en';
    const w = await openPanel(opened.page, lang);
    const said = w.words;
    await waitFor(async () => (await w.debug()).content === 'ready', { timeout: 10_000, message: 'the help content' });
    // Below the suggestions: reached from the keyboard, as a screen-reader user does.
    await pressEnter(opened.page, w.dialog.getByRole('link', { name: said['Chat with us'], exact: true }));
    const box = w.dialog.getByRole('textbox', { name: said['Message'], exact: true });
    await box.waitFor({ timeout: 5_000 });
    const write = async (text) => {
      await box.click({ timeout: 5_000 });
      await opened.page.keyboard.type(text);
      await opened.page.keyboard.press('Enter');
    };
    return { ...opened, w, said, box, write, chat: async () => (await w.debug()).chat };
  }

  const paragraph = (w, text) => w.dialog.getByRole('paragraph').filter({ hasText: text });

  it('the bot answers a question the FAQ covers; "No" hands off; the agent\'s reply arrives without a reload and survives one', TEST, async () => {
    const s = await shopper('/index.html');
    await s.write('How do I return an item?');
    // The bot's answer: the article's title in the transcript, "Open article", and its question.
    await s.w.dialog.getByRole('button', { name: 'Open article', exact: true }).waitFor({ timeout: 10_000 });
    await paragraph(s.w, 'Did that answer your question?').waitFor({ timeout: 5_000 });
    assert.equal((await s.chat()).state, 'bot');
    assert.equal(await s.box.inputValue(), '', 'the sent text should leave the box');
    // Screen readers hear the answer once it arrives.
    const news = await s.w.dialog.getByRole('status').allTextContents();
    assert.ok(news.some((t) => t.startsWith('Assistant: ')), `no announcement of the answer in ${JSON.stringify(news)}`);

    await s.w.dialog.getByRole('button', { name: 'No', exact: true }).click({ timeout: 5_000 });
    // Nobody is online: the shopper is told so and may leave an address.
    await paragraph(s.w, 'Nobody from our team is online right now').waitFor({ timeout: 10_000 });
    assert.equal((await s.chat()).state, 'waiting');
    await s.w.dialog.getByRole('textbox', { name: 'Email for a reply (optional)', exact: true }).click();
    await s.page.keyboard.type('noa@example.com');
    await s.w.dialog.getByRole('button', { name: 'Save email', exact: true }).click();
    await paragraph(s.w, 'We will reply to noa@example.com.').waitFor({ timeout: 5_000 });

    const a = await agent();
    const waiting = await waitFor(async () => (await a.list()).items.find((c) => c.state === 'waiting'), { message: 'the conversation in the staff list' });
    assert.equal(waiting.reply_email, 'noa@example.com');
    assert.match(waiting.page_url, /\/index\.html$/);
    await a.join(waiting.id);
    await a.reply(waiting.id, 'agent-1', 'Hi, I am Dana. Which order is it?');
    // Without a reload: the agent's words and who is answering.
    await paragraph(s.w, 'Hi, I am Dana. Which order is it?').waitFor({ timeout: 10_000 });
    await paragraph(s.w, 'You are chatting with Dana from our team.').waitFor({ timeout: 5_000 });

    // After a reload the panel is open again (the session keeps it) on the same conversation,
    // every message once.
    await s.page.reload({ waitUntil: 'networkidle' });
    const again = widget(s.page);
    await again.dialog.waitFor({ state: 'visible', timeout: 20_000 });
    await paragraph(again, 'Hi, I am Dana. Which order is it?').waitFor({ timeout: 10_000 });
    const after = (await again.debug()).chat;
    assert.equal(after.state, 'agent');
    assert.equal(after.messages, 3, JSON.stringify(after)); // the question, the bot's answer, Dana's reply
    assert.equal(after.pending, 0);
    const transcript = await a.transcript(waiting.id);
    assert.deepEqual(transcript.events.map((e) => e.kind), ['message', 'message', 'handed_off', 'agent_joined', 'message']);

    // Dana closes the chat: the shopper rates it, and the rating reaches the console's feedback.
    await a.close(waiting.id);
    await paragraph(again, 'How was your chat?').waitFor({ timeout: 10_000 });
    await again.dialog.getByRole('button', { name: 'Send rating', exact: true }).click();
    await again.dialog.getByText('Choose a rating from 1 to 5.', { exact: true }).waitFor({ timeout: 5_000 });
    await again.dialog.getByRole('button', { name: '4 of 5', exact: true }).click();
    await waitFor(async () => (await again.dialog.getByRole('button', { name: '4 of 5', exact: true }).getAttribute('aria-pressed')) === 'true',
      { timeout: 5_000, message: '4 of 5 shown as chosen' });
    await again.dialog.getByRole('textbox', { name: 'Anything to add? (optional)', exact: true }).click();
    await s.page.keyboard.type('Quick and kind');
    await again.dialog.getByRole('button', { name: 'Send rating', exact: true }).click();
    await again.dialog.getByRole('status').filter({ hasText: 'Thanks for rating this chat.' }).waitFor({ timeout: 5_000 });
    const rated = await waitFor(async () => (await a.feedback('chat_csat')).items.find((i) => i.submission.conversation_id === waiting.id),
      { timeout: 15_000, message: 'the rating in the staff feedback list' });
    assert.equal(rated.submission.score, 4);
    assert.equal(rated.submission.comment, 'Quick and kind');
    assert.deepEqual(s.log.errors, []);
  });

  it('a closed panel shows the agent\'s reply as a badge on the launcher, read when the panel opens', TEST, async () => {
    const s = await shopper('/index.html');
    assert.equal(await s.w.dialog.getByRole('link', { name: 'Talk to a person', exact: true }).count(), 0,
      'nobody to hand over to before a first message');
    await s.write('My parcel arrived wet and the box was torn');
    await paragraph(s.w, 'Nobody from our team is online right now').waitFor({ timeout: 10_000 }); // the bot was not confident
    await s.w.close.click();
    const a = await agent();
    const id = (await a.list()).items[0].id;
    await a.join(id);
    await a.reply(id, 'agent-1', 'Sorry to hear that! Can you send a photo?');
    const unread = s.page.getByRole('button', { name: 'Help, 1 new message', exact: true });
    await unread.waitFor({ timeout: 10_000 });
    await unread.click();
    await paragraph(s.w, 'Sorry to hear that! Can you send a photo?').waitFor({ timeout: 10_000 });
    await s.w.close.click();
    await s.page.getByRole('button', { name: 'Help', exact: true }).waitFor({ timeout: 5_000 }); // the badge is gone
  });

  it('a chat begun in one tab goes on in another: one conversation, one stream; when the first tab closes, the other takes over', TEST, async () => {
    const a = await agent();
    const before = new Set((await a.list()).items.map((c) => c.id));
    const s = await shopper('/index.html');
    const streams = { a: 0, b: 0 };
    s.page.on('request', (r) => /\/events\?/.test(r.url()) && streams.a++);
    const b = await s.context.newPage();
    b.on('request', (r) => /\/events\?/.test(r.url()) && streams.b++);
    await b.goto(store.url + '/index.html', { waitUntil: 'networkidle' });
    const wb = widget(b);
    // The second tab shows the panel as the first has it: open, on the chat.
    const boxB = wb.dialog.getByRole('textbox', { name: 'Message', exact: true });
    await boxB.waitFor({ timeout: 20_000 });

    await s.write('My parcel arrived wet and the box was torn');
    await paragraph(wb, 'Nobody from our team is online right now').waitFor({ timeout: 15_000 });
    await boxB.click({ timeout: 5_000 });
    await b.keyboard.type('It is order 1234');
    await b.keyboard.press('Enter');
    await paragraph(s.w, 'It is order 1234').waitFor({ timeout: 10_000 });

    const opened = (await a.list()).items.filter((c) => !before.has(c.id));
    assert.equal(opened.length, 1, `conversations opened: ${JSON.stringify(opened)}`);
    assert.equal(streams.b, 0, 'the second tab opened a stream of its own');
    assert.ok(streams.a >= 1, 'the first tab holds no stream');

    // The leading tab goes: the other leads, opens the stream after what it has, misses nothing.
    await s.page.close();
    await a.join(opened[0].id);
    await a.reply(opened[0].id, 'agent-1', 'Thanks, I am looking at order 1234 now.');
    await paragraph(wb, 'Thanks, I am looking at order 1234 now.').waitFor({ timeout: 15_000 });
    const chat = (await wb.debug()).chat;
    assert.equal(chat.leader, true);
    assert.ok(streams.b >= 1);
    assert.equal(chat.messages, 3, JSON.stringify(chat)); // the two the shopper wrote, Dana's reply
    assert.equal(chat.pending, 0);
    await a.close(opened[0].id);
  });

  it('a card number or password typed into the chat never leaves the browser; staff see the product the page shows', TEST, async () => {
    const a = await agent();
    const before = new Set((await a.list()).items.map((c) => c.id));
    const s = await shopper('/product.html');
    const posted = [];
    s.page.on('request', (r) => r.method() === 'POST' && /\/conversations/.test(r.url()) && posted.push(r.postData() || ''));
    await s.write('I was charged twice on 4111 1111 1111 1111, my password: Hunter22');
    await paragraph(s.w, 'I was charged twice on [card …1111], my password: [hidden]').waitFor({ timeout: 10_000 });
    await s.w.dialog.getByRole('status').filter({ hasText: 'We removed a card number, bank account or password from your message, to keep it safe.' })
      .waitFor({ timeout: 5_000 });
    assert.ok(posted.length > 0);
    assert.ok(!posted.some((body) => /4111|Hunter22/.test(body)), `sent: ${posted.join(' | ')}`);

    const opened = await waitFor(async () => (await a.list()).items.find((c) => !before.has(c.id)), { message: 'the conversation' });
    const transcript = await a.transcript(opened.id);
    assert.ok(!JSON.stringify(transcript).match(/4111 1111|Hunter22/), 'the card or password reached the server');
    const product = transcript.conversation.context.product;
    assert.deepEqual(
      { name: product?.name, sku: product?.sku, price: product?.price, currency: product?.currency, availability: product?.availability },
      { name: 'Trail Runner 2', sku: 'NW-TR2-GRN', price: '129.00', currency: 'USD', availability: 'InStock' },
      JSON.stringify(transcript).slice(0, 600));
    await a.close(opened.id);
  });

  it("the site's setContext (cart, order, its own fields) reaches staff with the chat; a mistake in it is named on the console", TEST, async () => {
    const a = await agent();
    const before = new Set((await a.list()).items.map((c) => c.id));
    const s = await shopper('/index.html');
    await s.page.evaluate(() => window.SupportWidget('setContext', { cart: { items: [{ sku: 'a', quantity: 2 }, { sku: 'b' }], total: 239.8, currency: 'USD' },
      order: { id: 'A-1042', status: 'shipped' }, custom: { plan: 'gold', points: 1200 } }));
    await s.write('My parcel arrived wet and the box was torn');
    const opened = await waitFor(async () => (await a.list()).items.find((c) => !before.has(c.id)), { message: 'the conversation' });
    const context = (await a.transcript(opened.id)).conversation.context;
    assert.deepEqual(context?.cart, { item_count: 3, total: '239.80', currency: 'USD' }, JSON.stringify(context));
    assert.deepEqual(context?.order, { id: 'A-1042', status: 'shipped' });
    assert.deepEqual(context?.custom, { plan: 'gold', points: '1200' });
    await a.close(opened.id);

    // A field the widget does not know, set before the panel opens: named once on the console, with
    // where it is, as soon as the core runs.
    const { page, log } = await env.open();
    await page.goto(store.url + '/index.html', { waitUntil: 'networkidle' });
    await page.evaluate(() => window.SupportWidget('setContext', { customer: { email: 'noa@example.com' } }));
    await openPanel(page);
    await waitFor(() => log.warnings.some((e) => /setContext: .*\/customer.*context\.site\.unknown_field/.test(e)),
      { message: `the console warning naming /customer (warnings: ${log.warnings})` });
    assert.equal(log.warnings.filter((e) => /setContext/.test(e)).length, 1, log.warnings.join('\n'));
  });

  it('with the network dropped and restored, nothing the shopper wrote or the agent answered is missed or doubled', TEST, async () => {
    const s = await shopper('/index.html');
    await s.write('I need to talk to a person about an invoice');
    const a = await agent();
    const conversation = await waitFor(async () => (await a.list()).items.find((c) => c.state === 'waiting'), { message: 'the handoff' });
    await a.join(conversation.id);
    await paragraph(s.w, 'You are chatting with Dana from our team.').waitFor({ timeout: 10_000 });

    await s.context.setOffline(true);
    await s.write('Are you still there?');
    await paragraph(s.w, 'Sending…').waitFor({ timeout: 5_000 });
    await a.reply(conversation.id, 'agent-1', 'Yes — one moment please.');
    await sleep(1500);
    await s.context.setOffline(false);
    await paragraph(s.w, 'Yes — one moment please.').waitFor({ timeout: 40_000 });
    await waitFor(async () => (await s.chat()).pending === 0, { timeout: 40_000, message: 'the queued message to be sent' });
    // Each once, in the order the server received them (the agent's reply came first).
    const events = (await a.transcript(conversation.id)).events.filter((e) => e.kind === 'message');
    assert.deepEqual(events.map((e) => e.message.text),
      ['I need to talk to a person about an invoice', 'Yes — one moment please.', 'Are you still there?']);
    const shown = (await s.chat()).messages;
    assert.equal(shown, 3);
    assert.equal(await paragraph(s.w, 'Yes — one moment please.').count(), 1);
  });

  it('an agent answers from the console\'s Inbox: the waiting chat with its page, Join, a reply the shopper sees at once, Close', TEST, async () => {
    const s = await shopper('/product.html');
    // First the shopper searched and found nothing; then asked from there.
    await pressEnter(s.page, s.w.dialog.getByRole('button', { name: 'Back', exact: true }));
    await s.w.search.click({ timeout: 5_000 });
    await s.page.keyboard.type('zxqv kettlebell sponsorship');
    await s.w.dialog.getByRole('button', { name: 'Chat with us', exact: true }).click({ timeout: 5_000 });
    await s.box.click({ timeout: 5_000 });
    await s.page.keyboard.press('Control+A'); // the search waits in the box: the shopper writes over it
    await s.page.keyboard.type('Can I talk to a person?');
    await s.page.keyboard.press('Enter');
    await paragraph(s.w, 'Nobody from our team is online right now').waitFor({ timeout: 10_000 });

    const { page: console_ } = await env.open({ viewport: { width: 1280, height: 900 } });
    await console_.goto(`${env.server.url}/console/`, { waitUntil: 'networkidle' });
    await console_.getByRole('textbox', { name: 'E-mail address', exact: true }).click({ timeout: 20_000 });
    await console_.keyboard.type(EMAIL);
    await console_.locator('input[type=password]').click();
    await console_.keyboard.type(PASSWORD);
    await pressEnter(console_, console_.getByRole('button', { name: 'Sign in', exact: true }));
    // The waiting chat shows on the Inbox button and in the tab's title, without a sound.
    const inbox = console_.getByRole('button', { name: 'Inbox (1 waiting)', exact: true });
    await inbox.click({ timeout: 20_000 });
    await waitFor(async () => (await console_.title()) === '(1) Support console', { message: 'the title badge' });
    const row = console_.getByRole('list', { name: 'Chats', exact: true }).getByRole('button').first();
    assert.match((await row.getAttribute('aria-label')) ?? (await row.textContent()), /Waiting.*product\.html/);
    await row.click();
    // Beside the transcript, what the shopper's page knew: no need to ask which product.
    await console_.getByRole('paragraph').filter({ hasText: 'Page: ' }).filter({ hasText: '/product.html' }).waitFor({ timeout: 10_000 });
    await console_.getByRole('paragraph').filter({ hasText: 'Product: Trail Runner 2, NW-TR2-GRN, 129.00 USD' }).waitFor({ timeout: 5_000 });
    await console_.getByRole('paragraph').filter({ hasText: 'Device: desktop' }).waitFor({ timeout: 5_000 });
    const tried = console_.getByRole('list', { name: 'What the shopper tried', exact: true });
    await tried.getByText('Searched “zxqv kettlebell sponsorship” — nothing found', { exact: true }).waitFor({ timeout: 5_000 });
    await tried.getByText('Visited /product.html (Trail Runner 2 running shoes — Northwind Outfitters)', { exact: true }).waitFor({ timeout: 5_000 });
    await console_.getByRole('paragraph').filter({ hasText: 'Why a person: the shopper asked for one' }).waitFor({ timeout: 5_000 });
    await console_.getByRole('paragraph').filter({ hasText: 'Can I talk to a person?' }).waitFor({ timeout: 5_000 });
    await console_.getByRole('button', { name: 'Join', exact: true }).click();
    const reply = console_.getByRole('textbox', { name: 'Reply', exact: true });
    await reply.click({ timeout: 10_000 });
    await console_.keyboard.type('Hi! Dana here — how can I help?');
    // The shopper sees the agent typing before the reply arrives.
    await s.w.dialog.getByRole('status').filter({ hasText: 'Dana is typing…' }).waitFor({ timeout: 10_000 });
    await console_.keyboard.press('Enter');
    // The shopper sees it without a reload; the console shows it once the server has it.
    await paragraph(s.w, 'Hi! Dana here — how can I help?').waitFor({ timeout: 10_000 });
    await paragraph(s.w, 'You are chatting with Dana from our team.').waitFor({ timeout: 5_000 });
    await s.write('Thanks, it is about my cart');
    await console_.getByRole('paragraph').filter({ hasText: 'Thanks, it is about my cart' }).waitFor({ timeout: 10_000 });
    await console_.getByRole('button', { name: 'Close chat', exact: true }).click();
    await paragraph(s.w, 'This chat has ended.').waitFor({ timeout: 10_000 });
    await waitFor(async () => (await console_.title()) === 'Support console', { message: 'the title badge gone' });

    // The shopper's rating shows in the console's Feedback, under "Chat ratings".
    await s.w.dialog.getByRole('button', { name: '5 of 5', exact: true }).click();
    await s.w.dialog.getByRole('button', { name: 'Send rating', exact: true }).click();
    await s.w.dialog.getByRole('status').filter({ hasText: 'Thanks for rating this chat.' }).waitFor({ timeout: 5_000 });
    await console_.getByRole('button', { name: 'Feedback', exact: true }).click();
    await waitFor(async () => {
      await console_.getByRole('button', { name: 'Chat ratings', exact: true }).click();
      await console_.getByRole('button', { name: 'Refresh', exact: true }).click();
      return (await console_.getByRole('list', { name: 'Feedback items', exact: true })
        .getByRole('button', { name: /^Chat rated 5 of 5/ }).count()) === 1;
    }, { timeout: 20_000, interval: 1000, message: 'the rating in the console\'s Feedback' });
  });

  it('a Hebrew shopper on a phone gets the bot\'s answer from the Hebrew articles, in Hebrew', TEST, async () => {
    const s = await shopper('/he.html', PHONE);
    await s.write('איך מחזירים מוצר?');
    await s.w.dialog.getByRole('button', { name: s.said['Open article'], exact: true }).waitFor({ timeout: 10_000 });
    await paragraph(s.w, s.said['Did that answer your question?']).waitFor({ timeout: 5_000 });
    await pressEnter(s.page, s.w.dialog.getByRole('button', { name: s.said['Open article'], exact: true }));
    await waitFor(async () => (await s.w.debug()).view === 'article', { timeout: 5_000, message: 'the article open' });
    assert.deepEqual(s.log.errors, []);
  });
});
