// The feedback outbox: events a shopper gave ("Was this helpful?", how a guide ended, a search that
// found nothing), each under its client id, kept in localStorage until support-server acknowledges
// them — across reloads, offline periods and a server that is down. The server stores a client id
// once, so sending again is always safe; the outbox errs on the side of sending twice, never of
// losing one.
//
// Imported on first use (never part of the bytes that open the panel): by the core when it queues
// an event or finds unsent ones, and (for the page's inline buttons) without the core at all. One
// instance per site and server in a page; tabs share the stored queue and re-read it before every
// change, so they neither undo nor repeat each other's work (a repeat would be harmless anyway).
//
//   const outbox = openFeedbackOutbox({ server, site });
//   outbox.enqueue(body);          // body: the JSON text of one event, with its client_id
//   outbox.enqueue(body, holdMs);  // kept now, sent after holdMs or when this page is left (a "No"
//                                  // waiting for its comment)
//   outbox.pending();              // events waiting
//
// Queuing a client id that waits already replaces its body and when it is due (a held "No" becomes
// the "No" with its comment, sent now), unless this tab is sending it at that moment.
//
// Answers: 2xx acknowledged (removed); 400, 409, 413, 415 and other 4xx the event itself is bad
// (logged once, dropped, never retried); 403, 404 the site's configuration, which its owner may fix,
// and 408, 429, 5xx, no answer: retried with exponential backoff and full jitter (1 s doubling to
// 5 min), never before the server's Retry-After. Events older than 14 days are dropped.

const MAX_ENTRIES = 200;
const MAX_AGE_MS = 14 * 24 * 3600 * 1000;
const BASE_MS = 1000;
const CAP_MS = 5 * 60 * 1000;
const IN_FLIGHT_MS = 60 * 1000; // a send whose answer never came is tried again after this
const RETRYABLE = new Set([403, 404, 408, 429]);

const outboxes = new Map();

export function openFeedbackOutbox({ server, site }) {
  const key = `support-widget:${site}:feedback-outbox`;
  const name = `${server}|${site}`;
  if (!outboxes.has(name)) outboxes.set(name, createOutbox(server, site, key));
  return outboxes.get(name);
}

