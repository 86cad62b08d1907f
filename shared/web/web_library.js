// The browser side of shared/web, linked into the core with --js-library. It is the only JavaScript
// the core carries, and the only code that touches the page's DOM:
//   - mounting: the canvas (registered as the html5.h target "!widget", since querySelector does not
//     enter shadow roots) and the ARIA mirror inside the loader's panel;
//   - input: pointer, wheel, keys, focus and resize listeners that call the core's sw_web_on_* exports;
//   - frames on demand: one requestAnimationFrame at a time, only while the core asks for more;
//   - the ARIA mirror: semantic nodes reconciled into real, transparent DOM elements over the canvas
//     (text set with textContent only), DOM activation and native text input fed back to the core;
//   - fonts: the regular face fetched once at start, the bold/italic faces when a view first needs them;
//   - the guide overlay (guide_overlay.mjs), imported when a guide first shows a step;
//   - what apps ask of the page: fetch, localStorage (site-scoped by the caller), the page's path
//     and schema.org Product, opening a link, timers.
// Contract with the loader: docs/loader-core-interface.md.

mergeInto(LibraryManager.library, {
  $SwWeb__deps: ['$specialHTMLTargets'],
  $SwWeb: {
    panel: null,
    canvas: null,
    mirror: null,
    byId: null, // id → mirror element; created in mount() (library objects are serialised as source)
    framePending: false,
    lastCssSize: [0, 0, 0],
    // DOM key → the core's platform::KeyCode (web_platform.h).
    keyCodes: { Escape: 1, Enter: 2, Tab: 3, ArrowUp: 4, ArrowDown: 5, ArrowLeft: 6, ArrowRight: 7, Home: 8, End: 9 },
    // Letters apps use as shortcuts (the console's triage keys), either case, without modifiers.
    letterCodes: { j: 10, k: 11, r: 12, i: 13, t: 14 },
    codeOf: function (e) {
      var code = SwWeb.keyCodes[e.key];
      if (code) return code;
      if (e.ctrlKey || e.metaKey || e.altKey || !e.key || e.key.length !== 1) return 0;
      return SwWeb.letterCodes[e.key.toLowerCase()] || 0;
    },

    mount: function () {
      var mount = Module['swMount'];
      if (!mount || !mount.panel || !mount.canvas) throw new Error('support widget core: swMount {panel, canvas} missing');
      SwWeb.byId = new Map();
      SwWeb.panel = mount.panel;
      SwWeb.canvas = mount.canvas;
      specialHTMLTargets['!widget'] = SwWeb.canvas;
      // The canvas is a picture of the mirror: assistive technology reads the mirror instead.
      SwWeb.canvas.setAttribute('aria-hidden', 'true');
      if (!SwWeb.panel.hasAttribute('tabindex')) SwWeb.panel.tabIndex = -1;
      SwWeb.installStyles();

      var mirror = document.createElement('div');
      mirror.className = 'sw-mirror';
      SwWeb.mirror = mirror;
      SwWeb.panel.appendChild(mirror);
      // Focusing an element outside the visible part scrolls its overflow:hidden container, which
      // would shift every mirror element off its control. The core scrolls instead.
      mirror.addEventListener('scroll', function () { mirror.scrollTop = 0; mirror.scrollLeft = 0; });
      SwWeb.listen();

      Module['swSetOpen'] = function (open) { _sw_web_on_open(open ? 1 : 0); };
      Module['swDebugState'] = function () {
        var state = JSON.parse(UTF8ToString(_sw_web_debug_state()));
        state.frames = _sw_web_frames_drawn();
        return state;
      };
      // A page command the loader passes on (SupportWidget('startGuide', id)); false when unknown.
      Module['swCommand'] = function (name, argument) {
        var n = allocateUTF8(String(name)), a = allocateUTF8(argument === undefined ? '' : String(argument));
        var known = _sw_web_on_command(n, a);
        _free(n);
        _free(a);
        return !!known;
      };
    },

    installStyles: function () {
      // A constructable stylesheet: no <style> element, so a strict CSP style-src needs no nonce.
      var css =
        '.sw-mirror{position:absolute;inset:0;overflow:hidden}' +
        '.sw-mirror *{position:absolute;box-sizing:border-box;margin:0;padding:0;border:0;opacity:0;' +
        'overflow:hidden;white-space:nowrap;background:transparent;color:transparent;font-size:16px;' +
        'list-style:none;pointer-events:none;outline:none}' +
        '.sw-mirror button,.sw-mirror a,.sw-mirror input,.sw-mirror textarea{pointer-events:auto;cursor:pointer}' +
        '.sw-mirror input,.sw-mirror textarea{cursor:text;font:16px/1.2 system-ui,sans-serif;padding:0 12px;border-radius:8px}' +
        '.sw-mirror textarea{padding:8px 12px;white-space:pre-wrap;overflow:auto;resize:none;line-height:1.35}' +
        '.sw-mirror .sw-editing{opacity:1;color:#111827;background:#f9fafb;border:2px solid var(--sw-brand,#4f46e5)}';
      var root = SwWeb.panel.getRootNode();
      try {
        var sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        var target = root.adoptedStyleSheets !== undefined ? root : document;
        target.adoptedStyleSheets = target.adoptedStyleSheets.concat([sheet]);
      } catch (e) {
        var style = document.createElement('style');
        style.textContent = css;
        (root.host ? root : document.head).appendChild(style);
      }
    },

    idOf: function (el) {
      while (el && el !== SwWeb.mirror) {
        if (el.swId) return el.swId;
        el = el.parentNode;
      }
      return 0;
    },

    canvasPoint: function (e) {
      var r = SwWeb.canvas.getBoundingClientRect();
      return [e.clientX - r.left, e.clientY - r.top];
    },

    listen: function () {
      var panel = SwWeb.panel;
      var source = function (e) { return e.pointerType === 'touch' ? 2 : e.pointerType === 'pen' ? 1 : 0; };
      var pointer = function (kind) {
        return function (e) {
          var p = SwWeb.canvasPoint(e);
          _sw_web_on_pointer(kind, p[0], p[1], e.button, source(e), e.timeStamp);
        };
      };
      // Touch gestures in the panel are the core's (it scrolls its lists, with momentum): the
      // browser neither pans nor zooms the page for them, nor scrolls it past a list's end. (The
      // panel is not a scroll container, so overscroll-behavior would do nothing here.)
      panel.style.touchAction = 'none';
      // A fling coasts, unless the shopper asked for reduced motion (then it stops with the finger).
      if (window.matchMedia) {
        var motion = window.matchMedia('(prefers-reduced-motion: reduce)');
        var applyMotion = function () { _sw_web_on_reduced_motion(motion.matches ? 1 : 0); };
        applyMotion();
        if (motion.addEventListener) motion.addEventListener('change', applyMotion);
      }
      panel.addEventListener('pointermove', pointer(0));
      panel.addEventListener('pointerdown', pointer(1));
      panel.addEventListener('pointerup', pointer(2));
      panel.addEventListener('pointercancel', pointer(4));
      panel.addEventListener('pointerleave', pointer(3));
      // The wheel over the panel scrolls the panel only, even at the end of a list: the page behind
      // is not what the shopper points at.
      panel.addEventListener('wheel', function (e) {
        e.preventDefault();
        var scale = e.deltaMode === 1 ? 1 / 3 : e.deltaMode === 2 ? 10 : 1 / 100;
        _sw_web_on_wheel(-e.deltaX * scale, -e.deltaY * scale);
      }, { passive: false });
      panel.addEventListener('keydown', function (e) {
        // The panel is a dialog: Tab from its last control goes to its first, Shift+Tab from its
        // first to its last; focus never wanders to the page behind while it is open.
        if (e.key === 'Tab' && !e.altKey && !e.ctrlKey && !e.metaKey) {
          var controls = Array.prototype.filter.call(
            SwWeb.mirror.querySelectorAll('a[href],button,input,textarea,[tabindex="0"]'),
            function (el) { return !el.disabled && el.tabIndex >= 0; });
          var edge = e.shiftKey ? controls[0] : controls[controls.length - 1];
          if (controls.length && e.target === edge) {
            e.preventDefault();
            (e.shiftKey ? controls[controls.length - 1] : controls[0]).focus();
            return;
          }
        }
        var editing = SwWeb.isField(e.target);
        // Escape always reaches the core; other keys only when no native input is handling them.
        if (e.key !== 'Escape' && editing) return;
        var code = SwWeb.codeOf(e);
        if (code) _sw_web_on_key(code, 1);
      });
      panel.addEventListener('keyup', function (e) {
        var code = SwWeb.codeOf(e);
        if (code) _sw_web_on_key(code, 0);
      });
      panel.addEventListener('focusin', function (e) {
        var id = SwWeb.idOf(e.target);
        if (SwWeb.isField(e.target)) e.target.classList.add('sw-editing');
        var visible = false;
        try { visible = e.target.matches(':focus-visible'); } catch (err) { visible = true; }
        _sw_web_on_focus(id, visible ? 1 : 0);
      });
      panel.addEventListener('focusout', function (e) {
        if (SwWeb.isField(e.target)) e.target.classList.remove('sw-editing');
        if (!e.relatedTarget || !SwWeb.mirror.contains(e.relatedTarget)) _sw_web_on_focus(0, 0);
      });

      var measure = function () {
        var rect = SwWeb.canvas.getBoundingClientRect();
        var dpr = window.devicePixelRatio || 1;
        var w = rect.width, h = rect.height;
        var last = SwWeb.lastCssSize;
        if (w === last[0] && h === last[1] && dpr === last[2]) return;
        SwWeb.lastCssSize = [w, h, dpr];
        SwWeb.canvas.width = Math.max(1, Math.round(w * dpr));
        SwWeb.canvas.height = Math.max(1, Math.round(h * dpr));
        _sw_web_on_resize(w, h, dpr);
      };
      SwWeb.measure = measure;
      if (typeof ResizeObserver !== 'undefined') new ResizeObserver(measure).observe(SwWeb.canvas);
      window.addEventListener('resize', measure);
      // devicePixelRatio changes (zoom, moving to another screen) are seen through a media query
      // that matches only the current ratio, re-armed after each change.
      var watchRatio = function () {
        var query = window.matchMedia('(resolution: ' + (window.devicePixelRatio || 1) + 'dppx)');
        query.addEventListener('change', function () { measure(); watchRatio(); }, { once: true });
      };
      watchRatio();
      measure();
    },

    requestFrame: function () {
      if (SwWeb.framePending) return;
      SwWeb.framePending = true;
      requestAnimationFrame(function (time) {
        SwWeb.framePending = false;
        if (_sw_web_frame(time)) SwWeb.requestFrame();
      });
    },

    // A native text field of the mirror: typing in it is the browser's.
    isField: function (el) { return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA'); },

    tagFor: function (node) {
      switch (node.role) {
        case 'button': return 'button';
        case 'link': return 'a';
        case 'textbox': return node.input === 'multiline' ? 'textarea' : node.input === 'message' ? 'textarea:message' :
          node.input === 'email' ? 'input:email' :
          node.input === 'password' ? 'input:password' : 'input:text';
        case 'searchbox': return 'input:search';
        case 'heading': return 'h' + (node.level || 2);
        case 'list': return 'ul';
        case 'listitem': return 'li';
        case 'text': return 'span';
        case 'status': return 'div:status';
        case 'progressbar': return 'div:progressbar';
        default: return 'p';
      }
    },

    create: function (node, tag) {
      var parts = tag.split(':');
      var el = document.createElement(parts[0]);
      el.swId = node.id;
      el.swTag = tag;
      if (parts[0] === 'button') el.type = 'button';
      if (parts[1] === 'status') {
        el.setAttribute('role', 'status');
        el.setAttribute('aria-atomic', 'true');
      }
      if (parts[1] === 'progressbar') {
        el.setAttribute('role', 'progressbar');
        el.setAttribute('aria-valuemin', '0');
        el.setAttribute('aria-valuemax', '100');
      }
      if (parts[0] === 'input' || parts[0] === 'textarea') {
        if (parts[1] && parts[0] === 'input') el.type = parts[1];
        if (parts[1] === 'message') {
          // A chat's box: Enter sends (after the text it holds reaches the core), Shift+Enter and
          // an IME composing a word keep the browser's new line.
          el.enterKeyHint = 'send';
          el.addEventListener('keydown', function (e) {
            if (e.key !== 'Enter' || e.shiftKey || e.isComposing || e.keyCode === 229) return;
            e.preventDefault();
            SwWeb.sendText(el);
            _sw_web_on_activate(el.swId);
          });
        }
        // An e-mail address reads left to right and is the browser's to autofill; other text
        // takes the direction of what is typed.
        var email = parts[1] === 'email', password = parts[1] === 'password';
        el.dir = email || password ? 'ltr' : 'auto';
        el.autocomplete = email ? 'email' : password ? 'current-password' : 'off';
        el.spellcheck = !email && !password;
        el.addEventListener('input', function () { SwWeb.sendText(el); });
        el.addEventListener('change', function () { SwWeb.sendText(el); });
      }
      if (node.action === 'activate') {
        el.addEventListener('click', function (e) {
          if (parts[0] === 'a') e.preventDefault();
          // A pointer click already reached the core through the panel's pointer listeners; a click
          // without a pointer (Enter, Space, a screen reader's default action) is sent as an activation.
          if (e.detail === 0) _sw_web_on_activate(el.swId);
        });
      }
      return el;
    },

    // A link's real href (so "open in new tab" and assistive technology see it); one that leaves
    // the site also says so the way a page link would. In-panel links (no href) point nowhere.
    setHref: function (el, href) {
      var target = href || '#';
      if (el.getAttribute('href') === target) return;
      el.setAttribute('href', target);
      var external = false;
      try { external = !!href && new URL(href, location.href).origin !== location.origin; } catch (e) {}
      if (external) { el.target = '_blank'; el.rel = 'noopener'; } else { el.removeAttribute('target'); el.removeAttribute('rel'); }
    },

    sendText: function (el) {
      var ptr = allocateUTF8(el.value);
      _sw_web_on_text(el.swId, ptr);
      _free(ptr);
    },

    reconcile: function (doc) {
      var seen = new Set();
      var rects = new Map();
      var cursor = new Map(); // parent element → index of the next child
      var active = SwWeb.panel.getRootNode().activeElement;
      var lostFocus = false; // the focused element went: focus moves to a sensible control
      // A node other nodes name as parent (a list, or a paragraph holding links) gets its text from
      // its children: setting its textContent would remove them.
      var parents = new Set();
      for (var p = 0; p < doc.nodes.length; p++) if (doc.nodes[p].parent) parents.add(doc.nodes[p].parent);
      for (var i = 0; i < doc.nodes.length; i++) {
        var node = doc.nodes[i];
        var tag = SwWeb.tagFor(node);
        var el = SwWeb.byId.get(node.id);
        if (!el || el.swTag !== tag) {
          if (el && el.contains(active)) lostFocus = true;
          if (el) el.remove();
          el = SwWeb.create(node, tag);
          SwWeb.byId.set(node.id, el);
        }
        seen.add(node.id);
        rects.set(node.id, node.rect);

        var parentEl = (node.parent && SwWeb.byId.get(node.parent)) || SwWeb.mirror;
        var index = cursor.get(parentEl) || 0;
        if (parentEl.children[index] !== el) parentEl.insertBefore(el, parentEl.children[index] || null);
        cursor.set(parentEl, index + 1);

        var origin = (node.parent && rects.get(node.parent)) || [0, 0];
        var r = node.rect;
        el.style.left = (r[0] - origin[0]) + 'px';
        el.style.top = (r[1] - origin[1]) + 'px';
        el.style.width = r[2] + 'px';
        el.style.height = r[3] + 'px';

        if (SwWeb.isField(el)) {
          if (el.getAttribute('aria-label') !== node.name) el.setAttribute('aria-label', node.name);
          if (el.placeholder !== node.placeholder) el.placeholder = node.placeholder || '';
          // A focused element keeps what is being typed, unless the app replaced the value (state
          // 128: a sent message clears its box).
          if ((el !== active || (node.state & 128)) && el.value !== node.value) el.value = node.value;
          if (node.maxLength) el.maxLength = node.maxLength; else el.removeAttribute('maxlength');
        } else if (tag === 'div:progressbar') {
          if (el.getAttribute('aria-label') !== node.name) el.setAttribute('aria-label', node.name);
          if (el.getAttribute('aria-valuenow') !== node.value) el.setAttribute('aria-valuenow', node.value);
        } else if (tag === 'ul') {
          if (!node.name) el.removeAttribute('aria-label');
          else if (el.getAttribute('aria-label') !== node.name) el.setAttribute('aria-label', node.name);
        } else if (!parents.has(node.id)) {
          if (el.textContent !== node.name) el.textContent = node.name;
        } else {
          // Turned into a container since the last frame: drop the text it held as a leaf.
          for (var c = el.firstChild; c; ) { var next = c.nextSibling; if (c.nodeType === 3) c.remove(); c = next; }
        }
        if (tag === 'a') SwWeb.setHref(el, node.href);
        var state = node.state || 0;
        if (tag === 'button' || SwWeb.isField(el)) el.disabled = (state & 2) !== 0;
        if (state & 64) el.setAttribute('aria-invalid', 'true'); else el.removeAttribute('aria-invalid');
        if (state & 4) el.setAttribute('aria-pressed', 'true'); else el.removeAttribute('aria-pressed');
        if (state & 8) el.setAttribute('aria-expanded', 'true'); else el.removeAttribute('aria-expanded');
        if (state & 32) el.setAttribute('aria-busy', 'true'); else el.removeAttribute('aria-busy');
      }
      SwWeb.byId.forEach(function (el, id) {
        if (seen.has(id)) return;
        if (el.contains(active)) lostFocus = true;
        el.remove();
        SwWeb.byId.delete(id);
      });
      if (lostFocus) SwWeb.focusFallback();
      // Moving the focused element to its new place (insertBefore) blurs it in Chromium, which
      // leaves focus on <body>, outside the dialog: it gets focus back.
      else if (active && active.isConnected && SwWeb.mirror.contains(active) &&
               SwWeb.panel.getRootNode().activeElement !== active) active.focus({ preventScroll: true });
    },

    // Where keyboard focus goes when the control holding it disappears (a view changed, a result
    // list was redrawn): the search field, else the view's heading, else the panel — never <body>,
    // from where Tab would leave the panel. The core may still move it with a focus request.
    focusFallback: function () {
      var target = SwWeb.mirror.querySelector('input[type=search]:not([disabled])') ||
        SwWeb.mirror.querySelector('h1, h2, h3');
      if (target && target.tagName.charAt(0) === 'H') target.tabIndex = -1;
      (target || SwWeb.panel).focus({ preventScroll: true });
    },
  },

  // The guide overlay (guide_overlay.mjs), imported the first time a guide shows a step; calls made
  // while it loads wait for it, in order. It is published beside this module under the same hash
  // (name.<hash>.mjs → name.<hash>.guide.mjs); swGuideOverlayUrl overrides that. If it cannot be
  // had, the guide still runs and the panel shows each step.
  $SwGuideBridge__deps: ['$SwWeb'],
  $SwGuideBridge: {
    overlay: null,
    pending: null,
    call: function (method, arg) {
      if (SwGuideBridge.overlay) { SwGuideBridge.overlay[method](arg); return; }
      if (SwGuideBridge.pending) { SwGuideBridge.pending.push([method, arg]); return; }
      if (method === 'hide') return; // nothing was ever shown
      var url = Module['swGuideOverlayUrl'] || import.meta.url.replace(/\.mjs(\?.*)?$/, '.guide.mjs');
      SwGuideBridge.pending = [[method, arg]];
      import(url).then(function (module) {
        SwGuideBridge.overlay = module.createGuideOverlay({
          root: SwWeb.panel.getRootNode(),
          launcher: Module['swMount'].launcher || null,
          send: function (kind, showing, detail) {
            var ptr = allocateUTF8(detail);
            _sw_web_on_guide_event(kind, showing, ptr);
            _free(ptr);
          },
          place: function (vw, vh, has, x, y, w, h, cw, ch, preferred) {
            var out = _sw_web_place_callout(vw, vh, has, x, y, w, h, cw, ch, preferred) >> 2;
            return [HEAPF32[out], HEAPF32[out + 1]];
          },
        });
        var queued = SwGuideBridge.pending;
        SwGuideBridge.pending = null;
        queued.forEach(function (c) { SwGuideBridge.overlay[c[0]](c[1]); });
      }, function (e) {
        SwGuideBridge.pending = null;
        console.warn('support widget: the guide overlay could not load (' + ((e && e.message) || e) + '); the panel shows each step');
      });
    },
  },

  sw_web_guide_show__deps: ['$SwGuideBridge'],
  sw_web_guide_show: function (json) { SwGuideBridge.call('show', JSON.parse(UTF8ToString(json))); },

  sw_web_guide_hide__deps: ['$SwGuideBridge'],
  sw_web_guide_hide: function (announcement) { SwGuideBridge.call('hide', UTF8ToString(announcement)); },

  sw_web_mount__deps: ['$SwWeb'],
  sw_web_mount: function () { SwWeb.mount(); },

  sw_web_request_frame__deps: ['$SwWeb'],
  sw_web_request_frame: function () { SwWeb.requestFrame(); },
  sw_web_console_error: function (messagePtr) { console.error('support widget: ' + UTF8ToString(messagePtr)); },

  sw_web_sync_mirror__deps: ['$SwWeb'],
  sw_web_sync_mirror: function (json) { SwWeb.reconcile(JSON.parse(UTF8ToString(json))); },

  sw_web_focus_node__deps: ['$SwWeb'],
  sw_web_focus_node: function (id) {
    // A NodeId is a uint32 (an ImGuiID); wasm hands it over as a signed i32.
    var el = SwWeb.byId.get(id >>> 0);
    if (el) el.focus({ preventScroll: true });
  },

  // The page's title (the console's "(2) Support console" when chats wait).
  sw_web_set_title: function (titlePtr) { document.title = UTF8ToString(titlePtr); },

  // The launcher's badge: `count` unread chat messages, and the launcher's accessible name saying so
  // (the loader's own name for it again at 0). The loader draws both (.badge, .vh); the core keeps
  // them, so the loader carries no code for it.
  sw_web_set_unread__deps: ['$SwWeb'],
  sw_web_set_unread: function (count, labelPtr) {
    var launcher = (Module['swMount'] || {}).launcher;
    var badge = launcher && launcher.querySelector('.badge'), name = launcher && launcher.querySelector('.vh');
    if (!badge || !name) return;
    if (SwWeb.launcherName === undefined) SwWeb.launcherName = name.textContent;
    var label = UTF8ToString(labelPtr);
    badge.hidden = !(count > 0);
    badge.textContent = count > 9 ? '9+' : count > 0 ? String(count) : '';
    name.textContent = count > 0 && label ? label : SwWeb.launcherName;
  },

  // A chat message arrived or the shopper gave feedback: the page's SupportWidget('on', …) listeners.
  sw_web_emit: function (eventPtr, detailJsonPtr) {
    var host = Module['swHost'];
    if (!host || !host.emit) return;
    var detail;
    try { detail = JSON.parse(UTF8ToString(detailJsonPtr)); } catch (e) { detail = undefined; }
    host.emit(UTF8ToString(eventPtr), detail);
  },

  sw_web_request_open: function (open) {
    var host = Module['swHost'];
    if (host && host.setOpen) host.setOpen(!!open);
  },

  sw_web_request_close: function (focusLauncher) {
    var host = Module['swHost'];
    if (host && host.requestClose) host.requestClose({ focusLauncher: !!focusLauncher });
  },

  sw_web_config_string: function (key) {
    var config = Module['swConfig'] || {};
    var value = config[UTF8ToString(key)];
    if (value === undefined || value === null) return 0;
    // An object the site gave (setContext) as JSON, read when it is used; one that cannot be written
    // as JSON (a cycle) reads as text the core refuses with its error.
    if (typeof value === 'object') try { value = JSON.stringify(value); } catch (e) { value = String(e && e.message); }
    return allocateUTF8(String(value));
  },

  // A file published beside the fonts under their one hash: "messages/he.json" is
  // messages/he.<hash>.json next to the fonts/ folder the loader named the regular face in.
  sw_web_asset_url: function (relative) {
    var m = /^(.*\/)fonts\/[^/]*\.([0-9a-f]+)\.ttf$/.exec(String(Module['swFontUrl'] || ''));
    return m ? allocateUTF8(m[1] + UTF8ToString(relative).replace(/(\.[^./]+)$/, '.' + m[2] + '$1')) : 0;
  },

  sw_web_viewport_width: function () { return window.innerWidth || 0; },

  sw_web_now_ms: function () { return Date.now(); },

  sw_web_request_frame_after__deps: ['$SwWeb'],
  sw_web_request_frame_after: function (ms) {
    // One timer at a time: the latest request replaces an earlier one.
    if (SwWeb.timer) clearTimeout(SwWeb.timer);
    SwWeb.timer = setTimeout(function () { SwWeb.timer = 0; _sw_web_on_timer(); }, Math.max(0, ms));
  },

  // GET url → _sw_web_on_fetch(id, status, body, etag): status 0 and the browser's message as the
  // body when the request itself failed (offline, DNS, CORS). No cookies are sent.
  sw_web_fetch_text: function (id, urlPtr) {
    var url = UTF8ToString(urlPtr);
    var deliver = function (status, text, etag) {
      var body = allocateUTF8(text);
      var tag = allocateUTF8(etag || '');
      _sw_web_on_fetch(id, status, body, tag);
      _free(body);
      _free(tag);
    };
    fetch(url, { credentials: 'omit', headers: { Accept: 'application/json' } }).then(function (response) {
      return response.text().then(function (text) { deliver(response.status, text, response.headers.get('ETag')); });
    }).catch(function (e) { deliver(0, String((e && e.message) || e), ''); });
  },

  // A request to the app's own server with its cookies → _sw_web_on_http(id, status, body), the body
  // whatever the status (status 0 and the browser's message when the request failed).
  // With an authorization (the widget's chat, to a server on another origin) no cookies are sent.
  sw_web_http_request: function (id, methodPtr, urlPtr, bodyPtr, csrfPtr, authorizationPtr) {
    var body = UTF8ToString(bodyPtr), csrf = UTF8ToString(csrfPtr), authorization = UTF8ToString(authorizationPtr);
    var headers = { Accept: 'application/json' };
    if (body) headers['Content-Type'] = 'application/json';
    if (csrf) headers['X-CSRF-Token'] = csrf;
    if (authorization) headers.Authorization = authorization;
    var deliver = function (status, text) {
      var ptr = allocateUTF8(text);
      _sw_web_on_http(id, status, ptr);
      _free(ptr);
    };
    fetch(UTF8ToString(urlPtr), { method: UTF8ToString(methodPtr), credentials: authorization ? 'omit' : 'same-origin', headers: headers, body: body || undefined })
      .then(function (response) { return response.text().then(function (text) { deliver(response.status, text); }); })
      .catch(function (e) { deliver(0, String((e && e.message) || e)); });
  },

  // Server-Sent Event streams (EventSource; cookies only to the page's own origin): each event →
  // _sw_web_on_stream_event(id, type, last event id, data) for the default type, `typing` and
  // `conversation` (the console's inbox); the connection's state →
  // _sw_web_on_stream_state(id, state): 1 open, 0 reconnecting (the browser retries by itself, with
  // Last-Event-ID), 2 closed for good (refused: the app decides whether to open it again).
  $SwStreams: {},
  sw_web_stream_open__deps: ['$SwStreams'],
  sw_web_stream_open: function (id, urlPtr) {
    var source = new EventSource(UTF8ToString(urlPtr));
    SwStreams[id] = source;
    var deliver = function (type, e) {
      if (SwStreams[id] !== source) return;
      var t = allocateUTF8(type), i = allocateUTF8(e.lastEventId || ''), d = allocateUTF8(String(e.data || ''));
      _sw_web_on_stream_event(id, t, i, d);
      _free(t);
      _free(i);
      _free(d);
    };
    source.onopen = function () { if (SwStreams[id] === source) _sw_web_on_stream_state(id, 1); };
    source.onerror = function () { if (SwStreams[id] === source) _sw_web_on_stream_state(id, source.readyState === 2 ? 2 : 0); };
    source.onmessage = function (e) { deliver('message', e); };
    source.addEventListener('typing', function (e) { deliver('typing', e); });
    source.addEventListener('conversation', function (e) { deliver('conversation', e); });
  },
  sw_web_stream_close__deps: ['$SwStreams'],
  sw_web_stream_close: function (id) {
    var source = SwStreams[id];
    delete SwStreams[id];
    if (source) source.close();
  },

  // Messages between the site's tabs: BroadcastChannel, or where it is missing the `storage` event of
  // the key of the same name (which the sender writes before it posts). Each message →
  // _sw_web_on_tab_message(id, text).
  $SwChannels: {},
  sw_web_tab_channel_open__deps: ['$SwChannels'],
  sw_web_tab_channel_open: function (id, namePtr) {
    var name = UTF8ToString(namePtr);
    var deliver = function (text) {
      if (!SwChannels[id] || typeof text !== 'string') return;
      var t = allocateUTF8(text);
      _sw_web_on_tab_message(id, t);
      _free(t);
    };
    if (typeof BroadcastChannel === 'function') {
      var channel = new BroadcastChannel(name);
      channel.onmessage = function (e) { deliver(e.data); };
      SwChannels[id] = { post: function (text) { channel.postMessage(text); }, close: function () { channel.close(); } };
      return;
    }
    var onStorage = function (e) { if (e.key === name && e.newValue !== null) deliver(e.newValue); };
    window.addEventListener('storage', onStorage);
    SwChannels[id] = { post: function () {}, close: function () { window.removeEventListener('storage', onStorage); } };
  },
  sw_web_tab_channel_post__deps: ['$SwChannels'],
  sw_web_tab_channel_post: function (id, textPtr) {
    if (SwChannels[id]) SwChannels[id].post(UTF8ToString(textPtr));
  },
  sw_web_tab_channel_close__deps: ['$SwChannels'],
  sw_web_tab_channel_close: function (id) {
    var channel = SwChannels[id];
    delete SwChannels[id];
    if (channel) channel.close();
  },

  // The leader among the site's tabs (Web Locks): the lock is held until this page goes, then the
  // browser grants it to the next tab that asked. No election without Web Locks or BroadcastChannel
  // (nothing to relay over): every tab leads itself.
  sw_web_leader_request: function (id, namePtr) {
    var name = UTF8ToString(namePtr);
    var lead = function () { _sw_web_on_leader(id); };
    if (typeof BroadcastChannel !== 'function' || !navigator.locks || !navigator.locks.request) {
      setTimeout(lead, 0);
      return;
    }
    navigator.locks.request(name, function () {
      lead();
      return new Promise(function () {}); // held for the life of the page
    }).catch(function () { lead(); }); // refused (an opaque origin, a sandboxed frame): lead alone
  },

  // A download the browser saves (the server names the file in Content-Disposition).
  sw_web_download: function (urlPtr) {
    var a = document.createElement('a');
    a.href = UTF8ToString(urlPtr);
    a.download = '';
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    a.remove();
  },

  // The feedback outbox (feedback_outbox.mjs), published beside this module under the same hash
  // (name.<hash>.mjs → name.<hash>.feedback.mjs; swFeedbackOutboxUrl overrides that) and imported
  // when an event is queued (the loader resumes what earlier pages left unsent). Events queued while
  // it loads are handed over in order.
  $SwFeedbackBridge: {
    outbox: null,
    queued: null,
    open: function (body, holdMs) {
      if (SwFeedbackBridge.outbox) { SwFeedbackBridge.outbox.enqueue(body, holdMs); return; }
      SwFeedbackBridge.load();
      SwFeedbackBridge.queued.push([body, holdMs]);
    },
    load: function () {
      if (SwFeedbackBridge.outbox || SwFeedbackBridge.queued) return;
      SwFeedbackBridge.queued = [];
      var config = Module['swConfig'] || {};
      var url = Module['swFeedbackOutboxUrl'] || import.meta.url.replace(/\.mjs(\?.*)?$/, '.feedback.mjs');
      import(url).then(function (module) {
        SwFeedbackBridge.outbox = module.openFeedbackOutbox({ server: String(config.server || ''), site: String(config.site || 'default') });
        var queued = SwFeedbackBridge.queued;
        SwFeedbackBridge.queued = null;
        queued.forEach(function (q) { SwFeedbackBridge.outbox.enqueue(q[0], q[1]); });
      }, function (e) {
        // Kept in memory for this page only; the next page that loads the outbox sends nothing of it.
        SwFeedbackBridge.queued = null;
        console.warn('support widget: feedback could not be sent (' + ((e && e.message) || e) + ')');
      });
    },
  },
  sw_web_queue_feedback__deps: ['$SwFeedbackBridge'],
  sw_web_queue_feedback: function (bodyPtr, holdMs) { SwFeedbackBridge.open(UTF8ToString(bodyPtr), holdMs); },
  // Before feedback may be given (an article, the problem form is shown): the outbox is fetched
  // now, so what the shopper sends is in localStorage the moment it is sent.
  sw_web_prepare_feedback__deps: ['$SwFeedbackBridge'],
  sw_web_prepare_feedback: function () { SwFeedbackBridge.load(); },
  sw_web_random_bytes: function (ptr, count) {
    crypto.getRandomValues(HEAPU8.subarray(ptr, ptr + count));
  },

  // localStorage, where the page allows it. get: writes 0 (found), 1 (missing) or 2 (unavailable) to
  // *status and returns the malloc'd value when found. set: returns 0 (stored), 1 (quota exceeded) or
  // 2 (unavailable: disabled, blocked, or a sandboxed frame).
  sw_web_storage_get: function (keyPtr, statusPtr) {
    try {
      var value = window.localStorage.getItem(UTF8ToString(keyPtr));
      HEAP32[statusPtr >> 2] = value === null ? 1 : 0;
      return value === null ? 0 : allocateUTF8(value);
    } catch (e) {
      HEAP32[statusPtr >> 2] = 2;
      return 0;
    }
  },

  sw_web_storage_set: function (keyPtr, valuePtr) {
    var storage;
    try { storage = window.localStorage; } catch (e) { return 2; }
    try {
      storage.setItem(UTF8ToString(keyPtr), UTF8ToString(valuePtr));
      return 0;
    } catch (e) {
      return e && (e.name === 'QuotaExceededError' || e.code === 22) ? 1 : 2;
    }
  },

  sw_web_storage_remove: function (keyPtr) {
    try {
      window.localStorage.removeItem(UTF8ToString(keyPtr));
      return 0;
    } catch (e) {
      return 2;
    }
  },

  // Every key under the prefix ("support-widget:<site>:"), whoever wrote it (the core, the loader's
  // modules): removed. Returns how many, or -1 when localStorage cannot be used.
  sw_web_storage_remove_prefixed: function (prefixPtr) {
    try {
      var storage = window.localStorage, prefix = UTF8ToString(prefixPtr), keys = [];
      for (var i = 0; i < storage.length; i++) {
        var key = storage.key(i);
        if (key !== null && key.indexOf(prefix) === 0) keys.push(key);
      }
      keys.forEach(function (key) { storage.removeItem(key); });
      return keys.length;
    } catch (e) {
      return -1;
    }
  },

  // What the page says about where the shopper is: {path, url, title, referrer, lang, dir, ld}. `ld`
  // holds the text of the page's JSON-LD scripts (at most 20, each at most 256 KB), which the core
  // reads for the product (shared/core/context/product_json_ld.h). Form fields are never read.
  sw_web_page_facts: function () {
    var ld = [];
    var scripts = document.querySelectorAll('script[type="application/ld+json"]');
    for (var i = 0; i < scripts.length && ld.length < 20; i++) {
      var text = scripts[i].textContent || '';
      if (text.length <= 262144) ld.push(text);
    }
    var referrer = '';
    try { if (document.referrer) { var r = new URL(document.referrer); referrer = r.origin + r.pathname; } } catch (e) { /* none */ }
    var root = document.documentElement;
    return allocateUTF8(JSON.stringify({
      path: location.pathname,
      url: location.origin + location.pathname,
      title: String(document.title || '').slice(0, 300),
      referrer: referrer.slice(0, 2048),
      lang: String(root.lang || '').slice(0, 35),
      dir: String(root.dir || (document.body && document.body.dir) || '').slice(0, 3),
      ld: ld,
    }));
  },

  // Opens a link from help content: a page of this site replaces the host page (mailto: and tel:
  // too); another site opens in a new tab without access to this one. Other schemes are ignored.
  sw_web_set_direction: function (rtl) {
    var panel = Module['swMount'].panel;
    panel.dir = rtl ? 'rtl' : 'ltr';
    var locale = (Module['swConfig'] || {}).locale;
    if (locale) panel.lang = locale;
  },

  sw_web_open_link: function (hrefPtr) {
    var url;
    try { url = new URL(UTF8ToString(hrefPtr), location.href); } catch (e) { return; }
    if (!/^(https?|mailto|tel):$/.test(url.protocol)) return;
    if (url.origin === location.origin || !/^https?:$/.test(url.protocol)) location.assign(url.href);
    else window.open(url.href, '_blank', 'noopener');
  },

  // GET url into a fresh heap buffer: onBytes(ptr, length) hands it over (Dear ImGui's font atlas
  // takes ownership and frees it), onFail(message) when it could not be had.
  $swFetchIntoHeap: function (url, onBytes, onFail) {
    fetch(url).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.arrayBuffer();
    }).then(function (buffer) {
      var bytes = new Uint8Array(buffer);
      var ptr = _malloc(bytes.length);
      HEAPU8.set(bytes, ptr);
      onBytes(ptr, bytes.length);
    }).catch(function (e) { onFail(e.message); });
  },

  // A bold/italic face (1 bold, 2 italic, 3 bold italic: ui::FontStyle), published beside the
  // regular face under the family's one hash (name.<hash>.ttf → name-bold.<hash>.ttf); the core is
  // told either way (a null pointer when it could not be had).
  sw_web_fetch_style_font__deps: ['$swFetchIntoHeap'],
  sw_web_fetch_style_font: function (style) {
    var regular = Module['swFontUrl'];
    if (!regular) { _sw_web_on_style_font(style, 0, 0); return; }
    var url = String(regular).replace(/(\/[^/.]*)(\.[^/]*)$/, '$1-' + ['bold', 'italic', 'bold-italic'][style - 1] + '$2');
    swFetchIntoHeap(url, function (ptr, length) { _sw_web_on_style_font(style, ptr, length); }, function (why) {
      console.warn('support widget: font style ' + style + ' not loaded (' + why + '); using the regular face');
      _sw_web_on_style_font(style, 0, 0);
    });
  },

  // A Hebrew or Arabic face (ui::ScriptFace), published beside the Latin faces under the family's
  // one hash (noto-sans-latin.<hash>.ttf → noto-sans-hebrew.<hash>.ttf); the core is told either way
  // (a null pointer when it could not be had: that script's text then stays blank in that weight).
  sw_web_fetch_script_font__deps: ['$swFetchIntoHeap'],
  sw_web_fetch_script_font: function (face, namePtr) {
    var regular = Module['swFontUrl'];
    var name = UTF8ToString(namePtr);
    if (!regular) { _sw_web_on_script_font(face, 0, 0); return; }
    var url = String(regular).replace(/\/[^/.]*(\.[^/]*)$/, '/' + name + '$1');
    var attempt = 0;
    var get = function () {
      swFetchIntoHeap(url, function (ptr, length) { _sw_web_on_script_font(face, ptr, length); }, function (why) {
        if (++attempt < 3) { setTimeout(get, 400 * attempt * attempt); return; }
        console.warn('support widget: font ' + name + ' not loaded (' + why + ')');
        _sw_web_on_script_font(face, 0, 0);
      });
    };
    get();
  },

  // The regular face, without which the panel cannot draw a word: a failed fetch is tried again
  // twice (a network blip), then the panel says so with Retry (sw_web_font_failed).
  sw_web_fetch_font__deps: ['$swFetchIntoHeap', 'sw_web_font_failed'],
  sw_web_fetch_font: function () {
    var url = Module['swFontUrl'];
    var attempt = 0;
    var get = function () {
      swFetchIntoHeap(url, function (ptr, length) { _sw_web_on_font(ptr, length); }, function (why) {
        if (++attempt < 3) { setTimeout(get, 400 * attempt * attempt); return; }
        console.warn('support widget: font not loaded (' + why + ')');
        _sw_web_font_failed();
      });
    };
    if (url) get();
    else _sw_web_font_failed();
  },

  // The loader's own failure state (its .status styles), in the panel: Retry fetches the font again.
  sw_web_font_failed: function () {
    var panel = Module['swMount'].panel;
    var box = document.createElement('div');
    var text = document.createElement('p');
    var retry = document.createElement('button');
    box.className = 'status';
    text.setAttribute('role', 'alert');
    text.textContent = 'Help could not load.';
    retry.type = 'button';
    retry.textContent = 'Retry';
    retry.addEventListener('click', function () { box.remove(); _sw_web_on_font_retry(); });
    box.append(text, retry);
    panel.append(box);
  },
});
