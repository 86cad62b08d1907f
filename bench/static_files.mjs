// Static files: support-server against nginx serving the same folder on the same machine, in one run.
// Reported as numbers and ratios (never pass/fail; the machine is shared and noisy):
//   1. the gzipped core .wasm at 64 connections (wrk): requests/s and latency p50/p99, in paired
//      alternating runs, medians;
//   2. /healthz while slow clients download a large file: p99 alone and with the downloads, and the
//      server's resident memory during them.
//
//   ./scripts/bench static [--runs N] [--seconds S] [--connections C] [--slow-clients K]
//
// Needs wrk and nginx (Debian's wrk and nginx-light; ./scripts/bench installs them for this
// benchmark only). Both servers listen on 127.0.0.1 only and are stopped at the end.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot, startServer } from '../tests/browser/harness.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('--runs', 3);
const seconds = arg('--seconds', 10);
const connections = arg('--connections', 64);
const slowClients = arg('--slow-clients', 8);
const LARGE_BYTES = 50 * 1024 * 1024;
const SLOW_RATE = '256k'; // bytes per second per slow client (curl --limit-rate)

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

for (const tool of ['wrk', 'nginx', 'curl']) {
  if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
    console.error(`bench static: ${tool} is missing (./scripts/bench static installs wrk and nginx-light)`);
    process.exit(1);
  }
}

// One folder both servers serve: dist/ as built, plus a large file for the slow downloads.
const dist = path.join(repoRoot, 'dist');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-bench-static-'));
const root = path.join(work, 'root');
fs.cpSync(dist, root, { recursive: true });
fs.writeFileSync(path.join(root, 'large.bin'), Buffer.alloc(LARGE_BYTES, 7));
// nginx's workers may run as another user: the folder must be readable by them.
for (const p of [work, root]) fs.chmodSync(p, 0o755);
const wasm = fs.readdirSync(root).find((f) => /^support-widget-core\.[0-9a-f]+\.wasm$/.test(f));
if (!wasm || !fs.existsSync(path.join(root, wasm + '.gz'))) {
  console.error('bench static: dist/ has no content-hashed core .wasm with its .gz: run ./scripts/build');
  process.exit(1);
}

async function freePort() {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function startNginx() {
  const port = await freePort();
  const conf = path.join(work, 'nginx.conf');
  // Debian's defaults for a static site (sendfile, tcp_nopush), precompressed .gz beside each file,
  // as many workers as the machine has cores; /healthz answered by nginx itself.
  fs.writeFileSync(conf, `
worker_processes ${os.cpus().length};
pid ${work}/nginx.pid;
error_log ${work}/nginx-error.log warn;
daemon off;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on; tcp_nopush on; tcp_nodelay on;
  keepalive_requests 1000000;
  client_body_temp_path ${work}/nginx-body; proxy_temp_path ${work}/nginx-proxy;
  fastcgi_temp_path ${work}/nginx-fcgi; uwsgi_temp_path ${work}/nginx-uwsgi; scgi_temp_path ${work}/nginx-scgi;
  types { application/wasm wasm; text/javascript js mjs; text/html html; font/ttf ttf; application/octet-stream bin; }
  server {
    listen 127.0.0.1:${port};
    root ${root};
    gzip_static on;
    location = /healthz { default_type application/json; return 200 '{"status":"ok"}'; }
  }
}
`);
  const child = spawn('nginx', ['-c', conf, '-p', work], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    const ok = await fetch(url + '/healthz').then((r) => r.ok).catch(() => false);
    if (ok) break;
    await sleep(50);
  }
  return {
    url,
    pids: () => [child.pid, ...childPids(child.pid)],
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
    },
  };
}

function childPids(pid) {
  const out = spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).stdout || '';
  return out.split('\n').filter(Boolean).map(Number);
}

const rssKb = (pids) =>
  pids.reduce((sum, pid) => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      return sum + (m ? Number(m[1]) : 0);
    } catch {
      return sum;
    }
  }, 0);

function wrk(url, { c = connections, d = seconds, gzip = true } = {}) {
  const args = ['-t2', `-c${c}`, `-d${d}s`, '--latency', ...(gzip ? ['-H', 'Accept-Encoding: gzip'] : []), url];
  const out = spawnSync('wrk', args, { encoding: 'utf8', timeout: (d + 30) * 1000 }).stdout || '';
  const ms = (label) => {
    const m = new RegExp(`^\\s*${label}%\\s+([\\d.]+)(us|ms|s)`, 'm').exec(out);
    if (!m) return NaN;
    return Number(m[1]) * { us: 0.001, ms: 1, s: 1000 }[m[2]];
  };
  const rps = Number((/Requests\/sec:\s+([\d.]+)/.exec(out) || [])[1]);
  const errors = /Non-2xx or 3xx responses: (\d+)|Socket errors: (.*)/.exec(out);
  return { rps, p50: ms('50'), p99: ms('99'), errors: errors ? errors[0] : '' };
}

