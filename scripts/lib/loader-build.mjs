// How the loader (and the console page script) is turned into what ships: the manifest of
// content-hashed names written in first — terser would split the object and drop the markers — then
// minified. scripts/lib/publish-dist.mjs builds dist/ with it; the loader's size test uses the same.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';

const MANIFEST_MARKERS = /\/\*SW_MANIFEST\*\/[\s\S]*?\/\*SW_MANIFEST_END\*\//;
const WORDS_MARKERS = /\/\*SW_WORDS\*\/[\s\S]*?\/\*SW_WORDS_END\*\//;
const MESSAGES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'widget', 'messages');

// The loader's own word, shown before the core and its catalogue are there: the launcher's and the
// dialog's name ("Help"), in every language the widget has a catalogue for but English (the default).
export function loaderWords(dir = MESSAGES) {
  const words = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'en.json').sort()) {
    const word = JSON.parse(readFileSync(join(dir, file), 'utf8')).Help;
    if (typeof word !== 'string') throw new Error(`${file}: "Help" (the launcher's name) is missing`);
    words[file.replace(/\.json$/, '')] = word;
  }
  return words;
}

export function withManifest(source, manifest) {
  if (!MANIFEST_MARKERS.test(source)) throw new Error('manifest markers /*SW_MANIFEST*/ … /*SW_MANIFEST_END*/ not found');
  return source.replace(MANIFEST_MARKERS, JSON.stringify(manifest));
}

export async function buildLoader(source, manifest, words = loaderWords()) {
  if (!WORDS_MARKERS.test(source)) throw new Error('words markers /*SW_WORDS*/ … /*SW_WORDS_END*/ not found');
  const { code } = await minify(withManifest(source, manifest).replace(WORDS_MARKERS, JSON.stringify(words)), {
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
  });
  return code;
}
