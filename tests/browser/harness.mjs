// Shared pieces of the browser tests: the real support-server serving demo_site/ and dist/, Debian's
// Chromium through playwright-core, a per-page log of requests and console errors, a poll helper and
// a small PNG decoder for "is this screenshot blank?".
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { after, afterEach, before } from 'node:test';
import { chromium } from 'playwright-core';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Starts `support-server serve` on a free port; resolves to { url, pid, db, output(), kill(), stop() } once it
 * is listening. By default it serves the demo store (demo_site/ and dist/ at /, site "demo");
 * `roots` (folders served at /) and `sites` (["name=DIR"]) replace that. Feedback goes to `db` (a fresh
 * SQLite file in a temporary folder by default); `extraArgs` are passed on.
 */
export async function startServer({ roots, sites, db, extraArgs = [] } = {}) {
  const bin = path.resolve(repoRoot, process.env.SW_SERVER_BIN || 'build/native/server/support-server');
  const dist = path.resolve(repoRoot, process.env.SW_DIST_DIR || 'dist');
  if (!fs.existsSync(bin)) {
    throw new Error(`support-server not found at ${bin}: run ./scripts/build first (or set SW_SERVER_BIN).`);
  }
  if (!fs.existsSync(path.join(dist, 'support-widget.js'))) {
    throw new Error(`${dist}/support-widget.js is missing: run ./scripts/build first (or set SW_DIST_DIR).`);
  }
  const dbDir = db ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'sw-browser-db-'));
  const dbPath = db || path.join(dbDir, 'support.db');
  const args = ['serve', '--host', '127.0.0.1', '--port', '0',
    ...(roots || ['demo_site', dist]).flatMap((root) => ['--root', root]),
    ...(sites || ['demo=demo_site/help']).flatMap((site) => ['--site', site]),
    '--db', dbPath,
    ...extraArgs];
  const child = spawn(bin, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const url = await new Promise((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => fail(new Error('support-server did not report "listening" within 10 s')), 10_000);
    function fail(error) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      error.message += `\n--- support-server output ---\n${output}`;
      reject(error);
    }
    child.on('error', fail);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /support-server listening on (http:\/\/[^\s/]+)/.exec(output);
      if (match && !settled) {
        settled = true;
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    exited.then(({ code, signal }) => fail(new Error(`support-server exited early (code ${code}, signal ${signal})`)));
  });

  return {
    url,
    pid: child.pid,
    db: dbPath,
    output: () => output,
    /** SIGKILL, as a crash or the OOM killer would end it; resolves when it is gone. */
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      return exited;
    },
    async stop() {
      const removeDb = () => dbDir && fs.rmSync(dbDir, { recursive: true, force: true });
      if (child.exitCode !== null || child.signalCode !== null) return removeDb();
      child.kill('SIGTERM');
      const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 5_000));
      if ((await Promise.race([exited, timeout])) === 'timeout') {
        child.kill('SIGKILL');
        await exited;
        removeDb();
        throw new Error('support-server did not exit within 5 s of SIGTERM');
      }
      removeDb();
    },
  };
}

/** Debian's Chromium, headless, software WebGL (SwiftShader), no background traffic. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.SW_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
}

/**
 * Opens a page in `browser` (its own context) and records, for the life of the page:
 * requests (URLs), responses ({url, status, headers}), errors (console.error and uncaught
 * exceptions) and warnings (console.warn).
 */
export async function openPage(browser, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const log = { requests: [], responses: [], errors: [], warnings: [] };
  page.on('request', (request) => log.requests.push(request.url()));
  page.on('response', (response) =>
    log.responses.push({ url: response.url(), status: response.status(), headers: response.headers() })
  );
  page.on('console', (message) => {
    if (message.type() === 'error') log.errors.push(`console.error: ${message.text()}`);
    if (message.type() === 'warning') log.warnings.push(message.text());
  });
  page.on('pageerror', (error) => log.errors.push(`pageerror: ${error.message}`));
  return { page, context, log };
}

