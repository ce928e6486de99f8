// Lists and lints every JavaScript/TypeScript file of the workspace folders
// (not only the open ones), so findings in files nobody has opened show up.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { LINTABLE_EXTENSIONS, MAX_LINT_BYTES } from './linter';

/** Folders never worth scanning: dependencies, VCS data, build output. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', '.git', 'dist', '.hg', '.svn']);

interface IgnoreScope {
  base: string;
  rules: Ignore;
}

function ignoredBy(scopes: readonly IgnoreScope[], absolute: string, isDirectory: boolean): boolean {
  for (const scope of scopes) {
    const relative = path.relative(scope.base, absolute).split(path.sep).join('/');
    if (!relative || relative.startsWith('..')) continue;
    if (scope.rules.ignores(isDirectory ? `${relative}/` : relative)) return true;
  }
  return false;
}

async function readGitignore(directory: string): Promise<IgnoreScope | undefined> {
  try {
    const text = await fs.readFile(path.join(directory, '.gitignore'), 'utf8');
    return { base: directory, rules: ignore().add(text) };
  } catch {
    return undefined;
  }
}

export interface ListOptions {
  /** Stop early (the scan was cancelled). */
  isCancelled?: () => boolean;
}

/** Lintable files under `folder`, sorted, honouring .gitignore files along the way. */
export async function listWorkspaceFiles(folder: string, options: ListOptions = {}): Promise<string[]> {
  const files: string[] = [];
  const walk = async (directory: string, scopes: IgnoreScope[]): Promise<void> => {
    if (options.isCancelled?.()) return;
    let entries;
    try {
      entries = await fs.readdir(directory, { withFileTypes: true });
    } catch {
      return; // unreadable folder: nothing to scan there
    }
    const own = entries.some((entry) => entry.name === '.gitignore' && entry.isFile()) ? await readGitignore(directory) : undefined;
    const active = own ? [...scopes, own] : scopes;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const absolute = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (SKIPPED_DIRECTORIES.has(entry.name) || ignoredBy(active, absolute, true)) continue;
        await walk(absolute, active);
      } else if (entry.isFile()) {
        if (!LINTABLE_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) continue;
        if (entry.name.endsWith('.d.ts') || ignoredBy(active, absolute, false)) continue;
        files.push(absolute);
      }
    }
  };
  await walk(folder, []);
  return files;
}

export interface ScanSummary {
  files: number;
  findings: number;
  /** Files not linted: too large, unreadable, or not parseable. */
  skipped: number;
}

export interface ScanCallbacks {
  isCancelled: () => boolean;
  /** Called before each file with the count done so far. */
  progress: (done: number, total: number, file: string) => void;
  /** Lints one file from disk; undefined when it could not be linted. */
  lintFile: (file: string, text: string) => Promise<number | undefined>;
}

/** Scans the folders one file at a time, yielding to the event loop between files. */
export async function scanFolders(folders: readonly string[], callbacks: ScanCallbacks): Promise<ScanSummary> {
  const files: string[] = [];
  for (const folder of folders) files.push(...(await listWorkspaceFiles(folder, { isCancelled: callbacks.isCancelled })));
  const summary: ScanSummary = { files: 0, findings: 0, skipped: 0 };
  for (const [index, file] of files.entries()) {
    if (callbacks.isCancelled()) break;
    callbacks.progress(index, files.length, file);
    // Keeps the server answering edits and hovers during a long scan.
    await new Promise<void>((resolve) => setImmediate(resolve));
    let text: string;
    try {
      const stat = await fs.stat(file);
      if (stat.size > MAX_LINT_BYTES) {
        summary.skipped += 1;
        continue;
      }
      text = await fs.readFile(file, 'utf8');
    } catch {
      summary.skipped += 1;
      continue;
    }
    const count = await callbacks.lintFile(file, text);
    if (count === undefined) summary.skipped += 1;
    else {
      summary.files += 1;
      summary.findings += count;
    }
  }
  return summary;
}
