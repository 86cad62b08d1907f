// Hebrew, Arabic and Persian shoppers read the panel: on the store's pages in those languages (the
// store on its own origin, the widget from support-server's), each line of right-to-left text the
// canvas draws — the home view, search results, an article — is compared with the browser's own
// rendering of the same words in the same fonts (Debian's full Noto faces, shaped by Chromium's
// HarfBuzz): after trimming to the ink, both are scaled to one size and correlated. The words drawn
// left to right in logical order (what Dear ImGui alone draws), or unjoined Arabic letters, are
// rendered too, and each line must look more like the right rendering than like those. Screenshots
// go to build/test-artifacts/.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { decodePng, openPanel, repoRoot, startStoreServer, useDemoServerAndBrowser, waitFor } from './harness.mjs';

const TEST = { timeout: 90_000 };
const ARTIFACTS = path.join(repoRoot, 'build', 'test-artifacts');
const NOTO = '/usr/share/fonts/truetype/noto';
const REFERENCE_FONTS = {
  RefLatin: 'NotoSans-Regular.ttf',
  RefHebrew: 'NotoSansHebrew-Regular.ttf',
  RefArabic: 'NotoSansArabic-Regular.ttf',
};
// Dear ImGui sizes a face by ascent − descent; Noto Sans spans 1.362 em (shared/web/web_app.cpp).
const IMGUI_PX_PER_CSS_EM = 1.362;
const STRONG_RTL = /[\u0590-\u05FF\u0600-\u06FF]/;
const ARABIC_SCRIPT = /[\u0600-\u06FF]/;

const LANGUAGES = [
  { lang: 'he', page: '/he.html', query: 'החזרה' },
  { lang: 'ar', page: '/ar.html', query: 'إرجاع' },
  { lang: 'fa', page: '/fa.html', query: 'بازگشت' },
];
// The widget's words in each language, from the catalogues it ships.
const words = (lang) => JSON.parse(fs.readFileSync(path.join(repoRoot, 'widget', 'messages', `${lang}.json`), 'utf8'));

// ---- images: crops of a decoded screenshot, as grey levels, trimmed to their ink

function crop(image, rect) {
  const x0 = Math.max(0, Math.floor(rect.x));
  const y0 = Math.max(0, Math.floor(rect.y));
  const x1 = Math.min(image.width, Math.ceil(rect.x + rect.w));
  const y1 = Math.min(image.height, Math.ceil(rect.y + rect.h));
  const width = x1 - x0;
  const height = y1 - y0;
  const grey = new Float32Array(Math.max(0, width * height));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = ((y0 + y) * image.width + (x0 + x)) * image.channels;
      const luminance = 0.2126 * image.pixels[i] + 0.7152 * image.pixels[i + 1] + 0.0722 * image.pixels[i + 2];
      // Ink as darkness, so grey snippet text and black reference text weigh alike once
      // correlated; the lightest backgrounds (a search highlight) count as none.
      grey[y * width + x] = Math.max(0, 225 - luminance) / 225;
    }
  }
  return { width, height, grey };
}

// The line's ink profile: darkness summed down each column, from the first inked column to the
// last, resampled to `bins`. Word order, word lengths and letter shapes show in it; a renderer's
// slightly different size, weight or colour does not (the profile is correlated, not compared), and
// neither do the neighbouring lines' ascenders and descenders reaching into the crop.
function normalised({ width, height, grey }, bins = 96) {
  const profile = new Float32Array(width);
  for (let y = 0; y < height - 3; y++) { // not the bottom rows: a link's underline
    for (let x = 0; x < width; x++) profile[x] += grey[y * width + x];
  }
  const peak = Math.max(...profile);
  if (!(peak > 0)) return null;
  let left = 0;
  let right = width - 1;
  while (profile[left] < peak * 0.05) left++;
  while (profile[right] < peak * 0.05) right--;
  const out = new Float32Array(bins);
  const step = (right - left + 1) / bins;
  for (let b = 0; b < bins; b++) {
    const from = left + b * step;
    const to = from + step;
    let sum = 0;
    for (let x = Math.floor(from); x < Math.min(Math.ceil(to), right + 1); x++) {
      const overlap = Math.min(to, x + 1) - Math.max(from, x);
      if (overlap > 0) sum += profile[x] * overlap;
    }
    out[b] = sum / step;
  }
  return out;
}

