import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { listWorkspaceFiles } from '../src/workspace-scan';

describe('listWorkspaceFiles', () => {
  it('lists JS/TS sources, skipping dependencies, build output, declarations and .gitignore entries (nested too)', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'oi-scan-'));
    const files = [
      'a.js',
      'b.ts',
      'c.d.ts',
      'notes.md',
      'node_modules/x/index.js',
      'dist/out.js',
      '.git/hooks/h.js',
      'logs/skip.js',
      'pkg/keep.mjs',
      'pkg/gen/skip.cjs',
      'pkg/tsx/view.tsx',
    ];
    for (const file of files) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), '');
    }
    fs.writeFileSync(path.join(root, '.gitignore'), 'logs/\n');
    fs.writeFileSync(path.join(root, 'pkg', '.gitignore'), 'gen/\n');
    const listed = (await listWorkspaceFiles(root)).map((file) => path.relative(root, file).split(path.sep).join('/'));
    fs.rmSync(root, { recursive: true, force: true });
    assert.deepEqual(listed, ['a.js', 'b.ts', 'pkg/keep.mjs', 'pkg/tsx/view.tsx']);
  });
});
