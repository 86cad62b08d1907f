// Two support-server instances on one PostgreSQL database behind HAProxy (round robin), as a store
// that outgrew one machine runs them: a shopper's event stream and the messages reach whichever
// instance the balancer picks, and when one instance is killed (SIGKILL) its shoppers reconnect
// through the balancer with Last-Event-ID, as EventSource does, and miss nothing and get nothing twice.
// Streams are read over plain HTTP here; the widget's own reconnecting is covered in chat.test.mjs.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sleep, startServer, waitFor } from './harness.mjs';
import { openEventStream, startBalancer, startPostgres } from './scale_out.mjs';

const TEST = { timeout: 90_000 };

function request(base, method, target, { body, headers = {} } = {}) {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, method, path: target, agent: false, headers: {
      ...(body ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } : {}), ...headers,
    } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** An event stream whose events (id, parsed data) collect in `events`; `ended` when the server went. */
async function openStream(base, target, headers) {
  const events = [];
  const stream = await openEventStream(base, target, headers, ({ id, data }) => {
    if (id) events.push({ id: Number(id), data: JSON.parse(data) });
  });
  return Object.assign(stream, { events });
}

const messageIds = (stream) => stream.events.filter((e) => e.data.kind === 'message').map((e) => e.data.message.client_id);

describe('several instances behind a load balancer', () => {
  let work;
  let postgres;
  let instances = [];
  let balancer;
  before(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-scale-out-'));
    postgres = startPostgres(work, { fast: true });
    const behindBalancer = { db: postgres.url, extraArgs: ['--trusted-proxy', '127.0.0.1'] };
    instances = [await startServer(behindBalancer), await startServer(behindBalancer)];
    balancer = await startBalancer(work, instances.map((server) => server.url));
  });
  after(async () => {
    await balancer?.stop();
    for (const server of instances) await server.stop();
    postgres?.stop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('behind the balancer each shopper has an allowance of their own, not one shared by everyone it forwards', TEST, async () => {
    // The balancer appends the address it was connected from; here two shoppers' addresses arrive
    // through a trusted hop in front of it, as from a CDN.
    const open = (address) => request(balancer.url, 'POST', '/api/v1/sites/demo/conversations',
      { body: '{"locale":"ar"}', headers: { 'X-Forwarded-For': address } });
    const statuses = [];
    while (statuses.length < 60 && statuses.at(-1) !== 429) statuses.push((await open('203.0.113.7')).status);
    assert.equal(statuses.at(-1), 429, `one shopper opening conversations is refused at last: ${statuses}`);
    assert.ok(statuses.filter((s) => s === 201).length >= 12, `it first got its allowance: ${statuses}`);
    const other = await open('198.51.100.20');
    assert.equal(other.status, 201, `another shopper behind the same balancer is not refused: ${other.body}`);
  });

  it('an instance killed mid-conversation: its shopper resumes on the other from Last-Event-ID and misses nothing', TEST, async () => {
    const opened = await request(balancer.url, 'POST', '/api/v1/sites/demo/conversations', { body: '{"locale":"he"}' });
    assert.equal(opened.status, 201, opened.body);
    const { id, token } = JSON.parse(opened.body);
    const auth = { Authorization: `Bearer ${token}` };
    const target = `/api/v1/sites/demo/conversations/${id}/events`;
    const say = async (clientId, text) => {
      const answer = await request(balancer.url, 'POST', `/api/v1/sites/demo/conversations/${id}/messages`,
        { body: JSON.stringify({ client_id: clientId, text, written_ms: Date.now() }), headers: auth });
      assert.ok(answer.status === 201 || answer.status === 200, `${clientId}: ${answer.status} ${answer.body}`);
    };

    // Round robin: two streams in a row are held by the two instances, one each.
    const streams = [await openStream(balancer.url, target, auth), await openStream(balancer.url, target, auth)];
    assert.deepEqual(streams.map((s) => s.status), [200, 200]);
    await say('m-1', 'איפה החבילה שלי?');
    await say('m-2', 'הזמנה 1042');
    await waitFor(() => streams.every((s) => messageIds(s).length === 2), { timeout: 10_000, message: 'both streams hear both messages' });

    await instances[0].kill();
    await waitFor(() => streams.some((s) => s.ended), { timeout: 10_000, message: 'the killed instance’s stream ends' });
    const cut = streams.find((s) => s.ended);
    const lastSeen = cut.events.at(-1).id;

    // Written while that shopper was between instances, through the balancer (only one is left).
    await say('m-3', 'עדיין כאן?');
    await say('m-4', 'תודה');
    const resumed = await openStream(balancer.url, target, { ...auth, 'Last-Event-ID': String(lastSeen) });
    assert.equal(resumed.status, 200);
    await waitFor(() => messageIds(resumed).length === 2, { timeout: 10_000, message: 'the resumed stream catches up' });
    assert.deepEqual(messageIds(resumed), ['m-3', 'm-4']);
    const seqs = [...cut.events, ...resumed.events].map((e) => e.id);
    assert.deepEqual(seqs, seqs.map((_, i) => seqs[0] + i), 'one seq after another: no gap, nothing twice');

    const survivor = streams.find((s) => !s.ended);
    await waitFor(() => messageIds(survivor).length === 4, { timeout: 10_000, message: 'the other stream goes on' });
    await sleep(300);
    assert.deepEqual(messageIds(resumed), ['m-3', 'm-4']);
    for (const s of [...streams, resumed]) s.close();
  });
});
