// Quality metrics of one engine on one judged query set, as defined in
// shared/eval/search/README.md ("Metrics"): MRR@10, Success@1/@10, MRR@10 per query kind,
// zero-result rate over answerable queries, and the share of no-answer queries that returned
// anything (plus, for an engine with a confidence threshold, anything above it).
import { NO_ANSWER } from './eval_data.mjs';

export const CUTOFF = 10;

// Kinds in the order tables show them; kinds a data set adds later follow alphabetically.
export const KIND_ORDER = ['paraphrase', 'keywords', 'typo', 'prefix', 'rtl-variant'];

/** 1-based rank of the first relevant id within the top CUTOFF, or 0 when none is there. */
export function firstRelevantRank(ids, relevant) {
  const wanted = new Set(relevant);
  const top = ids.slice(0, CUTOFF);
  for (let i = 0; i < top.length; i++) if (wanted.has(top[i])) return i + 1;
  return 0;
}

export function orderKinds(kinds) {
  const known = KIND_ORDER.filter((k) => kinds.includes(k));
  const other = kinds.filter((k) => !KIND_ORDER.includes(k) && k !== NO_ANSWER).sort();
  return [...known, ...other];
}

const share = (count, total) => (total === 0 ? null : count / total);

/**
 * queries: [{ relevant, kind }]; results: [{ ids: string[], confident?: number }], same order.
 * `confident` (hits above the engine's confidence threshold) is only present for engines that
 * have one; the confident rate is null otherwise.
 */
export function qualityMetrics(queries, results) {
  if (queries.length !== results.length) throw new Error('one result per query expected');
  let reciprocalSum = 0;
  let atOne = 0;
  let atTen = 0;
  let zeroResults = 0;
  let answerable = 0;
  let noAnswer = 0;
  let noAnswerReturned = 0;
  let noAnswerConfident = 0;
  let hasConfidence = false;
  const kinds = new Map();

  queries.forEach((query, i) => {
    const { ids, confident } = results[i];
    if (query.kind === NO_ANSWER) {
      noAnswer++;
      if (ids.length > 0) noAnswerReturned++;
      if (typeof confident === 'number') {
        hasConfidence = true;
        if (confident > 0) noAnswerConfident++;
      }
      return;
    }
    answerable++;
    const rank = firstRelevantRank(ids, query.relevant);
    const reciprocal = rank > 0 ? 1 / rank : 0;
    reciprocalSum += reciprocal;
    if (rank === 1) atOne++;
    if (rank > 0) atTen++;
    if (ids.length === 0) zeroResults++;
    const kind = kinds.get(query.kind) || { n: 0, sum: 0 };
    kind.n++;
    kind.sum += reciprocal;
    kinds.set(query.kind, kind);
  });

  const byKind = {};
  for (const kind of orderKinds([...kinds.keys()])) {
    const { n, sum } = kinds.get(kind);
    byKind[kind] = { n, mrr10: sum / n };
  }
  return {
    mrr10: share(reciprocalSum, answerable) ?? 0,
    s1: share(atOne, answerable) ?? 0,
    s10: share(atTen, answerable) ?? 0,
    by_kind: byKind,
    zero_result_rate: share(zeroResults, answerable),
    no_answer_returned_rate: share(noAnswerReturned, noAnswer),
    no_answer_confident_rate: hasConfidence ? share(noAnswerConfident, noAnswer) : null,
    answerable,
    no_answer: noAnswer,
  };
}
