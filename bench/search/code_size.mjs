// Bytes a store page downloads for an engine: gzip (level 9) of its code as shipped plus gzip of
// what it needs at start-up (a serialized index, or for our engine the corpus it indexes in the
// browser). Engines describe their code with `codeFiles()`, a list of:
//   { file }                 a file shipped as is (a library's own minified browser bundle, our .wasm)
//   { file, minify: true }   a library that ships no minified bundle: its entry, terser-minified
//   { moduleGraph: file }    an ES-module tree that ships no bundle: every module reachable through
//                            relative imports, each terser-minified, concatenated (no tree-shaking,
//                            so an upper bound of what a bundler would emit)
// Each entry is gzipped on its own, as the browser fetches it.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { minify } from 'terser';

export const gzipBytes = (data) => zlib.gzipSync(data, { level: 9 }).length;

const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** Every module file reachable from `entry` through relative import/export specifiers, entry first. */
export function moduleGraphFiles(entry) {
  const seen = new Set();
  const order = [];
  const visit = (file) => {
    const resolved = path.resolve(file);
    if (seen.has(resolved)) return;
    seen.add(resolved);
    order.push(resolved);
    const source = fs.readFileSync(resolved, 'utf8');
    for (const match of source.matchAll(RELATIVE_IMPORT)) {
      const target = path.resolve(path.dirname(resolved), match[1]);
      if (fs.existsSync(target)) visit(target);
    }
  };
  visit(entry);
  return order;
}

async function minified(file) {
  const source = fs.readFileSync(file, 'utf8');
  const result = await minify(source, { module: true, compress: true, mangle: true });
  return result.code;
}

async function entryBytes(entry) {
  if (entry.moduleGraph) {
    const parts = [];
    for (const file of moduleGraphFiles(entry.moduleGraph)) parts.push(await minified(file));
    return Buffer.from(parts.join('\n'));
  }
  if (entry.minify) return Buffer.from(await minified(entry.file));
  return fs.readFileSync(entry.file);
}

const codeCache = new Map();

/** gzip bytes of an engine's code; cached per distinct file list (terser is slow on big trees). */
export async function codeGzipBytes(entries) {
  const key = JSON.stringify(entries);
  if (!codeCache.has(key)) {
    let total = 0;
    for (const entry of entries) total += gzipBytes(await entryBytes(entry));
    codeCache.set(key, total);
  }
  return codeCache.get(key);
}
