// Keyboard focus never falls out of the panel: a search that also matches a guide keeps every
// control's element (and the one that has focus) from frame to frame, and when the focused control
// goes away focus lands on the search field or the new view's heading, never on <body>.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { launcherHasFocus, openPanel, sleep, useDemoServerAndBrowser, waitFor, widget, wordsOf } from './harness.mjs';

const TEST = { timeout: 60_000 };

/** The focused element inside the widget: its role and accessible name, or where focus is instead. */
const focused = (page) =>
  page.evaluate(() => {
    const host = document.querySelector('[data-support-widget]');
    if (document.activeElement !== host) return { outside: document.activeElement.tagName };
    const el = host.shadowRoot.activeElement;
    if (!el) return { outside: 'shadow root without focus' };
    const role = el.getAttribute('role') || { A: 'link', BUTTON: 'button', INPUT: el.type === 'search' ? 'searchbox' : 'textbox', H1: 'heading', H2: 'heading' }[el.tagName] || el.tagName;
    return { role, name: el.getAttribute('aria-label') || el.textContent.trim(), inPanel: !!el.closest('[role=dialog]') };
  });

describe('keyboard focus in the panel', () => {
  const env = useDemoServerAndBrowser();

  it('"track my order", Tab, Tab, Shift+Tab: focus is always on a named control in the panel', TEST, async () => {
    const opened = await env.open();
    const { page, log } = opened;
    await page.goto(env.server.url + '/index.html', { waitUntil: 'networkidle' });
    const w = await openPanel(page);
    await waitFor(async () => (await w.debug()).content === 'ready', { timeout: 10_000, message: 'the help content' });
    await w.search.click();
    await page.keyboard.type('track my order');
    await w.dialog.getByRole('list', { name: 'Search results', exact: true }).getByRole('link').first().waitFor({ timeout: 5_000 });
    const seen = [];
    for (const key of ['Tab', 'Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      // Several frames later: a rebuilt element would have dropped focus by then.
      await sleep(400);
      const f = await focused(page);
      seen.push(`${key} → ${JSON.stringify(f)}`);
      assert.ok(f.inPanel && f.name, `after ${key} focus is not on a named control in the panel:\n${seen.join('\n')}`);
    }
    assert.match(seen[0], /"role":"link","name":"Track your order/, `Tab from the search field should reach the guide first:\n${seen.join('\n')}`);
    assert.match(seen[3], /"role":"searchbox"/, `Shift+Tab twice should return to the search field:\n${seen.join('\n')}`);
    assert.deepEqual(log.errors, []);
  });

  it('when the focused result goes away (Enter opens it), focus lands on the new view, not <body>', TEST, async () => {
    const opened = await env.open();
    const { page } = opened;
    await page.goto(env.server.url + '/index.html', { waitUntil: 'networkidle' });
    const w = await openPanel(page);
    await waitFor(async () => (await w.debug()).content === 'ready', { timeout: 10_000, message: 'the help content' });
    await w.search.click();
    await page.keyboard.type('retrn polcy');
    const first = w.dialog.getByRole('list', { name: 'Search results', exact: true }).getByRole('link').first();
    await first.waitFor({ timeout: 5_000 });
    await first.focus();
    await page.keyboard.press('Enter');
    await waitFor(async () => (await w.debug()).view === 'article', { timeout: 5_000, message: 'the article view' });
    await sleep(400);
    const f = await focused(page);
    assert.ok(f.inPanel, `focus left the panel: ${JSON.stringify(f)}`);
    await page.keyboard.press('Tab');
    await sleep(200);
    assert.ok((await focused(page)).inPanel, 'Tab from there left the panel');
  });
});

describe('a Hebrew shopper with only a keyboard', () => {
  const env = useDemoServerAndBrowser();

  it('launcher → search → result → article → helpful → Back → Close, focus never leaving the dialog, and Tab wraps inside it', TEST, async () => {
    const { page, log } = await env.open();
    await page.goto(env.server.url + '/he.html', { waitUntil: 'networkidle' });
    const said = wordsOf('he');
    const w = widget(page, 'he');
    const seen = [];
    const expectInPanel = async (step) => {
      await sleep(300);
      const f = await focused(page);
      seen.push(`${step} → ${JSON.stringify(f)}`);
      assert.ok(f.inPanel && f.name, `after ${step} focus is not on a named control in the dialog:\n${seen.join('\n')}`);
      return f;
    };

    // Tab from the page to the launcher, Enter opens the panel: focus goes to the search field.
    await w.launcher.focus();
    await page.keyboard.press('Enter');
    await waitFor(async () => (await w.debug()).content === 'ready', { timeout: 15_000, message: 'the Hebrew help content' });
    let f = await expectInPanel('Enter on the launcher');
    assert.equal(f.role, 'searchbox');
    assert.equal(f.name, said['Search help articles']);

    await page.keyboard.type('החזרה');
    await w.dialog.getByRole('list', { name: said['Search results'], exact: true }).getByRole('link').first().waitFor({ timeout: 5_000 });
    // Tab to the first result and open it.
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      f = await expectInPanel(`Tab ${i + 1}`);
      if (f.role === 'link') break;
    }
    assert.equal(f.role, 'link', `Tab never reached a result:\n${seen.join('\n')}`);
    await page.keyboard.press('Enter');
    await waitFor(async () => (await w.debug()).view === 'article', { timeout: 5_000, message: 'the article' });
    await expectInPanel('Enter on the result');

    // On to "Yes" under "Was this helpful?", and press it.
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      f = await expectInPanel(`Tab to Yes ${i + 1}`);
      if (f.role === 'button' && f.name === said['Yes']) break;
    }
    assert.equal(f.name, said['Yes'], `Tab never reached ${said['Yes']}:\n${seen.join('\n')}`);
    await page.keyboard.press('Enter');
    await w.dialog.getByRole('status').filter({ hasText: said['Thanks for your feedback.'] }).waitFor({ timeout: 5_000 });
    await expectInPanel('Enter on Yes');

    // Tab past the last control wraps to the first: focus stays in the dialog all the way round.
    const names = new Set();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      f = await expectInPanel(`Tab round ${i + 1}`);
      if (names.has(`${f.role}:${f.name}`) && f.name === said['Close']) break;
      names.add(`${f.role}:${f.name}`);
    }
    assert.ok(names.has(`button:${said['Back']}`), `Back was not on the way round:\n${seen.join('\n')}`);

    // Back to the results with Back, then Close: focus returns to the launcher.
    await w.dialog.getByRole('button', { name: said['Back'], exact: true }).focus();
    await page.keyboard.press('Enter');
    await waitFor(async () => (await w.debug()).view === 'home', { timeout: 5_000, message: 'the results again' });
    await expectInPanel('Enter on Back');
    await w.close.focus();
    await page.keyboard.press('Enter');
    await waitFor(async () => !(await page.evaluate(() => window.SupportWidget('debug').open)), { message: 'the panel to close' });
    assert.ok(await launcherHasFocus(page, 'he'), 'focus did not return to the launcher');
    assert.deepEqual(log.errors, []);
  });
});

