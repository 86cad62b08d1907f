// Where an installed peer library lives and which version it is, read from its own package.json
// (not from our package.json: that is what was asked for, this is what actually ran).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Absolute folder of an installed package, e.g. packageDir('@orama/orama'). */
export function packageDir(name) {
  return path.join(repoRoot, 'node_modules', ...name.split('/'));
}

/** A file inside an installed package, e.g. packageFile('lunr', 'lunr.min.js'). */
export function packageFile(name, relative) {
  return path.join(packageDir(name), relative);
}

export function packageVersion(name) {
  const file = packageFile(name, 'package.json');
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')).version;
  } catch {
    throw new Error(`${name} is not installed (no ${path.relative(repoRoot, file)}): run npm ci`);
  }
}
