// How the loader (and the console page script) is turned into what ships: the manifest of
// content-hashed names written in first — terser would split the object and drop the markers — then
// minified. scripts/lib/publish-dist.mjs builds dist/ with it; the loader's size test uses the same.
import { minify } from 'terser';

const MANIFEST_MARKERS = /\/\*SW_MANIFEST\*\/[\s\S]*?\/\*SW_MANIFEST_END\*\//;

export function withManifest(source, manifest) {
  if (!MANIFEST_MARKERS.test(source)) throw new Error('manifest markers /*SW_MANIFEST*/ … /*SW_MANIFEST_END*/ not found');
  return source.replace(MANIFEST_MARKERS, JSON.stringify(manifest));
}

export async function buildLoader(source, manifest) {
  const { code } = await minify(withManifest(source, manifest), {
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
  });
  return code;
}
