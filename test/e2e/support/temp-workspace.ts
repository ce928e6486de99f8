import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FIXTURES } from './paths';

/** A fresh copy of a fixture workspace in a temp dir, so editors never touch the repo's files. */
export function copyFixtureWorkspace(prefix: string, fixture = 'workspace'): { dir: string; remove: () => void } {
  const base = mkdtempSync(path.join(tmpdir(), prefix));
  const dir = path.join(base, 'workspace');
  cpSync(path.join(FIXTURES, fixture), dir, { recursive: true });
  return { dir, remove: () => rmSync(base, { recursive: true, force: true }) };
}
