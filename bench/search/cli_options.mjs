// Command-line options of `./scripts/bench search`, parsed and checked; paths resolved the way the
// user meant them (relative to where they ran the command, which scripts/bench passes in
// SW_BENCH_CWD because it changes to the repo root first).
import fs from 'node:fs';
import path from 'node:path';
import { ENGINE_NAMES } from './engines/index.mjs';
import { repoRoot } from './engines/package_info.mjs';

export const USAGE = `usage: ./scripts/bench search [--corpus X.jsonl --queries Y.jsonl] [--eval-dir DIR] [--engines a,b]
                            [--runs N] [--json] [--raw FILE]
  no --corpus/--queries: every corpora/X.jsonl with a queries/X.dev.jsonl in the eval dir
  --eval-dir DIR   default ../shared/eval/search from the repo root (or env SW_EVAL_DIR)
  --engines LIST   comma-separated, from: ${ENGINE_NAMES.join(', ')} (default: all)
  --runs N         timed repeats of the whole query set for latency (default 3)
  --json           print only the BENCH_OUTPUT.md JSON (an array when there are several pairs)
  --raw FILE       write every engine's top-10 per query as JSON Lines`;

export class UsageError extends Error {}

function resolveInput(value, fallbackDirs) {
  if (path.isAbsolute(value)) return value;
  const bases = [process.env.SW_BENCH_CWD || process.cwd(), repoRoot, ...fallbackDirs];
  for (const base of bases) {
    const candidate = path.resolve(base, value);
    if (fs.existsSync(candidate)) return candidate;
  }
  return path.resolve(bases[0], value);
}

export function parseOptions(argv) {
  const options = {
    evalDir: process.env.SW_EVAL_DIR || path.resolve(repoRoot, '../shared/eval/search'),
    corpus: null,
    queries: null,
    engines: [...ENGINE_NAMES],
    runs: 3,
    json: false,
    raw: null,
    help: false,
  };
  const takeValue = (i, flag) => {
    if (i + 1 >= argv.length || argv[i + 1].startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return argv[i + 1];
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    switch (flag) {
      case '--corpus':
        options.corpus = takeValue(i++, flag);
        break;
      case '--queries':
        options.queries = takeValue(i++, flag);
        break;
      case '--eval-dir':
        options.evalDir = takeValue(i++, flag);
        break;
      case '--engines': {
        const names = takeValue(i++, flag).split(',').map((s) => s.trim()).filter(Boolean);
        const unknown = names.filter((name) => !ENGINE_NAMES.includes(name));
        if (unknown.length > 0 || names.length === 0) {
          throw new UsageError(`unknown engine ${unknown.join(', ') || '(none given)'}; known: ${ENGINE_NAMES.join(', ')}`);
        }
        options.engines = ENGINE_NAMES.filter((name) => names.includes(name));
        break;
      }
      case '--runs': {
        const value = takeValue(i++, flag);
        const runs = Number(value);
        if (!Number.isInteger(runs) || runs < 1) throw new UsageError(`--runs needs a whole number ≥ 1, got "${value}"`);
        options.runs = runs;
        break;
      }
      case '--json':
        options.json = true;
        break;
      case '--raw':
        options.raw = takeValue(i++, flag);
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new UsageError(`unknown argument "${flag}"`);
    }
  }
  if ((options.corpus === null) !== (options.queries === null)) {
    throw new UsageError('--corpus and --queries go together');
  }
  options.evalDir = resolveInput(options.evalDir, []);
  if (options.corpus !== null) {
    options.corpus = resolveInput(options.corpus, [path.join(options.evalDir, 'corpora')]);
    options.queries = resolveInput(options.queries, [path.join(options.evalDir, 'queries')]);
  }
  if (options.raw !== null) options.raw = path.resolve(process.env.SW_BENCH_CWD || process.cwd(), options.raw);
  return options;
}