function correlation(a, b) {
  if (!a || !b) return -1;
  const n = a.length;
  let ma = 0, mb = 0;
  for (let i = 0; i < n; i++) { ma += a[i]; mb += b[i]; }
  ma /= n; mb /= n;
  let num = 0, da = 0, db = 0;
  for (let i = 0; i < n; i++) {
    num += (a[i] - ma) * (b[i] - mb);
    da += (a[i] - ma) ** 2;
    db += (b[i] - mb) ** 2;
  }
  return num / Math.sqrt(da * db || 1);
}

// ---- the page

async function serveReferenceFonts(page) {
  await page.route('**/__reference-fonts/*', (route) => {
    const file = path.basename(new URL(route.request().url()).pathname);
    route.fulfill({ body: fs.readFileSync(path.join(NOTO, file)), contentType: 'font/ttf' });
  });
}

/** The canvas's lines worth comparing: right-to-left words, one face, fully in view. */
async function comparableLines(page) {
  const state = await page.evaluate(() => window.SupportWidget('debug'));
  return state.textLines.filter((line) => {
    const [x, y, w, h] = line.rect;
    const [cx, cy, cw, ch] = line.clip;
    return line.plain && line.rtl && STRONG_RTL.test(line.text) && [...line.text].length >= 4 &&
      x >= cx && y >= cy && x + w <= cx + cw && y + h <= cy + ch;
  });
}

/**
 * Renders a line three ways in a white overlay (the widget out of the way): as the browser reads it
 * (dir="rtl"), left to right in logical order (bidi-override: what a renderer without bidi draws),
 * and with its letters kept apart (a ZWNJ between each: Arabic unjoined). The browser's optional
 * ligatures, contextual alternates and kerning are off: the core draws each letter's presentation
 * form, which is what the font's required shaping gives. Resolves to the three rects.
 */
async function renderReference(page, line) {
  return page.evaluate(async ({ line, fonts, emScale }) => {
    if (!window.__swReferenceFonts) {
      for (const [family, file] of Object.entries(fonts)) {
        const face = new FontFace(family, `url(/__reference-fonts/${file})`);
        await face.load();
        document.fonts.add(face);
      }
      window.__swReferenceFonts = true;
    }
    const overlay = document.createElement('div');
    overlay.id = 'sw-reference';
    overlay.style.cssText = 'position:fixed;inset:0;background:#fff;z-index:2147483647;padding:8px;overflow:hidden';
    document.body.append(overlay);
    const rects = [];
    for (const variant of ['right', 'logical', 'unjoined']) {
      const span = document.createElement('span');
      span.textContent = variant === 'unjoined' ? [...line.text].join('\u200C') : line.text;
      span.dir = variant === 'logical' ? 'ltr' : 'rtl';
      span.style.cssText = `display:table;white-space:pre;color:#000;line-height:1.5;margin:0 0 4px auto;` +
        `font:${line.fontSize / emScale}px RefLatin,RefHebrew,RefArabic;font-kerning:none;` +
        `font-feature-settings:"liga" 0,"clig" 0,"calt" 0,"dlig" 0,"kern" 0;` +
        (variant === 'logical' ? 'unicode-bidi:bidi-override;' : '');
      overlay.append(span);
      const r = span.getBoundingClientRect();
      rects.push({ x: r.x, y: r.y, w: r.width, h: r.height });
    }
    return rects;
  }, { line, fonts: REFERENCE_FONTS, emScale: IMGUI_PX_PER_CSS_EM });
}

