import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FIXTURE_WORKSPACE } from './paths';

/** A fresh copy of the fixture workspace in a temp dir, so editors never touch the repo's files. */
export function copyFixtureWorkspace(prefix: string): { dir: string; remove: () => void } {
  const base = mkdtempSync(path.join(tmpdir(), prefix));
  const dir = path.join(base, 'workspace');
  cpSync(FIXTURE_WORKSPACE, dir, { recursive: true });
  return { dir, remove: () => rmSync(base, { recursive: true, force: true }) };
}
