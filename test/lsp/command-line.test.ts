// Issue 9 §6 (server part): the bin answers --help and --version, and run
// without a transport prints one clear line on stderr and exits 2 (it used
// to print vscode-languageserver's stack trace).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, SERVER_BIN } from './support/lsp-client';

const NO_TRANSPORT =
  'online-identifiers-language-server: no transport given; start it with --stdio (or --node-ipc, --socket=<port>, --pipe=<name>), or see --help.\n';

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [SERVER_BIN, ...args], { encoding: 'utf8', timeout: 60000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('language server command line', function () {
  it('prints usage for --help and -h', function () {
    for (const flag of ['--help', '-h']) {
      const result = run(flag);
      assert.equal(result.status, 0);
      assert.equal(result.stderr, '');
      assert.match(result.stdout, /^Usage: online-identifiers-language-server --stdio \| --node-ipc \| --socket=<port> \| --pipe=<name>\n/);
      assert.match(result.stdout, /\n {2}-v, --version {6}print the version and exit\n/);
    }
  });

  it('prints the package version for --version and -v', function () {
    const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'packages', 'language-server', 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) assert.deepEqual(run(flag), { status: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('says a transport is needed, in one line on stderr, and exits 2', function () {
    assert.deepEqual(run(), { status: 2, stdout: '', stderr: NO_TRANSPORT });
    // Flags editors add are not transports.
    assert.deepEqual(run('--clientProcessId=1'), { status: 2, stdout: '', stderr: NO_TRANSPORT });
  });
});