function createOutbox(server, site, key) {
  const url = `${server}/api/v1/sites/${encodeURIComponent(site)}/feedback`;
  const inFlight = new Map(); // client id → time handed to fetch, in this tab
  const heldHere = new Set(); // client ids this page holds: released when it is left
  let timer = 0;

  // The stored queue ([] when there is none or it is unreadable); null when localStorage cannot be
  // used at all (storage blocked: this page's memory is the queue, and its events still go out).
  const read = () => {
    let text;
    try {
      text = localStorage.getItem(key);
    } catch {
      return null;
    }
    try {
      const stored = JSON.parse(text || 'null');
      return stored && stored.v === 1 && Array.isArray(stored.entries) ? stored.entries.filter(valid) : [];
    } catch {
      return [];
    }
  };
  let memory = read() || [];
  // An empty queue is no key at all (after SupportWidget('forget') nothing of ours is left).
  const write = (entries) => {
    memory = entries;
    try {
      entries.length ? localStorage.setItem(key, JSON.stringify({ v: 1, entries })) : localStorage.removeItem(key);
    } catch (e) {
      console.warn(`support widget: unsent feedback is not kept across pages (${(e && e.name) || e})`);
    }
  };
  // Every change re-reads the stored queue first: another tab may have sent or queued meanwhile.
  const change = (update) => {
    const entries = update(read() || memory);
    write(entries);
    return entries;
  };

  function enqueue(text, holdMs = 0) {
    // With the browser's shopper key, which SupportWidget('forget') later names to have it deleted.
    const event = JSON.parse(text);
    const id = event.client_id;
    const body = JSON.stringify({ ...event, shopper_key: shopperKey(site) });
    const now = Date.now();
    change((entries) => {
      const waiting = entries.find((e) => e.id === id);
      if (waiting && inFlight.has(id)) return entries;
      const entry = { id, body, created: waiting ? waiting.created : now, attempts: 0, due: now + holdMs };
      if (holdMs > 0) heldHere.add(id);
      else heldHere.delete(id);
      const next = [...entries.filter((e) => e !== waiting), entry].sort((a, b) => a.created - b.created);
      if (next.length > MAX_ENTRIES) console.warn('support widget: the oldest unsent feedback was dropped to make room');
      return next.slice(-MAX_ENTRIES);
    });
    pump();
  }

  function settle(id, update) {
    inFlight.delete(id);
    change((entries) => update(entries.filter((e) => e.id !== id), entries.find((e) => e.id === id)));
    pump();
  }

  function retryLater(id, retryAfterMs) {
    settle(id, (others, entry) => {
      if (!entry) return others; // another tab settled it meanwhile
      const attempts = entry.attempts + 1;
      const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** (attempts - 1));
      const wait = Math.max(Math.floor(Math.random() * ceiling), retryAfterMs || 0);
      return [...others, { ...entry, attempts, due: Date.now() + wait }].sort((a, b) => a.created - b.created);
    });
  }

  async function send(entry) {
    inFlight.set(entry.id, Date.now());
    let response;
    try {
      response = await fetch(url, {
        method: 'POST',
        credentials: 'omit',
        // While the page is being left (hidden), a send may finish after it is gone. Otherwise a
        // send cut off by leaving is simply sent again from the next page of the site.
        keepalive: leaving() && entry.body.length < 60000,
        headers: { 'Content-Type': 'application/json' },
        body: entry.body,
      });
    } catch {
      retryLater(entry.id, 0); // offline, DNS, CORS, the server gone
      return;
    }
    if (response.ok) {
      settle(entry.id, (others) => others);
    } else if (RETRYABLE.has(response.status) || response.status >= 500) {
      const seconds = Number(response.headers.get('Retry-After'));
      retryLater(entry.id, Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 86400) * 1000 : 0);
    } else {
      const error = await response.json().then((j) => j.error.code, () => `http.${response.status}`);
      console.warn(`support widget: feedback refused by the server and dropped: ${error}`);
      settle(entry.id, (others) => others);
    }
  }

  function pump() {
    clearTimeout(timer);
    const now = Date.now();
    for (const [id, since] of inFlight) if (now - since > IN_FLIGHT_MS) inFlight.delete(id);
    const entries = change((all) => all.filter((e) => now - e.created < MAX_AGE_MS));
    const waiting = entries.filter((e) => !inFlight.has(e.id));
    waiting.filter((e) => e.due <= now).slice(0, Math.max(0, 2 - inFlight.size)).forEach(send);
    const next = Math.min(...waiting.filter((e) => e.due > now).map((e) => e.due));
    if (Number.isFinite(next)) timer = setTimeout(pump, next - now);
  }

  // The page is being hidden or left: what is due goes now (with keepalive).
  if (typeof document !== 'undefined') document.addEventListener('visibilitychange', () => leaving() && pump());
  // Left: what this page held (a "No" whose comment never came) is due now and goes with it.
  window.addEventListener('pagehide', () => {
    if (!heldHere.size) return;
    const now = Date.now();
    change((entries) => entries.map((e) => (heldHere.has(e.id) ? { ...e, due: Math.min(e.due, now) } : e)));
    heldHere.clear();
    pump();
  });
  // Back online: whatever waits for a retry is due now.
  window.addEventListener('online', () => {
    change((entries) => entries.map((e) => ({ ...e, due: Math.min(e.due, Date.now()) })));
    pump();
  });
  pump();
  return { enqueue, pending: () => (read() || memory).length };
}

// This browser's shopper key for the site (shared/core/protocol/shopper_key.h), kept under
// "shopper-key": read, or made and kept on first use, as the core does
// (shared/core/persistence/shopper_key_store.h). Without storage, one per page.
let pageShopperKey;
function shopperKey(site) {
  const name = `support-widget:${site}:shopper-key`;
  try {
    const kept = localStorage.getItem(name);
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(kept || '')) return kept.toLowerCase();
    const made = uuid();
    localStorage.setItem(name, made);
    return made;
  } catch {
    return (pageShopperKey ||= uuid());
  }
}

function uuid() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((v) => v.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const leaving = () => typeof document !== 'undefined' && document.visibilityState === 'hidden';

function valid(e) {
  return e && typeof e.id === 'string' && typeof e.body === 'string' && Number.isFinite(e.created) &&
    Number.isFinite(e.due) && Number.isFinite(e.attempts);
}
