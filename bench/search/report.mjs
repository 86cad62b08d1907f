// Turns evaluated engines into the two outputs: a text table per data set (with the machine, Node
// and peer versions once at the top, and ours' ratios to the best peer) and the --json objects in
// the shape of shared/eval/search/BENCH_OUTPUT.md.
import os from 'node:os';

const round = (value, digits) => (value == null ? null : Number(value.toFixed(digits)));

/** One BENCH_OUTPUT.md object for a pair; engines whose build failed are left out (see stderr). */
export function pairJson(pair, evaluated) {
  return {
    corpus: pair.corpusName,
    queries: pair.queriesName,
    engines: evaluated
      .filter((e) => !e.error)
      .map((e) => ({
        name: e.name,
        version: e.version,
        config: e.config,
        mrr10: round(e.quality.mrr10, 4),
        s1: round(e.quality.s1, 4),
        s10: round(e.quality.s10, 4),
        by_kind: Object.fromEntries(
          Object.entries(e.quality.by_kind).map(([kind, v]) => [kind, { n: v.n, mrr10: round(v.mrr10, 4) }]),
        ),
        zero_result_rate: round(e.quality.zero_result_rate, 4),
        no_answer_returned_rate: round(e.quality.no_answer_returned_rate, 4),
        p50_us: round(e.latency.p50_us, 1),
        p95_us: round(e.latency.p95_us, 1),
        build_ms: round(e.build.ms, 2),
        heap_bytes: Math.round(e.heapBytes),
        code_and_index_gz_bytes: e.download.total,
      })),
  };
}

export function machineLines(engines) {
  const cpus = os.cpus();
  const model = cpus.length > 0 ? cpus[0].model.replace(/\s+/g, ' ').trim() : 'unknown CPU';
  const peers = engines.filter((e) => e.name !== 'ours').map((e) => `${e.name} ${e.version}`);
  const ours = engines.find((e) => e.name === 'ours');
  return [
    `machine: ${model}, ${cpus.length} cores, ${os.platform()} ${os.release()}`,
    `runtime: Node ${process.version}${ours ? ` (ours: the WASM build in Node, ${ours.version})` : ''}`,
    ...(peers.length > 0 ? [`peers:   ${peers.join(', ')}`] : []),
  ];
}

const KIND_LABELS = { paraphrase: 'para', keywords: 'kw', typo: 'typo', prefix: 'prefix', 'rtl-variant': 'rtl' };

const fixed = (value, digits) => (value == null ? '—' : value.toFixed(digits));
const kb = (bytes) => (bytes / 1024).toFixed(1);

function table(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  return rows.map((row) =>
    row
      .map((cell, column) => (column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column])))
      .join('  ')
      .trimEnd(),
  );
}

function noAnswerCell(quality) {
  const returned = fixed(quality.no_answer_returned_rate, 2);
  if (quality.no_answer_confident_rate == null) return returned;
  return `${returned} (${fixed(quality.no_answer_confident_rate, 2)} conf)`;
}

function bestPeer(evaluated, pick, better) {
  let best = null;
  for (const e of evaluated) {
    if (e.error || e.name === 'ours') continue;
    if (best === null || better(pick(e), pick(best))) best = e;
  }
  return best;
}

