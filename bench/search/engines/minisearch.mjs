// MiniSearch as its README configures it for search-as-you-type: title and body indexed, title
// boosted, prefix match on every term and fuzzy match within 0.2 × term length, default OR
// combination, default tokenizer (Unicode space/punctuation) and lower-casing.
import MiniSearch from 'minisearch';
import { packageFile, packageVersion } from './package_info.mjs';

const SEARCH_OPTIONS = { boost: { title: 2 }, prefix: true, fuzzy: 0.2 };

export function createMiniSearchEngine() {
  let index = null;
  return {
    name: 'minisearch',
    version: packageVersion('minisearch'),
    config: 'fields title+body, searchOptions {boost: {title: 2}, prefix: true, fuzzy: 0.2}, combineWith OR (default), default tokenizer and processTerm',
    async build(docs) {
      index = new MiniSearch({ fields: ['title', 'body'], idField: 'id', searchOptions: SEARCH_OPTIONS });
      index.addAll(docs);
    },
    drop() {
      index = null;
    },
    search(q) {
      return index.search(q).slice(0, 10).map((hit) => hit.id);
    },
    serializedIndex() {
      return JSON.stringify(index);
    },
    // MiniSearch ships no minified browser bundle: its ES entry, terser-minified.
    codeFiles() {
      return [{ file: packageFile('minisearch', 'dist/es/index.js'), minify: true }];
    },
  };
}
