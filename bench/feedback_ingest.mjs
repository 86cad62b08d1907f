// Feedback ingest: POST /api/v1/sites/{site}/feedback on support-server with its SQLite store
// (WAL, synchronous=FULL, group commit) or, with --db postgresql, a PostgreSQL store on a cluster
// of its own on this machine (PostgreSQL's durable defaults: fsync on, synchronous_commit on),
// every request a new event, keep-alive connections (wrk); beside it, in the same run, the same
// server's GET /healthz: the ceiling of its HTTP layer. Reported as numbers and ratios (never
// pass/fail; the machine is shared and noisy).
//
//   ./scripts/bench server [--db sqlite|postgresql] [--runs N] [--seconds S] [--connections C] [--repeats R]
//
// Then, on a fresh store of 100,000 realistic items, the staff API's list, Insights and CSV requests
// (bench/staff_queries.mjs).
//
// The store is a fresh file on the disk the repository is on (not a RAM disk), so each commit
// really syncs. Needs wrk (./scripts/bench installs it). The server listens on 127.0.0.1 only and
// is stopped at the end; the database is deleted.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot, startServer } from '../tests/browser/harness.mjs';
import { benchStaffQueries } from './staff_queries.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('--runs', 3);
const seconds = arg('--seconds', 10);
const connections = arg('--connections', 32);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (spawnSync('sh', ['-c', 'command -v wrk']).status !== 0) {
  console.error('bench server: wrk is missing (./scripts/bench server installs it)');
  process.exit(1);
}

const work = fs.mkdtempSync(path.join(repoRoot, 'build', 'bench-server-'));
const site = path.join(work, 'site');
fs.mkdirSync(path.join(site, 'en'), { recursive: true });
fs.writeFileSync(path.join(work, 'index.html'), 'bench');
const backendIndex = process.argv.indexOf('--db');
const backend = backendIndex >= 0 ? process.argv[backendIndex + 1] : 'sqlite';
if (!['sqlite', 'postgresql'].includes(backend)) {
  console.error(`bench server: --db is sqlite or postgresql, not ${backend}`);
  process.exit(2);
}
const cluster = path.join(work, 'postgres.url');
const postgresCluster = path.join(repoRoot, 'scripts', 'lib', 'postgres-cluster');
let db = path.join(work, 'support.db');
if (backend === 'postgresql') {
  const started = spawnSync(postgresCluster, ['start-temp', cluster], { encoding: 'utf8' });
  if (started.status !== 0) throw new Error(`could not start PostgreSQL: ${started.stderr}`);
  const maintenance = started.stdout.trim();
  spawnSync('psql', [maintenance, '-qc', 'CREATE DATABASE bench'], { encoding: 'utf8' });
  db = maintenance.replace(/\/postgres$/, '/bench');
}
const countRows = () => backend === 'postgresql'
  ? spawnSync('psql', [db, '-tAc', 'SELECT COUNT(*) FROM feedback'], { encoding: 'utf8' }).stdout.trim()
  : spawnSync('sqlite3', [db, 'SELECT COUNT(*) FROM feedback'], { encoding: 'utf8' }).stdout.trim();

function wrk(url, { script, run = 0 } = {}) {
  const args = ['-t2', `-c${connections}`, `-d${seconds}s`, '--latency', ...(script ? ['-s', script] : []), url,
    ...(script ? ['--', String(run)] : [])];
  const out = spawnSync('wrk', args, { encoding: 'utf8', timeout: (seconds + 30) * 1000 }).stdout || '';
  const ms = (label) => {
    const m = new RegExp(`^\\s*${label}%\\s+([\\d.]+)(us|ms|s)`, 'm').exec(out);
    return m ? Number(m[1]) * { us: 0.001, ms: 1, s: 1000 }[m[2]] : NaN;
  };
  const requests = Number((/(\d+) requests in/.exec(out) || [])[1]);
  const non2xx = Number((/Non-2xx or 3xx responses: (\d+)/.exec(out) || [0, 0])[1]);
  const socketErrors = (/Socket errors: (.*)/.exec(out) || [])[1] || '';
  return { rps: Number((/Requests\/sec:\s+([\d.]+)/.exec(out) || [])[1]), p50: ms('50'), p99: ms('99'), requests, non2xx, socketErrors };
}

