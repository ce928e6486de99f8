import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/** Raised when git cannot answer a question the user asked (`--changed-since`); the CLI turns it into a usage error. */
export class GitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GitError';
  }
}

interface GitOutput {
  readonly ok: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

/** Large repositories list hundreds of thousands of paths; the default 1 MB buffer would cut them off. */
const MAX_OUTPUT_BYTES = 1024 * 1024 * 1024;

/**
 * Runs git in `directory` and returns its output. A missing git binary is
 * `ok: false`, like any failing git command: the caller falls back to the
 * file system.
 */
function git(directory: string, args: readonly string[]): GitOutput {
  const child = spawnSync('git', ['-C', directory, ...args], {
    encoding: 'utf8',
    maxBuffer: MAX_OUTPUT_BYTES,
    // Never prompt (credentials, pagers) and never read the user's global hooks.
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { ok: child.status === 0, stdout: child.stdout ?? '', stderr: child.stderr ?? '' };
}

function nulSeparated(text: string): string[] {
  return text.split('\0').filter((entry) => entry !== '');
}

/** The top-level directory of the work tree holding `directory` (as git prints it: symlinks resolved), or undefined outside git. */
export function workTreeRoot(directory: string): string | undefined {
  const output = git(directory, ['rev-parse', '--show-toplevel']);
  if (!output.ok) return undefined;
  const root = output.stdout.trim();
  return root === '' ? undefined : path.resolve(root);
}

/** Whether git ignores `directory` itself (a .gitignore, `.git/info/exclude` or the global excludes file matches it). */
export function isIgnoredByGit(directory: string): boolean {
  return git(directory, ['check-ignore', '-q', '.']).ok;
}

export interface GitFiles {
  /** Tracked files under the directory (submodules included), relative to it with `/`. */
  readonly tracked: string[];
  /** Untracked files that no exclude rule ignores, relative to it with `/`. */
  readonly untracked: string[];
}

/**
 * What git considers the directory's source: `git ls-files` for tracked files
 * and for untracked files that are not ignored. Undefined when git cannot list
 * them (not a repository, git missing).
 */
export function listGitFiles(directory: string): GitFiles | undefined {
  const tracked = git(directory, ['ls-files', '-z', '--cached', '--recurse-submodules']);
  if (!tracked.ok) return undefined;
  const untracked = git(directory, ['ls-files', '-z', '--others', '--exclude-standard']);
  if (!untracked.ok) return undefined;
  return { tracked: nulSeparated(tracked.stdout), untracked: nulSeparated(untracked.stdout) };
}

/**
 * The files that differ between the work tree and the point where HEAD left
 * `ref` (their merge base, as a pull request sees it), plus untracked files
 * that are not ignored. Deleted files are left out. Absolute paths under the
 * work tree root git reports (symlinks resolved).
 *
 * @throws GitError outside a repository, for a ref git does not know, or when
 *   the history holds no common ancestor (a shallow CI clone).
 */
export function filesChangedSince(directory: string, ref: string): Set<string> {
  const root = workTreeRoot(directory);
  if (root === undefined) throw new GitError(`--changed-since needs a git repository, and ${directory} is not in one`);
  // `--end-of-options` keeps a ref that starts with `-` from being read as an option.
  const commit = git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  if (!commit.ok) throw new GitError(`unknown git ref '${ref}' (try a branch, tag or commit that exists here, e.g. origin/main)`);
  const base = git(root, ['merge-base', commit.stdout.trim(), 'HEAD']);
  if (!base.ok) {
    throw new GitError(`no common history between '${ref}' and HEAD (a shallow clone? fetch with fetch-depth: 0)`);
  }
  const changed = git(root, ['diff', '-z', '--name-only', '--no-renames', '--diff-filter=d', base.stdout.trim(), '--']);
  if (!changed.ok) throw new GitError(`git diff against '${ref}' failed: ${changed.stderr.trim()}`);
  const untracked = git(root, ['ls-files', '-z', '--others', '--exclude-standard']);
  const names = [...nulSeparated(changed.stdout), ...(untracked.ok ? nulSeparated(untracked.stdout) : [])];
  return new Set(names.map((name) => path.join(root, ...name.split('/'))));
}
