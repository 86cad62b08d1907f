// Chat delivery over support-server's Server-Sent Event streams, on loopback, bounded in time and
// count. Reported as numbers and ratios to the budgets (never pass/fail; the machine is shared).
//
//   ./scripts/bench chat [--conversations C] [--messages M] [--hold H] [--instances N]
//
// 1. C conversations (default 500), each joined by an agent, each followed by two streams — the
//    shopper's and the agent's console — so 2×C streams are open (1,000 by default). Then M messages
//    (default 2,000), alternately from a shopper and from the agent, a few in flight at a time:
//    the time from sending the POST until the other side's stream delivers the event (shopper →
//    console, console → shopper), and until the POST is acknowledged (durable).
//    Budget: delivery p99 ≤ 100 ms with 1,000 open streams.
// 2. H streams held at once (default 10,000) over the same conversations, as tabs would hold them;
//    then one message to each conversation, which every stream must deliver. Reported: streams that
//    opened, errors, the server's memory per stream and the descriptors it needed.
//    Budget: 10,000 streams without errors.
//
// With --instances N (N ≥ 2): N support-server instances on one PostgreSQL database (a cluster of
// its own on this machine, durable defaults) behind HAProxy, round robin: every request and stream
// reaches whichever instance the balancer picks, so most deliveries cross from one instance to
// another (LISTEN/NOTIFY, then a read of the event by seq). Part 2 is left out then.
//
// The server's own open-file limit is raised by itself (--max-connections); this process's by
// ./scripts/bench (ulimit -n, up to the hard limit).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { repoRoot, startServer } from '../tests/browser/harness.mjs';
import { openEventStream, startBalancer, startPostgres } from '../tests/browser/scale_out.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const conversations = arg('--conversations', 500);
const messages = arg('--messages', 2000);
const instanceCount = arg('--instances', 1);
const hold = instanceCount > 1 ? 0 : arg('--hold', 10_000);
const inFlight = 8;
const password = 'bench password, long enough';
const email = 'agent@bench.example';

