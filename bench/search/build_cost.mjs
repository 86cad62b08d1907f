// What building an index costs: wall time from already-parsed documents to a ready index (median of
// several builds) and the memory the built index holds. Peers are measured as JS heap growth
// (gc() before and after, so run node with --expose-gc); an engine that keeps its index outside the
// JS heap (our WASM module) reports its own counter through `heapBytes()`.
import { performance } from 'node:perf_hooks';

export const BUILD_REPEATS = 5;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function collectGarbage() {
  if (typeof globalThis.gc !== 'function') {
    throw new Error('index memory needs a forced GC: run node with --expose-gc (./scripts/bench search does)');
  }
  // Twice: the first pass may only free objects whose finalizers release more.
  globalThis.gc();
  globalThis.gc();
}

/**
 * Median build time in ms over `repeats` fresh builds of `engine` (each replaces the previous
 * index); `coreMs` is the median of the engine's own `lastCoreBuildMs` when it reports one.
 */
export async function measureBuildMs(engine, docs, lang, repeats = BUILD_REPEATS) {
  const times = [];
  const coreTimes = [];
  for (let i = 0; i < repeats; i++) {
    engine.drop();
    collectGarbage();
    const start = performance.now();
    await engine.build(docs, lang);
    times.push(performance.now() - start);
    if (typeof engine.lastCoreBuildMs === 'number') coreTimes.push(engine.lastCoreBuildMs);
  }
  return { ms: median(times), coreMs: coreTimes.length > 0 ? median(coreTimes) : null };
}

export const HEAP_REPEATS = 3;

async function indexBytesOnce(engine, docs, lang) {
  engine.drop();
  if (typeof engine.heapBytes === 'function') {
    await engine.build(docs, lang);
    return engine.heapBytes();
  }
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  await engine.build(docs, lang);
  collectGarbage();
  return Math.max(0, process.memoryUsage().heapUsed - before);
}

/**
 * Bytes the built index holds: the engine's own counter when it has one, else JS heap growth.
 * Median of HEAP_REPEATS builds: a single heap delta is occasionally off (a library can keep its
 * previous instance reachable until the next one replaces it). Leaves the last index built.
 */
export async function measureIndexBytes(engine, docs, lang, repeats = HEAP_REPEATS) {
  const samples = [];
  for (let i = 0; i < repeats; i++) samples.push(await indexBytesOnce(engine, docs, lang));
  return median(samples);
}
