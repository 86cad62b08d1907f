// The guide overlay on the host page: an ES module the core imports the first time a guide shows a
// step (so shoppers who never follow a guide never download it), driven through the small bridge
// in web_library.js (sw_web_guide_show / sw_web_guide_hide, shared/web/guide_overlay.h). It draws
// what the core's guide engine says and reports what the page does; it decides nothing about the
// guide itself:
//   - the highlight: one element over the target, a few pixels larger, whose shadow dims the rest of
//     the page (shadows are not hit-tested, so the whole page, target included, stays usable);
//   - the callout: a labelled, non-modal dialog beside the target (placed by the core's
//     guide::place_callout) with the step, its place, Back / Next / Exit, answers, and the "can't
//     find it" and "another page" notes; a polite live region announces each step;
//   - watching: the target looked up by its selectors (first match that is rendered wins) on every
//     DOM mutation, scroll and resize, awaited up to the step's wait time; clicks on it, fields
//     filled (committed with a change event; only whether a field is empty is read, never its
//     value), elements appearing, and the path changing (loads, history navigation, in-page routers).
// Every element it adds carries data-sw-guide and lives in the widget's shadow root.
//
//   const overlay = createGuideOverlay({
//     root,                                   // the widget's shadow root
//     send(kind, showing, detail) {},         // an event for the core (kinds: guide::GuideEventKind)
//     place(vw, vh, hasTarget, x, y, w, h, cw, ch, preferred) {},  // → [x, y] from the core
//     launcher,                               // gets focus back when the guide ends from the callout
//   });
//   overlay.show(spec);  overlay.hide(announcement);