const percentile = (xs, p) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const fmt = (ms) => `${ms.toFixed(1)} ms`;
const rssKiB = (pid) => Number((/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8')) || [])[1]);
const openDescriptors = (pid) => fs.readdirSync(`/proc/${pid}/fd`).length;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const work = fs.mkdtempSync(path.join(repoRoot, 'build', 'bench-chat-'));
const site = path.join(work, 'site');
fs.mkdirSync(path.join(site, 'en'), { recursive: true });
fs.writeFileSync(path.join(work, 'index.html'), 'bench');
const postgres = instanceCount > 1 ? startPostgres(work) : null;
const db = postgres ? postgres.url : path.join(work, 'support.db');
const bin = path.join(repoRoot, 'build/native/server/support-server');
const added = spawnSync(bin, ['staff', 'add', email, '--db', db], { input: `${password}\n`, encoding: 'utf8' });
if (added.status !== 0) throw new Error(`staff add failed: ${added.stderr}`);

const servers = [];
for (let i = 0; i < instanceCount; i++) {
  servers.push(await startServer({
    roots: [work],
    sites: [`bench=${site}`],
    db,
    extraArgs: ['--chat-per-ip', '10000000', '--max-connections', String(hold + 2 * conversations + 200), '--trusted-proxy', '127.0.0.1'],
  }));
}
const server = servers[0];
const balancer = instanceCount > 1 ? await startBalancer(work, servers.map((s) => s.url)) : null;
const { hostname, port } = new URL(balancer ? balancer.url : server.url);

// One request on its own connection; resolves with {status, headers, body}.
function request(method, target, { body, headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, method, path: target, agent: false, headers: {
      ...(body ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } : {}),
      ...headers,
    } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

// An EventSource-like reader on the server (or the balancer): calls onEvent(data) for each event.
const openStream = (target, headers, onEvent) =>
  openEventStream(`http://${hostname}:${port}`, target, headers, ({ data }) => onEvent(data));

async function inBatches(items, size, fn) {
  const results = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return results;
}

const waiting = new Map(); // client id → resolve(arrival time)
const arrived = (side) => (data) => {
  const event = JSON.parse(data);
  if (event.kind !== 'message') return;
  const key = `${side}:${event.message.client_id}`;
  const resolve = waiting.get(key);
  if (resolve) {
    waiting.delete(key);
    resolve(performance.now());
  }
};

try {
  const signIn = await request('POST', '/api/v1/staff/session', { body: JSON.stringify({ email, password }) });
  if (signIn.status !== 200) throw new Error(`sign-in: ${signIn.status} ${signIn.body}`);
  const console_ = {
    Cookie: signIn.headers['set-cookie'][0].split(';')[0],
    'X-CSRF-Token': JSON.parse(signIn.body).csrf_token,
  };

  const rssAtStart = rssKiB(server.pid);
  const chats = await inBatches([...Array(conversations).keys()], 16, async () => {
    const opened = await request('POST', '/api/v1/sites/bench/conversations', { body: '{"locale":"en"}' });
    if (opened.status !== 201) throw new Error(`open: ${opened.status} ${opened.body}`);
    const { id, token } = JSON.parse(opened.body);
    const joined = await request('POST', `/api/v1/staff/conversations/${id}/join`, { headers: console_ });
    if (joined.status !== 200) throw new Error(`join: ${joined.status} ${joined.body}`);
    return { id, token };
  });
  const rssBeforeStreams = rssKiB(server.pid);
  const streams = await inBatches(chats, 50, async (chat) => [
    await openStream(`/api/v1/sites/bench/conversations/${chat.id}/events?last_event_id=1`, { Authorization: `Bearer ${chat.token}` }, arrived('shopper')),
    await openStream(`/api/v1/staff/conversations/${chat.id}/events?last_event_id=1`, console_, arrived('console')),
  ]);
  const openStreams = streams.flat().filter((s) => s.ok).length;
  await sleep(500);
  const rssWithStreams = rssKiB(server.pid);

  console.log(`chat delivery: ${balancer
    ? `${instanceCount} support-server instances on one PostgreSQL 15 (its own cluster, durable defaults) behind HAProxy, round robin`
    : 'support-server (SQLite, WAL, synchronous=FULL)'}, ${os.cpus().length} cores ` +
    `(${os.cpus()[0].model}), loopback, this client and the server on the same machine`);
  console.log(`  ${conversations} conversations, ${openStreams} of ${2 * conversations} streams open`);

  const latency = { 'shopper → console': [], 'console → shopper': [] };
  const acknowledged = { shopper: [], console: [] };
  let failures = 0;
  let next = 0;
  async function sendOne(n) {
    const chat = chats[n % chats.length];
    const fromShopper = n % 2 === 0;
    const clientId = `b-${n}`;
    const receiver = fromShopper ? 'console' : 'shopper';
    const delivered = new Promise((resolve) => waiting.set(`${receiver}:${clientId}`, resolve));
    const body = JSON.stringify({ client_id: clientId, text: `message ${n}`, written_ms: Date.now() });
    const started = performance.now();
    const posted = await request('POST', fromShopper
      ? `/api/v1/sites/bench/conversations/${chat.id}/messages`
      : `/api/v1/staff/conversations/${chat.id}/messages`, {
      body, headers: fromShopper ? { Authorization: `Bearer ${chat.token}` } : console_,
    });
    acknowledged[fromShopper ? 'shopper' : 'console'].push(performance.now() - started);
    if (posted.status !== 201) {
      failures++;
      waiting.delete(`${receiver}:${clientId}`);
      return;
    }
    const at = await Promise.race([delivered, sleep(5000).then(() => null)]);
    if (at === null) failures++;
    else latency[fromShopper ? 'shopper → console' : 'console → shopper'].push(at - started);
  }
  const began = performance.now();
  await Promise.all([...Array(inFlight)].map(async () => {
    while (next < messages) await sendOne(next++);
  }));
  const seconds = (performance.now() - began) / 1000;
  console.log(`  ${messages} messages in ${seconds.toFixed(1)} s (${(messages / seconds).toFixed(0)}/s, ${inFlight} in flight), ${failures} not delivered or refused`);
  for (const [direction, xs] of Object.entries(latency)) {
    const p99 = percentile(xs, 99);
    console.log(`  ${direction}: p50 ${fmt(percentile(xs, 50))}  p99 ${fmt(p99)}  max ${fmt(Math.max(...xs))}  ` +
      `(budget p99 100 ms: ${(p99 / 100).toFixed(2)}×)`);
  }
  for (const [side, xs] of Object.entries(acknowledged)) {
    console.log(`  POST acknowledged (durable), ${side}: p50 ${fmt(percentile(xs, 50))}  p99 ${fmt(percentile(xs, 99))}`);
  }
  if (balancer) {
    const streamsPerInstance = servers.map((s) => openDescriptors(s.pid));
    console.log(`  open descriptors per instance (streams split by the balancer): ${streamsPerInstance.join(', ')}`);
  }
  console.log(`  server memory${balancer ? ' (the first instance)' : ''}: ${(rssBeforeStreams / 1024).toFixed(1)} MiB before the streams, ` +
    `${(rssWithStreams / 1024).toFixed(1)} MiB with ${openStreams} (${((rssWithStreams - rssBeforeStreams) / openStreams).toFixed(1)} KiB a stream); ` +
    `at start ${(rssAtStart / 1024).toFixed(1)} MiB`);

  let held = [];
  if (hold > 0) {
    // 2. Holding many streams at once: more tabs on the same conversations.
    // The server caps connections at what its open-file limit allows (2 descriptors a connection, 64
    // kept back); a few are left for the posts below.
    const serverFiles = Number((/Max open files\s+(\d+)/.exec(fs.readFileSync(`/proc/${server.pid}/limits`, 'utf8')) || [])[1]);
    const connectionCap = Math.floor((serverFiles - 64) / 2);
    const holdable = Math.min(hold, connectionCap - 32);
    if (holdable < hold) {
      console.log(`  the server's open-file limit (${serverFiles}, not raisable here) caps it at ${connectionCap} connections: ` +
        `holding ${holdable} streams and leaving 32 connections for the posts`);
    }
    const extra = Math.max(0, holdable - openStreams);
    const heldEvents = { count: 0 };
    held = await inBatches([...Array(extra).keys()], 200, (i) => {
      const chat = chats[i % chats.length];
      return openStream(`/api/v1/sites/bench/conversations/${chat.id}/events`, { Authorization: `Bearer ${chat.token}` },
        (data) => { if (JSON.parse(data).message?.client_id?.startsWith('all-')) heldEvents.count++; });
    });
    const heldOpen = held.filter((s) => s.ok).length + openStreams;
    const errors = held.filter((s) => !s.ok).reduce((counts, s) => ({ ...counts, [s.status]: (counts[s.status] || 0) + 1 }), {});
    await sleep(1000);
    const rssHeld = rssKiB(server.pid);
    const descriptors = openDescriptors(server.pid);
    // One more message in each conversation: every held stream must deliver it.
    const broadcastStarted = performance.now();
    const broadcast = await inBatches(chats, 16, (chat) => request('POST', `/api/v1/staff/conversations/${chat.id}/messages`, {
      body: JSON.stringify({ client_id: `all-${chat.id}`, text: 'to everyone', written_ms: Date.now() }), headers: console_,
    }));
    const refusedPosts = broadcast.filter((answer) => answer.status !== 201).length;
    const deadline = performance.now() + 10_000;
    while (heldEvents.count < held.filter((s) => s.ok).length && performance.now() < deadline) await sleep(20);
    const broadcastMs = performance.now() - broadcastStarted;
    console.log(`  held: ${heldOpen} of ${hold} streams open at once (budget 10,000: ${(heldOpen / 10_000).toFixed(2)}×), ` +
      `errors ${JSON.stringify(errors)}; server ${(rssHeld / 1024).toFixed(1)} MiB ` +
      `(${((rssHeld - rssBeforeStreams) / heldOpen).toFixed(1)} KiB a stream), ${descriptors} open descriptors`);
    console.log(`  one message to each of ${conversations} conversations reached ${heldEvents.count} of ` +
      `${held.filter((s) => s.ok).length} extra streams in ${fmt(broadcastMs)}` +
      (refusedPosts ? ` (${refusedPosts} of the posts were refused)` : '') +
      `; streams the server ended meanwhile: ${held.filter((s) => s.ok && s.ended).length}`);
    console.log(`  open-file limits: this process ${spawnSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).stdout.trim()}, the server's ${serverFiles}`);
  }
  for (const s of [...streams.flat(), ...held]) s.close();
} finally {
  await balancer?.stop();
  for (const s of servers) await s.stop();
  postgres?.stop();
  fs.rmSync(work, { recursive: true, force: true });
}