const server = await startServer({
  roots: [work],
  sites: [`bench=${site}`],
  db,
  extraArgs: ['--feedback-per-ip', '10000000', '--feedback-per-site', '10000000'],
});
try {
  // The site's origin list is not needed: wrk sends no Origin header, like any non-browser client.
  const probe = await fetch(`${server.url}/api/v1/sites/bench/feedback`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ client_id: '00000000-0000-4000-8000-000000000001', kind: 'page', locale: 'en', client_time_ms: 1, topic: 'probe', helpful: true }),
  });
  if (probe.status !== 201) throw new Error(`the probe feedback was answered ${probe.status}: ${await probe.text()}`);

  const store = backend === 'postgresql'
    ? 'PostgreSQL 15 (fsync on, synchronous_commit on, group commit; its own cluster on the same machine)'
    : 'SQLite (WAL, synchronous=FULL, group commit)';
  console.log(`feedback ingest: support-server, ${store} on ${os.platform()} disk, ` +
    `${os.cpus().length} cores (${os.cpus()[0].model}), loopback, wrk and the server on the same machine`);
  const results = { feedback: [], healthz: [] };
  for (let i = 0; i < runs; i++) {
    const order = i % 2 ? ['healthz', 'feedback'] : ['feedback', 'healthz'];
    for (const name of order) {
      results[name].push(name === 'feedback'
        ? wrk(`${server.url}/api/v1/sites/bench/feedback`, { script: path.join(repoRoot, 'bench', 'feedback_post.lua'), run: i + 1 })
        : wrk(`${server.url}/healthz`));
    }
  }
  const row = (name) => ({
    rps: median(results[name].map((r) => r.rps)),
    p50: median(results[name].map((r) => r.p50)),
    p99: median(results[name].map((r) => r.p99)),
    all: results[name].map((r) => r.rps.toFixed(0)).join(', '),
    non2xx: results[name].reduce((sum, r) => sum + r.non2xx, 0),
    socketErrors: results[name].map((r) => r.socketErrors).filter(Boolean).join('; '),
  });
  const f = row('feedback');
  const h = row('healthz');
  console.log(`\n${connections} keep-alive connections, ${runs} × ${seconds} s each, alternating, medians`);
  console.log('   request                     req/s     p50 ms   p99 ms   runs (req/s)');
  for (const [name, r] of [['POST …/feedback (new row)', f], ['GET /healthz', h]]) {
    console.log(`   ${name.padEnd(26)} ${r.rps.toFixed(0).padStart(7)}  ${r.p50.toFixed(2).padStart(8)} ${r.p99.toFixed(2).padStart(8)}   ${r.all}` +
      `${r.non2xx ? `   non-2xx: ${r.non2xx}` : ''}${r.socketErrors ? `   socket errors: ${r.socketErrors}` : ''}`);
  }
  const rows = countRows();
  console.log(`   feedback/healthz: ${(f.rps / h.rps).toFixed(2)}× of the ceiling; budget ≥ 5,000 req/s (${(f.rps / 5000).toFixed(2)}×) ` +
    `with p99 ≤ 20 ms (${(f.p99 / 20).toFixed(2)}×)`);
  console.log(`   rows stored: ${rows} (every acknowledged POST is a row)`);

} finally {
  await server.stop();
}
try {
  let postgresUrl = null;
  if (backend === 'postgresql') {
    const created = spawnSync('psql', [db.replace(/\/bench$/, '/postgres'), '-qc', 'CREATE DATABASE staffbench'], { encoding: 'utf8' });
    if (created.status !== 0) throw new Error(`CREATE DATABASE staffbench failed: ${created.stderr}`);
    postgresUrl = db.replace(/\/bench$/, '/staffbench');
  }
  await benchStaffQueries({ workDir: work, repeats: arg('--repeats', 40), postgresUrl });
} finally {
  if (backend === 'postgresql') spawnSync(postgresCluster, ['stop-temp', cluster]);
  fs.rmSync(work, { recursive: true, force: true });
}
