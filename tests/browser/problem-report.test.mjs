// "Report a problem with this page" in the panel, on the store's own origin with the widget from
// support-server on another: the form as a keyboard, screen-reader and phone user meets it (found
// by role and name through the ARIA mirror), its checks, and what arrives in the server's database.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { feedbackRows, openPanel, pressEnter, startStoreServer, useDemoServerAndBrowser, waitFor } from './harness.mjs';

const TEST = { timeout: 90_000 };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** True when `control` (in the widget's shadow root) has keyboard focus. */
const hasFocus = (control) => control.evaluate((el) => el.getRootNode().activeElement === el);

describe('report a problem', () => {
  const env = useDemoServerAndBrowser();
  let store;
  before(async () => {
    store = await startStoreServer({ widgetUrl: env.server.url });
  });
  after(async () => store?.stop());

  const reports = () => feedbackRows(env.server.db, "kind = 'problem_report'");

  async function openForm(pagePath, contextOptions) {
    const { page, log } = await env.open(contextOptions);
    await page.goto(store.url + pagePath, { waitUntil: 'networkidle' });
    const w = await openPanel(page);
    await waitFor(async () => (await w.debug()).content === 'ready', { timeout: 10_000, message: 'the help content' });
    await pressEnter(page, w.dialog.getByRole('link', { name: 'Report a problem with this page', exact: true }));
    await w.dialog.getByRole('heading', { level: 2, name: 'Report a problem', exact: true }).waitFor({ timeout: 5_000 });
    return {
      page,
      log,
      w,
      what: w.dialog.getByRole('textbox', { name: 'What went wrong?', exact: true }),
      email: w.dialog.getByRole('textbox', { name: 'Email for a reply (optional)', exact: true }),
      send: w.dialog.getByRole('button', { name: 'Send report', exact: true }),
      error: (text) => w.dialog.getByRole('status').filter({ hasText: text }),
    };
  }

  it('names what to fix, keeps what was typed, then sends the report with the page it was on, once', TEST, async () => {
    const before = reports().length;
    const f = await openForm('/product.html?email=dana@example.com');
    assert.equal(await f.what.evaluate((el) => el.tagName), 'TEXTAREA', 'several lines to describe the problem');

    // Nothing written: the form says so and puts the shopper in the box at fault.
    await pressEnter(f.page, f.send);
    await f.error('Describe what went wrong, so our team can look into it.').waitFor({ timeout: 5_000 });
    await waitFor(() => hasFocus(f.what), { timeout: 5_000, message: 'focus in "What went wrong?"' });
    assert.equal(await f.what.getAttribute('aria-invalid'), 'true');

    const description = 'The size chart is cut off on the right\nand "Add to cart" <b>does nothing</b>';
    await f.page.keyboard.type(description);
    await waitFor(async () => (await f.what.getAttribute('aria-invalid')) === null, { timeout: 5_000, message: 'the error gone once the box is filled' });
    assert.equal(await f.error('Describe what went wrong').count(), 0);
    await f.email.click({ timeout: 5_000 });
    await f.page.keyboard.type('dana@example');
    await pressEnter(f.page, f.send);
    await f.error('Enter an email address like name@example.com, or leave it empty.').waitFor({ timeout: 5_000 });
    await waitFor(() => hasFocus(f.email), { timeout: 5_000, message: 'focus in the e-mail box' });
    assert.equal(await f.email.getAttribute('aria-invalid'), 'true');
    assert.equal(await f.what.getAttribute('aria-invalid'), null, 'the description is fine now');
    assert.equal(await f.what.inputValue(), description, 'what was typed is kept');
    assert.equal(reports().length, before, 'nothing is sent while the form has a problem');

    await f.page.keyboard.type('.com');
    await pressEnter(f.page, f.send);
    await f.w.dialog.getByRole('heading', { level: 2, name: 'Thanks for telling us', exact: true }).waitFor({ timeout: 5_000 });
    await f.w.dialog.getByRole('status').filter({ hasText: 'Your report was sent to our team.' }).waitFor({ timeout: 5_000 });
    await f.w.dialog.getByText('We will reply to dana@example.com.', { exact: true }).waitFor({ timeout: 5_000 });

    const stored = await waitFor(() => reports().length > before && reports().at(-1), { timeout: 15_000, message: 'the report in the database' });
    assert.equal(stored.comment, description); // as written: lines and markup kept, nothing rendered
    assert.equal(stored.page_url, `${store.url}/product.html`); // no query string: it held an e-mail address
    const payload = JSON.parse(stored.payload);
    assert.equal(payload.email, 'dana@example.com');
    assert.equal(payload.context.page.title, 'Trail Runner 2 running shoes — Northwind Outfitters');
    // Acknowledged: the outbox is empty, and an empty outbox keeps no key.
    await waitFor(async () => (await f.page.evaluate(() => localStorage.getItem('support-widget:demo:feedback-outbox'))) === null, {
      timeout: 10_000, message: 'the outbox emptied',
    });
    assert.equal(reports().length, before + 1, 'one report, one row');

    // Back to help: the next report starts empty.
    await pressEnter(f.page, f.w.dialog.getByRole('button', { name: 'Back to help', exact: true }));
    await pressEnter(f.page, f.w.dialog.getByRole('link', { name: 'Report a problem with this page', exact: true }));
    assert.equal(await f.what.inputValue(), '');
    assert.deepEqual(f.log.errors, []);
  });

  it('a card number typed into a report is removed before it is sent, and the shopper is told', TEST, async () => {
    const before = reports().length;
    const f = await openForm('/cart.html');
    await f.what.click({ timeout: 5_000 });
    await f.page.keyboard.type('Payment failed with my card 4111 1111 1111 1111, charged twice');
    await pressEnter(f.page, f.send);
    await f.w.dialog.getByText('We removed a card number, bank account or password from your message, to keep it safe.', { exact: true })
      .waitFor({ timeout: 5_000 });
    const stored = await waitFor(() => reports().length > before && reports().at(-1), { timeout: 15_000, message: 'the report in the database' });
    assert.equal(stored.comment, 'Payment failed with my card [card …1111], charged twice');
  });

  it('on a phone the e-mail box brings the e-mail keyboard and autofill, and a report without one is sent', TEST, async () => {
    const before = reports().length;
    const f = await openForm('/order-status.html', PHONE);
    assert.equal(await f.email.getAttribute('type'), 'email');
    assert.equal(await f.email.getAttribute('autocomplete'), 'email');
    assert.equal(await f.email.getAttribute('dir'), 'ltr');
    assert.equal(await f.what.getAttribute('maxlength'), '1000');
    await f.what.tap();
    await f.page.keyboard.type('Tracking link says "not found"');
    await f.send.tap();
    await f.w.dialog.getByRole('heading', { level: 2, name: 'Thanks for telling us', exact: true }).waitFor({ timeout: 5_000 });
    await f.w.dialog.getByText('We look at every report, together with the page you were on.', { exact: true }).waitFor({ timeout: 5_000 });
    const stored = await waitFor(() => reports().length > before && reports().at(-1), { timeout: 15_000, message: 'the report' });
    assert.equal(stored.comment, 'Tracking link says "not found"');
    assert.equal(JSON.parse(stored.payload).email, undefined);
    assert.equal(JSON.parse(stored.payload).context.viewport, 'phone');
  });

  it('is reachable from the chat\'s "Other ways to contact us" too', TEST, async () => {
    const { page } = await env.open();
    await page.goto(store.url + '/index.html', { waitUntil: 'networkidle' });
    const w = await openPanel(page);
    await waitFor(async () => (await w.debug()).content === 'ready', { timeout: 10_000, message: 'the help content' });
    await w.search.click({ timeout: 5_000 });
    await page.keyboard.type('zxqv kettlebell sponsorship');
    await pressEnter(page, w.dialog.getByRole('button', { name: 'Chat with us', exact: true }));
    await pressEnter(page, w.dialog.getByRole('link', { name: 'Other ways to contact us', exact: true }));
    await w.dialog.getByRole('heading', { name: 'Contact us', exact: true }).waitFor({ timeout: 5_000 });
    await pressEnter(page, w.dialog.getByRole('link', { name: 'Report a problem with this page', exact: true }));
    await w.dialog.getByRole('heading', { level: 2, name: 'Report a problem', exact: true }).waitFor({ timeout: 5_000 });
  });
});
