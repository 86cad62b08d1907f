// An automated accessibility audit (axe-core, WCAG 2.x rules) of every demo page with the help
// panel open: the launcher, the dialog and the ARIA mirror of the drawn panel must raise no
// violation. It complements the tests that find controls by role and name.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { langOfPage, openPanel, sleep, useDemoServerAndBrowser, waitFor, wordsOf } from './harness.mjs';

const TEST = { timeout: 60_000 };
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function audit(page) {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () =>
    (await window.axe.run(document)).violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      where: v.nodes.map((n) => n.target.join(' ')),
    }))
  );
  assert.deepEqual(violations, [], `axe violations: ${JSON.stringify(violations, null, 1)}`);
}

describe('accessibility', () => {
  const env = useDemoServerAndBrowser();

  /** Opens the page and the panel, and waits until the help articles are shown. */
  async function openHelp(pagePath) {
    const { page } = await env.open();
    await page.goto(env.server.url + pagePath, { waitUntil: 'networkidle' });
    const w = await openPanel(page, langOfPage(pagePath));
    await waitFor(async () => (await w.debug()).content === 'ready', { timeout: 10_000, message: 'the help articles' });
    return { page, w };
  }

  async function searchFor(page, w, text) {
    await w.search.click({ timeout: 5_000 });
    await page.keyboard.type(text);
    await waitFor(async () => (await w.debug()).search === text, { timeout: 5_000, message: `the query "${text}"` });
  }

  for (const pagePath of ['/index.html', '/product.html', '/cart.html', '/order-status.html', '/he.html', '/ar.html', '/fa.html']) {
    it(`axe finds no violations on ${pagePath} with the panel open`, TEST, async () => {
      const { page } = await openHelp(pagePath);
      await audit(page);
    });
  }

  it('axe finds no violations in search results', TEST, async () => {
    const { page, w } = await openHelp('/index.html');
    await searchFor(page, w, 'return');
    await w.dialog.getByRole('list', { name: 'Search results', exact: true }).waitFor({ timeout: 5_000 });
    await audit(page);
  });

  it('axe finds no violations when nothing matches', TEST, async () => {
    const { page, w } = await openHelp('/index.html');
    await searchFor(page, w, 'zxqv kettlebell sponsorship');
    await w.dialog.getByRole('button', { name: 'Chat with us', exact: true }).waitFor({ timeout: 5_000 });
    await audit(page);
  });

  it('axe finds no violations in an open article with links and lists', TEST, async () => {
    const { page, w } = await openHelp('/index.html');
    await searchFor(page, w, 'return policy');
    await w.dialog.getByRole('list', { name: 'Search results', exact: true }).getByRole('link').first().click({ timeout: 5_000 });
    await w.dialog.getByRole('button', { name: 'Yes', exact: true }).waitFor({ timeout: 5_000 });
    await audit(page);
  });

  it('axe finds no violations in the chat with the bot\'s answer, its handoff and the contact view', TEST, async () => {
    const { page, w } = await openHelp('/index.html');
    await searchFor(page, w, 'zxqv kettlebell sponsorship');
    await w.dialog.getByRole('button', { name: 'Chat with us', exact: true }).click({ timeout: 5_000 });
    const box = w.dialog.getByRole('textbox', { name: 'Message', exact: true });
    await box.click({ timeout: 5_000 });
    await page.keyboard.press('Control+A');
    await page.keyboard.type('How do I track my order?');
    await page.keyboard.press('Enter');
    await w.dialog.getByRole('button', { name: 'Open article', exact: true }).waitFor({ timeout: 10_000 });
    await audit(page);
    await w.dialog.getByRole('button', { name: 'No', exact: true }).click({ timeout: 5_000 });
    await w.dialog.getByRole('button', { name: 'Save email', exact: true }).waitFor({ timeout: 10_000 });
    await audit(page);
    await w.dialog.getByRole('link', { name: 'Other ways to contact us', exact: true }).focus();
    await page.keyboard.press('Enter');
    await w.dialog.getByRole('heading', { name: 'Contact us', exact: true }).waitFor({ timeout: 5_000 });
    await audit(page);
  });

  // Each right-to-left language through every view: results, an article, a guide's step on the page.
  for (const { lang, query } of [
    { lang: 'he', query: 'החזרה' },
    { lang: 'ar', query: 'إرجاع' },
    { lang: 'fa', query: 'بازگشت' },
  ]) {
    it(`${lang}: axe finds no violations in search results, an article and a guide's step`, TEST, async () => {
      const said = wordsOf(lang);
      const { page, w } = await openHelp(`/${lang}.html`);
      await searchFor(page, w, query);
      const results = w.dialog.getByRole('list', { name: said['Search results'], exact: true });
      await results.getByRole('link').first().waitFor({ timeout: 5_000 });
      await audit(page);

      await results.getByRole('link').first().click({ timeout: 5_000 });
      await w.dialog.getByRole('button', { name: said['Yes'], exact: true }).waitFor({ timeout: 5_000 });
      await audit(page);

      await w.dialog.getByRole('button', { name: said['Back'], exact: true }).click({ timeout: 5_000 });
      await waitFor(async () => (await w.debug()).view === 'home', { timeout: 5_000, message: 'the results again' });
      await w.search.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      await waitFor(async () => (await w.debug()).search === '', { timeout: 5_000, message: 'the query cleared' });
      const guides = w.dialog.getByRole('list', { name: said['Step-by-step guides'], exact: true });
      await guides.getByRole('link').first().click({ timeout: 5_000 });
      await waitFor(async () => (await w.debug()).guide?.showing, { timeout: 10_000, message: "the guide's first step on the page" });
      await sleep(300);
      await audit(page);
    });
  }
});