export function createGuideOverlay(host) {
  const SwGuide = {
    els: null, // {hole, callout, live}, created on first show
    spec: null, // the step being shown (the core's JSON)
    target: null, // the element highlighted now
    found: false,
    missingReported: false,
    visibleReported: false,
    searchStart: 0,
    scrolled: false,
    tickPending: false,
    watchers: null, // removers of every listener/observer while a guide is shown
    // While a pointer is down on one of the callout's buttons: the field commits that came meanwhile
    // (leaving a field for Exit commits it), held so the step the shopper pressed on stays.
    press: null, // {held: [[kind, showing, detail]…], releaseTimer, stop()}
    path: '',
    styled: false, // the stylesheet is in the shadow root
    rtl: false, // the page's direction, read when the callout is drawn
    // Event kinds: the core's guide::GuideEventKind (shared/core/guide/guide_runner.h).
    kind: { next: 0, back: 1, exit: 2, choose: 3, skip: 4, found: 5, missing: 6, clicked: 7, filled: 8, visible: 9, path: 10 },

    send: function (kind, detail) {
      var event = [SwGuide.kind[kind], SwGuide.spec ? SwGuide.spec.showing : 0, detail === undefined ? '' : String(detail)];
      // A commit during a press on Exit, Back, Skip, Next or an answer waits for the press to end:
      // acting on it now would replace the step (and the button) under the shopper's finger.
      if (SwGuide.press && kind === 'filled') SwGuide.press.held.push(event);
      else host.send(event[0], event[1], event[2]);
    },

    // A pointer went down on a callout button: hold field commits until the press ends.
    pressStart: function () {
      SwGuide.pressEnd(false);
      var press = { held: [], releaseTimer: 0, stop: null };
      // Released anywhere: the click that follows (a tap's comes a little later) settles the press;
      // without one (the pointer slid off the button) the held commits are delivered.
      var released = function (e) {
        if (SwGuide.press !== press) return;
        if (e.type === 'pointercancel') SwGuide.pressEnd(false);
        else press.releaseTimer = setTimeout(function () { SwGuide.pressEnd(false); }, 400);
      };
      document.addEventListener('pointerup', released, true);
      document.addEventListener('pointercancel', released, true);
      press.stop = function () {
        clearTimeout(press.releaseTimer);
        document.removeEventListener('pointerup', released, true);
        document.removeEventListener('pointercancel', released, true);
      };
      SwGuide.press = press;
    },

    // The press ended. `acted`: its button was clicked and its action sent, which decides the step
    // (Exit ends the guide, Back and Next leave this step), so the commits held meanwhile are
    // dropped (the core would refuse them as stale anyway). Otherwise they are delivered now.
    pressEnd: function (acted) {
      var press = SwGuide.press;
      if (!press) return;
      press.stop();
      SwGuide.press = null;
      if (!acted) press.held.forEach(function (e) { host.send(e[0], e[1], e[2]); });
    },

    root: function () { return host.root; },

    installStyles: function () {
      var css =
        '.sw-guide-hole{position:fixed;z-index:var(--sw-z,2147483000);pointer-events:none;border-radius:8px;' +
        'box-shadow:0 0 0 3px var(--sw-brand,#4f46e5),0 0 0 100vmax rgba(17,24,39,.5)}' +
        '.sw-guide-hole[hidden],.sw-guide-callout[hidden]{display:none}' +
        '.sw-guide-callout{position:fixed;z-index:var(--sw-z,2147483000);box-sizing:border-box;width:min(340px,calc(100vw - 16px));' +
        'max-height:calc(100vh - 16px);overflow:auto;padding:16px;border-radius:12px;background:#fff;color:#111827;' +
        'box-shadow:0 8px 32px rgba(0,0,0,.35);font:15px/1.45 system-ui,sans-serif;text-align:start}' +
        '.sw-guide-callout:focus{outline:none}.sw-guide-callout:focus-visible{outline:3px solid #111827;outline-offset:2px}' +
        '.sw-guide-callout h2{margin:4px 32px 6px 0;font-size:17px;line-height:1.3}' +
        '.sw-guide-callout p{margin:0 0 8px}' +
        '.sw-guide-count{font-size:13px;color:#4b5563}' +
        '.sw-guide-bar{height:4px;margin:4px 32px 8px 0;border-radius:2px;background:#e5e7eb;overflow:hidden}' +
        '.sw-guide-bar span{display:block;height:100%;background:var(--sw-brand,#4f46e5)}' +
        '.sw-guide-note{padding:8px 10px;border-radius:8px;background:#fef3c7;color:#78350f}' +
        '.sw-guide-actions,.sw-guide-choices{display:flex;flex-wrap:wrap;gap:8px;margin-top:8px}' +
        '.sw-guide-choices{flex-direction:column}' +
        '.sw-guide-callout button,.sw-guide-callout a.sw-guide-go{min-height:44px;min-width:44px;padding:0 16px;border-radius:8px;' +
        'font:inherit;font-weight:600;cursor:pointer;border:2px solid var(--sw-brand,#4f46e5);background:#fff;color:#111827;' +
        'display:inline-flex;align-items:center;justify-content:center;text-decoration:none;box-sizing:border-box}' +
        '.sw-guide-callout button.sw-guide-primary{background:var(--sw-brand,#4f46e5);color:var(--sw-on-brand,#fff)}' +
        '.sw-guide-callout button:focus-visible,.sw-guide-callout a:focus-visible{outline:3px solid #111827;outline-offset:2px}' +
        '.sw-guide-callout .sw-guide-exit{position:absolute;top:8px;inset-inline-end:8px;padding:0;border:0;background:transparent;font-size:22px;font-weight:400}' +
        '.sw-guide-spacer{flex:1}' +
        '.sw-guide-live{position:fixed;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}' +
        '@media (prefers-reduced-motion:no-preference){.sw-guide-hole{transition:left .15s,top .15s,width .15s,height .15s}}';
      var root = SwGuide.root();
      try {
        var sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        root.adoptedStyleSheets = root.adoptedStyleSheets.concat([sheet]);
      } catch (e) {
        var style = document.createElement('style');
        style.textContent = css;
        root.appendChild(style);
      }
    },

    create: function () {
      if (SwGuide.els) return SwGuide.els;
      // Once per page: the elements go when a guide ends, the stylesheet stays for the next one.
      if (!SwGuide.styled) SwGuide.installStyles();
      SwGuide.styled = true;
      var make = function (tag, cls, attrs) {
        var el = document.createElement(tag);
        el.className = cls;
        el.setAttribute('data-sw-guide', '');
        for (var k in attrs) el.setAttribute(k, attrs[k]);
        return el;
      };
      var hole = make('div', 'sw-guide-hole', { 'aria-hidden': 'true', hidden: '' });
      var callout = make('section', 'sw-guide-callout', { role: 'dialog', 'aria-modal': 'false', tabindex: '-1', hidden: '' });
      var live = make('div', 'sw-guide-live', { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
      var actionButton = function (e) {
        var button = e.target.closest && e.target.closest('button[data-action]');
        return button && callout.contains(button) ? button : null;
      };
      // Pointer down comes before the field the shopper leaves commits (mouse: focus moves on
      // mousedown; touch: after pointerup, with the tap's mouse events), so the press is known first.
      callout.addEventListener('pointerdown', function (e) {
        if (actionButton(e)) SwGuide.pressStart();
      });
      callout.addEventListener('click', function (e) {
        var button = actionButton(e);
        if (button) SwGuide.send(button.getAttribute('data-action'), button.getAttribute('data-choice') || '');
        SwGuide.pressEnd(!!button);
      });
      callout.addEventListener('keydown', function (e) {
        if (e.key === 'Escape') { e.stopPropagation(); SwGuide.send('exit'); }
      });
      // Before the launcher and the panel, so both stay above the dimmed page.
      var root = SwGuide.root();
      root.insertBefore(live, root.firstChild);
      root.insertBefore(callout, root.firstChild);
      root.insertBefore(hole, root.firstChild);
      SwGuide.els = { hole: hole, callout: callout, live: live };
      return SwGuide.els;
    },

    button: function (text, action, primary, choice) {
      var b = document.createElement('button');
      b.type = 'button';
      b.textContent = text;
      b.setAttribute('data-action', action);
      if (primary) b.className = 'sw-guide-primary';
      if (choice !== undefined) b.setAttribute('data-choice', String(choice));
      return b;
    },

    render: function () {
      var spec = SwGuide.spec, t = spec.text, els = SwGuide.els;
      var c = els.callout;
      // Focus inside the callout survives the re-render: on the same button, else the callout.
      var focused = SwGuide.root().activeElement;
      var refocus = null;
      if (focused && c.contains(focused)) {
        var choice = focused.getAttribute('data-choice');
        refocus = focused.hasAttribute('data-action')
          ? '[data-action="' + focused.getAttribute('data-action') + '"]' + (choice ? '[data-choice="' + choice + '"]' : '')
          : '';
      }
      c.setAttribute('aria-label', spec.guide);
      // The widget's root resets inherited styles: the callout takes the guide's language and the
      // page's direction itself, so Hebrew and Arabic steps read right to left.
      if (spec.locale) c.lang = spec.locale;
      SwGuide.rtl = getComputedStyle(document.documentElement).direction === 'rtl';
      c.dir = SwGuide.rtl ? 'rtl' : 'ltr';
      c.replaceChildren();
      var exit = SwGuide.button('\u00d7', 'exit');
      exit.className = 'sw-guide-exit';
      exit.setAttribute('aria-label', t.exit);
      var count = document.createElement('p');
      count.className = 'sw-guide-count';
      count.textContent = spec.count;
      var bar = document.createElement('div');
      bar.className = 'sw-guide-bar';
      bar.setAttribute('role', 'progressbar');
      bar.setAttribute('aria-label', t.progress);
      bar.setAttribute('aria-valuemin', '0');
      bar.setAttribute('aria-valuemax', String(spec.total));
      bar.setAttribute('aria-valuenow', String(spec.position));
      var fill = document.createElement('span');
      fill.style.width = Math.round((100 * spec.position) / Math.max(1, spec.total)) + '%';
      bar.append(fill);
      var heading = document.createElement('h2');
      heading.textContent = spec.title;
      c.append(exit, count, bar, heading);
      (spec.body || '').split(/\n\s*\n/).forEach(function (text) {
        if (!text.trim()) return;
        var p = document.createElement('p');
        p.textContent = text.trim();
        c.append(p);
      });
      if (spec.state === 'missing' || spec.state === 'other-page') {
        var note = document.createElement('p');
        note.className = 'sw-guide-note';
        note.textContent = spec.state === 'missing' ? t.missing : spec.otherPage.text;
        c.append(note);
        if (spec.state === 'other-page' && spec.otherPage.href) {
          var go = document.createElement('a');
          go.className = 'sw-guide-go';
          go.href = spec.otherPage.href;
          go.textContent = t.go;
          c.append(go);
        }
      }
      if (spec.choices.length) {
        var choices = document.createElement('div');
        choices.className = 'sw-guide-choices';
        spec.choices.forEach(function (label, i) { choices.append(SwGuide.button(label, 'choose', i === 0, i)); });
        c.append(choices);
      }
      var actions = document.createElement('div');
      actions.className = 'sw-guide-actions';
      if (spec.back) actions.append(SwGuide.button(t.back, 'back'));
      var spacer = document.createElement('span');
      spacer.className = 'sw-guide-spacer';
      actions.append(spacer);
      if (spec.state === 'missing') {
        if (!spec.choices.length) actions.append(SwGuide.button(t.skip, 'skip'));
        actions.append(SwGuide.button(t.end, 'exit'));
      } else if (spec.next) {
        actions.append(SwGuide.button(spec.next, 'next', true));
      }
      c.append(actions);
      c.hidden = false;
      if (refocus !== null) ((refocus && c.querySelector(refocus)) || c).focus({ preventScroll: true });
    },

    announce: function (text) {
      if (!text) return;
      var live = SwGuide.els.live;
      // Cleared first, so the same sentence twice is announced twice.
      live.textContent = '';
      setTimeout(function () { live.textContent = text; }, 50);
    },

    // The first element matching one of `selectors` that is rendered (has a box, is not hidden).
    find: function (selectors) {
      for (var i = 0; i < (selectors || []).length; i++) {
        var list;
        try { list = document.querySelectorAll(selectors[i]); } catch (e) { continue; }
        for (var j = 0; j < list.length; j++) if (SwGuide.rendered(list[j])) return list[j];
      }
      return null;
    },

    rendered: function (el) {
      if (!el.isConnected) return false;
      if (el.checkVisibility && !el.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true })) return false;
      var r = el.getBoundingClientRect();
      return r.width > 0 || r.height > 0;
    },

    scheduleTick: function () {
      if (SwGuide.tickPending || !SwGuide.spec) return;
      SwGuide.tickPending = true;
      requestAnimationFrame(function () { SwGuide.tickPending = false; SwGuide.tick(); });
    },

    // Looks for the target, places the highlight and callout, and reports what changed.
    tick: function () {
      var spec = SwGuide.spec;
      if (!spec) return;
      SwGuide.checkPath();
      if (!SwGuide.spec || SwGuide.spec !== spec) return; // the path change moved the guide on
      if (spec.watch.visible && !SwGuide.visibleReported && SwGuide.find(spec.watch.visible)) {
        SwGuide.visibleReported = true;
        SwGuide.send('visible');
        if (SwGuide.spec !== spec) return;
      }
      var searching = spec.state === 'searching' || spec.state === 'found' || spec.state === 'missing';
      var target = searching ? SwGuide.find(spec.targets) : null;
      if (target !== SwGuide.target) {
        if (SwGuide.resizeObserver) {
          SwGuide.resizeObserver.disconnect();
          if (target) SwGuide.resizeObserver.observe(target);
        }
        SwGuide.target = target;
      }
      if (searching && target && !SwGuide.found) {
        SwGuide.found = true;
        SwGuide.send('found');
        if (SwGuide.spec !== spec) return;
      } else if (searching && !target && SwGuide.found) {
        SwGuide.found = false; // removed or hidden again: look for it afresh
        SwGuide.searchStart = performance.now();
        SwGuide.missingReported = false;
      }
      if (searching && !target && !SwGuide.missingReported && performance.now() - SwGuide.searchStart >= spec.waitMs) {
        SwGuide.missingReported = true;
        SwGuide.send('missing');
        if (SwGuide.spec !== spec) return;
      }
      if (target && !SwGuide.scrolled) {
        SwGuide.scrolled = true;
        var r0 = target.getBoundingClientRect();
        if (r0.top < 0 || r0.bottom > window.innerHeight || r0.left < 0 || r0.right > window.innerWidth) {
          var reduce = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
          target.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
        }
      }
      SwGuide.place(target);
    },

    place: function (target) {
      var els = SwGuide.els, spec = SwGuide.spec;
      var vw = document.documentElement.clientWidth || window.innerWidth, vh = window.innerHeight;
      var has = 0, box = [0, 0, 0, 0];
      if (target) {
        var r = target.getBoundingClientRect(), pad = 6; // guide::k_highlight_padding
        box = [r.left - pad, r.top - pad, r.width + 2 * pad, r.height + 2 * pad];
        has = 1;
        var hs = els.hole.style;
        hs.left = box[0] + 'px';
        hs.top = box[1] + 'px';
        hs.width = box[2] + 'px';
        hs.height = box[3] + 'px';
        els.hole.hidden = false;
      } else {
        els.hole.hidden = true;
      }
      var c = els.callout;
      // guide::Placement's values; left and right are mirrored on a right-to-left page.
      var preferred = { auto: 0, top: 1, bottom: 2, left: 3, right: 4 }[spec.placement] || 0;
      if (SwGuide.rtl && (preferred === 3 || preferred === 4)) preferred = 7 - preferred;
      var placed = host.place(vw, vh, has, box[0], box[1], box[2], box[3], c.offsetWidth, c.offsetHeight, preferred);
      c.style.left = placed[0] + 'px';
      c.style.top = placed[1] + 'px';
      c.style.opacity = '';
    },

    checkPath: function () {
      if (location.pathname === SwGuide.path) return;
      SwGuide.path = location.pathname;
      SwGuide.send('path', SwGuide.path);
    },

    // The field a field_filled step watches holds something: text typed, an option chosen, a box ticked.
    filled: function (el) {
      if (el.type === 'checkbox' || el.type === 'radio') return el.checked;
      return typeof el.value === 'string' && el.value.trim() !== '';
    },

    watch: function () {
      if (SwGuide.watchers) return;
      var removers = [];
      var on = function (target, type, fn, options) {
        target.addEventListener(type, fn, options);
        removers.push(function () { target.removeEventListener(type, fn, options); });
      };
      var tick = function () { SwGuide.scheduleTick(); };
      on(window, 'scroll', tick, { capture: true, passive: true });
      on(window, 'resize', tick, { passive: true });
      on(window, 'popstate', tick);
      on(window, 'hashchange', tick);
      if (window.navigation && window.navigation.addEventListener) on(window.navigation, 'navigatesuccess', tick);
      on(document, 'click', function (e) {
        var spec = SwGuide.spec;
        if (!spec || !spec.watch.click) return;
        // Looked up now: the step may have begun in this very gesture (the field before it was
        // committed on mousedown), before the next frame found its target.
        var target = SwGuide.find(spec.targets);
        var path = e.composedPath ? e.composedPath() : [e.target];
        if (target && path.indexOf(target) >= 0) SwGuide.send('clicked');
      }, true);
      var fieldEvent = function (e) {
        var spec = SwGuide.spec;
        if (!spec || !spec.watch.fill) return;
        var el = e.target;
        for (var i = 0; i < spec.watch.fill.length; i++) {
          var matches = false;
          try { matches = el.matches(spec.watch.fill[i]) || !!el.closest(spec.watch.fill[i]); } catch (err) {}
          if (matches) {
            if (SwGuide.filled(el)) SwGuide.send('filled');
            return;
          }
        }
      };
      // A field counts as filled when the shopper commits it (leaves it, presses Enter, picks an
      // option), not at the first keystroke: the guide must not move on while they are typing.
      on(document, 'change', fieldEvent, true);
      var mutations = new MutationObserver(tick);
      mutations.observe(document.documentElement, { childList: true, subtree: true, attributes: true, characterData: true });
      removers.push(function () { mutations.disconnect(); });
      if (typeof ResizeObserver !== 'undefined') {
        SwGuide.resizeObserver = new ResizeObserver(tick);
        SwGuide.resizeObserver.observe(SwGuide.els.callout);
        removers.push(function () { SwGuide.resizeObserver.disconnect(); SwGuide.resizeObserver = null; });
      }
      // In-page routers change the path without an event, and some pages change without a mutation
      // (a CSS transition): a slow poll catches both.
      var poll = setInterval(tick, 250);
      removers.push(function () { clearInterval(poll); });
      SwGuide.watchers = removers;
    },

    show: function (spec) {
      var els = SwGuide.create();
      var fresh = !SwGuide.spec || SwGuide.spec.showing !== spec.showing;
      SwGuide.spec = spec;
      if (fresh) {
        SwGuide.found = false;
        SwGuide.missingReported = false;
        SwGuide.visibleReported = false;
        SwGuide.scrolled = false;
        SwGuide.searchStart = performance.now();
        SwGuide.target = null;
      }
      if (!SwGuide.path) SwGuide.path = location.pathname;
      SwGuide.render();
      // Placed on the next frame: until then the callout is transparent (still focusable), never at
      // 0,0, and no highlight is left around the previous step's target.
      if (fresh) {
        els.callout.style.opacity = '0';
        els.hole.hidden = true;
      }
      SwGuide.watch();
      // Never reports synchronously: show() runs inside the core's handling of an event.
      SwGuide.scheduleTick();
      SwGuide.announce(spec.announce);
      if (spec.focus) els.callout.focus({ preventScroll: true });
    },

    hide: function (announcement) {
      if (SwGuide.press) { SwGuide.press.stop(); SwGuide.press = null; }
      (SwGuide.watchers || []).forEach(function (remove) { remove(); });
      SwGuide.watchers = null;
      SwGuide.spec = null;
      SwGuide.target = null;
      if (!SwGuide.els) return;
      var root = SwGuide.root();
      var hadFocus = SwGuide.els.callout.contains(root.activeElement);
      SwGuide.els.hole.remove();
      SwGuide.els.callout.remove();
      var live = SwGuide.els.live;
      SwGuide.els = null;
      // The last word ("Guide complete") is said before the live region goes.
      if (announcement) {
        live.textContent = announcement;
        setTimeout(function () { live.remove(); }, 3000);
      } else {
        live.remove();
      }
      if (hadFocus && host.launcher) host.launcher.focus();
    },
  
  };
  return { show: (spec) => SwGuide.show(spec), hide: (announcement) => SwGuide.hide(announcement) };
}
