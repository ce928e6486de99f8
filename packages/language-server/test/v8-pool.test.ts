import * as assert from 'node:assert/strict';
import {
  NODE_DEFAULT_V8_POOL_SIZE,
  POOL_SIZE_ENV,
  RELAUNCHED_ENV,
  givenPoolSize,
  relaunchArgs,
  requestedPoolSize,
  serverPoolSize,
  type RelaunchContext,
} from '../src/v8-pool';

describe('v8-pool', function () {
  it('leaves one core free of V8 background threads, between 1 and Node’s 4', function () {
    assert.deepEqual(
      [1, 2, 3, 4, 5, 8, 64].map((cores) => serverPoolSize(cores)),
      [1, 1, 2, 3, 4, 4, 4],
    );
    assert.equal(NODE_DEFAULT_V8_POOL_SIZE, 4);
    assert.equal(serverPoolSize(Number.NaN), 1);
  });

  it('reads the environment’s request: a count, node, or nothing understood', function () {
    assert.equal(requestedPoolSize(undefined), undefined);
    assert.equal(requestedPoolSize(''), undefined);
    assert.equal(requestedPoolSize(' 3 '), 3);
    assert.equal(requestedPoolSize('node'), 'node');
    assert.equal(requestedPoolSize('Default'), 'node');
    assert.equal(requestedPoolSize('0'), undefined);
    assert.equal(requestedPoolSize('-2'), undefined);
    assert.equal(requestedPoolSize('lots'), undefined);
  });

  it('finds a pool size given on the command line or in NODE_OPTIONS, the command line winning', function () {
    assert.equal(givenPoolSize([], undefined), undefined);
    assert.equal(givenPoolSize(['--expose-gc', '--v8-pool-size=2'], undefined), 2);
    assert.equal(givenPoolSize(['--v8-pool-size', '3'], undefined), 3);
    assert.equal(givenPoolSize(['--v8-pool-size=2', '--v8-pool-size=6'], undefined), 6);
    assert.equal(givenPoolSize([], '--max-old-space-size=4096 --v8-pool-size=5'), 5);
    assert.equal(givenPoolSize(['--v8-pool-size=1'], '--v8-pool-size=5'), 1);
    assert.equal(givenPoolSize(['--v8-pool-size-other=1'], ''), undefined);
  });

  describe('relaunchArgs', function () {
    const context = (overrides: Partial<RelaunchContext> = {}): RelaunchContext => ({
      execArgv: ['--expose-gc'],
      argv: ['/x/bin/online-identifiers-language-server.js', '--stdio'],
      env: {},
      cores: 2,
      ...overrides,
    });

    it('relaunches a stdio, socket or pipe server with this process’s options and the pool flag', function () {
      assert.deepEqual(relaunchArgs(context()), ['--expose-gc', '--v8-pool-size=1']);
      assert.deepEqual(relaunchArgs(context({ cores: 8, execArgv: [] })), ['--v8-pool-size=4']);
      assert.deepEqual(relaunchArgs(context({ argv: ['/x/server.js', '--socket=6009'] })), ['--expose-gc', '--v8-pool-size=1']);
      assert.deepEqual(relaunchArgs(context({ env: { [POOL_SIZE_ENV]: '3' } })), ['--expose-gc', '--v8-pool-size=3']);
    });

    it('serves in this process when the pool is given, asked to stay Node’s, or already relaunched', function () {
      assert.equal(relaunchArgs(context({ execArgv: ['--v8-pool-size=2'] })), undefined);
      assert.equal(relaunchArgs(context({ env: { NODE_OPTIONS: '--v8-pool-size=2' } })), undefined);
      assert.equal(relaunchArgs(context({ env: { [POOL_SIZE_ENV]: 'node' } })), undefined);
      assert.equal(relaunchArgs(context({ env: { [RELAUNCHED_ENV]: '1' } })), undefined);
    });

    it('never relaunches what an IPC channel or a debugger is attached to', function () {
      assert.equal(relaunchArgs(context({ argv: ['/x/server.js', '--node-ipc', '--clientProcessId=12'] })), undefined);
      assert.equal(relaunchArgs(context({ execArgv: ['--nolazy', '--inspect=6009'] })), undefined);
      assert.equal(relaunchArgs(context({ execArgv: ['--inspect-brk'] })), undefined);
      assert.equal(relaunchArgs(context({ env: { NODE_OPTIONS: '--inspect' } })), undefined);
    });
  });
});
