// Fuse.js as its README configures multi-word search over weighted fields: keys title (weight 2)
// and body, ignoreLocation (a match may be anywhere in a long body, not only near the start) and
// Token Search (each query word fuzzy-matched on its own, ranked with IDF weights, any word may
// match), default threshold 0.6. Fuse scans every record on every query, so it is the slow one.
import Fuse from 'fuse.js';
import { packageFile, packageVersion } from './package_info.mjs';

const OPTIONS = {
  keys: [
    { name: 'title', weight: 2 },
    { name: 'body', weight: 1 },
  ],
  ignoreLocation: true,
  useTokenSearch: true,
};

export function createFuseEngine() {
  let index = null;
  return {
    name: 'fuse.js',
    version: packageVersion('fuse.js'),
    config: 'keys title (weight 2) + body, ignoreLocation: true, useTokenSearch: true (tokenMatch any), threshold 0.6 (default)',
    async build(docs) {
      index = new Fuse(docs, OPTIONS);
    },
    drop() {
      index = null;
    },
    search(q) {
      return index.search(q, { limit: 10 }).map((hit) => hit.item.id);
    },
    serializedIndex() {
      return JSON.stringify(index.getIndex().toJSON());
    },
    // The full build: Token Search is not in the basic one.
    codeFiles() {
      return [{ file: packageFile('fuse.js', 'dist/fuse.min.mjs') }];
    },
  };
}
