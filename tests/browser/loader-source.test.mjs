// The loader's source, built by the same function scripts/lib/publish-dist.mjs uses: size budget and the
// habits STYLE.md rules out for a script pasted into someone else's page.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import zlib from 'node:zlib';
import { buildLoader } from '../../scripts/lib/loader-build.mjs';
import { repoRoot } from './harness.mjs';

const source = fs.readFileSync(path.join(repoRoot, 'widget/loader/support-widget.js'), 'utf8');
const MARKERS = /\/\*SW_MANIFEST\*\/[\s\S]*?\/\*SW_MANIFEST_END\*\//;

describe('loader source', () => {
  it('has the manifest markers the build replaces', () => {
    assert.match(source, MARKERS);
  });

  it('is at most 4 KB gzip once minified with a real manifest', async () => {
    const manifest = {
      core: 'support-widget-core.0123456789.mjs',
      wasm: 'support-widget-core.0123456789.wasm',
      font: 'fonts/noto-sans-latin.0123456789.ttf',
    };
    const code = await buildLoader(source, manifest);
    const gzip = zlib.gzipSync(code, { level: 9 }).length;
    assert.ok(gzip <= 4096, `the minified loader is ${gzip} bytes gzip (budget 4096)`);
    assert.ok(code.includes(manifest.core), 'the manifest did not survive minification');
  });

  it("avoids what breaks host pages: onmessage =, postMessage(…, '*'), a z-index the page cannot change, inline style", () => {
    const forbidden = {
      'window.onmessage =': /onmessage\s*=/,
      'postMessage(': /postMessage\s*\(/,
      'a fixed !important z-index': /z-index:\s*\d+\s*!important/,
      'an inline style attribute': /\.style\s*[.=[]|setAttribute\(\s*['"]style['"]|\sstyle=/,
    };
    for (const [what, pattern] of Object.entries(forbidden)) {
      const match = pattern.exec(source);
      assert.ok(!match, `the loader uses ${what}: …${match && source.slice(match.index - 40, match.index + 40)}…`);
    }
  });
});
