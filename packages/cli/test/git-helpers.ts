import { execFileSync } from 'node:child_process';
import { makeProject } from './helpers';

/** Runs git in `root` with a fixed identity, so commits work on any machine. */
export function git(root: string, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

/** A project that is a git repository with `committed` committed (forced past .gitignore) and `loose` left in the work tree. */
export function makeRepository(committed: Record<string, string>, loose: Record<string, string> = {}): string {
  const root = makeProject({ ...committed, ...loose });
  git(root, 'init', '-q');
  git(root, 'add', '--force', '--', ...Object.keys(committed));
  git(root, 'commit', '-q', '-m', 'fixture');
  return root;
}
