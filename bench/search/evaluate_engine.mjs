// Runs one engine over one evaluation pair and gathers everything the report needs: the quality
// pass (each query once, top-10 kept for --raw), warm latency, build time, index memory and the
// bytes a page downloads. A query that throws counts as zero results and is reported; a build
// that throws makes the engine's row an error for this pair, never the end of the run.
import { measureBuildMs, measureIndexBytes } from './build_cost.mjs';
import { codeGzipBytes, gzipBytes } from './code_size.mjs';
import { measureLatency } from './latency.mjs';
import { CUTOFF, firstRelevantRank, qualityMetrics } from './metrics.mjs';

function runQualityPass(engine, queries) {
  const results = [];
  for (const query of queries) {
    const result = { ids: [] };
    try {
      const ids = engine.search(query.q);
      if (!Array.isArray(ids)) throw new Error(`search returned ${typeof ids}, not an array of ids`);
      result.ids = ids.slice(0, CUTOFF).map(String);
      if (typeof engine.lastConfidentCount === 'function') result.confident = engine.lastConfidentCount();
    } catch (error) {
      result.error = String(error && error.message ? error.message : error).split('\n')[0];
      if (typeof engine.lastConfidentCount === 'function') result.confident = 0;
    }
    results.push(result);
  }
  return results;
}

async function downloadBytes(engine, pair) {
  const code = await codeGzipBytes(engine.codeFiles());
  const serialized = await engine.serializedIndex();
  let data = serialized == null ? 0 : gzipBytes(serialized);
  if (typeof engine.contentBundle === 'function') data += gzipBytes(engine.contentBundle(pair.docs, pair.lang));
  return { code, data, total: code + data };
}

/** Everything measured for `engine` on `pair`; `{ error }` when its index could not be built. */
export async function evaluateEngine(engine, pair, { runs }) {
  try {
    // One untimed build first, so that heap growth is the index, not the library's code warming up.
    await engine.build(pair.docs, pair.lang);
    const heapBytes = await measureIndexBytes(engine, pair.docs, pair.lang);
    const ownIndexBytes = typeof engine.indexBytes === 'function' ? engine.indexBytes() : null;
    const results = runQualityPass(engine, pair.queries);
    // The quality pass just ran every query once, untimed: that is the warm-up pass.
    const latency = measureLatency(engine.search, pair.queries.map((query) => query.q), runs, { warmedUp: true });
    const download = await downloadBytes(engine, pair);
    const config = engine.config;
    const build = await measureBuildMs(engine, pair.docs, pair.lang);
    engine.drop();
    const raw = pair.queries.map((query, i) => ({
      line: query.line,
      q: query.q,
      kind: query.kind,
      relevant: query.relevant,
      rank: firstRelevantRank(results[i].ids, query.relevant),
      ids: results[i].ids,
      ...('confident' in results[i] ? { confident: results[i].confident } : {}),
      ...(results[i].error ? { error: results[i].error } : {}),
    }));
    return {
      name: engine.name,
      version: engine.version,
      config,
      quality: qualityMetrics(pair.queries, results),
      latency,
      build,
      heapBytes,
      ownIndexBytes,
      download,
      queryErrors: raw.filter((record) => record.error),
      raw,
    };
  } catch (error) {
    try {
      engine.drop();
    } catch {
      // The engine is already in a bad state; its row reports the first error.
    }
    return { name: engine.name, version: engine.version, config: engine.config, error: String(error?.stack || error) };
  }
}