/**
 * Where focus is, as the core and the page each see it: the mirror element holding DOM focus (its
 * rectangle in canvas pixels) and the focus rings the last frame drew.
 */
const focusAndRings = (page) =>
  page.evaluate(() => {
    const host = document.querySelector('[data-support-widget]');
    const canvas = host.shadowRoot.querySelector('canvas').getBoundingClientRect();
    const el = document.activeElement === host ? host.shadowRoot.activeElement : null;
    const r = el?.getBoundingClientRect();
    return {
      focused: el && {
        id: el.swId,
        tag: el.tagName,
        name: el.getAttribute('aria-label') || el.textContent.trim(),
        rect: [r.x - canvas.x, r.y - canvas.y, r.width, r.height],
      },
      rings: window.SupportWidget('debug').focusRings,
    };
  });

/** True when the ring's outer edge lies just outside the rectangle: within `slack` px of each side. */
function ringFits(rings, [x, y, w, h], slack = 4) {
  if (rings.length === 0) return false;
  const left = Math.min(...rings.map((r) => r.rect[0]));
  const top = Math.min(...rings.map((r) => r.rect[1]));
  const right = Math.max(...rings.map((r) => r.rect[0] + r.rect[2]));
  const bottom = Math.max(...rings.map((r) => r.rect[1] + r.rect[3]));
  return left <= x + 0.5 && left >= x - slack && top <= y + 0.5 && top >= y - slack &&
    right >= x + w - 0.5 && right <= x + w + slack && bottom >= y + h - 0.5 && bottom <= y + h + slack;
}

