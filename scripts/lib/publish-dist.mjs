// Publishes the build into dist/: content-hashed core and font files (served as immutable), the
// loader and the console page with those names written into their manifests, a .gz beside every
// compressible file (support-server sends it when the browser accepts gzip), and a size table.
// The .gz files are made with zopfli (Debian's zopfli: gzip any browser reads, 3–5% smaller than
// gzip -9), cached under build/gzip-cache by content so an unchanged file is not compressed again.
//
//   node scripts/lib/publish-dist.mjs        (scripts/build runs it)
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { gunzipSync, gzipSync } from 'node:zlib';
import { minify } from 'terser';
import { buildLoader, withManifest } from './loader-build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = join(root, 'dist');
const wasmBuild = join(root, 'build', 'wasm');

const gzipCache = join(root, 'build', 'gzip-cache');
const haveZopfli = spawnSync('sh', ['-c', 'command -v zopfli'], { stdio: 'ignore' }).status === 0;
if (!haveZopfli) console.warn('[publish-dist] zopfli not found (./scripts/setup installs it): .gz files made with gzip -9, a few KB larger');

// The smallest gzip we can make of the file at `path` (its bytes are `bytes`).
function gzipBest(path, bytes) {
  if (!haveZopfli) return gzipSync(bytes, { level: 9 });
  const cached = join(gzipCache, `${createHash('sha256').update(bytes).digest('hex')}.gz`);
  if (existsSync(cached)) return readFileSync(cached);
  const run = spawnSync('zopfli', ['-c', path], { maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0 || !gunzipSync(run.stdout).equals(bytes)) throw new Error(`zopfli failed on ${path}: ${run.stderr}`);
  mkdirSync(gzipCache, { recursive: true });
  writeFileSync(cached, run.stdout);
  return run.stdout;
}

const hashOf = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 10);

function clean() {
  for (const entry of readdirSync(dist)) {
    if (entry !== 'README.md') rmSync(join(dist, entry), { recursive: true, force: true });
  }
}

function write(relPath, bytes) {
  const path = join(dist, relPath);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  return relPath;
}

