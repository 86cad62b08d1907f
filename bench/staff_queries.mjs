// The staff API over a full store, for ./scripts/bench server (in the same run as ingest): a fresh
// store with 100,000 realistic items (support-server seed-feedback: a month of en/he/ar feedback
// about the demo store's articles and guides), a support-server on it, a staff member signed in,
// and each console request sent `repeats` times, one at a time. Reported: the server's own time
// (its Server-Timing header: answering, not waiting for a worker) at p50/p95, and what the client
// saw, against the budgets (first filtered page ≤ 50 ms p95, Insights ≤ 200 ms).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, startServer } from '../tests/browser/harness.mjs';

const percentile = (xs, p) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

// `postgresUrl`: an empty PostgreSQL database to fill instead of a fresh SQLite file.
export async function benchStaffQueries({ workDir, items = 100_000, repeats = 40, postgresUrl = null }) {
  const bin = path.resolve(repoRoot, process.env.SW_SERVER_BIN || 'build/native/server/support-server');
  const db = postgresUrl || path.join(workDir, 'staff-bench.db');
  const site = 'demo';
  const seeded = spawnSync(bin, ['seed-feedback', '--site', `${site}=demo_site/help`, '--db', db,
    '--count', String(items), '--seed', '7'], { cwd: repoRoot, encoding: 'utf8' });
  if (seeded.status !== 0) throw new Error(`seed-feedback failed: ${seeded.stderr}`);
  const rows = Number(execFileSync(postgresUrl ? 'psql' : 'sqlite3', postgresUrl ? [db, '-tAc', 'SELECT COUNT(*) FROM feedback']
    : [db, 'SELECT COUNT(*) FROM feedback'], { encoding: 'utf8' }).trim());
  const server = await startServer({ db });
  try {
    return await measure({ bin, db, server, site, rows, repeats });
  } finally {
    await server.stop();
    if (!postgresUrl) fs.rmSync(db, { force: true });
  }
}

async function measure({ bin, db, server, site, rows, repeats }) {
  const email = 'bench@shop.example';
  const password = `bench-${Math.random().toString(36).slice(2)}-password`;
  const added = spawnSync(bin, ['staff', 'add', email, '--db', db], { input: `${password}\n`, encoding: 'utf8' });
  if (added.status !== 0 && !/account_exists/.test(added.stderr)) throw new Error(`staff add failed: ${added.stderr}`);
  const signIn = await fetch(`${server.url}/api/v1/staff/session`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }),
  });
  if (signIn.status !== 200) throw new Error(`sign-in answered ${signIn.status}`);
  const cookie = signIn.headers.get('set-cookie').split(';')[0];

  const day = 86_400_000;
  const date = (ms) => new Date(ms).toISOString().slice(0, 10);
  const week = date(Date.now() - 7 * day);
  const requests = [
    ['list: no filter', '/api/v1/staff/feedback'],
    ['list: not helpful', '/api/v1/staff/feedback?helpful=no'],
    ['list: one article, not helpful', '/api/v1/staff/feedback?subject=return-policy&helpful=no'],
    ['list: a rare article', '/api/v1/staff/feedback?subject=warranty&kind=article_helpful'],
    ['list: problem reports, last 7 days', `/api/v1/staff/feedback?kind=problem_report&from=${week}`],
    ['list: status resolved (none)', '/api/v1/staff/feedback?status=resolved'],
    ['list: text "eilat"', '/api/v1/staff/feedback?q=eilat'],
    ['list: text in Hebrew', `/api/v1/staff/feedback?q=${encodeURIComponent('לאילת')}`],
    ['list: text matching nothing', '/api/v1/staff/feedback?q=zzqx'],
    ['list: one page address', `/api/v1/staff/feedback?page=${encodeURIComponent('http://127.0.0.1:8080/cart.html')}`],
    ['list: site, oldest first', `/api/v1/staff/feedback?site=${site}&sort=oldest`],
    ['insights: everything', '/api/v1/staff/insights'],
    ['insights: last 7 days', `/api/v1/staff/insights?from=${week}`],
    ['csv: problem reports, 7 days', `/api/v1/staff/feedback.csv?kind=problem_report&from=${week}`],
  ];
  const results = [];
  for (const [name, target] of requests) {
    const server_ms = [];
    const client_ms = [];
    let bytes = 0;
    for (let i = 0; i < repeats; i++) {
      const started = performance.now();
      const response = await fetch(`${server.url}${target}`, { headers: { Cookie: cookie } });
      const body = await response.arrayBuffer();
      client_ms.push(performance.now() - started);
      if (response.status !== 200) throw new Error(`${target} answered ${response.status}`);
      bytes = body.byteLength;
      server_ms.push(Number(/dur=([\d.]+)/.exec(response.headers.get('server-timing') || '')?.[1]));
    }
    results.push({ name, budget: name.startsWith('insights') ? 200 : name.startsWith('list') ? 50 : null,
      p50: percentile(server_ms, 50), p95: percentile(server_ms, 95), client95: percentile(client_ms, 95), bytes });
  }
  console.log(`\nstaff API over ${rows.toLocaleString('en')} stored items in ${postgresUrl ? 'PostgreSQL' : 'SQLite'} (${repeats} requests each, one at a time; ` +
    'server time from Server-Timing)');
  console.log('   request                              p50 ms   p95 ms   client p95   bytes      p95 / budget');
  for (const r of results) {
    console.log(`   ${r.name.padEnd(36)} ${r.p50.toFixed(2).padStart(7)} ${r.p95.toFixed(2).padStart(8)} ` +
      `${r.client95.toFixed(2).padStart(11)} ${String(r.bytes).padStart(8)}   ` +
      (r.budget ? `${(r.p95 / r.budget).toFixed(2)}× of ${r.budget} ms` : '(no budget)'));
  }
  return results;
}
