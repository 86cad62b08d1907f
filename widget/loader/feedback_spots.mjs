// Inline "Was this page helpful?" buttons: a site owner marks a spot on any page,
//
//   <div data-support-feedback="shipping-policy"></div>
//
// and the shopper answers Yes or No there (after No, optionally what they were looking for), without
// the panel and without the WebAssembly core. The loader imports this module (published beside the
// core as <core>.spots.mjs) when the page has a spot, or when earlier pages left feedback unsent;
// it renders every spot, also those a single-page store adds later, and hands the votes to the
// feedback outbox (<core>.feedback.mjs, imported once a spot is shown).
//
// Each spot is an open Shadow root: the page's styles cannot reach in, but its font, size and
// colour are inherited; the language is the spot's (its nearest lang attribute: en, he, ar or fa,
// English otherwise), the direction the page's. A "No" is kept in the outbox at once but held
// while the shopper may still add a comment; it goes with the comment on Send, or without it when
// the page is left, the spot is removed or after HOLD_MS.

const HOLD_MS = 10 * 60 * 1000;
const MAX_TOPIC_BYTES = 200; // shared/core/protocol/feedback_submission.h: k_max_subject_bytes
const MAX_TITLE_BYTES = 300; // context_snapshot.h: k_max_title_bytes
const MAX_URL_BYTES = 2048; // context_snapshot.h: k_max_url_bytes
const MAX_COMMENT_CHARS = 1000; // ≤ 4 bytes of UTF-8 each: within k_max_comment_bytes (4000)
const PHONE_MAX_WIDTH = 480; // CSS px, as the panel's phone layout (widget/widget_app.cpp)
const REMEMBER = 100; // topics whose answer this browser remembers per site
const SPOT = '[data-support-feedback]';

const STRINGS = {
  en: {
    question: 'Was this page helpful?',
    yes: 'Yes',
    no: 'No',
    comment: 'What were you looking for? (optional)',
    send: 'Send',
    thanks: 'Thanks for your feedback.',
    sent: 'Thanks, your comment was sent to our team.',
  },
  he: {
    question: 'האם הדף הזה עזר לך?',
    yes: 'כן',
    no: 'לא',
    comment: 'מה חיפשת? (לא חובה)',
    send: 'שליחה',
    thanks: 'תודה על המשוב.',
    sent: 'תודה, ההערה שלך נשלחה לצוות שלנו.',
  },
  ar: {
    question: 'هل كانت هذه الصفحة مفيدة؟',
    yes: 'نعم',
    no: 'لا',
    comment: 'عمّ كنت تبحث؟ (اختياري)',
    send: 'إرسال',
    thanks: 'شكرًا على ملاحظاتك.',
    sent: 'شكرًا، أُرسل تعليقك إلى فريقنا.',
  },
  fa: {
    question: 'آیا این صفحه مفید بود؟',
    yes: 'بله',
    no: 'خیر',
    comment: 'دنبال چه چیزی بودید؟ (اختیاری)',
    send: 'ارسال',
    thanks: 'از بازخورد شما سپاسگزاریم.',
    sent: 'سپاس، نظر شما برای تیم ما فرستاده شد.',
  },
};

// Inherits the page's font, size and colour; controls are at least 44 px for a finger.
const CSS = `\
:host{display:block}\
.spot{display:flex;flex-wrap:wrap;align-items:center;gap:.5em 1em;margin:1em 0}\
[hidden]{display:none!important}\
p{margin:0}\
.answers{display:flex;gap:.5em}\
button{font:inherit;color:inherit;background:transparent;border:1px solid currentColor;border-radius:.4em;min-width:44px;min-height:44px;padding:0 1em;cursor:pointer}\
button:hover{background:rgba(127,127,127,.12)}\
:focus-visible{outline:3px solid currentColor;outline-offset:2px}\
.more{display:flex;flex-direction:column;gap:.4em;max-width:32em;margin:.5em 0 1em}\
textarea{font:inherit;color:inherit;background:transparent;border:1px solid currentColor;border-radius:.4em;padding:.4em;min-height:4.5em;resize:vertical}\
.more button{align-self:flex-start}\
.thanks:focus{outline:none}`;

