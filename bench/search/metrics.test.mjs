// The search benchmark's metrics against a hand-computed example (node --test bench/search/metrics.test.mjs).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstRelevantRank, qualityMetrics } from './metrics.mjs';

const tenOthers = Array.from({ length: 10 }, (_, i) => `other-${i}`);

// Five answerable queries (reciprocal ranks 1/2, 1, 0, 0, 1/3) and two no-answer queries.
const queries = [
  { kind: 'paraphrase', relevant: ['a'] }, //   ranked 2nd                  → 1/2
  { kind: 'paraphrase', relevant: ['d', 'e'] }, // either id counts, 1st → 1
  { kind: 'typo', relevant: ['a'] }, //         nothing returned            → 0, a zero-result query
  { kind: 'typo', relevant: ['c'] }, //         11th: outside the top 10     → 0
  { kind: 'no-answer', relevant: [] }, //       returned something           → a false hit
  { kind: 'no-answer', relevant: [] }, //       returned nothing
  { kind: 'prefix', relevant: ['f'] }, //       ranked 3rd                  → 1/3
];
const results = [
  { ids: ['b', 'a', 'c'] },
  { ids: ['e', 'd'] },
  { ids: [] },
  { ids: [...tenOthers, 'c'] },
  { ids: ['a'] },
  { ids: [] },
  { ids: ['g', 'h', 'f'] },
];

test('the first relevant id within the top 10 gives the rank; none there gives 0', () => {
  assert.equal(firstRelevantRank(['b', 'a', 'c'], ['a']), 2);
  assert.equal(firstRelevantRank(['e', 'd'], ['d', 'e']), 1);
  assert.equal(firstRelevantRank([...tenOthers, 'c'], ['c']), 0);
  assert.equal(firstRelevantRank([], ['a']), 0);
});

test('MRR@10, Success@1 and Success@10 average over answerable queries only', () => {
  const m = qualityMetrics(queries, results);
  assert.equal(m.answerable, 5);
  assert.equal(m.no_answer, 2);
  assert.ok(Math.abs(m.mrr10 - (1 / 2 + 1 + 0 + 0 + 1 / 3) / 5) < 1e-12);
  assert.equal(m.s1, 1 / 5);
  assert.equal(m.s10, 3 / 5);
});

test('per-kind MRR@10 lists each answerable kind with its query count, in table order', () => {
  const m = qualityMetrics(queries, results);
  assert.deepEqual(Object.keys(m.by_kind), ['paraphrase', 'typo', 'prefix']);
  assert.deepEqual(m.by_kind.paraphrase, { n: 2, mrr10: 0.75 });
  assert.deepEqual(m.by_kind.typo, { n: 2, mrr10: 0 });
  assert.equal(m.by_kind.prefix.n, 1);
  assert.ok(Math.abs(m.by_kind.prefix.mrr10 - 1 / 3) < 1e-12);
});

test('zero-result rate counts answerable queries with no result; no-answer queries do not count', () => {
  assert.equal(qualityMetrics(queries, results).zero_result_rate, 1 / 5);
});

test('no-answer returned rate is the share of no-answer queries that returned anything', () => {
  const m = qualityMetrics(queries, results);
  assert.equal(m.no_answer_returned_rate, 1 / 2);
  assert.equal(m.no_answer_confident_rate, null, 'an engine without a confidence notion has no confident rate');
});

test('with a confidence threshold, only hits above it count as a confident false hit', () => {
  const below = results.map((r, i) => ({ ...r, confident: i === 4 ? 0 : r.ids.length }));
  assert.equal(qualityMetrics(queries, below).no_answer_confident_rate, 0);
  const above = results.map((r, i) => ({ ...r, confident: i === 4 ? 1 : 0 }));
  assert.equal(qualityMetrics(queries, above).no_answer_confident_rate, 1 / 2);
  assert.equal(qualityMetrics(queries, above).no_answer_returned_rate, 1 / 2);
});

test('a set without no-answer queries reports its no-answer rates as not applicable', () => {
  const answerableOnly = queries.filter((q) => q.kind !== 'no-answer');
  const m = qualityMetrics(answerableOnly, results.filter((_, i) => queries[i].kind !== 'no-answer'));
  assert.equal(m.no_answer_returned_rate, null);
  assert.equal(m.zero_result_rate, 1 / 5);
});

test('kinds a data set adds later follow the known ones alphabetically', () => {
  const m = qualityMetrics(
    [
      { kind: 'zeta', relevant: ['a'] },
      { kind: 'keywords', relevant: ['a'] },
      { kind: 'alpha', relevant: ['a'] },
    ],
    [{ ids: ['a'] }, { ids: [] }, { ids: ['b', 'a'] }],
  );
  assert.deepEqual(Object.keys(m.by_kind), ['keywords', 'alpha', 'zeta']);
  assert.deepEqual(m.by_kind.alpha, { n: 1, mrr10: 0.5 });
});
