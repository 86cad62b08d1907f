// Lunr 2 with lunr-languages where it has the corpus language (Hebrew and Arabic, each combined
// with English through lunr.multiLanguage, as its README does for mixed-language text: these help
// articles carry Latin product names); otherwise Lunr's default English pipeline (which has no
// Persian: its trimmer drops non-Latin words). Title boost 10 as in both projects' examples.
// The query is built through idx.query() rather than the query-string parser, so no user input can
// be read as syntax (":", "^", "~", "+", "-" stay text; "*" is removed from terms). Each query word
// (trimmed and stop-word filtered by the index's own pipeline functions) becomes three clauses:
// exact (through the search pipeline, boost 100), trailing wildcard (boost 10) and edit distance 1
// (boost 1) — the usual Lunr recipe for search-as-you-type.
import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import multiLanguage from 'lunr-languages/lunr.multi.js';
import hebrew from 'lunr-languages/lunr.he.js';
import arabic from 'lunr-languages/lunr.ar.js';
import { packageFile, packageVersion } from './package_info.mjs';

stemmerSupport(lunr);
multiLanguage(lunr);
hebrew(lunr);
arabic(lunr);

const LANGUAGE_PACKS = new Set(['he', 'ar']);

// lunr.multiLanguage registers pipeline functions by name: create each plugin once, not per build.
const multiLanguagePlugins = new Map();
function multiLanguagePlugin(lang) {
  if (!multiLanguagePlugins.has(lang)) multiLanguagePlugins.set(lang, lunr.multiLanguage('en', lang));
  return multiLanguagePlugins.get(lang);
}

function queryTermFilters(lang) {
  if (!LANGUAGE_PACKS.has(lang)) return { trimmer: lunr.trimmer, stopWords: [lunr.stopWordFilter] };
  const trimmer = lunr.trimmerSupport.generateTrimmer(`\\w${lunr[lang].wordCharacters}`);
  return { trimmer, stopWords: [lunr.stopWordFilter, lunr[lang].stopWordFilter] };
}

/** Query words as the index saw them: tokenized, trimmed, stop words dropped, '*' removed. */
function queryTerms(q, filters) {
  const terms = [];
  for (const token of lunr.tokenizer(q)) {
    let current = filters.trimmer(token);
    for (const stopWords of filters.stopWords) if (current) current = stopWords(current);
    const text = current ? current.toString().replace(/\*/g, '') : '';
    if (text) terms.push(text);
  }
  return terms;
}

const configFor = (lang) =>
  `${LANGUAGE_PACKS.has(lang) ? `lunr-languages multiLanguage('en', '${lang}')` : 'default pipeline (English)'}, ` +
  'fields title (boost 10) + body; per query word: exact via pipeline ^100, trailing wildcard ^10, edit distance 1 ^1 (idx.query, no parser)';

export function createLunrEngine() {
  let index = null;
  let filters = null;
  let builtLang = 'en';
  const engine = {
    name: 'lunr',
    version: `${packageVersion('lunr')} + lunr-languages ${packageVersion('lunr-languages')}`,
    config: configFor('en'),
    async build(docs, lang) {
      builtLang = lang;
      engine.config = configFor(lang);
      filters = queryTermFilters(lang);
      index = lunr(function () {
        if (LANGUAGE_PACKS.has(lang)) this.use(multiLanguagePlugin(lang));
        this.ref('id');
        this.field('title', { boost: 10 });
        this.field('body');
        for (const doc of docs) this.add(doc);
      });
    },
    drop() {
      index = null;
    },
    search(q) {
      const terms = queryTerms(q, filters);
      if (terms.length === 0) return [];
      const hits = index.query((query) => {
        for (const term of terms) {
          query.term(term, { boost: 100 });
          query.term(term, { boost: 10, usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING });
          query.term(term, { boost: 1, usePipeline: false, editDistance: 1 });
        }
      });
      return hits.slice(0, 10).map((hit) => hit.ref);
    },
    serializedIndex() {
      return JSON.stringify(index);
    },
    codeFiles() {
      const files = [{ file: packageFile('lunr', 'lunr.min.js') }];
      if (LANGUAGE_PACKS.has(builtLang)) {
        for (const pack of ['stemmer.support', 'multi', builtLang]) {
          files.push({ file: packageFile('lunr-languages', `min/lunr.${pack}.min.js`) });
        }
      }
      return files;
    },
  };
  return engine;
}