/**
 * For a describe() block: starts support-server and Chromium before its tests and stops them after;
 * pages opened with `open()` get their own context, closed after each test. Returns
 * { server, browser, open(contextOptions) → { page, context, log } } (set once `before` has run).
 */
export function useDemoServerAndBrowser() {
  const contexts = [];
  const env = {
    server: null,
    browser: null,
    async open(contextOptions) {
      const opened = await openPage(env.browser, contextOptions);
      contexts.push(opened.context);
      return opened;
    },
  };
  before(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  afterEach(async () => {
    while (contexts.length) await contexts.pop().close();
  });
  return env;
}

/** Calls `probe` until it returns a truthy value (which is returned) or `timeout` ms pass. */
export async function waitFor(probe, { timeout = 10_000, interval = 50, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${message} (last: ${JSON.stringify(last)})`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The widget's words in `lang` (its catalogue, widget/messages/<lang>.json): words(lang)['Yes']. */
export function wordsOf(lang = 'en') {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, 'widget', 'messages', `${lang}.json`), 'utf8'));
}

/** The language of the widget's words on a demo page: /he.html → "he"; English elsewhere. */
export function langOfPage(pagePath) {
  return /\/(he|ar|fa)\.html/.exec(pagePath)?.[1] ?? 'en';
}

/**
 * The controls a shopper finds, by role and name (Playwright pierces the open shadow root), named in
 * `lang`, the language of the page's widget.
 */
export function widget(page, lang = 'en') {
  const words = wordsOf(lang);
  const dialog = page.getByRole('dialog', { name: words['Help'], exact: true });
  return {
    launcher: page.getByRole('button', { name: words['Help'], exact: true }),
    dialog,
    words,
    close: dialog.getByRole('button', { name: words['Close'], exact: true }),
    search: dialog.getByRole('searchbox', { name: words['Search help articles'], exact: true }),
    debug: () => page.evaluate(() => window.SupportWidget('debug')),
  };
}

/** Activates a control from the keyboard (focus, then Enter), as a screen-reader or keyboard user does. */
export async function pressEnter(page, control) {
  await control.waitFor({ timeout: 5_000 });
  await control.focus();
  await page.keyboard.press('Enter');
}

/** True when the launcher button is the focused element (inside the widget's shadow root). */
export function launcherHasFocus(page, lang = 'en') {
  return widget(page, lang).launcher.evaluate(
    (button) => button.getRootNode().activeElement === button && document.activeElement === button.getRootNode().host
  );
}

/**
 * Opens the panel with the launcher — unless it is open already: the session reopens it after a
 * reload or when another tab opened it — and waits until the core has drawn at least one frame.
 */
export async function openPanel(page, lang = 'en') {
  const w = widget(page, lang);
  if ((await w.launcher.getAttribute('aria-expanded')) !== 'true') await w.launcher.click();
  await w.dialog.waitFor({ state: 'visible', timeout: 5_000 });
  await waitFor(async () => {
    const d = await w.debug();
    return d.loaded && d.frames > 0;
  }, { timeout: 20_000, message: 'the core to load and draw a frame (debug().loaded && frames > 0)' });
  return w;
}

// ---- PNG: enough of a decoder for Chromium's screenshots (8-bit RGB/RGBA, not interlaced).

/** Decodes a PNG buffer into { width, height, channels, pixels }. */
export function decodePng(buffer) {
  const signature = '89504e470d0a1a0a';
  if (buffer.subarray(0, 8).toString('hex') !== signature) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    offset += 12 + length;
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [bitDepth, colorType, , , interlace] = data.subarray(8, 13);
      channels = { 2: 3, 6: 4 }[colorType];
      if (bitDepth !== 8 || !channels || interlace !== 0) {
        throw new Error(`unsupported PNG: bit depth ${bitDepth}, colour type ${colorType}, interlace ${interlace}`);
      }
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[out + x - channels] : 0;
      const b = y > 0 ? pixels[out - stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[out - stride + x - channels] : 0;
      let predictor;
      switch (filter) {
        case 0: predictor = 0; break;
        case 1: predictor = a; break;
        case 2: predictor = b; break;
        case 3: predictor = (a + b) >> 1; break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default: throw new Error(`bad PNG filter type ${filter} on row ${y}`);
      }
      pixels[out + x] = (line[x] + predictor) & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

/**
 * The number of distinct colours in a decoded PNG, ignoring a border of `inset` pixels (the panel's
 * rounded corners let the page show through there).
 */
export function countColours({ width, height, channels, pixels }, inset = 0) {
  const seen = new Set();
  for (let y = inset; y < height - inset; y++) {
    for (let x = inset; x < width - inset; x++) seen.add(pixels.readUIntBE((y * width + x) * channels, channels));
  }
  return seen.size;
}

// ---- A store on its own origin: the normal deployment, with the widget served from another one.

const STORE_TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json' };

/**
 * Starts a plain Node HTTP server on another loopback port (another origin) that serves the demo
 * store's pages (demo_site/) and the test pages in tests/browser/pages/, with every snippet's
 * `src="/support-widget.js"` pointed at `widgetUrl` — as a shop pastes the snippet from the help
 * server's domain. `headersFor(pathname)` adds response headers (a CSP) to a page. Resolves to
 * { url, stop() }.
 */
export async function startStoreServer({ widgetUrl, headersFor = () => ({}) }) {
  const roots = [path.join(repoRoot, 'tests/browser/pages'), path.join(repoRoot, 'demo_site')];
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url, 'http://store').pathname);
    const name = pathname.endsWith('/') ? pathname + 'index.html' : pathname;
    const file = name.split('/').includes('..')
      ? null
      : roots.map((root) => path.join(root, name)).find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const ext = path.extname(file);
    let body = fs.readFileSync(file);
    if (ext === '.html') {
      body = body.toString('utf8').replaceAll('src="/support-widget.js"', `src="${widgetUrl}/support-widget.js"`).replaceAll('{{WIDGET_ORIGIN}}', widgetUrl);
    }
    response.writeHead(200, { 'Content-Type': STORE_TYPES[ext] || 'application/octet-stream', 'Cache-Control': 'no-store', ...headersFor(pathname) });
    response.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    stop: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

/**
 * A member of staff signed in to the staff API from a browser context of their own, as the console
 * is: `get(path)` answers with the Response of GET /api/v1/staff<path>; `conversations()` lists the
 * Inbox's chats.
 */
export async function signInStaff(env, email, password) {
  const { context } = await env.open();
  const signedIn = await context.request.post(`${env.server.url}/api/v1/staff/session`, { data: { email, password } });
  if (signedIn.status() !== 200) throw new Error(`staff sign-in: ${signedIn.status()} ${await signedIn.text()}`);
  const get = (path) => context.request.get(`${env.server.url}/api/v1/staff${path}`);
  return { get, conversations: async () => (await (await get('/conversations')).json()).items };
}

/** Adds a staff member to the server's database, as `support-server staff add` does for a shop. */
export function addStaff(db, email, password) {
  const bin = path.resolve(repoRoot, process.env.SW_SERVER_BIN || 'build/native/server/support-server');
  const added = spawnSync(bin, ['staff', 'add', email, '--db', db], { input: `${password}\n`, encoding: 'utf8' });
  if (added.status !== 0) throw new Error(`staff add failed: ${added.stderr}`);
}

/**
 * Feedback support-server stored, read from its SQLite database (sqlite3 reads it while the server
 * runs): rows {id, kind, subject, helpful, comment, page_url, locale, payload} in arrival order.
 * `where` is an SQL condition written by the test itself.
 */
export function feedbackRows(db, where = '1') {
  const out = execFileSync('sqlite3', ['-json', db,
    `SELECT id, kind, subject, helpful, comment, page_url, locale, status, payload FROM feedback WHERE ${where} ORDER BY id`], { encoding: 'utf8' }).trim();
  return out ? JSON.parse(out) : [];
}

/** The newest feedback row's id (0 when none): rows after it are a test's own. */
export function lastFeedbackId(db) {
  return Number(execFileSync('sqlite3', [db, 'SELECT COALESCE(MAX(id), 0) FROM feedback'], { encoding: 'utf8' }).trim());
}