// Emscripten's -Os output keeps every local name of its JS glue (and of web_library.js); terser's
// mangling of them saves about 4 KB gzip per core, downloaded on every first open.
async function minifyGlue(source) {
  const { code } = await minify(source, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  return Buffer.from(code);
}

// A core built in build/wasm/<buildDir>, published into dist/<relDir>. Its .mjs and .wasm are hashed
// together: the JS glue and the module must match. `extras` are ES modules the core imports on
// demand, published as <stem>.<hash>.<name>.mjs under the same hash (their bytes are part of it),
// so the loader derives their names from the core's.
async function publishCore(buildDir, stem, relDir, extras = {}) {
  const js = await minifyGlue(readFileSync(join(wasmBuild, buildDir, `${stem}.mjs`), 'utf8'));
  const wasm = readFileSync(join(wasmBuild, buildDir, `${stem}.wasm`));
  const extraJs = {};
  for (const [name, source] of Object.entries(extras)) extraJs[name] = await minifyGlue(readFileSync(source, 'utf8'));
  const hash = hashOf(Buffer.concat([js, wasm, ...Object.values(extraJs)]));
  const published = {
    core: write(join(relDir, `${stem}.${hash}.mjs`), js),
    wasm: write(join(relDir, `${stem}.${hash}.wasm`), wasm),
  };
  for (const [name, bytes] of Object.entries(extraJs)) published[name] = write(join(relDir, `${stem}.${hash}.${name}.mjs`), bytes);
  return published;
}

const relativeTo = (fromDir, path) => relative(fromDir, path).split('\\').join('/');

async function main() {
  mkdirSync(dist, { recursive: true });
  clean();

  // The Latin family under one hash (of all four files), so the loader names only the regular face
  // and derives the others (name.<hash>.ttf → name-bold.<hash>.ttf). Bold, italic and bold italic
  // are fetched by the core only when a view first draws text in them.
  // The Hebrew and Arabic faces share the hash too (noto-sans-latin.<hash>.ttf → noto-sans-hebrew.<hash>.ttf):
  // the core fetches each the first time text in its script is drawn.
  const fontStems = ['noto-sans-latin', 'noto-sans-latin-bold', 'noto-sans-latin-italic', 'noto-sans-latin-bold-italic',
    'noto-sans-hebrew', 'noto-sans-hebrew-bold', 'noto-sans-arabic', 'noto-sans-arabic-bold'];
  const fontBytes = fontStems.map((stem) => readFileSync(join(root, 'build', 'fonts', `${stem}.ttf`)));
  // The widget's words in Hebrew, Arabic and Persian (English is compiled in) share that hash, so the
  // core finds them beside the fonts: messages/he.<hash>.json. Each is checked and minified here.
  const languages = ['en', 'he', 'ar', 'fa'];
  const messageBytes = languages.map((lang) => {
    const file = join(root, 'widget', 'messages', `${lang}.json`);
    let catalogue;
    try {
      catalogue = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`${file}: ${error.message}`);
    }
    return Buffer.from(JSON.stringify(catalogue));
  });
  const fontHash = hashOf(Buffer.concat([...fontBytes, ...messageBytes]));
  const [font, ...styleFontList] = fontStems.map((stem, i) => write(join('fonts', `${stem}.${fontHash}.ttf`), fontBytes[i]));
  languages.forEach((lang, i) => write(join('messages', `${lang}.${fontHash}.json`), messageBytes[i]));
  const styleFonts = { bold: styleFontList[0], italic: styleFontList[1], boldItalic: styleFontList[2] };
  const scriptFonts = { hebrew: styleFontList[3], hebrewBold: styleFontList[4], arabic: styleFontList[5], arabicBold: styleFontList[6] };

  // The guide overlay: imported by the core only when a guide first shows a step on the page; the
  // feedback outbox when the shopper first gives feedback (or unsent feedback waits); the inline
  // "Was this page helpful?" spots by the loader, without the core, when a page has one.
  const widget = await publishCore('widget', 'support-widget-core', '', {
    guide: join(root, 'shared', 'web', 'guide_overlay.mjs'),
    feedback: join(root, 'shared', 'web', 'feedback_outbox.mjs'),
    spots: join(root, 'widget', 'loader', 'feedback_spots.mjs'),
  });
  const guideOverlay = widget.guide;
  const loaderSource = readFileSync(join(root, 'widget', 'loader', 'support-widget.js'), 'utf8');
  write('support-widget.js', await buildLoader(loaderSource, { core: widget.core, wasm: widget.wasm, font }));

  const consoleCore = await publishCore('console', 'support-console-core', 'console');
  const consoleManifest = {
    core: relativeTo('console', consoleCore.core),
    wasm: relativeTo('console', consoleCore.wasm),
    font: relativeTo('console', font),
  };
  write('console/index.html', readFileSync(join(root, 'console', 'index.html')));
  write('console/console.css', readFileSync(join(root, 'console', 'console.css')));
  write('console/console.js', withManifest(readFileSync(join(root, 'console', 'console.js'), 'utf8'), consoleManifest));

  // Pre-compressed copies, and the size table.
  const rows = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (!entry.endsWith('.gz') && entry !== 'README.md') {
        const bytes = readFileSync(path);
        const gz = gzipBest(path, bytes);
        writeFileSync(`${path}.gz`, gz);
        rows.push({ file: relative(dist, path), raw: bytes.length, gzip: gz.length });
      }
    }
  };
  walk(dist);
  rows.sort((a, b) => a.file.localeCompare(b.file));

  const gz = (rel) => rows.find((r) => r.file === rel).gzip;
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const width = Math.max(...rows.map((r) => r.file.length));
  console.log(`\ndist/ (raw, gzip)`);
  for (const r of rows) console.log(`  ${r.file.padEnd(width)}  ${kb(r.raw).padStart(9)}  ${kb(r.gzip).padStart(9)}`);
  const beforeInteraction = gz('support-widget.js');
  const panelOpen = beforeInteraction + gz(widget.core) + gz(widget.wasm) + gz(font);
  console.log(`  before interaction (loader):          ${kb(beforeInteraction)} gzip   (budget 4 KB)`);
  console.log(`  opening the panel (loader+core+font): ${kb(panelOpen)} gzip   (budget 250 KB)`);
  const styleFontsGzip = Object.values(styleFonts).map(gz);
  console.log(`  bold / italic / bold italic, each on first use: ${styleFontsGzip.map(kb).join(' / ')} gzip`);
  const scriptFontsGzip = Object.fromEntries(Object.entries(scriptFonts).map(([name, file]) => [name, gz(file)]));
  console.log(`  Hebrew / Hebrew bold, when first drawn: ${kb(scriptFontsGzip.hebrew)} / ${kb(scriptFontsGzip.hebrewBold)} gzip`);
  console.log(`  Arabic / Arabic bold, when first drawn: ${kb(scriptFontsGzip.arabic)} / ${kb(scriptFontsGzip.arabicBold)} gzip`);
  console.log(`  guide overlay, when a guide first shows a step: ${kb(gz(guideOverlay))} gzip`);
  console.log(`  feedback outbox, when feedback is first given: ${kb(gz(widget.feedback))} gzip`);
  console.log(`  inline feedback spots, on a page with one:    ${kb(gz(widget.spots))} gzip`);
  writeFileSync(
    join(root, 'build', 'dist-sizes.json'),
    JSON.stringify({ files: rows, beforeInteractionGzip: beforeInteraction, panelOpenGzip: panelOpen, styleFontsGzip, scriptFontsGzip, guideOverlayGzip: gz(guideOverlay), feedbackOutboxGzip: gz(widget.feedback), feedbackSpotsGzip: gz(widget.spots) }, null, 2),
  );
}

main().catch((error) => {
  console.error(`[publish-dist] error: ${error.message}`);
  process.exit(1);
});
