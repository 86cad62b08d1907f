// ./scripts/bench search — our search (the WASM build, in Node) side by side with MiniSearch,
// FlexSearch, Lunr, Fuse.js and Orama on the same corpora and judged queries, in one run:
// quality (MRR@10, Success@1/@10, per-kind MRR, zero results, false hits), warm latency, build
// time, index memory and download size. Metric definitions: shared/eval/search/README.md.
//
//   node --expose-gc bench/search/run_search_bench.mjs [--corpus X.jsonl --queries Y.jsonl] [--json] …
//   (see cli_options.mjs for every option; ./scripts/bench search builds first and runs this)
import fs from 'node:fs';
import { parseOptions, USAGE, UsageError } from './cli_options.mjs';
import { EvalDataError, findEvalPairs, readEvalPair } from './eval_data.mjs';
import { evaluateEngine } from './evaluate_engine.mjs';
import { ENGINE_FACTORIES } from './engines/index.mjs';
import { configLines, LEGEND, machineLines, pairJson, pairText } from './report.mjs';

const progress = (message) => process.stderr.write(`[bench search] ${message}\n`);

async function createEngines(names) {
  const engines = [];
  for (const name of names) engines.push(await ENGINE_FACTORIES[name]());
  return engines;
}

function writeRaw(file, evaluatedPairs, pairs) {
  const lines = [];
  evaluatedPairs.forEach((evaluated, p) => {
    for (const e of evaluated) {
      if (e.error) continue;
      for (const record of e.raw) {
        lines.push(JSON.stringify({ corpus: pairs[p].corpusName, queries: pairs[p].queriesName, engine: e.name, ...record }));
      }
    }
  });
  fs.writeFileSync(file, lines.length > 0 ? `${lines.join('\n')}\n` : '');
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const files = options.corpus ? [{ corpus: options.corpus, queries: options.queries }] : findEvalPairs(options.evalDir);
  const pairs = files.map((f) => readEvalPair(f.corpus, f.queries));
  const engines = await createEngines(options.engines);

  const evaluatedPairs = [];
  for (const pair of pairs) {
    const evaluated = [];
    for (const engine of engines) {
      progress(`${pair.corpusName}: ${engine.name}`);
      const result = await evaluateEngine(engine, pair, { runs: options.runs });
      if (result.error) progress(`${pair.corpusName}: ${engine.name} failed: ${result.error}`);
      evaluated.push(result);
    }
    evaluatedPairs.push(evaluated);
  }

  if (options.raw) writeRaw(options.raw, evaluatedPairs, pairs);
  if (options.json) {
    const objects = pairs.map((pair, p) => pairJson(pair, evaluatedPairs[p]));
    console.log(JSON.stringify(objects.length === 1 ? objects[0] : objects, null, 2));
  } else {
    const lines = [...machineLines(engines), `latency: per query, after one untimed pass (the quality pass), ${options.runs} timed passes`, ''];
    pairs.forEach((pair, p) => lines.push(...pairText(pair, evaluatedPairs[p]), ''));
    lines.push(...configLines(evaluatedPairs), '', ...LEGEND);
    if (options.raw) lines.push(`raw top-10 lists: ${options.raw}`);
    console.log(lines.join('\n'));
  }
  return evaluatedPairs.some((evaluated) => evaluated.some((e) => e.error)) ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    if (error instanceof UsageError) {
      console.error(`[bench search] ${error.message}\n${USAGE}`);
      process.exitCode = 2;
    } else if (error instanceof EvalDataError) {
      console.error(`[bench search] ${error.message}`);
      process.exitCode = 1;
    } else {
      console.error(`[bench search] error: ${error.message}`);
      process.exitCode = 1;
    }
  },
);
