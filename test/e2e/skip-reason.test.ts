import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from './support/paths';

// A real-editor test that cannot run says why (the README promises it). The
// Neovim test runs in a child mocha whose PATH has node but no nvim.
const run = promisify(execFile);

describe('e2e: a skipped real-editor test', () => {
  it('prints its reason', async function () {
    this.timeout(60_000);
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'oi-no-nvim-'));
    try {
      fs.symlinkSync(process.execPath, path.join(bin, 'node'));
      const mocha = path.join(REPO_ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');
      const { stdout } = await run(process.execPath, [mocha, path.join(__dirname, 'neovim.test.ts')], {
        cwd: REPO_ROOT,
        env: { ...process.env, PATH: bin },
      });
      assert.match(stdout, /skipped: Neovim \(nvim\) is not installed: run `bash scripts\/e2e\/setup\.sh`/);
      assert.match(stdout, /^0 passed, 0 failed, \d+ skipped$/m);
    } finally {
      fs.rmSync(bin, { recursive: true, force: true });
    }
  });
});
