import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { LINTABLE_EXTENSIONS } from './config';

/** Directories never scanned: installed dependencies and version-control data. */
export const ALWAYS_SKIPPED_DIRECTORIES: readonly string[] = ['node_modules', '.git', '.hg', '.svn'];

interface IgnoreLayer {
  /** Directory the patterns are relative to. */
  readonly base: string;
  readonly rules: Ignore;
}

const NO_EXTRA: IgnoreLayer = { base: path.sep, rules: ignore() };

export interface CollectOptions {
  /** Directory relative paths in messages and `extraIgnores` are based on. */
  readonly cwd: string;
  /** Extra patterns in .gitignore syntax, relative to `cwd`. */
  readonly extraIgnores?: readonly string[];
}

export interface CollectedFiles {
  /** Absolute paths, deduplicated, in a stable order. */
  readonly files: string[];
  /** Paths the user named that are not JavaScript or TypeScript. */
  readonly notLintable: string[];
}

/** Raised for a path that does not exist; the CLI turns it into a usage error. */
export class MissingPathError extends Error {
  constructor(readonly missingPath: string) {
    super(`no such file or directory: ${missingPath}`);
    this.name = 'MissingPathError';
  }
}

export function isLintable(filePath: string): boolean {
  return LINTABLE_EXTENSIONS.includes(path.extname(filePath).toLowerCase()) && !filePath.endsWith('.d.ts');
}

/**
 * Expands the paths the user gave into the files to scan. Directories are
 * walked skipping node_modules, VCS data and everything a .gitignore excludes
 * (the .gitignore files from the repository root down to each directory, as
 * git reads them). A file named explicitly is scanned even if ignored: the
 * user asked for it.
 */
export function collectFiles(paths: readonly string[], options: CollectOptions): CollectedFiles {
  const files = new Set<string>();
  const notLintable: string[] = [];
  const extra = ignore().add([...(options.extraIgnores ?? [])]);
  const extraLayer: IgnoreLayer = { base: options.cwd, rules: extra };

  for (const given of paths) {
    const absolute = path.resolve(options.cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch {
      throw new MissingPathError(given);
    }
    if (stat.isDirectory()) {
      let layers = ancestorLayers(absolute);
      // A directory named explicitly is scanned even if an outer .gitignore excludes it.
      if (isIgnored(absolute, true, layers, NO_EXTRA)) layers = [];
      walk(absolute, layers, extraLayer, files);
    } else if (isLintable(absolute)) {
      files.add(absolute);
    } else {
      notLintable.push(given);
    }
  }
  return { files: [...files], notLintable };
}

function walk(directory: string, inherited: IgnoreLayer[], extra: IgnoreLayer, out: Set<string>): void {
  const layers = [...inherited];
  const own = readGitignore(directory);
  if (own) layers.push(own);

  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(directory, { withFileTypes: true });
  } catch {
    return; // unreadable directory: nothing we can scan in it
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  for (const entry of entries) {
    const full = path.join(directory, entry.name);
    // Symlinks are not followed: they can loop and usually point at code scanned elsewhere.
    if (entry.isDirectory()) {
      if (ALWAYS_SKIPPED_DIRECTORIES.includes(entry.name)) continue;
      if (isIgnored(full, true, layers, extra)) continue;
      walk(full, layers, extra, out);
    } else if (entry.isFile() && isLintable(full) && !isIgnored(full, false, layers, extra)) {
      out.add(full);
    }
  }
}

/**
 * Git's precedence: the deepest .gitignore that has an opinion wins; the
 * user's extra patterns win over all of them.
 */
function isIgnored(full: string, isDirectory: boolean, layers: readonly IgnoreLayer[], extra: IgnoreLayer): boolean {
  if (testLayer(extra, full, isDirectory) === 'ignored') return true;
  for (let index = layers.length - 1; index >= 0; index--) {
    const verdict = testLayer(layers[index], full, isDirectory);
    if (verdict !== 'none') return verdict === 'ignored';
  }
  return false;
}

function testLayer(layer: IgnoreLayer, full: string, isDirectory: boolean): 'ignored' | 'unignored' | 'none' {
  const relative = path.relative(layer.base, full);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return 'none';
  const posix = relative.split(path.sep).join('/') + (isDirectory ? '/' : '');
  const result = layer.rules.test(posix);
  return result.ignored ? 'ignored' : result.unignored ? 'unignored' : 'none';
}

function readGitignore(directory: string): IgnoreLayer | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(directory, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  return { base: directory, rules: ignore().add(text) };
}

/**
 * The .gitignore files above a scanned directory that git would apply to it:
 * those from the enclosing repository's root down to its parent. Outside a
 * repository there are none.
 */
function ancestorLayers(directory: string): IgnoreLayer[] {
  const chain: string[] = [];
  let current = path.dirname(directory);
  let previous = directory;
  let repositoryRoot: string | undefined;
  if (fs.existsSync(path.join(directory, '.git'))) return [];
  while (current !== previous) {
    chain.unshift(current);
    if (fs.existsSync(path.join(current, '.git'))) {
      repositoryRoot = current;
      break;
    }
    previous = current;
    current = path.dirname(current);
  }
  if (!repositoryRoot) return [];
  return chain.map(readGitignore).filter((layer): layer is IgnoreLayer => layer !== undefined);
}
