// First-light budgets, measured on the real build in Debian's Chromium against support-server:
// bytes a store page pays before interaction, bytes and time to open the panel (cold cache), and
// frames drawn while idle. Reported as numbers and ratios to the budgets; never pass/fail.
//
//   ./scripts/bench first-light [--runs N]
import { launchBrowser, openPage, sleep, startServer, waitFor, widget } from '../tests/browser/harness.mjs';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const BUDGET = { loaderGzip: 4 * 1024, openGzip: 250 * 1024, idleFps: 0 };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

async function transferred(page, requests) {
  let bytes = 0;
  for (const request of requests) {
    const sizes = await request.sizes().catch(() => null);
    if (sizes) bytes += sizes.responseBodySize + sizes.responseHeadersSize;
  }
  return bytes;
}

async function measureOnce(browser, baseUrl) {
  const { page, context } = await openPage(browser);
  const before = [];
  const after = [];
  let opened = false;
  page.on('requestfinished', (request) => (opened ? after : before).push(request));
  await page.goto(`${baseUrl}/index.html`, { waitUntil: 'networkidle' });
  const pageOwn = before.filter((r) => !r.url().endsWith('/support-widget.js'));
  const loader = before.filter((r) => r.url().endsWith('/support-widget.js'));

  const w = widget(page);
  opened = true;
  const start = performance.now();
  await w.launcher.click();
  await waitFor(async () => (await w.debug()).frames > 0, { timeout: 20_000, message: 'first frame' });
  const firstFrameMs = performance.now() - start;
  await page.waitForLoadState('networkidle');

  await sleep(1000);
  const f0 = (await w.debug()).frames;
  await sleep(5000);
  const idleFps = ((await w.debug()).frames - f0) / 5;
  const jsHeap = await page.evaluate(() => (performance.memory ? performance.memory.usedJSHeapSize : 0));

  const result = {
    pageBytes: await transferred(page, pageOwn),
    loaderBytes: await transferred(page, loader),
    openBytes: await transferred(page, after),
    openRequests: after.length,
    firstFrameMs,
    idleFps,
    jsHeap,
  };
  await context.close();
  return result;
}

const server = await startServer();
const browser = await launchBrowser();
try {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await measureOnce(browser, server.url));
  const m = (key) => median(results.map((r) => r[key]));
  const loaderTotal = m('loaderBytes');
  const openTotal = m('loaderBytes') + m('openBytes');
  console.log(`first light: ${runs} cold-cache runs, median (Chromium ${browser.version()}, loopback)`);
  console.log(`  store page's own files                     ${kb(m('pageBytes'))}`);
  console.log(`  before interaction: loader on the wire      ${kb(loaderTotal)}   ${(loaderTotal / BUDGET.loaderGzip).toFixed(3)}× of the 4 KB budget (${loaderTotal} of ${BUDGET.loaderGzip} bytes)`);
  console.log(`  opening the panel: loader + ${m('openRequests')} requests    ${kb(openTotal)}   ${(openTotal / BUDGET.openGzip).toFixed(2)}× of the 250 KB budget`);
  console.log(`  click → first panel frame                   ${m('firstFrameMs').toFixed(0)} ms (loopback, SwiftShader)`);
  console.log(`  frames per second while idle                ${m('idleFps')}   (budget 0)`);
  console.log(`  JS heap after open                          ${kb(m('jsHeap'))}`);
  console.log('  (bytes are as transferred: gzip bodies plus response headers)');
} finally {
  await browser.close();
  await server.stop();
}
