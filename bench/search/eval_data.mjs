// Reads a search evaluation pair (corpus JSONL + judged queries JSONL, the format described in
// shared/eval/search/README.md) and checks every line, so that a bad data set fails with
// "file:line: what is wrong" for all its problems at once instead of a skewed score.
import fs from 'node:fs';
import path from 'node:path';

export const NO_ANSWER = 'no-answer';

/** Thrown when a data file cannot be used; `problems` lists every "file:line: message". */
export class EvalDataError extends Error {
  constructor(problems) {
    super(`search evaluation data is invalid:\n  ${problems.join('\n  ')}`);
    this.problems = problems;
  }
}

function readJsonLines(file, problems) {
  const name = path.basename(file);
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    problems.push(`${file}: cannot read (${error.code || error.message})`);
    return [];
  }
  const records = [];
  text.split('\n').forEach((line, index) => {
    const where = `${name}:${index + 1}`;
    if (line.trim() === '') return;
    let value;
    try {
      value = JSON.parse(line);
    } catch (error) {
      problems.push(`${where}: not valid JSON (${error.message})`);
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      problems.push(`${where}: expected a JSON object`);
      return;
    }
    records.push({ where, value });
  });
  if (records.length === 0 && problems.length === 0) problems.push(`${name}: no records`);
  return records;
}

function requireString(record, field, problems, { allowEmpty = false } = {}) {
  const value = record.value[field];
  if (typeof value !== 'string') {
    problems.push(`${record.where}: "${field}" must be a string`);
    return false;
  }
  if (!allowEmpty && value.trim() === '') {
    problems.push(`${record.where}: "${field}" is empty`);
    return false;
  }
  return true;
}

/** Corpus documents: [{ id, title, body, lang }]; problems are appended to `problems`. */
export function readCorpus(file, problems) {
  const docs = [];
  const seen = new Set();
  const langs = new Set();
  for (const record of readJsonLines(file, problems)) {
    const ok = ['id', 'title', 'lang'].map((f) => requireString(record, f, problems)).every(Boolean);
    const bodyOk = requireString(record, 'body', problems, { allowEmpty: true });
    if ('source' in record.value && typeof record.value.source !== 'string') {
      problems.push(`${record.where}: "source" must be a string when present`);
    }
    if (!ok || !bodyOk) continue;
    const { id, title, body, lang } = record.value;
    if (seen.has(id)) {
      problems.push(`${record.where}: duplicate document id "${id}"`);
      continue;
    }
    seen.add(id);
    langs.add(lang);
    docs.push({ id, title, body, lang });
  }
  if (langs.size > 1) {
    problems.push(`${path.basename(file)}: documents use several languages (${[...langs].join(', ')}); one per file`);
  }
  return docs;
}

/** Judged queries: [{ q, relevant, lang, kind, line }], checked against the corpus ids. */
export function readQueries(file, docIds, corpusLang, problems) {
  const queries = [];
  for (const record of readJsonLines(file, problems)) {
    const ok = ['q', 'lang', 'kind'].map((f) => requireString(record, f, problems)).every(Boolean);
    const { relevant } = record.value;
    if (!Array.isArray(relevant) || relevant.some((id) => typeof id !== 'string')) {
      problems.push(`${record.where}: "relevant" must be an array of document ids (strings)`);
      continue;
    }
    if (!ok) continue;
    const { q, lang, kind } = record.value;
    if (kind === NO_ANSWER && relevant.length > 0) {
      problems.push(`${record.where}: a "${NO_ANSWER}" query must have "relevant": []`);
    }
    if (kind !== NO_ANSWER && relevant.length === 0) {
      problems.push(`${record.where}: "relevant" is empty; only "${NO_ANSWER}" queries may have no answer`);
    }
    for (const id of relevant) {
      if (!docIds.has(id)) problems.push(`${record.where}: relevant id "${id}" is not in the corpus`);
    }
    if (corpusLang && lang !== corpusLang) {
      problems.push(`${record.where}: query language "${lang}" differs from the corpus language "${corpusLang}"`);
    }
    queries.push({ q, relevant, lang, kind, line: Number(record.where.slice(record.where.lastIndexOf(':') + 1)) });
  }
  return queries;
}

/** Problems sorted by file (in the order given), then line, keeping the order within a line. */
function inFileOrder(problems, files) {
  const names = files.map((file) => path.basename(file));
  const key = (problem) => {
    const match = /^(.*?):(\d+): /.exec(problem);
    return match ? [names.indexOf(match[1]), Number(match[2])] : [-1, 0];
  };
  return problems
    .map((problem, index) => ({ problem, index, key: key(problem) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.index - b.index)
    .map((entry) => entry.problem);
}

/** Reads and validates one pair; throws EvalDataError listing every problem found. */
export function readEvalPair(corpusFile, queriesFile) {
  const problems = [];
  const docs = readCorpus(corpusFile, problems);
  const lang = docs.length > 0 ? docs[0].lang : '';
  const queries = readQueries(queriesFile, new Set(docs.map((d) => d.id)), lang, problems);
  if (problems.length > 0) throw new EvalDataError(inFileOrder(problems, [corpusFile, queriesFile]));
  return {
    corpusFile,
    queriesFile,
    corpusName: path.basename(corpusFile),
    queriesName: path.basename(queriesFile),
    lang,
    docs,
    queries,
  };
}

/** Every corpora/X.jsonl that has a queries/X.dev.jsonl next to it in the eval dir, sorted by name. */
export function findEvalPairs(evalDir) {
  const corporaDir = path.join(evalDir, 'corpora');
  const queriesDir = path.join(evalDir, 'queries');
  if (!fs.existsSync(corporaDir) || !fs.existsSync(queriesDir)) {
    throw new EvalDataError([`${evalDir}: expected corpora/ and queries/ folders (set --eval-dir or SW_EVAL_DIR)`]);
  }
  const pairs = [];
  for (const name of fs.readdirSync(corporaDir).sort()) {
    if (!name.endsWith('.jsonl')) continue;
    const queries = path.join(queriesDir, name.replace(/\.jsonl$/, '.dev.jsonl'));
    if (fs.existsSync(queries)) pairs.push({ corpus: path.join(corporaDir, name), queries });
  }
  if (pairs.length === 0) {
    throw new EvalDataError([`${evalDir}: no corpora/X.jsonl with a matching queries/X.dev.jsonl`]);
  }
  return pairs;
}
