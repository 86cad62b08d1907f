// The staff console as an agent uses it: served from dist/console/ by support-server, drawn by its
// own core, read and driven through the ARIA mirror by role and name. Feedback a shopper gives on
// the demo store (served from another origin) shows up in the signed-in console; triage survives a
// reload; axe-core finds nothing serious in its views.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { addStaff, feedbackRows, openPanel, pressEnter, repoRoot, startStoreServer, useDemoServerAndBrowser, waitFor } from './harness.mjs';

const TEST = { timeout: 90_000 };
const EMAIL = 'agent@shop.example';
const PASSWORD = 'lighthouse kettle 42 orange';
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Console errors but the one 401 of the console asking "who is signed in?" before anyone was. */
const unexpectedErrors = (log) => log.errors.filter((e) => !/status of 401/.test(e));

/** Serious and critical axe-core findings on the page (the console's own CSP is bypassed to inject axe). */
async function seriousViolations(page) {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => (await window.axe.run(document)).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, impact: v.impact, where: v.nodes.map((n) => n.target.join(' ')) })));
}

describe('console', () => {
  const env = useDemoServerAndBrowser();
  let store;
  before(async () => {
    const bin = path.resolve(repoRoot, process.env.SW_SERVER_BIN || 'build/native/server/support-server');
    addStaff(env.server.db, EMAIL, PASSWORD);
    // A month of realistic feedback already there, as a shop would have (each test stands alone).
    const seeded = spawnSync(bin, ['seed-feedback', '--site', 'demo=demo_site/help', '--db', env.server.db, '--count', '60'],
      { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(seeded.status, 0, seeded.stderr);
    store = await startStoreServer({ widgetUrl: env.server.url });
  });
  after(async () => store?.stop());

  const controls = (page) => ({
    email: page.getByRole('textbox', { name: 'E-mail address', exact: true }),
    password: page.getByRole('textbox', { name: 'Password', exact: true }).or(page.locator('input[type=password]')),
    signIn: page.getByRole('button', { name: 'Sign in', exact: true }),
    signOut: page.getByRole('button', { name: 'Sign out', exact: true }),
    items: page.getByRole('list', { name: 'Feedback items', exact: true }),
  });

  async function signIn(page, password = PASSWORD) {
    const c = controls(page);
    await c.email.click({ timeout: 20_000 });
    await page.keyboard.type(EMAIL);
    await c.password.first().click({ timeout: 5_000 });
    await page.keyboard.type(password);
    await pressEnter(page, c.signIn);
  }

  it('the console page runs under a strict policy and asks staff to sign in', TEST, async () => {
    const { page, log } = await env.open();
    const response = await page.goto(`${env.server.url}/console/`, { waitUntil: 'networkidle' });
    const csp = response.headers()['content-security-policy'] ?? '';
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    await page.getByRole('heading', { level: 1, name: 'Sign in to the support console', exact: true }).waitFor({ state: 'attached', timeout: 20_000 });
    assert.equal(await page.locator('input[type=password]').count(), 1, 'the password field is a real password input');
    assert.ok(log.requests.some((u) => /\/console\/support-console-core\.[0-9a-f]+\.wasm$/.test(u)));
    assert.deepEqual(unexpectedErrors(log), []);
  });

  it('a wrong password is refused with a message, and the password is nowhere in the page', TEST, async () => {
    const { page } = await env.open();
    await page.goto(`${env.server.url}/console/`, { waitUntil: 'networkidle' });
    await signIn(page, 'not the password at all');
    await page.getByText('That e-mail address and password do not match an account.').waitFor({ state: 'attached', timeout: 10_000 });
    const html = await page.content();
    assert.ok(!html.includes('not the password at all'), 'the typed password is not kept in the page');
  });

  it('feedback given on the store (an article "No" with a comment, an inline Yes) appears in the console; resolving it and a tag survive a reload', TEST, async () => {
    // A shopper on the store (its own origin) says an article did not help, with a comment.
    const shopper = await env.open();
    await shopper.page.goto(`${store.url}/product.html`, { waitUntil: 'networkidle' });
    const w = await openPanel(shopper.page);
    await waitFor(async () => (await w.debug()).content === 'ready', { timeout: 10_000, message: 'the help content' });
    await w.search.click({ timeout: 5_000 });
    await shopper.page.keyboard.type('shipping');
    await pressEnter(shopper.page, w.dialog.getByRole('list', { name: 'Search results', exact: true }).getByRole('link').first());
    await waitFor(async () => (await w.debug()).view === 'article', { timeout: 5_000, message: 'the article' });
    await pressEnter(shopper.page, w.dialog.getByRole('button', { name: 'No', exact: true }));
    const comment = `Nothing about delivery to Eilat ${Date.now()}`;
    await w.dialog.getByRole('textbox', { name: 'What were you looking for? (optional)', exact: true }).click({ timeout: 5_000 });
    await shopper.page.keyboard.type(comment);
    await pressEnter(shopper.page, w.dialog.getByRole('button', { name: 'Send', exact: true }));
    await waitFor(() => feedbackRows(env.server.db).some((r) => r.comment === comment), { timeout: 15_000, message: 'the feedback stored' });
    // And answers the page's own inline "Was this page helpful?" with Yes.
    // 'load', not 'networkidle': the outbox may still be sending from the page before, and the
    // spot is waited for below anyway (a busy machine once kept the network from idling 30 s).
    await shopper.page.goto(`${store.url}/order-status.html`, { waitUntil: 'load' });
    const spot = shopper.page.getByRole('group', { name: 'Was this page helpful?', exact: true });
    await pressEnter(shopper.page, spot.getByRole('button', { name: 'Yes', exact: true }));
    await waitFor(() => feedbackRows(env.server.db, "kind = 'page' AND subject = 'Order status page'").length,
      { timeout: 15_000, message: 'the inline vote stored' });

    // An agent signs in to the console and finds it at the top of the table.
    const { page, log } = await env.open({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${env.server.url}/console/`, { waitUntil: 'networkidle' });
    await signIn(page);
    const c = controls(page);
    const row = c.items.getByRole('button', { name: comment, exact: false });
    await row.waitFor({ state: 'attached', timeout: 15_000 });
    assert.match(await row.getAttribute('aria-label') ?? await row.textContent(), /^Not helpful: .*, New, /);
    await c.items.getByRole('button', { name: /^Helpful: Order status page, New, / }).waitFor({ state: 'attached', timeout: 5_000 });
    await pressEnter(page, row);
    await page.getByRole('heading', { level: 2, name: /^Not helpful: / }).waitFor({ state: 'attached', timeout: 10_000 });
    await page.getByText(`Page: ${store.url}/product.html`, { exact: false }).waitFor({ state: 'attached', timeout: 5_000 });

    // Triage: resolved, and a tag.
    await pressEnter(page, page.getByRole('button', { name: 'Mark as resolved', exact: true }));
    await page.getByText('Marked Resolved.').waitFor({ state: 'attached', timeout: 10_000 });
    await page.getByRole('textbox', { name: 'New tag', exact: true }).click({ timeout: 5_000 });
    await page.keyboard.type('Content Gap');
    await pressEnter(page, page.getByRole('button', { name: 'Add tag', exact: true }));
    await page.getByRole('button', { name: 'Remove the tag content gap', exact: true }).waitFor({ state: 'attached', timeout: 10_000 });

    // A reload keeps the session (the cookie) and shows the item as it now is.
    await page.reload({ waitUntil: 'networkidle' });
    const again = controls(page).items.getByRole('button', { name: comment, exact: false });
    await again.waitFor({ state: 'attached', timeout: 15_000 });
    assert.match(await again.textContent(), /, Resolved, /);
    await pressEnter(page, again);
    await page.getByRole('button', { name: 'Remove the tag content gap', exact: true }).waitFor({ state: 'attached', timeout: 10_000 });
    await page.getByText(`${EMAIL} set the status to Resolved`, { exact: false }).waitFor({ state: 'attached', timeout: 5_000 });
    const stored = feedbackRows(env.server.db).find((r) => r.comment === comment);
    assert.equal(stored.status, 'resolved');
    assert.deepEqual(unexpectedErrors(log), []);
  });

  it('triage from the keyboard: J and K move through the items, R resolves, T goes to the tag field', TEST, async () => {
    const { page } = await env.open({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${env.server.url}/console/`, { waitUntil: 'networkidle' });
    await signIn(page);
    const rows = controls(page).items.getByRole('button');
    await rows.nth(1).waitFor({ state: 'attached', timeout: 15_000 });
    await pressEnter(page, rows.first());
    const chosen = async () => controls(page).items.locator('button[aria-pressed=true]').textContent();
    const first = await waitFor(chosen, { timeout: 5_000, message: 'the first item chosen' });
    await page.keyboard.press('j');
    const second = await waitFor(async () => (await chosen()) !== first && chosen(), { timeout: 5_000, message: 'J: the next item' });
    assert.equal(second, await rows.nth(1).textContent());
    await page.keyboard.press('k');
    await waitFor(async () => (await chosen()) === first, { timeout: 5_000, message: 'K: back to the first' });
    await page.keyboard.press('r');
    await waitFor(async () => /, Resolved, /.test(await chosen()), { timeout: 5_000, message: 'R: resolved in the list' });
    await page.keyboard.press('t');
    await waitFor(() => page.evaluate(() => {
      const active = document.activeElement;
      return active && active.tagName === 'INPUT' && active.getAttribute('aria-label') === 'New tag';
    }), { timeout: 5_000, message: 'T: the tag field focused' });
    await page.keyboard.type('j'); // typed into the field, not a shortcut
    await waitFor(async () => /, Resolved, /.test(await chosen()), { timeout: 2_000, message: 'still the same item' });
  });

  it('Insights shows what the feedback adds up to, as charts and as text a screen reader reads', TEST, async () => {
    const { page, log } = await env.open({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${env.server.url}/console/`, { waitUntil: 'networkidle' });
    await signIn(page);
    await controls(page).items.waitFor({ state: 'attached', timeout: 15_000 });
    await pressEnter(page, page.getByRole('button', { name: 'Insights', exact: true }));
    await page.getByRole('heading', { level: 2, name: 'Helpfulness per article', exact: true }).waitFor({ state: 'attached', timeout: 10_000 });
    // The article the shopper said "No" to above is listed with its counts, as the server counts them.
    const articles = page.getByRole('list', { name: 'Helpfulness per article', exact: true }).getByRole('listitem');
    await articles.first().waitFor({ state: 'attached', timeout: 5_000 });
    const texts = await articles.allTextContents();
    const stored = feedbackRows(env.server.db, "kind = 'article_helpful'");
    const subject = stored[0].subject;
    const notHelpful = stored.filter((r) => r.subject === subject && r.helpful === 0).length;
    assert.ok(texts.some((t) => t.startsWith(`${subject}: `) && t.includes(`${notHelpful} not helpful`)), texts.join(' | '));
    for (const name of ['Feedback per day', 'Pages with the most negative feedback', 'Searches without a result', 'Where shoppers leave guides'])
      await page.getByRole('heading', { level: 2, name, exact: true }).waitFor({ state: 'attached', timeout: 5_000 });
    await pressEnter(page, page.getByRole('button', { name: 'Everything', exact: true }));
    await page.getByText(`${feedbackRows(env.server.db).length} items in this range`).waitFor({ state: 'attached', timeout: 10_000 });
    assert.deepEqual(unexpectedErrors(log), []);
  });

  it('axe-core finds no serious or critical violation on the sign-in form, the Feedback view or Insights', TEST, async () => {
    const { page } = await env.open({ bypassCSP: true, viewport: { width: 1280, height: 800 } });
    await page.goto(`${env.server.url}/console/`, { waitUntil: 'networkidle' });
    await controls(page).signIn.waitFor({ state: 'attached', timeout: 20_000 });
    assert.deepEqual(await seriousViolations(page), []);
    await signIn(page);
    await controls(page).items.getByRole('button').first().waitFor({ state: 'attached', timeout: 15_000 });
    await pressEnter(page, controls(page).items.getByRole('button').first());
    await page.getByRole('heading', { level: 3, name: 'Status', exact: true }).waitFor({ state: 'attached', timeout: 10_000 });
    assert.deepEqual(await seriousViolations(page), []);
    await pressEnter(page, page.getByRole('button', { name: 'Insights', exact: true }));
    await page.getByRole('heading', { level: 2, name: 'Feedback per day', exact: true }).waitFor({ state: 'attached', timeout: 10_000 });
    assert.deepEqual(await seriousViolations(page), []);
  });

  it('at 200% zoom (640 × 400 CSS pixels) the list and the chosen item take turns, with a way back', TEST, async () => {
    const { page } = await env.open({ viewport: { width: 640, height: 400 } });
    await page.goto(`${env.server.url}/console/`, { waitUntil: 'networkidle' });
    await signIn(page);
    const first = controls(page).items.getByRole('button').first();
    await first.waitFor({ state: 'attached', timeout: 15_000 });
    await pressEnter(page, first);
    const back = page.getByRole('button', { name: 'Back to the list', exact: true });
    await back.waitFor({ state: 'attached', timeout: 10_000 });
    assert.equal(await controls(page).items.count(), 0, 'the list gives way to the item');
    await pressEnter(page, back);
    await controls(page).items.waitFor({ state: 'attached', timeout: 10_000 });
  });
});