async function compareLines(page, name, skip) {
  const lines = (await comparableLines(page)).filter((line) => {
    const [x, y, w, h] = line.rect;
    return !skip || x + w < skip.x || x > skip.x + skip.width || y + h < skip.y || y > skip.y + skip.height;
  });
  const canvas = await page.evaluate(() => {
    const c = document.querySelector('[data-support-widget]').shadowRoot.querySelector('canvas').getBoundingClientRect();
    return { x: c.x, y: c.y };
  });
  const drawn = await page.screenshot();
  fs.writeFileSync(path.join(ARTIFACTS, `rtl-${name}.png`), drawn);
  const ours = decodePng(drawn);
  if (process.env.SW_RTL_DEBUG) {
    for (const [i, line] of lines.entries()) {
      const [x, y, w, h] = line.rect;
      fs.writeFileSync(path.join(ARTIFACTS, `rtl-${name}-${i}-ours.png`), await page.screenshot({ clip: { x: canvas.x + x, y: canvas.y + y, width: w, height: h } }));
    }
  }
  // The widget is in the top layer (a popover): out of it while the references are drawn.
  await page.evaluate(() => {
    const host = document.querySelector('[data-support-widget]');
    if (host.matches(':popover-open')) host.hidePopover();
    host.style.setProperty('visibility', 'hidden');
  });
  const results = [];
  for (const [i, line] of lines.entries()) {
    const rects = await renderReference(page, line);
    if (process.env.SW_RTL_DEBUG) {
      fs.writeFileSync(path.join(ARTIFACTS, `rtl-${name}-${i}-ref.png`), await page.screenshot({ clip: { x: rects[0].x, y: rects[0].y, width: rects[0].w, height: rects[0].h } }));
    }
    const shot = await page.screenshot();
    if (i === 0) fs.writeFileSync(path.join(ARTIFACTS, `rtl-${name}-browser.png`), shot);
    const theirs = decodePng(shot);
    const [x, y, w, h] = line.rect;
    const mine = normalised(crop(ours, { x: canvas.x + x, y: canvas.y + y, w, h }));
    const [right, logical, unjoined] = rects.map((rect) => normalised(crop(theirs, rect)));
    results.push({
      text: line.text,
      right: correlation(mine, right),
      logical: correlation(mine, logical),
      unjoined: correlation(mine, unjoined),
    });
    await page.evaluate(() => document.getElementById('sw-reference').remove());
  }
  await page.evaluate(() => {
    const host = document.querySelector('[data-support-widget]');
    host.style.removeProperty('visibility');
    if (host.popover && !host.matches(':popover-open')) host.showPopover();
  });
  return results;
}

function assertReadLikeTheBrowser(results, what) {
  assert.ok(results.length >= 3, `${what}: only ${results.length} right-to-left lines to compare`);
  const scores = results.map((r) => r.right);
  console.log(`${what}: ${results.length} lines, correlation with the browser's rendering min ${Math.min(...scores).toFixed(2)}, ` +
    `mean ${(scores.reduce((a, b) => a + b, 0) / scores.length).toFixed(2)}; drawn in logical order it would be ` +
    `${Math.max(...results.map((r) => r.logical)).toFixed(2)} at best`);
  const report = results.map((r) => `${r.right.toFixed(2)} (logical ${r.logical.toFixed(2)}, unjoined ${r.unjoined.toFixed(2)}) ${r.text}`).join('\n');
  for (const r of results) {
    assert.ok(r.right >= 0.65, `${what}: "${r.text}" does not look like the browser's rendering\n${report}`);
    assert.ok(r.right > r.logical + 0.2, `${what}: "${r.text}" looks drawn in logical order\n${report}`);
    if (ARABIC_SCRIPT.test(r.text)) {
      assert.ok(r.right > r.unjoined, `${what}: "${r.text}" looks unjoined\n${report}`);
    }
  }
}

