// The engines a run can compare, in table order. Each `create*Engine()` resolves to an object with:
//   name, version, config                one-line description of the configuration used (may change per build)
//   async build(docs, lang)              builds a fresh index of [{id, title, body, lang}], replacing any previous one
//   drop()                               releases the index (before a memory or timing measurement)
//   search(q) → string[]                 ranked ids, at most 10; synchronous (timed per call)
//   serializedIndex() → string | null    (may be async) what a page would download instead of building
//   codeFiles() → entries                the code a page downloads (see code_size.mjs)
// and optionally lastConfidentCount(), heapBytes(), contentBundle(docs, lang) (see ours.mjs).
import { createFlexSearchEngine } from './flexsearch.mjs';
import { createFuseEngine } from './fuse.mjs';
import { createLunrEngine } from './lunr.mjs';
import { createMiniSearchEngine } from './minisearch.mjs';
import { createOramaEngine } from './orama.mjs';
import { createOursEngine } from './ours.mjs';

export const ENGINE_FACTORIES = {
  ours: createOursEngine,
  minisearch: createMiniSearchEngine,
  flexsearch: createFlexSearchEngine,
  lunr: createLunrEngine,
  'fuse.js': createFuseEngine,
  orama: createOramaEngine,
};

export const ENGINE_NAMES = Object.keys(ENGINE_FACTORIES);
export const PEER_NAMES = ENGINE_NAMES.filter((name) => name !== 'ours');