const encoder = new TextEncoder();
const bytes = (text) => encoder.encode(text).length;

// The longest start of `text` within `max` bytes of UTF-8, never cutting a character in two.
function clip(text, max) {
  let out = '';
  for (const c of text) {
    if (bytes(out + c) > max) break;
    out += c;
  }
  return out;
}

function uuid() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((v) => v.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function canonicalLocale(tag) {
  try {
    return Intl.getCanonicalLocales(tag)[0] || '';
  } catch {
    return '';
  }
}

// What the page knows that staff need: its address without query or fragment (they carry e-mail
// addresses and order tokens more often than anything useful), its title, the kind of screen.
function pageContext() {
  const url = location.origin + location.pathname;
  const page = { title: clip(document.title.trim(), MAX_TITLE_BYTES) };
  if (bytes(url) <= MAX_URL_BYTES) page.url = url;
  return { page, viewport: innerWidth <= PHONE_MAX_WIDTH ? 'phone' : 'desktop' };
}

// `emit`: the loader's, for the page's SupportWidget('on', 'feedback', fn).
export default function watchFeedbackSpots(config, emit = () => {}) {
  const { site, server } = config;
  const votesKey = `support-widget:${site}:page-votes`;
  const mounted = new WeakSet();
  const held = new Map(); // client id → { body, spot } of a "No" waiting for its comment
  let outbox = null;

  const openOutbox = () =>
    (outbox ||= import(import.meta.url.replace(/spots\.mjs(\?.*)?$/, 'feedback.mjs')).then(
      (m) => m.openFeedbackOutbox({ server, site }),
      (e) => {
        outbox = null;
        throw e;
      }
    ));

  // Topics this browser answered on this site: a page seen again says thanks instead of asking twice.
  const answered = () => {
    try {
      const votes = JSON.parse(localStorage.getItem(votesKey) || '{}');
      return votes && typeof votes === 'object' ? votes : {};
    } catch {
      return {};
    }
  };
  const remember = (topic) => {
    try {
      const votes = { ...answered(), [topic]: Date.now() };
      const newest = Object.entries(votes).sort((a, b) => b[1] - a[1]).slice(0, REMEMBER);
      localStorage.setItem(votesKey, JSON.stringify(Object.fromEntries(newest)));
    } catch {
      // Storage blocked: the question is asked again on the next page.
    }
  };

  // Hands a vote to the outbox; false when the outbox cannot be loaded (the shopper is told).
  const send = (body, holdMs = 0) =>
    openOutbox().then(
      (o) => (o.enqueue(body, holdMs), true),
      (e) => {
        console.warn(`support widget: feedback could not be sent (${(e && e.message) || e})`);
        return false;
      }
    );

  // A held "No" goes now, without a comment: its spot is gone (the outbox itself releases what a
  // page held when the page is left).
  const release = (id) => {
    const vote = held.get(id);
    held.delete(id);
    if (vote && outbox) outbox.then((o) => o.enqueue(vote.body), () => {});
  };

  function mount(spot) {
    if (mounted.has(spot)) return;
    mounted.add(spot);
    const topic = clip((spot.getAttribute('data-support-feedback') || '').trim() || location.pathname, MAX_TOPIC_BYTES);
    let root;
    try {
      root = spot.attachShadow({ mode: 'open' });
    } catch {
      console.warn(`support widget: the feedback spot "${topic}" already has a shadow root; it is left as it is.`);
      return;
    }
    const langTag = (spot.closest('[lang]') || {}).lang || config.locale || 'en';
    const locale = canonicalLocale(langTag) || canonicalLocale(config.locale) || 'en';
    const t = STRINGS[locale.split('-')[0].toLowerCase()] || STRINGS.en;
    const el = (tag, attrs = {}, ...kids) => {
      const e = document.createElement(tag);
      for (const k in attrs) e.setAttribute(k, attrs[k]);
      e.append(...kids);
      return e;
    };

    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
    } catch {
      const nonce = document.querySelector('script[nonce]');
      root.append(el('style', nonce ? { nonce: nonce.nonce } : {}, CSS));
    }

    const question = el('p', { id: 'q' }, t.question);
    const yes = el('button', { type: 'button' }, t.yes);
    const no = el('button', { type: 'button' }, t.no);
    const ask = el('div', { class: 'spot', role: 'group', 'aria-labelledby': 'q' }, question, el('div', { class: 'answers' }, yes, no));
    const comment = el('textarea', { id: 'c', rows: '3', maxlength: String(MAX_COMMENT_CHARS) });
    const sendButton = el('button', { type: 'button' }, t.send);
    const more = el('div', { class: 'more', hidden: '' }, el('label', { for: 'c' }, t.comment), comment, sendButton);
    // Present (and empty) from the start, so screen readers announce what is written into it.
    const thanks = el('p', { class: 'thanks', role: 'status', tabindex: '-1' });
    const wrapper = el('div', { lang: locale, dir: getComputedStyle(spot).direction === 'rtl' ? 'rtl' : 'ltr' }, ask, thanks, more);
    root.append(wrapper);

    // The outbox is fetched now, while the shopper reads: an answer is then kept the moment it is
    // given, even if the page is left right after.
    openOutbox().catch(() => {});

    const finish = (text) => {
      ask.hidden = true;
      more.hidden = true;
      thanks.textContent = text;
      thanks.focus({ preventScroll: true });
    };
    if (answered()[topic]) {
      ask.hidden = true;
      thanks.textContent = t.thanks;
    }

    const vote = (helpful, extra = {}) =>
      JSON.stringify({
        client_id: extra.id || uuid(),
        kind: 'page',
        locale,
        client_time_ms: extra.at || Date.now(),
        topic,
        helpful,
        ...(extra.comment && { comment: extra.comment }),
        context: pageContext(),
      });

    let voted = false; // a double click is one answer
    let pendingNo = null; // the held "No": { id, at, kept } (kept: whether the outbox has it)
    yes.addEventListener('click', async () => {
      if (voted) return;
      voted = true;
      if (!(await send(vote(true)))) {
        voted = false;
        return;
      }
      emit('feedback', { kind: 'page', subject: topic, helpful: true });
      remember(topic);
      finish(t.thanks);
    });
    // The comment box comes at once (typing may start right away); the vote is kept meanwhile.
    no.addEventListener('click', () => {
      if (voted) return;
      voted = true;
      const id = uuid();
      const at = Date.now();
      const body = vote(false, { id, at });
      pendingNo = { id, at, kept: send(body, HOLD_MS) };
      emit('feedback', { kind: 'page', subject: topic, helpful: false });
      held.set(id, { body, spot });
      remember(topic);
      ask.hidden = true;
      more.hidden = false;
      comment.focus();
      pendingNo.kept.then((kept) => kept && !thanks.textContent && (thanks.textContent = t.thanks));
    });
    sendButton.addEventListener('click', async () => {
      if (!pendingNo) return;
      const { id, at, kept } = pendingNo;
      pendingNo = null; // a second click sends nothing more
      const text = comment.value.trim();
      await kept;
      if (!text) {
        release(id);
        finish(t.thanks);
        return;
      }
      held.delete(id);
      if (await send(vote(false, { id, at, comment: text }))) finish(t.sent);
    });
  }

  const scan = () => {
    document.querySelectorAll(SPOT).forEach(mount);
    for (const [id, vote] of held) if (!vote.spot.isConnected) release(id);
  };
  new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true });
  scan();
  // Feedback earlier pages left unsent goes out now.
  try {
    if (/"id"/.test(localStorage.getItem(`support-widget:${site}:feedback-outbox`))) openOutbox().catch(() => {});
  } catch {
    // Storage blocked: nothing was kept.
  }
}
