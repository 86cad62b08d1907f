// The feedback outbox module (shared/web/feedback_outbox.mjs) on its own, in Node: a stand-in
// localStorage and fetch, mocked timers and clock. Each test imports a fresh copy of the module, as
// a new page would.
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { repoRoot } from './harness.mjs';

const MODULE = pathToFileURL(path.join(repoRoot, 'shared/web/feedback_outbox.mjs')).href;
const KEY = 'support-widget:demo:feedback-outbox';
let pageLoads = 0;

/** A new page: a fresh copy of the module over the same storage. */
async function openPage() {
  const { openFeedbackOutbox } = await import(`${MODULE}?page=${++pageLoads}`);
  return openFeedbackOutbox({ server: 'https://support.example', site: 'demo' });
}

const event = (n) => JSON.stringify({ client_id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, kind: 'page', n });
const flush = async () => { for (let i = 0; i < 10; i++) await Promise.resolve(); };
// What goes out: the event with this browser's shopper key (made on first use, then kept).
const SHOPPER_KEY = 'support-widget:demo:shopper-key';
const withKey = (body) => JSON.stringify({ ...JSON.parse(body), shopper_key: globalThis.localStorage.getItem(SHOPPER_KEY) });
const stored = () => JSON.parse(globalThis.localStorage.getItem(KEY) || '{"entries":[]}').entries;

