import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { LINTABLE_EXTENSIONS } from './config';
import { isIgnoredByGit, listGitFiles, workTreeRoot } from './git';

/** Directories the file-system walk never enters: installed dependencies and version-control data. */
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
  /**
   * node_modules folders that were not entered because git does not track
   * them (installed packages; outside a git repository every one), absolute,
   * sorted. Naming one on the command line scans it.
   */
  readonly skippedNodeModules: string[];
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

/** What one named directory contributes. */
interface Collector {
  readonly files: Set<string>;
  readonly skippedNodeModules: Set<string>;
  readonly extra: IgnoreLayer;
}

/**
 * Expands the paths the user gave into the files to scan.
 *
 * A directory inside a git work tree contributes what git calls its source:
 * the tracked files (so a package committed under `node_modules/`, as
 * node-red keeps its own code, is scanned) and the untracked files no
 * exclude rule ignores, except untracked ones under `node_modules` (installed
 * packages, even where .gitignore forgets them). Outside git, or for a
 * directory git ignores that the user named anyway, the file system is
 * walked: node_modules folders and VCS data are skipped, and .gitignore
 * files are applied as git would (from the repository root down).
 * A file named explicitly is scanned even if ignored: the user asked for it.
 * `extraIgnores` apply everywhere except to files named explicitly.
 *
 * @throws MissingPathError for a path that does not exist.
 */
export function collectFiles(paths: readonly string[], options: CollectOptions): CollectedFiles {
  const notLintable: string[] = [];
  const collector: Collector = {
    files: new Set<string>(),
    skippedNodeModules: new Set<string>(),
    extra: { base: options.cwd, rules: ignore().add([...(options.extraIgnores ?? [])]) },
  };

  for (const given of paths) {
    const absolute = path.resolve(options.cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch {
      throw new MissingPathError(given);
    }
    if (stat.isDirectory()) {
      if (!collectFromGit(absolute, collector)) collectFromFileSystem(absolute, collector);
    } else if (isLintable(absolute)) {
      collector.files.add(absolute);
    } else {
      notLintable.push(given);
    }
  }
  // A folder that holds a path the user named was not skipped as a whole.
  const named = paths.map((given) => path.resolve(options.cwd, given));
  const skippedNodeModules = [...collector.skippedNodeModules]
    .filter((folder) => !named.some((target) => isInside(target, folder)))
    .sort();
  return { files: [...collector.files], notLintable, skippedNodeModules };
}

function isInside(target: string, folder: string): boolean {
  const relative = path.relative(folder, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Lists a directory through git; false when git cannot answer or ignores the directory as a whole. */
function collectFromGit(directory: string, collector: Collector): boolean {
  if (workTreeRoot(directory) === undefined || isIgnoredByGit(directory)) return false;
  const listed = listGitFiles(directory);
  if (!listed) return false;
  const found: string[] = [];
  const consider = (relative: string) => {
    const full = path.join(directory, ...relative.split('/'));
    if (!isLintable(full) || isIgnored(full, false, [], collector.extra)) return;
    // Symbolic links are not followed (as in the walk), and a tracked file
    // deleted from the work tree has nothing to scan.
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(full);
    } catch {
      return;
    }
    if (stat.isFile()) found.push(full);
  };
  for (const relative of listed.tracked) consider(relative);
  for (const relative of listed.untracked) {
    const segments = relative.split('/');
    const nodeModules = segments.indexOf('node_modules');
    if (nodeModules >= 0 && nodeModules < segments.length - 1) {
      collector.skippedNodeModules.add(path.join(directory, ...segments.slice(0, nodeModules + 1)));
    } else {
      consider(relative);
    }
  }
  for (const file of found.sort()) collector.files.add(file);
  return true;
}

function collectFromFileSystem(directory: string, collector: Collector): void {
  let layers = ancestorLayers(directory);
  // A directory named explicitly is scanned even if an outer .gitignore excludes it.
  if (isIgnored(directory, true, layers, NO_EXTRA)) layers = [];
  walk(directory, layers, collector);
}

function walk(directory: string, inherited: IgnoreLayer[], collector: Collector): void {
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
      if (entry.name === 'node_modules') collector.skippedNodeModules.add(full);
      if (ALWAYS_SKIPPED_DIRECTORIES.includes(entry.name)) continue;
      if (isIgnored(full, true, layers, collector.extra)) continue;
      walk(full, layers, collector);
    } else if (entry.isFile() && isLintable(full) && !isIgnored(full, false, layers, collector.extra)) {
      collector.files.add(full);
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

/**
 * The end of the summary line for node_modules folders the scan did not
 * enter (`, 2 node_modules folders skipped (...)`), or '' when there were
 * none. Said aloud because a repository that keeps its own code there
 * (node-red) would otherwise get a clean report for code never read.
 */
export function nodeModulesNote(collected: Pick<CollectedFiles, 'skippedNodeModules'>): string {
  const count = collected.skippedNodeModules.length;
  if (count === 0) return '';
  return `, ${count} node_modules folder${count === 1 ? '' : 's'} skipped (not tracked by git; name one to scan it)`;
}
