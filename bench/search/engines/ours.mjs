// Our engine as the browser runs it: the production search code compiled to WebAssembly
// (build/wasm/bench/search_bench.mjs + .wasm, built by ./scripts/build), driven through its C API.
// Every call pays the string marshalling the widget pays (UTF-8 into the module's heap, the ids
// back out), so it is inside the timed region. The index is built in the browser from the content
// bundle, so what a page downloads is the module plus that bundle, not a serialized index.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './package_info.mjs';

// SW_SEARCH_BENCH_MODULE points at another build of the module (e.g. to compare two builds).
export const OURS_MODULE = path.resolve(repoRoot, process.env.SW_SEARCH_BENCH_MODULE || 'build/wasm/bench/search_bench.mjs');
const OURS_WASM = OURS_MODULE.replace(/\.mjs$/, '.wasm');
const LIMIT = 10;

async function loadModule() {
  if (!fs.existsSync(OURS_MODULE) || !fs.existsSync(OURS_WASM)) {
    const shown = OURS_MODULE.startsWith(repoRoot + path.sep) ? path.relative(repoRoot, OURS_MODULE) : OURS_MODULE;
    throw new Error(
      `our engine's WASM build is missing (${shown} and its .wasm): run ./scripts/build first ` +
        '(or leave it out with --engines minisearch,flexsearch,lunr,fuse.js,orama)',
    );
  }
  const { default: createSearchBench } = await import(pathToFileURL(OURS_MODULE).href);
  // Built for the web (as shipped), the module would fetch() its .wasm; Node cannot fetch a file URL,
  // so it gets the bytes directly.
  return createSearchBench({ wasmBinary: fs.readFileSync(OURS_WASM) });
}

/** Copies `text` into the module heap as NUL-terminated UTF-8; the caller frees the pointer. */
function allocString(m, text) {
  const size = m.lengthBytesUTF8(text) + 1;
  const pointer = m._malloc(size);
  m.stringToUTF8(text, pointer, size);
  return pointer;
}

export async function createOursEngine() {
  const m = await loadModule();
  let queryBuffer = 0;
  let queryCapacity = 0;
  let baselineHeap = 0;
  const engine = {
    name: 'ours',
    // Which build ran: the first 12 hex digits of the .wasm's SHA-256.
    version: `wasm sha256:${crypto.createHash('sha256').update(fs.readFileSync(OURS_WASM)).digest('hex').slice(0, 12)}`,
    config: 'shared/core/search compiled to WASM with the shipped core\'s flags; SearchIndex::build over title + body, search with default options, limit 10',
    /** Time spent inside _sw_bench_build alone on the last build (the rest is copying documents in). */
    lastCoreBuildMs: 0,
    async build(docs, lang) {
      m._sw_bench_reset();
      baselineHeap = Number(m._sw_bench_heap_bytes());
      const langPointer = allocString(m, lang);
      for (const doc of docs) {
        const pointers = [allocString(m, doc.id), allocString(m, doc.title), allocString(m, doc.body)];
        const status = m._sw_bench_add_document(pointers[0], langPointer, pointers[1], pointers[2]);
        for (const pointer of pointers) m._free(pointer);
        if (status !== 0) {
          m._free(langPointer);
          throw new Error(`_sw_bench_add_document failed (status ${status}) on document "${doc.id}"`);
        }
      }
      m._free(langPointer);
      const start = performance.now();
      const status = m._sw_bench_build();
      engine.lastCoreBuildMs = performance.now() - start;
      if (status !== 0) throw new Error(`_sw_bench_build failed (status ${status})`);
    },
    drop() {
      m._sw_bench_reset();
    },
    search(q) {
      const size = m.lengthBytesUTF8(q) + 1;
      if (size > queryCapacity) {
        if (queryBuffer) m._free(queryBuffer);
        queryCapacity = Math.max(size, 2 * queryCapacity, 256);
        queryBuffer = m._malloc(queryCapacity);
      }
      m.stringToUTF8(q, queryBuffer, size);
      const text = m.UTF8ToString(m._sw_bench_search(queryBuffer, LIMIT));
      return text === '' ? [] : text.split('\n');
    },
    /** Hits of the last search that cleared the engine's confidence threshold. */
    lastConfidentCount() {
      return Number(m._sw_bench_confident_count());
    },
    /** Bytes malloc'ed by the documents copied in + the index, since the reset before the last build. */
    heapBytes() {
      return Number(m._sw_bench_heap_bytes()) - baselineHeap;
    },
    /** The index's own estimate of its size (documents excluded), when the module exports it. */
    indexBytes() {
      return typeof m._sw_bench_index_bytes === 'function' ? Number(m._sw_bench_index_bytes()) : null;
    },
    serializedIndex() {
      return null;
    },
    /**
     * The content bundle the server sends (GET /api/v1/sites/{site}/content?locale=…) as
     * serialize_article_bundle writes it: keys sorted (nlohmann::json objects), empty lists kept.
     */
    contentBundle(docs, lang) {
      const articles = docs.map((doc) => ({
        body: doc.body,
        id: doc.id,
        locale: lang,
        pages: [],
        products: [],
        synonyms: [],
        tags: [],
        title: doc.title,
      }));
      return JSON.stringify({ articles, locale: lang, site: 'bench' });
    },
    codeFiles() {
      return [{ file: OURS_WASM }, { file: OURS_MODULE }];
    },
  };
  return engine;
}