describe('feedback outbox', () => {
  let answers; // what the "server" answers next: a function (request) → Response-like or a thrown error
  let sent;
  let onlineListeners;
  let warnings;

  beforeEach(() => {
    mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 1_764_825_000_000 });
    const items = new Map();
    globalThis.localStorage = {
      getItem: (k) => (items.has(k) ? items.get(k) : null),
      setItem: (k, v) => items.set(k, String(v)),
      removeItem: (k) => items.delete(k),
    };
    onlineListeners = [];
    globalThis.window = { addEventListener: (type, f) => type === 'online' && onlineListeners.push(f) };
    sent = [];
    warnings = [];
    mock.method(console, 'warn', (m) => warnings.push(m));
    answers = () => ({ status: 201 });
    globalThis.fetch = async (url, init) => {
      sent.push({ url, body: init.body, method: init.method, type: init.headers['Content-Type'] });
      const answer = answers(init);
      if (answer instanceof Error) throw answer;
      return {
        ok: answer.status >= 200 && answer.status < 300,
        status: answer.status,
        headers: { get: (name) => (answer.headers || {})[name] ?? null },
        json: async () => answer.json ?? {},
      };
    };
  });
  afterEach(() => {
    mock.timers.reset();
    mock.restoreAll();
  });

  it('sends an event once, as JSON to the site\'s feedback API, and forgets it when acknowledged', async () => {
    const outbox = await openPage();
    outbox.enqueue(event(1));
    await flush();
    assert.equal(sent.length, 1);
    assert.equal(sent[0].url, 'https://support.example/api/v1/sites/demo/feedback');
    assert.equal(sent[0].method, 'POST');
    assert.equal(sent[0].type, 'application/json');
    assert.match(globalThis.localStorage.getItem(SHOPPER_KEY), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(sent[0].body, withKey(event(1)));
    assert.equal(globalThis.localStorage.getItem(KEY), null, 'an empty outbox is no key at all');
    mock.timers.tick(10 * 60_000);
    await flush();
    assert.equal(sent.length, 1, 'never sent again');
  });

  it('drops an event the server says is bad, once, with a warning naming the error', async () => {
    answers = () => ({ status: 400, json: { error: { code: 'api.feedback.wrong_type', field: '/helpful' } } });
    const outbox = await openPage();
    outbox.enqueue(event(2));
    await flush();
    assert.deepEqual(stored(), []);
    assert.match(warnings.join('\n'), /api\.feedback\.wrong_type/);
    mock.timers.tick(60 * 60_000);
    await flush();
    assert.equal(sent.length, 1);
  });

  it('keeps an event while the server fails and sends it again with growing waits until it is acknowledged', async () => {
    let failures = 3;
    answers = () => (failures-- > 0 ? { status: 503 } : { status: 201 });
    const outbox = await openPage();
    outbox.enqueue(event(3));
    await flush();
    assert.equal(stored().length, 1);
    for (let minute = 0; minute < 10 && stored().length; minute++) {
      mock.timers.tick(60_000);
      await flush();
    }
    assert.equal(sent.length, 4, 'three failures, then the acknowledged send');
    assert.ok(sent.every((s) => s.body === withKey(event(3))), 'always the same event, under the same client id');
    assert.deepEqual(stored(), []);
  });

  it('waits out a 429\'s Retry-After before trying again', async () => {
    let first = true;
    answers = () => (first ? ((first = false), { status: 429, headers: { 'Retry-After': '30' } }) : { status: 201 });
    const outbox = await openPage();
    outbox.enqueue(event(4));
    await flush();
    mock.timers.tick(29_000);
    await flush();
    assert.equal(sent.length, 1, 'not before 30 s');
    mock.timers.tick(1_000);
    await flush();
    assert.equal(sent.length, 2);
    assert.deepEqual(stored(), []);
  });

  it('survives a reload while offline and goes out as soon as the browser is online again', async () => {
    answers = () => new TypeError('Failed to fetch');
    const first = await openPage();
    first.enqueue(event(5));
    await flush();
    assert.equal(stored().length, 1);

    const second = await openPage(); // the shopper went to another page
    await flush();
    assert.equal(second.pending(), 1);
    answers = () => ({ status: 201 });
    const before = sent.length;
    for (const online of onlineListeners) online();
    await flush();
    assert.ok(sent.length > before, 'sent on the online event, without waiting for the backoff');
    assert.deepEqual(stored(), []);
  });

  it('queues an event once however often it is handed over, and drops events older than 14 days', async () => {
    answers = () => new TypeError('offline');
    const outbox = await openPage();
    outbox.enqueue(event(6));
    outbox.enqueue(event(6));
    await flush();
    assert.equal(stored().length, 1);
    mock.timers.tick(15 * 24 * 3600 * 1000);
    await flush();
    assert.deepEqual(stored(), []);
  });

  it('holds an event until its time, and the same id queued again replaces it and goes now, once', async () => {
    const vote = (comment) => JSON.stringify({ client_id: '00000000-0000-4000-8000-000000000007', kind: 'page', helpful: false, ...(comment && { comment }) });
    const outbox = await openPage();
    outbox.enqueue(vote(), 15 * 60_000);
    await flush();
    assert.equal(sent.length, 0, 'a held event waits');
    assert.equal(stored().length, 1, 'but is kept already');
    mock.timers.tick(60_000);
    outbox.enqueue(vote('no sizes for kids'));
    await flush();
    assert.deepEqual(sent.map((s) => s.body), [withKey(vote('no sizes for kids'))]);
    mock.timers.tick(20 * 60_000);
    await flush();
    assert.equal(sent.length, 1, 'the held version is gone');
  });

  it('sends a held event by itself once its time has come', async () => {
    const outbox = await openPage();
    outbox.enqueue(event(8), 60_000);
    mock.timers.tick(59_000);
    await flush();
    assert.equal(sent.length, 0);
    mock.timers.tick(2_000);
    await flush();
    assert.deepEqual(sent.map((s) => s.body), [withKey(event(8))]);
    assert.deepEqual(stored(), []);
  });

  it('sends every event with the one shopper key of this browser; without storage, one per page', async () => {
    const outbox = await openPage();
    outbox.enqueue(event(9));
    outbox.enqueue(event(10));
    await flush();
    const keys = sent.map((s) => JSON.parse(s.body).shopper_key);
    assert.equal(keys.length, 2);
    assert.equal(keys[0], keys[1]);
    assert.equal(keys[0], globalThis.localStorage.getItem(SHOPPER_KEY));

    globalThis.localStorage = { getItem: () => { throw new Error('blocked'); }, setItem: () => { throw new Error('blocked'); }, removeItem: () => {} };
    sent.length = 0;
    const blocked = await openPage();
    blocked.enqueue(event(11));
    await flush();
    assert.equal(sent.length, 1, 'sent although nothing can be kept');
    assert.match(JSON.parse(sent[0].body).shopper_key, /^[0-9a-f-]{36}$/);
  });
});
