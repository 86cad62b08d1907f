// Warm per-query latency: one untimed pass over the query set, then `runs` timed passes, each
// search call timed on its own with process.hrtime.bigint. A call that throws is still timed (the
// shopper waited for it); the quality pass reports the error.

/** Nearest-rank percentile of an ascending array (p in (0, 100]). */
export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

function callQuietly(search, q) {
  try {
    search(q);
  } catch {
    // Counted as zero results in the quality pass; here only the time matters.
  }
}

/**
 * Returns { p50_us, p95_us, samples } for `search(q)` over `queries` (strings). `warmedUp: true`
 * skips the untimed pass when the caller has just run every query once (the quality pass).
 */
export function measureLatency(search, queries, runs, { warmedUp = false } = {}) {
  if (!warmedUp) for (const q of queries) callQuietly(search, q);
  const micros = [];
  for (let run = 0; run < runs; run++) {
    for (const q of queries) {
      const start = process.hrtime.bigint();
      callQuietly(search, q);
      const end = process.hrtime.bigint();
      micros.push(Number(end - start) / 1000);
    }
  }
  micros.sort((a, b) => a - b);
  return { p50_us: percentile(micros, 50), p95_us: percentile(micros, 95), samples: micros.length };
}