function checkGzip(url) {
  const r = spawnSync('curl', ['-sS', '-o', '/dev/null', '-D', '-', '-H', 'Accept-Encoding: gzip', url], { encoding: 'utf8' });
  if (!/content-encoding: gzip/i.test(r.stdout)) throw new Error(`${url} was not sent gzipped:\n${r.stdout}`);
}

function startSlowDownloads(url, k) {
  return Array.from({ length: k }, () =>
    spawn('curl', ['-sS', '-o', '/dev/null', '--limit-rate', SLOW_RATE, url], { stdio: 'ignore' })
  );
}

const ours = await startServer({ roots: [root], sites: [] });
const nginx = await startNginx();
const servers = { ours: { url: ours.url, pids: () => [ours.pid] }, nginx: { url: nginx.url, pids: nginx.pids } };
try {
  for (const s of Object.values(servers)) checkGzip(`${s.url}/${wasm}`);
  const wasmGz = fs.statSync(path.join(root, wasm + '.gz')).size;
  console.log(`static files: support-server vs nginx ${spawnSync('nginx', ['-v'], { encoding: 'utf8' }).stderr.trim().replace(/^nginx version: /, '')}, ` +
    `${os.cpus().length} cores (${os.cpus()[0].model}), loopback, wrk and both servers on the same machine`);

  // 1. The core .wasm, gzipped, at `connections` connections, alternating servers.
  const results = { ours: [], nginx: [] };
  for (let i = 0; i < runs; i++) {
    for (const name of i % 2 ? ['nginx', 'ours'] : ['ours', 'nginx']) results[name].push(wrk(`${servers[name].url}/${wasm}`));
  }
  const row = (name) => ({
    rps: median(results[name].map((r) => r.rps)),
    p50: median(results[name].map((r) => r.p50)),
    p99: median(results[name].map((r) => r.p99)),
    all: results[name].map((r) => r.rps.toFixed(0)).join(', '),
    errors: results[name].map((r) => r.errors).filter(Boolean).join('; '),
  });
  const o = row('ours');
  const n = row('nginx');
  console.log(`\n1. GET /${wasm} (gzip, ${(wasmGz / 1024).toFixed(1)} KB), ${connections} connections, ${runs} × ${seconds} s each, medians`);
  console.log(`   server        req/s     p50 ms   p99 ms   runs (req/s)`);
  for (const [name, r] of [['support-server', o], ['nginx', n]]) {
    console.log(`   ${name.padEnd(13)} ${r.rps.toFixed(0).padStart(7)}  ${r.p50.toFixed(2).padStart(8)} ${r.p99.toFixed(2).padStart(8)}   ${r.all}${r.errors ? '   errors: ' + r.errors : ''}`);
  }
  console.log(`   ratio ours/nginx: requests/s ${(o.rps / n.rps).toFixed(2)}× (target ≥ 0.8×), p99 ${(o.p99 / n.p99).toFixed(2)}× (target ≤ 1.5×)`);

  // 2. /healthz alone, then while slow clients download a large file.
  console.log(`\n2. GET /healthz, 8 connections, ${seconds} s: alone, then with ${slowClients} clients downloading a ${LARGE_BYTES / 1048576} MB file at ${SLOW_RATE}B/s each`);
  console.log(`   server        p99 alone  p99 with downloads   RSS alone → during downloads`);
  for (const [name, s] of [['support-server', servers.ours], ['nginx', servers.nginx]]) {
    const alone = wrk(`${s.url}/healthz`, { c: 8, gzip: false });
    const rssBefore = rssKb(s.pids());
    const downloads = startSlowDownloads(`${s.url}/large.bin`, slowClients);
    await sleep(1000);
    const loaded = wrk(`${s.url}/healthz`, { c: 8, gzip: false });
    const rssDuring = rssKb(s.pids());
    for (const d of downloads) d.kill('SIGTERM');
    await sleep(200);
    console.log(`   ${name.padEnd(13)} ${alone.p99.toFixed(2).padStart(6)} ms  ${loaded.p99.toFixed(2).padStart(9)} ms           ` +
      `${(rssBefore / 1024).toFixed(1)} → ${(rssDuring / 1024).toFixed(1)} MB${loaded.errors ? '   errors: ' + loaded.errors : ''}`);
  }
} finally {
  await nginx.stop();
  await ours.stop();
  fs.rmSync(work, { recursive: true, force: true });
}