describe('right-to-left panels', () => {
  const env = useDemoServerAndBrowser();
  let store;
  before(async () => {
    store = await startStoreServer({ widgetUrl: env.server.url });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  });
  after(async () => store?.stop());

  for (const { lang, page: pagePath, query } of LANGUAGES) {
    it(`${lang}: the home view, search results and an article read right to left, joined, in the shopper's words, like the browser draws them`, TEST, async () => {
      const said = words(lang);
      const { page, log } = await env.open({ viewport: { width: 900, height: 900 } });
      await serveReferenceFonts(page);
      await page.goto(store.url + pagePath, { waitUntil: 'networkidle' });
      const w = await openPanel(page, lang);
      await waitFor(async () => (await w.debug()).content === 'ready', { timeout: 10_000, message: 'the help content' });
      const state = await w.debug();
      assert.equal(state.rtl, true, 'the panel knows its locale reads right to left');
      assert.equal(await w.dialog.getAttribute('dir'), 'rtl');
      // The launcher sits in the reading direction's end: bottom left.
      const launcher = await w.launcher.boundingBox();
      assert.ok(launcher.x < 450, `the launcher is at x=${launcher.x} on a 900 px page`);

      const search = w.dialog.getByRole('searchbox', { name: said['Search help articles'], exact: true });
      // The search field's text is the native input's while it has focus: not the canvas's.
      const field = await search.boundingBox();
      const canvasBox = await page.evaluate(() =>
        document.querySelector('[data-support-widget]').shadowRoot.querySelector('canvas').getBoundingClientRect().toJSON());
      const fieldInCanvas = { x: field.x - canvasBox.x, y: field.y - canvasBox.y, width: field.width, height: field.height };
      // The home view: the guides and articles suggested for this page.
      await waitFor(async () => (await comparableLines(page)).length >= 3, { message: 'home lines drawn in the script face' });
      await page.waitForTimeout(300);
      assertReadLikeTheBrowser(await compareLines(page, `${lang}-home`, fieldInCanvas), `${lang} home`);

      await search.click({ timeout: 5_000 });
      await page.keyboard.type(query);
      await waitFor(async () => (await w.debug()).results.length > 0, { message: 'search results' });
      // The result count in this language's plural form and digits (the browser's own plural rules
      // and number format choose them: Persian writes ۳).
      const count = (await w.debug()).results.length;
      const forms = said['{count} articles found'];
      const form = forms[new Intl.PluralRules(lang).select(count)] ?? forms.other;
      const status = form.replace('{count}', new Intl.NumberFormat(lang).format(count));
      await w.dialog.getByRole('status').filter({ hasText: status }).first().waitFor({ timeout: 5_000 })
        .catch(async (e) => { throw new Error(`no status "${status}": ${e.message}`); });
      await waitFor(async () => (await comparableLines(page)).length >= 3, { message: 'lines drawn in the script face' });
      await page.waitForTimeout(300); // the script face's glyphs drawn
      assertReadLikeTheBrowser(await compareLines(page, `${lang}-results`, fieldInCanvas), `${lang} results`);

      const first = w.dialog.getByRole('list', { name: said['Search results'], exact: true }).getByRole('link').first();
      await first.click({ timeout: 5_000 });
      await waitFor(async () => (await w.debug()).view === 'article', { message: 'the article' });
      await page.waitForTimeout(300);
      assertReadLikeTheBrowser(await compareLines(page, `${lang}-article`), `${lang} article`);
      // The panel's own controls speak the shopper's language.
      for (const name of [said['Yes'], said['No'], said['Back'], said['Close']]) {
        await w.dialog.getByRole('button', { name, exact: true }).waitFor({ timeout: 5_000 });
      }

      // The script's face was fetched from the widget's origin, once; no error on the way.
      const face = lang === 'he' ? /noto-sans-hebrew\.[^/]*\.ttf/ : /noto-sans-arabic\.[^/]*\.ttf/;
      assert.equal(log.requests.filter((u) => face.test(u)).length, 1, log.requests.join('\n'));
      const catalogue = new RegExp(`/messages/${lang}\\.[0-9a-f]+\\.json`);
      assert.equal(log.requests.filter((u) => catalogue.test(u)).length, 1, log.requests.join('\n'));
      assert.deepEqual(log.errors, []);
    });
  }
});
