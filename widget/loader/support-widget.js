/* Support widget loader: the one script a site owner pastes.
 *
 *   <script src="https://help.example.com/support-widget.js" data-site="your-site" async></script>
 *
 * It reads its own data-* attributes, draws the launcher in an open Shadow root, defines
 * window.SupportWidget(cmd, ...args) and imports the WebAssembly core only when the panel is opened
 * (or in idle time with data-preload="idle"). The contract with the core is
 * docs/loader-core-interface.md. Nothing else is global and nothing is fetched before that.
 *
 * The host element is shown in the top layer (a manual popover), so no transform, filter, contain,
 * overflow or z-index on the page can move, clip, dim or cover it; where the Popover API is missing
 * it is appended to <html> and stacked with a custom property the page may set:
 *   [data-support-widget] { --support-widget-z-index: 100; }
 */
(() => {
  'use strict';

  const W = window;
  const D = document;
  const html = D.documentElement;
  const NAME = 'SupportWidget';
  const say = (level, message, ...rest) => console[level](NAME + ': ' + message, ...rest);
  // A bad data-* value is reported and replaced by its default.
  const invalid = (what, value, fallback) => say('warn', `invalid ${what} "${value}"; using ${fallback}.`);

  // The build writes the content-hashed file names here (resolved relative to this script's URL).
  // It must replace the text between the markers before minifying, because terser drops comments.
  const MANIFEST = /*SW_MANIFEST*/ {
    core: 'support-widget-core.mjs',
    wasm: 'support-widget-core.wasm',
    font: 'fonts/noto-sans-latin.ttf',
  } /*SW_MANIFEST_END*/;

  const EVENTS = ['ready', 'open', 'close', 'message', 'feedback'];
  const DEFAULT_BRAND = '#4f46e5';

  const prior = W[NAME];
  if (prior && prior.loaded) {
    say('warn', 'included twice; ignored.');
    return;
  }

  // Set while a classic script first runs, which is the only way the loader runs (async or not).
  const script = D.currentScript;
  if (!script) {
    say('error', 'needs a classic <script src>.');
    return;
  }
  const data = script.dataset;
  const loaderUrl = script.src;
  // data-consent="required": nothing is shown, stored or fetched until SupportWidget('consent', true).
  let granted;
  const consented = new Promise((resolve) => (granted = resolve));
  const url = (name) => new URL(name, loaderUrl).href;

  // ---- Configuration: every value is checked; a bad one is reported and replaced by its default.

  const site = (data.site || '').trim();
  if (!site) {
    say('error', 'data-site="your-site-id" is missing.');
    return;
  }

  // The launcher sits at the page's reading end: bottom right, bottom left on a right-to-left page.
  let position = data.position || (D.dir == 'rtl' ? 'left' : 'right');
  if (position !== 'right' && position !== 'left') {
    invalid('data-position', position, 'right');
    position = 'right';
  }

  let server = new URL(loaderUrl).origin;
  if (data.server) {
    try {
      const u = new URL(data.server, loaderUrl);
      if (!/^https?:$/.test(u.protocol)) throw 0;
      server = u.href.replace(/\/$/, '');
    } catch {
      invalid('data-server', data.server, server);
    }
  }

  let locale = data.locale || html.lang || navigator.language || 'en';
  try {
    locale = Intl.getCanonicalLocales(locale)[0] || 'en';
  } catch {
    invalid('locale', locale, 'en');
    locale = 'en';
  }
  // The launcher's and the dialog's name in the shopper's language (from widget/messages/*.json when
  // published); the core's catalogue has the widget's other words. A canonical language subtag is
  // lowercase letters, so it never names one of Object.prototype's (camel-case) members.
  const helpWord = /*SW_WORDS*/ {} /*SW_WORDS_END*/[locale.split('-')[0]] || 'Help';


  let brand = data.brand || DEFAULT_BRAND;
  if (!CSS.supports('color', brand) || /^(inherit|initial|unset|revert(-layer)?|currentcolor|transparent)$|var\(/i.test(brand)) {
    invalid('data-brand', brand, DEFAULT_BRAND);
    brand = DEFAULT_BRAND;
  }
  // Resolve any CSS colour to opaque sRGB (over white) by painting one pixel, so the launcher shows
  // exactly the colour whose contrast we computed and the core gets a plain #rrggbb.
  const rgb = (() => {
    const c = D.createElement('canvas').getContext('2d');
    if (!c) return [79, 70, 229];
    c.fillStyle = '#fff';
    c.fillRect(0, 0, 1, 1);
    c.fillStyle = brand;
    c.fillRect(0, 0, 1, 1);
    return [...c.getImageData(0, 0, 1, 1).data].slice(0, 3);
  })();
  brand = '#' + rgb.map((v) => v.toString(16).padStart(2, '0')).join('');
  // WCAG relative luminance; white or black, whichever contrasts more (one of them is always ≥ 4.58:1):
  // white while (1.05)/(L+0.05) ≥ (L+0.05)/0.05, that is L ≤ 0.1791.
  const lum = rgb
    .map((v) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const onBrand = lum <= 0.1791 ? '#fff' : '#000';

  const title = (data.title || '').trim() || 'Help';
  const config = { site, server, locale, position, brand, title };

  // ---- DOM: one host element, an open Shadow root, the launcher and the panel.

  const h = (tag, attrs, ...kids) => {
    const e = /^(svg|path)$/.test(tag) ? D.createElementNS('http://www.w3.org/2000/svg', tag) : D.createElement(tag);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    e.append(...kids);
    return e;
  };
  const icon = (cls, d) => h('svg', { class: cls, viewBox: '0 0 24 24', 'aria-hidden': 'true' }, h('path', { d }));

  // The host is a zero-size box its fixed children overflow, reset (no transform, filter, opacity
  // or fonts from the page). Its rules are !important because an !important rule in a shadow root
  // outranks the page's own !important rules on the host (* {…!important}); the page still sets the
  // stacking order through the custom property.
  const hostCss = 'all:initial;position:fixed;top:0;left:0;width:0;height:0;display:block;z-index:var(--sw-z)'.replace(/;|$/g, '!important;');
  // Each line ends in a line continuation (\), so the CSS ships without newlines.
  const css = `\
:host{${hostCss}--sw-brand:${brand};--sw-on-brand:${onBrand};--sw-z:var(--support-widget-z-index,2147483000)}\
.launcher,.panel{position:fixed;z-index:var(--sw-z);font:16px/1.4 system-ui,sans-serif}\
button{font:inherit;cursor:pointer}\
.launcher{bottom:20px;${position}:20px;width:56px;height:56px;padding:0;border:0;border-radius:50%;background:var(--sw-brand);color:var(--sw-on-brand);box-shadow:0 4px 16px #0004;display:grid;place-items:center}\
.badge{position:absolute;top:-4px;${position}:-4px;min-width:22px;height:22px;padding:0 6px;box-sizing:border-box;border:2px solid #fff;border-radius:11px;background:#b91c1c;color:#fff;font:700 12px/18px system-ui,sans-serif;text-align:center}\
.launcher svg{width:28px;height:28px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}\
[aria-expanded=true] .ask,[aria-expanded=false] .shut{display:none}\
button:focus-visible{outline:3px solid #111;outline-offset:2px;box-shadow:0 0 0 2px #fff}\
.panel{bottom:88px;${position}:20px;width:min(380px,calc(100vw - 40px));height:min(600px,calc(100vh - 108px));overflow:hidden;background:#fff;color:#111;border-radius:12px;box-shadow:0 8px 32px #0005}\
canvas{position:absolute;inset:0;width:100%;height:100%}\
.status{position:absolute;inset:0;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:16px;padding:24px;text-align:center;background:#fff}\
.status button{min-width:44px;min-height:44px;padding:0 20px;border:0;border-radius:8px;background:var(--sw-brand);color:var(--sw-on-brand)}\
.spin{width:32px;height:32px;box-sizing:border-box;border:4px solid #ddd;border-top-color:#555;border-radius:50%}\
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}\
@media (max-width:480px),(max-height:500px){.panel{left:0;right:auto;bottom:0;width:100vw;height:min(90vh,100%);border-radius:12px 12px 0 0}}\
@media (prefers-reduced-motion:no-preference){.spin{animation:sw-spin 1s linear infinite}}\
@keyframes sw-spin{to{transform:rotate(1turn)}}`;

  const host = h('div', { 'data-support-widget': '' });
  // In the top layer the host's fixed children are placed against the viewport whatever the page
  // does to <html> or <body>.
  host.showPopover && host.setAttribute('popover', 'manual');
  const root = host.attachShadow({ mode: 'open' });
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    // Older engines: a <style> element (carrying the script's nonce for a strict CSP).
    root.append(h('style', script.nonce ? { nonce: script.nonce } : {}, css));
  }

  const launcher = h(
    'button',
    { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'sw-panel' },
    icon('ask', 'M21 12a8 8 0 0 1-11.6 7.1L4 20.5l1.4-5A8 8 0 1 1 21 12zM9.6 9.5a2.5 2.5 0 0 1 4.8.8c0 1.7-2.4 2.2-2.4 3.7M12 16.5h.01'),
    icon('shut', 'M6 9l6 6 6-6'),
    h('span', { class: 'vh' }, helpWord),
    h('span', { class: 'badge', hidden: '', 'aria-hidden': 'true' })
  );
  const canvas = h('canvas', {});
  const panel = h('div', { id: 'sw-panel', class: 'panel', role: 'dialog', 'aria-label': helpWord, hidden: '' }, canvas);
  const busy = h('div', { class: 'status', role: 'status' }, h('span', { class: 'spin' }), h('span', { class: 'vh' }, 'Loading help…'));
  const retry = h('button', { type: 'button' }, 'Retry');
  const failure = h('div', { class: 'status' }, h('div', { role: 'alert' }, 'Help could not load.'), retry);
  root.append(launcher, panel);

  // Beside <body>, not in it: a page that replaces its body (an in-page router) keeps the widget,
  // and without the top layer a transformed body still does not become its containing block.
  const mounted = consented.then(() => new Promise((resolve) =>
    D.body ? resolve() : D.addEventListener('DOMContentLoaded', resolve, { once: true })
  )).then(() => {
    html.append(host);
    try {
      host.showPopover?.();
    } catch {
      // Shown already (the page moved the host): it stays where it is.
    }
  });

  // ---- State, events and the core.

  let isOpen = false;
  let core = null;
  let loading = null;
  let coreModule = null;
  let importFailures = 0;
  const listeners = Object.fromEntries(EVENTS.map((event) => [event, []]));
  const call = (fn, detail) => {
    try {
      fn(detail);
    } catch (e) {
      // A listener's bug is the page's error, not ours: report it without stopping the others.
      queueMicrotask(() => {
        throw e;
      });
    }
  };
  const emit = (event, detail) => listeners[event].slice().forEach((fn) => call(fn, detail));

  function load() {
    if (core) return Promise.resolve(core);
    if (loading) return loading;
    failure.remove();
    panel.setAttribute('aria-busy', 'true');
    panel.append(busy);
    return (loading = (async () => {
      try {
        await mounted;
        if (!coreModule) {
          // A failed import() may stay cached for this URL, so a retry asks for a distinct one.
          // (The core's URL has no query: new URL() drops the loader's.)
          coreModule = await import(url(MANIFEST.core) + (importFailures ? '?retry=' + importFailures : '')).catch(
            (e) => {
              importFailures++;
              throw e;
            }
          );
        }
        core = await coreModule.default({
          locateFile: (name) => url(name.endsWith('.wasm') ? MANIFEST.wasm : name),
          swMount: { panel, canvas, launcher },
          swConfig: config, // the same object: setContext below reaches a running core
          swFontUrl: url(MANIFEST.font),
          // The core may ask from inside a frame; act once it has returned, so swSetOpen(false)
          // never re-enters it. It says whether focus goes back to the launcher (Close, Escape)
          // or stays where it put it (a guide's callout on the page).
          swHost: {
            requestClose: (o) => queueMicrotask(() => setOpen(false, !o || o.focusLauncher)),
            // The shopper opened or closed the panel in another tab: this one follows, focus unmoved.
            setOpen: (open) => queueMicrotask(() => setOpen(open, false)),
            // A chat message arrived or the shopper gave feedback: the page's on('message'|'feedback').
            // (The core keeps the launcher's unread badge itself.)
            emit: (event, detail) => queueMicrotask(() => emit(event, detail)),
          },
        });
      } catch (e) {
        loading = null;
        busy.remove();
        panel.removeAttribute('aria-busy');
        panel.append(failure);
        say('error', 'help could not load.', e);
        return null;
      }
      busy.remove();
      panel.removeAttribute('aria-busy');
      if (isOpen) core.swSetOpen(true);
      emit('ready');
      return core;
    })());
  }

  function setOpen(open, focusLauncher) {
    if (open === isOpen) return;
    // Return focus to the launcher only if it was in the panel (or the core asks): a page script
    // closing the panel must not pull focus out of the page's own form.
    const hadFocus = focusLauncher ?? (panel.contains(root.activeElement) || root.activeElement === launcher);
    isOpen = open;
    panel.hidden = !open;
    launcher.setAttribute('aria-expanded', String(open));
    if (core) core.swSetOpen(open);
    else if (open) load();
    if (!open && hadFocus) launcher.focus();
    emit(open ? 'open' : 'close');
  }

  launcher.onclick = () => setOpen(!isOpen);
  retry.onclick = load;
  // Escape in the panel is the core's (it calls requestClose). Until the core runs, and on the
  // launcher, the loader closes the panel itself.
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && isOpen && !(core && panel.contains(e.target))) setOpen(false);
  });

  // Before consent the core loads (and the command runs) once it is given.
  const coreCommand = (name, open) => (argument) => (
    open && setOpen(true), load().then((c) => c && c.swCommand(name, argument))
  );

  const commands = {
    open: () => setOpen(true),
    close: () => setOpen(false),
    toggle: () => setOpen(!isOpen),
    on(event, fn) {
      if (!EVENTS.includes(event) || typeof fn !== 'function') {
        say('error', `on(event, fn) takes one of ${EVENTS} and a function; got "${event}".`);
        return;
      }
      listeners[event].push(fn);
      if (event === 'ready' && core) call(fn);
      return () => {
        const list = listeners[event];
        const at = list.indexOf(fn);
        at < 0 || list.splice(at, 1);
      };
    },
    // What the site knows (product, cart, order, its own fields) and who the shopper is: kept here,
    // read by the core with each chat and feedback event, checked there (a mistake is named on the
    // console). Load nothing.
    setContext: (c) => (config.context = c),
    identify: (c) => (config.identity = c),
    // consent(false) after consent(true): what was kept is forgotten and the widget goes away.
    consent: (yes) => (yes ? granted() : (commands.forget(), host.remove())),
    // The core does these (and names a wrong id): showing an article or results opens the panel;
    // forget clears what the widget keeps here and asks the server to delete what it has.
    startGuide: coreCommand('startGuide'),
    showArticle: coreCommand('showArticle', true),
    search: coreCommand('search', true),
    forget: coreCommand('forget'),
    debug: () => ({
      loaded: !!core,
      open: isOpen,
      ...(core && core.swDebugState()),
    }),
  };

  function SupportWidget(cmd, ...args) {
    if (!Object.hasOwn(commands, cmd)) {
      say('error', `unknown command "${cmd}"; known: ${Object.keys(commands).join(', ')}.`);
      return;
    }
    return commands[cmd](...args);
  }
  SupportWidget.loaded = true;
  W[NAME] = SupportWidget;
  for (const args of (prior && prior.q) || []) SupportWidget(...args);
  if (data.consent != 'required') granted();

  // What earlier pages and the site's other tabs left (the core's session, docs/session.md): the
  // panel open is open here too, a guide in progress continues without the shopper opening the panel,
  // a chat goes on listening, and feedback the server has not acknowledged yet goes out (below).
  // Until the core runs, the loader follows the other tabs' writes (the `storage` event) itself.
  const key = `support-widget:${site}:`;
  const follow = (text) => {
    try {
      const saved = JSON.parse(text);
      // Both are no-ops once the core runs (it follows the other tabs itself).
      saved.panel_open.value ? setOpen(true) : (saved.guide.value || saved.chat.value) && load();
    } catch {
      // None, or not a session: the core replaces it (with a warning).
    }
  };
  let unsent;
  consented.then(() => {
    W.addEventListener('storage', (e) => e.key === key + 'session' && follow(e.newValue));
    try {
      follow(localStorage.getItem(key + 'session'));
      unsent = /"id"/.test(localStorage.getItem(key + 'feedback-outbox'));
    } catch {
      // Storage blocked: there is nothing to continue or send.
    }
  });

  // Inline "Was this page helpful?" spots ([data-support-feedback]) and feedback earlier pages left
  // unsent are the business of a small module published beside the core (<core>.spots.mjs),
  // imported without the core once the page has either; it then watches the page itself.
  mounted.then(() => {
    // Once disconnected the observer calls nothing more, so the module is imported once.
    const look = () => {
      if (!(unsent || D.querySelector('[data-support-feedback]'))) return;
      watch.disconnect();
      import(url(MANIFEST.core.replace(/mjs$/, 'spots.mjs'))).then(
        (m) => m.default(config, emit),
        (e) => say('error', 'feedback buttons could not load.', e)
      );
    };
    const watch = new MutationObserver(look);
    watch.observe(html, { childList: true, subtree: true });
    look();
  });

  if (data.preload === 'idle') {
    const idle = () => (W.requestIdleCallback || ((fn) => setTimeout(fn, 2000)))(load);
    consented.then(() => (D.readyState === 'complete' ? idle() : W.addEventListener('load', idle, { once: true })));
  } else if (data.preload) {
    invalid('data-preload', data.preload, 'none');
  }
})();
