// Orama as its docs configure full-text search: schema {title, body}, the corpus language's
// tokenizer with stemming where Orama has one (English built in; Arabic with @orama/stemmers;
// none for Hebrew or Persian, which fall back to the default English tokenizer), typo tolerance 1,
// title boost 2, prefix matching (Orama's default), limit 10.
import { create, insertMultiple, save, search } from '@orama/orama';
import { stemmer as arabicStemmer } from '@orama/stemmers/arabic';
import { packageFile, packageVersion } from './package_info.mjs';

const TOKENIZERS = {
  en: { language: 'english', stemming: true },
  ar: { language: 'arabic', stemming: true, stemmer: arabicStemmer },
};

const SEARCH = { properties: ['title', 'body'], boost: { title: 2 }, tolerance: 1, limit: 10 };

function tokenizerText(lang) {
  if (lang === 'ar') return `arabic + stemming (@orama/stemmers ${packageVersion('@orama/stemmers')})`;
  if (lang === 'en') return 'english + stemming';
  return `english (default; Orama has no ${lang} tokenizer)`;
}

const configFor = (lang) =>
  `schema {title, body}, tokenizer ${tokenizerText(lang)}, search {boost: {title: 2}, tolerance: 1, limit: 10}, prefix match (default)`;

export function createOramaEngine() {
  let db = null;
  let builtLang = 'en';
  const engine = {
    name: 'orama',
    version: packageVersion('@orama/orama'),
    config: configFor('en'),
    async build(docs, lang) {
      builtLang = lang;
      engine.config = configFor(lang);
      db = create({ schema: { title: 'string', body: 'string' }, components: { tokenizer: TOKENIZERS[lang] || {} } });
      await insertMultiple(
        db,
        docs.map((doc) => ({ id: doc.id, title: doc.title, body: doc.body })),
      );
    },
    drop() {
      db = null;
    },
    search(q) {
      const result = search(db, { term: q, ...SEARCH });
      if (typeof result.then === 'function') throw new Error('orama returned a promise: this configuration must stay synchronous');
      return result.hits.map((hit) => hit.id);
    },
    serializedIndex() {
      return JSON.stringify(save(db));
    },
    // Orama ships ES modules, no bundle: the browser build's module tree (see code_size.mjs).
    codeFiles() {
      const files = [{ moduleGraph: packageFile('@orama/orama', 'dist/browser/index.js') }];
      if (builtLang === 'ar') files.push({ file: packageFile('@orama/stemmers', 'dist/ar.js'), minify: true });
      return files;
    },
  };
  return engine;
}