describe('the focus ring', () => {
  const env = useDemoServerAndBrowser();

  for (const { lang, pagePath, query } of [
    { lang: 'en', pagePath: '/index.html', query: 'return' },
    { lang: 'he', pagePath: '/he.html', query: 'החזרה' },
  ]) {
    it(`${lang}: after mouse clicks no ring; Tab round an article and the results: the ring is drawn around the focused control, and only there`, TEST, async () => {
      const { page, log } = await env.open();
      await page.goto(env.server.url + pagePath, { waitUntil: 'networkidle' });
      const said = wordsOf(lang);
      const w = widget(page, lang);
      // A shopper with a mouse: no ring anywhere, as :focus-visible in the browser.
      await w.launcher.click();
      await waitFor(async () => (await w.debug()).content === 'ready', { timeout: 15_000, message: 'the help content' });
      await w.search.click();
      await page.keyboard.type(query);
      const results = w.dialog.getByRole('list', { name: said['Search results'], exact: true });
      await results.getByRole('link').first().waitFor({ timeout: 5_000 });

      const seen = [];
      /** Tabs until focus comes back to where it started; checks the ring after every key. */
      const tabAround = async (view) => {
        const visited = new Set();
        for (let i = 0; i < 60; i++) {
          await page.keyboard.press('Tab');
          let state;
          // The ring follows focus in the next frame.
          await waitFor(async () => {
            state = await focusAndRings(page);
            if (!state.focused) return false;
            const own = state.rings.filter((r) => r.id === state.focused.id);
            // The search field shows the native input's own focus (no ring of the core's).
            return state.focused.tag === 'INPUT' ? state.rings.length === 0 : own.length > 0 && own.length === state.rings.length;
          }, { timeout: 3_000, message: `the ring on the focused control in the ${view} (${JSON.stringify(state)})` })
            .catch((e) => { throw new Error(`${e.message}\n${seen.join('\n')}`); });
          const { focused, rings } = state;
          seen.push(`${view}: ${focused.tag} "${focused.name}" ${JSON.stringify(focused.rect)} rings ${JSON.stringify(rings.map((r) => r.rect))}`);
          if (focused.tag === 'INPUT') {
            assert.deepEqual(rings, [], `a ring drawn while the search field has focus:\n${seen.join('\n')}`);
          } else {
            assert.ok(ringFits(rings, focused.rect), `the ring is not around "${focused.name}":\n${seen.join('\n')}`);
          }
          if (visited.has(focused.id)) return visited.size;
          visited.add(focused.id);
        }
        throw new Error(`Tab never came round in the ${view}:\n${seen.join('\n')}`);
      };
      await results.getByRole('link').first().click();
      await waitFor(async () => (await w.debug()).view === 'article', { timeout: 5_000, message: 'the article' });
      await sleep(300);
      assert.deepEqual((await focusAndRings(page)).rings, [], 'a ring after pointer clicks');

      // Then the keyboard: round the article, Back, round the results.
      const articleSeen = await tabAround('article');
      assert.ok(articleSeen >= 4, `only ${articleSeen} controls on the way round the article:\n${seen.join('\n')}`);
      await w.dialog.getByRole('button', { name: said['Back'], exact: true }).focus();
      await page.keyboard.press('Enter');
      await waitFor(async () => (await w.debug()).view === 'home', { timeout: 5_000, message: 'the results again' });
      const resultsSeen = await tabAround('results');
      assert.ok(resultsSeen >= 4, `only ${resultsSeen} controls on the way round the results:\n${seen.join('\n')}`);
      assert.deepEqual(log.errors, []);
    });
  }
});