/**
 * The panel's controls as the page lays them out (mirror elements over the canvas): role, name, CSS
 * rectangle, and whether a link sits inside a sentence (WCAG 2.5.8 exempts those from target size).
 */
const controlsOf = (page) =>
  page.evaluate(() => {
    const root = document.querySelector('[data-support-widget]').shadowRoot;
    const dialog = root.querySelector('[role=dialog]');
    return [...dialog.querySelectorAll('a, button, input, textarea, select')]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => {
        const r = el.getBoundingClientRect();
        const sentence = el.parentElement.textContent.trim();
        return {
          tag: el.tagName,
          name: el.getAttribute('aria-label') || el.textContent.trim() || el.placeholder,
          rect: [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 10) / 10),
          inline: el.tagName === 'A' && sentence.length > el.textContent.trim().length,
        };
      });
  });

/** The panel's visible box (its dialog), in CSS pixels of the page. */
const dialogBox = (w) => w.dialog.boundingBox();

describe('touch targets and zoom', () => {
  const env = useDemoServerAndBrowser();
  const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

  for (const { lang, query } of [
    { lang: 'en', query: 'return' },
    { lang: 'he', query: 'החזרה' },
    { lang: 'ar', query: 'إرجاع' },
  ]) {
    it(`${lang} on a phone: every control in the results and an article is at least 44 × 44 CSS px`, TEST, async () => {
      const said = wordsOf(lang);
      const { page } = await env.open(PHONE);
      await page.goto(env.server.url + (lang === 'en' ? '/index.html' : `/${lang}.html`), { waitUntil: 'networkidle' });
      const w = await openPanel(page, lang);
      await waitFor(async () => (await w.debug()).content === 'ready', { timeout: 10_000, message: 'the help content' });
      const check = async (view) => {
        const controls = await controlsOf(page);
        assert.ok(controls.length >= 3, `${view}: only ${controls.length} controls found`);
        // Only an article's sentences have links inside them, sized by their line.
        const small = controls.filter((c) => !(view === 'article' && c.inline) && (c.rect[2] < 44 || c.rect[3] < 44));
        assert.deepEqual(small, [], `${view}: touch targets under 44 × 44 px`);
      };
      await check('home');
      await w.search.tap();
      await page.keyboard.type(query);
      const results = w.dialog.getByRole('list', { name: said['Search results'], exact: true });
      await results.getByRole('link').first().waitFor({ timeout: 5_000 });
      await check('results');
      await results.getByRole('link').first().tap({ timeout: 5_000 });
      await w.dialog.getByRole('button', { name: said['Yes'], exact: true }).waitFor({ timeout: 5_000 });
      await check('article');
    });
  }

  for (const lang of ['en', 'he']) {
    it(`${lang} at 200% zoom (640 × 400 CSS px): the panel fits, no line is cut off, and an article can be read to its end`, TEST, async () => {
      const said = wordsOf(lang);
      const { page, log } = await env.open({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
      await page.goto(env.server.url + (lang === 'en' ? '/index.html' : `/${lang}.html`), { waitUntil: 'networkidle' });
      const w = await openPanel(page, lang);
      await waitFor(async () => (await w.debug()).content === 'ready', { timeout: 10_000, message: 'the help content' });
      const box = await dialogBox(w);
      assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= 640.5 && box.y + box.height <= 400.5,
        `the panel ${JSON.stringify(box)} does not fit a 640 × 400 viewport`);
      // A short viewport gets the phone's sheet: most of the height, not 100vh less the launcher.
      assert.ok(box.height >= 340, `the panel is only ${box.height} px of 400 tall`);
      const noLineCut = async (view) => {
        const cut = (await w.debug()).textLines.filter(({ rect: [x, , width], clip: [cx, , cw] }) =>
          x < cx - 0.5 || x + width > cx + cw + 0.5);
        assert.deepEqual(cut.map((l) => l.text), [], `${view}: lines wider than the panel`);
      };
      await waitFor(async () => (await w.debug()).textLines.length > 0, { message: 'lines recorded' });
      await noLineCut('home');
      await w.search.click();
      await page.keyboard.type(lang === 'en' ? 'return' : 'החזרה');
      const results = w.dialog.getByRole('list', { name: said['Search results'], exact: true });
      await results.getByRole('link').first().click({ timeout: 5_000 });
      const yes = w.dialog.getByRole('button', { name: said['Yes'], exact: true });
      await yes.waitFor({ timeout: 5_000 });
      await noLineCut('article');
      // The end of the article is below the fold; the keyboard brings it into view, inside the panel.
      await yes.focus();
      await waitFor(async () => {
        const r = await yes.boundingBox();
        const d = await dialogBox(w);
        return r && r.y >= d.y && r.y + r.height <= d.y + d.height && r.y + r.height <= 400;
      }, { timeout: 5_000, message: `"${said['Yes']}" scrolled into view` });
      await yes.click();
      await w.dialog.getByRole('status').filter({ hasText: said['Thanks for your feedback.'] }).waitFor({ timeout: 5_000 });
      const page_ = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: innerWidth }));
      assert.ok(page_.scroll <= page_.width, `the page scrolls sideways: ${page_.scroll} > ${page_.width}`);
      assert.deepEqual(log.errors, []);
    });
  }
});
