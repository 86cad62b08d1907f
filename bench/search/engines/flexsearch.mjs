// FlexSearch 0.8 Document index as its README and encoder docs recommend for partial-word
// (as-you-type) search: tokenize "forward" (prefixes of every word), the Latin "balance" encoder
// plus the English language pack for English, the universal Normalize encoder for other scripts,
// and `suggest: true` so that a query with one unmatched word still returns the closest matches.
// `rtl` stays off: our text is in logical order, and the docs reserve it for text that is not.
// Field results are merged per id with title listed first, so title hits rank above body hits.
import { Charset, Document, Encoder } from 'flexsearch';
import EnglishPreset from 'flexsearch/lang/en';
import { packageFile, packageVersion } from './package_info.mjs';

const encoderFor = (lang) =>
  lang === 'en' ? new Encoder(Charset.LatinBalance, EnglishPreset) : new Encoder(Charset.Normalize);

const configFor = (lang) =>
  `Document index fields [title, body], tokenize forward, encoder ${lang === 'en' ? 'LatinBalance + lang/en' : 'Normalize'}, ` +
  'search {suggest: true, merge: true, limit: 10} (title hits first)';

export function createFlexSearchEngine() {
  let index = null;
  let builtLang = 'en';
  const engine = {
    name: 'flexsearch',
    version: packageVersion('flexsearch'),
    config: configFor('en'),
    async build(docs, lang) {
      builtLang = lang;
      engine.config = configFor(lang);
      const encoder = encoderFor(lang);
      index = new Document({ tokenize: 'forward', encoder, document: { id: 'id', index: ['title', 'body'] } });
      for (const doc of docs) index.add({ id: doc.id, title: doc.title, body: doc.body });
    },
    drop() {
      index = null;
    },
    search(q) {
      return index.search(q, { limit: 10, suggest: true, merge: true }).slice(0, 10).map((hit) => hit.id);
    },
    async serializedIndex() {
      const parts = [];
      await index.export((key, data) => {
        parts.push(`${key}\n${data ?? ''}`);
      });
      return parts.join('\n');
    },
    codeFiles() {
      const files = [{ file: packageFile('flexsearch', 'dist/flexsearch.bundle.module.min.mjs') }];
      if (builtLang === 'en') files.push({ file: packageFile('flexsearch', 'dist/module-min/lang/en.js') });
      return files;
    },
  };
  return engine;
}
