// Several support-server instances on one PostgreSQL database behind a load balancer, on loopback,
// for the scale-out tests and `./scripts/bench chat --instances N`:
//
//   const postgres = startPostgres(workDir);           // { url, stop() }: a database of its own
//   const a = await startServer({ db: postgres.url, … }), b = …;
//   const balancer = await startBalancer(workDir, [a.url, b.url]);   // { url, stop() }
//
// PostgreSQL is Debian's, in a throwaway cluster (scripts/lib/postgres-cluster); `fast` turns its
// fsync off (tests), benchmarks keep the durable defaults. The balancer is HAProxy from Debian,
// round robin, passing event streams through (`timeout tunnel`), checking /healthz every 200 ms,
// sending a request whose instance refused the connection to another (`option redispatch`) and
// naming the client in X-Forwarded-For (`option forwardfor`; start the instances with
// `--trusted-proxy 127.0.0.1` to believe it).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { repoRoot } from './harness.mjs';

const cluster = path.join(repoRoot, 'scripts', 'lib', 'postgres-cluster');

export function startPostgres(workDir, { fast = false } = {}) {
  const urlFile = path.join(workDir, 'postgres.url');
  const started = spawnSync(cluster, ['start-temp', urlFile, ...(fast ? ['--fast'] : [])], { encoding: 'utf8' });
  if (started.status !== 0) throw new Error(`PostgreSQL did not start: ${started.stderr}`);
  const maintenance = started.stdout.trim();
  const created = spawnSync('psql', [maintenance, '-qc', 'CREATE DATABASE support'], { encoding: 'utf8' });
  if (created.status !== 0) throw new Error(`CREATE DATABASE failed: ${created.stderr}`);
  return {
    url: maintenance.replace(/\/postgres$/, '/support'),
    query: (sql) => spawnSync('psql', [maintenance.replace(/\/postgres$/, '/support'), '-tAc', sql], { encoding: 'utf8' }).stdout.trim(),
    stop: () => spawnSync(cluster, ['stop-temp', urlFile]),
  };
}

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function startBalancer(workDir, backendUrls, { maxConnections = 4000 } = {}) {
  if (spawnSync('sh', ['-c', 'command -v haproxy']).status !== 0) throw new Error('haproxy is missing (./scripts/setup installs it)');
  const port = await freePort();
  const config = path.join(workDir, 'haproxy.cfg');
  fs.writeFileSync(config, [
    'global',
    `    maxconn ${maxConnections}`,
    'defaults',
    '    mode http',
    '    timeout connect 2s',
    '    timeout client 1h',
    '    timeout server 1h',
    '    timeout tunnel 1h',
    '    retries 3',
    '    option redispatch 1',
    'frontend shoppers_and_staff',
    `    bind 127.0.0.1:${port}`,
    '    default_backend support_servers',
    'backend support_servers',
    '    balance roundrobin',
    '    option forwardfor',
    '    option httpchk GET /healthz',
    ...backendUrls.map((url, i) => `    server s${i + 1} ${new URL(url).host} check inter 200 fall 1 rise 2`),
    '',
  ].join('\n'));
  const child = spawn('haproxy', ['-f', config, '-db'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 10_000;
  for (;;) {
    const up = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => { socket.destroy(); resolve(true); });
      socket.on('error', () => resolve(false));
    });
    if (up) break;
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`haproxy did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    }),
  };
}

/**
 * An event stream read as EventSource reads it, over its own connection: calls onEvent({id, data})
 * for each event with data (`id` '' when it has none); resolves to { ok, status, ended, close() } once
 * the response head arrived (ok: 200). `ended` turns true when the server closes it.
 */
export function openEventStream(base, target, headers, onEvent) {
  const { hostname, port } = new URL(base);
  return new Promise((resolve) => {
    const req = http.get({ host: hostname, port, path: target, agent: false, headers: { Accept: 'text/event-stream', ...headers } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        resolve({ ok: false, status: res.statusCode, ended: true, close() {} });
        return;
      }
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const lines = buffer.slice(0, end).split('\n');
          buffer = buffer.slice(end + 2);
          const id = (lines.find((line) => line.startsWith('id: ')) || '').slice(4);
          const data = lines.filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n');
          if (data) onEvent({ id, data });
        }
      });
      const stream = { ok: true, status: 200, ended: false, close: () => req.destroy() };
      res.on('error', () => {});
      res.on('close', () => (stream.ended = true));
      resolve(stream);
    });
    req.on('error', (error) => resolve({ ok: false, status: error.code, ended: true, close() {} }));
  });
}