function ratioLines(evaluated) {
  const ours = evaluated.find((e) => e.name === 'ours' && !e.error);
  if (!ours) return [];
  const mrrPeer = bestPeer(evaluated, (e) => e.quality.mrr10, (a, b) => a > b);
  // A peer that cannot read the script answers nothing, and fast: it is no speed reference.
  const answering = evaluated.filter((e) => !e.error && (e.quality.zero_result_rate ?? 0) <= 0.5);
  const p95Peer = bestPeer(answering, (e) => e.latency.p95_us, (a, b) => a < b);
  if (!mrrPeer || !p95Peer) return [];
  const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}×` : '—');
  return [
    `ours vs best peer: MRR@10 ${fixed(ours.quality.mrr10, 3)} / ${fixed(mrrPeer.quality.mrr10, 3)} (${mrrPeer.name}) = ` +
      `${ratio(ours.quality.mrr10, mrrPeer.quality.mrr10)};  p95 ${fixed(ours.latency.p95_us, 1)} µs / ` +
      `${fixed(p95Peer.latency.p95_us, 1)} µs (${p95Peer.name}) = ${ratio(ours.latency.p95_us, p95Peer.latency.p95_us)}`,
  ];
}

/** Text lines for one pair: heading, the table, then notes (ratios, ours' build split, errors). */
export function pairText(pair, evaluated) {
  const answerable = pair.queries.filter((q) => q.kind !== 'no-answer').length;
  const lines = [
    `${pair.corpusName} × ${pair.queriesName}: ${pair.docs.length} docs (${pair.lang}), ${pair.queries.length} queries ` +
      `(${answerable} answerable, ${pair.queries.length - answerable} no-answer)`,
  ];
  const ok = evaluated.filter((e) => !e.error);
  const kinds = ok.length > 0 ? Object.keys(ok[0].quality.by_kind) : [];
  const header = [
    'engine',
    'MRR@10',
    'S@1',
    'S@10',
    ...kinds.map((k) => `${KIND_LABELS[k] || k}(${ok[0].quality.by_kind[k].n})`),
    'zero',
    'no-ans',
    'p50 µs',
    'p95 µs',
    'build ms',
    'heap KB',
    'gz KB code+data',
  ];
  const rows = [header];
  for (const e of evaluated) {
    if (e.error) {
      rows.push([e.name, 'error', ...header.slice(2).map(() => '')]);
      continue;
    }
    const q = e.quality;
    rows.push([
      e.name,
      fixed(q.mrr10, 3),
      fixed(q.s1, 2),
      fixed(q.s10, 2),
      ...kinds.map((k) => fixed(q.by_kind[k]?.mrr10, 2)),
      fixed(q.zero_result_rate, 2),
      noAnswerCell(q),
      fixed(e.latency.p50_us, 1),
      fixed(e.latency.p95_us, 1),
      fixed(e.build.ms, 1),
      kb(e.heapBytes),
      `${kb(e.download.total)} = ${kb(e.download.code)}+${kb(e.download.data)}`,
    ]);
  }
  lines.push(...table(rows).map((line) => `  ${line}`));
  lines.push(...ratioLines(evaluated).map((line) => `  ${line}`));
  for (const e of ok) {
    if (e.build.coreMs != null) {
      lines.push(
        `  ${e.name} build: ${fixed(e.build.ms, 2)} ms, of which ${fixed(e.build.coreMs, 2)} ms in the index build itself ` +
          '(the rest copies the documents into the module)',
      );
    }
    if (e.ownIndexBytes != null) {
      lines.push(`  ${e.name} heap: ${kb(e.heapBytes)} KB malloc'ed; the index's own count: ${kb(e.ownIndexBytes)} KB (without the documents it was built from)`);
    }
    if (e.queryErrors.length > 0) {
      lines.push(`  ${e.name}: ${e.queryErrors.length} queries threw (counted as no results), first: "${e.queryErrors[0].q}": ${e.queryErrors[0].error}`);
    }
  }
  for (const e of evaluated.filter((x) => x.error)) lines.push(`  ${e.name}: index build failed: ${e.error.split('\n')[0]}`);
  return lines;
}

export function configLines(evaluatedPairs) {
  const seen = new Map();
  for (const evaluated of evaluatedPairs) {
    for (const e of evaluated) {
      if (e.error) continue;
      if (!seen.has(e.name)) seen.set(e.name, new Set());
      seen.get(e.name).add(e.config);
    }
  }
  const lines = ['configurations:'];
  for (const [name, configs] of seen) for (const config of configs) lines.push(`  ${name}: ${config}`);
  return lines;
}

export const LEGEND = [
  'MRR@10, S@1, S@10 and per-kind MRR@10 over answerable queries (kind(n)); zero = answerable queries with no result;',
  'no-ans = no-answer queries that returned anything ("conf": above the confidence threshold); latency warm, per query;',
  'the p95 ratio compares with the fastest peer that answers at least half of the answerable queries;',
  'build = median of 5 builds from parsed documents; heap = memory the built index holds; gz = code + (serialized index',
  'or, for ours, the content bundle it indexes in the browser), gzip -9.',
];
