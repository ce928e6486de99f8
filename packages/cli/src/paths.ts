import * as path from 'node:path';

/**
 * A path as reports show it: relative to `cwd` with `/` separators, or the
 * absolute path for a file outside `cwd` (a `../../x` path reads worse than
 * the real one).
 */
export function relative(cwd: string, filePath: string): string {
  const rel = path.relative(cwd, filePath);
  return (rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? filePath : rel).split(path.sep).join('/');
}
