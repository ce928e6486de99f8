import * as assert from 'node:assert/strict';
import { NO_TRANSPORT_MESSAGE, parseCommandLine } from '../src/command-line';

describe('parseCommandLine', function () {
  it('serves with any transport vscode-languageserver reads, in both flag forms', function () {
    for (const argv of [['--stdio'], ['--node-ipc'], ['--socket=6009'], ['--socket', '6009'], ['--pipe=/tmp/oi.sock'], ['--pipe', 'x'], ['--clientProcessId=4', '--stdio']]) {
      assert.deepEqual(parseCommandLine(argv), { kind: 'serve' }, argv.join(' '));
    }
  });

  it('puts help before version before serving', function () {
    assert.deepEqual(parseCommandLine(['--stdio', '--version', '--help']), { kind: 'help' });
    assert.deepEqual(parseCommandLine(['--stdio', '-v']), { kind: 'version' });
  });

  it('asks for a transport otherwise', function () {
    for (const argv of [[], ['--clientProcessId=4'], ['--stdio-ish'], ['stdio']]) {
      assert.deepEqual(parseCommandLine(argv), { kind: 'usage-error', message: NO_TRANSPORT_MESSAGE }, argv.join(' '));
    }
  });
});
