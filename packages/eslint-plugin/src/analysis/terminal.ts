import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Is the linted file a command-line program, whose `console.*` output goes
 * to the operator's terminal rather than to a log? Yes when it starts with
 * a `#!` line, or when the nearest `package.json` names it in `bin`.
 *
 * @param filename the file being linted (ESLint's `context.filename`; may be `<input>`)
 * @param text the file's source text
 * @returns true for a shebang script or a package bin entry; never throws (an unreadable package.json counts as none)
 */
export function isTerminalProgram(filename: string, text: string): boolean {
  if (text.startsWith('#!')) return true;
  if (!path.isAbsolute(filename)) return false;
  const bins = binsNear(path.dirname(filename));
  return bins.has(path.resolve(filename));
}

const binsByDirectory = new Map<string, ReadonlySet<string>>();

/** The absolute paths of the `bin` entries of the nearest package.json above `directory` (cached per directory). */
function binsNear(directory: string): ReadonlySet<string> {
  const known = binsByDirectory.get(directory);
  if (known) return known;
  let result: ReadonlySet<string> = new Set();
  const manifest = path.join(directory, 'package.json');
  let found = false;
  try {
    const parsed = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { bin?: unknown };
    found = true;
    const bin = parsed.bin;
    const entries = typeof bin === 'string' ? [bin] : bin && typeof bin === 'object' ? Object.values(bin as Record<string, unknown>) : [];
    result = new Set(entries.filter((entry): entry is string => typeof entry === 'string').map((entry) => path.resolve(directory, entry)));
  } catch {
    found = fs.existsSync(manifest);
  }
  if (!found) {
    const parent = path.dirname(directory);
    if (parent !== directory) result = binsNear(parent);
  }
  binsByDirectory.set(directory, result);
  return result;
}
