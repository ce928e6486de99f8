// A corpus of real JavaScript and TypeScript from the installed packages, for
// the lint and language-server benchmarks and the crash hunt (`npm run
// corpus`). No network: it only reads node_modules. Deterministic: the same
// install gives the same files in the same order.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const EXTENSIONS = new Set(['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts']);
const DECLARATION = /\.d\.[cm]?ts$/;

/**
 * Every JS/TS file under the root node_modules, sorted, without following
 * symlinks (the workspace links point back at our own packages).
 * @param {{ root?: string, declarations?: boolean, maxBytes?: number }} [options]
 * @returns {string[]} absolute paths
 */
export function nodeModulesFiles({ root = ROOT, declarations = true, maxBytes = Infinity } = {}) {
  const out = [];
  const walk = (directory) => {
    let entries;
    try {
      entries = fs.readdirSync(directory, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.bin' && entry.name !== '.cache') walk(full);
      } else if (entry.isFile() && EXTENSIONS.has(path.extname(entry.name))) {
        if (!declarations && DECLARATION.test(entry.name)) continue;
        if (maxBytes !== Infinity && fs.statSync(full).size > maxBytes) continue;
        out.push(full);
      }
    }
  };
  walk(path.join(root, 'node_modules'));
  return out;
}

/** Minified bundles are not code anyone writes; they would only measure the parser. */
export function looksMinified(filePath, text = fs.readFileSync(filePath, 'utf8')) {
  if (/[.-]min\.[cm]?js$/.test(filePath)) return true;
  const lines = text.split('\n');
  const longest = lines.reduce((max, line) => Math.max(max, line.length), 0);
  return longest > 1000 && text.length / lines.length > 200;
}

/**
 * Real source files for benchmarks: no declarations, nothing over 200 KB, no
 * minified bundles, spread evenly across all installed packages (not the
 * first N in alphabetical order, which would be a handful of packages).
 * @param {{ limit?: number, root?: string }} [options]
 * @returns {string[]} absolute paths, at most `limit` (default 1200)
 */
export function corpusFiles({ limit = 1200, root = ROOT } = {}) {
  const candidates = nodeModulesFiles({ root, declarations: false, maxBytes: 200 * 1024 });
  const picked = [];
  const taken = new Set();
  const stride = Math.max(1, candidates.length / limit);
  for (let slot = 0; slot < limit && slot * stride < candidates.length; slot++) {
    // From this slot's file onward, the first one that is not minified.
    for (let index = Math.floor(slot * stride); index < candidates.length; index++) {
      if (taken.has(index)) continue;
      taken.add(index);
      if (!looksMinified(candidates[index])) {
        picked.push(candidates[index]);
        break;
      }
    }
  }
  return picked;
}

/**
 * The files the scan would lint in a real application checkout: git-aware
 * (tracked and untracked-not-ignored files, so committed node_modules code
 * counts and installed packages do not), through the CLI's own collectFiles.
 * @param {string} app absolute directory
 * @param {{ collectFiles: Function }} cli the built `online-identifiers` package
 * @returns {string[]} absolute paths
 */
export function appFiles(app, cli) {
  return cli.collectFiles(['.'], { cwd: app }).files;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = corpusFiles({ limit: Number(process.argv[2] ?? 1200) });
  process.stdout.write(`${files.length} files\n${files.slice(0, 5).join('\n')}\n`);
}
