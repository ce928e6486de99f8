// The bin's V8 pool over stdio (packages/language-server/src/v8-pool.ts):
// started without --v8-pool-size, it relaunches itself once with a pool that
// leaves a core free, and the editor talks to the relaunched process as if
// it were the bin; a pool given by the caller, or the environment's `node`,
// is served as it is. Observed through onlineIdentifiers/stats.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { StatsResult } from '@online-identifiers/language-server';
import { POOL_SIZE_ENV, serverPoolSize } from '@online-identifiers/language-server';
import { LspClient } from './support/lsp-client';

const stats = (client: LspClient): Promise<StatsResult> => client.connection.sendRequest<StatsResult>('onlineIdentifiers/stats', {});

/** Whether a process with this id is still running. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Resolves once the process is gone (mocha's timeout fails the test otherwise). */
async function gone(pid: number): Promise<void> {
  while (alive(pid)) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('the language server’s V8 pool over stdio', function () {
  this.timeout(60000);
  let client: LspClient | undefined;

  afterEach(async function () {
    if (client) await client.kill();
    client = undefined;
  });

  it('relaunches with a pool of cores - 1 (1 to 4), serves from the child, and exits as it does', async function () {
    client = await LspClient.start();
    const served = await stats(client);
    assert.equal(served.v8PoolSize, serverPoolSize(os.availableParallelism()));
    assert.notEqual(served.processId, client.child.pid, 'the relaunched child serves');
    assert.equal(await client.shutdown(), 0);
    await gone(served.processId);
    client = undefined;
  });

  it('loads the linter only in the process that serves: the bin that forwards to it stays small', async function () {
    // A preload that records, as each process exits, whether ESLint was loaded in it.
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'oi-v8-pool-'));
    const hook = path.join(directory, 'hook.js');
    const report = path.join(directory, 'loaded.txt');
    fs.writeFileSync(
      hook,
      "process.on('exit', () => require('fs').appendFileSync(process.env.OI_LOADED_REPORT, " +
        "`${process.pid} ${Object.keys(require.cache).some((file) => /[\\\\/]node_modules[\\\\/]eslint[\\\\/]/.test(file))}\\n`));\n",
    );
    client = await LspClient.start({ nodeArgs: ['--require', hook], env: { OI_LOADED_REPORT: report } });
    const served = await stats(client);
    const bin = client.child.pid;
    assert.notEqual(served.processId, bin, 'the relaunched child serves');
    assert.equal(await client.shutdown(), 0);
    client = undefined;
    const loaded = new Map(fs.readFileSync(report, 'utf8').trim().split('\n').map((line) => line.split(' ') as [string, string]));
    fs.rmSync(directory, { recursive: true, force: true });
    assert.deepEqual(Object.fromEntries(loaded), { [String(bin)]: 'false', [String(served.processId)]: 'true' });
  });

  it('ends the relaunched child when the bin is terminated', async function () {
    client = await LspClient.start();
    const served = await stats(client);
    assert.notEqual(served.processId, client.child.pid);
    client.child.kill('SIGTERM');
    await client.exit;
    await gone(served.processId);
  });

  it('serves in the bin’s own process when the caller gives the pool', async function () {
    client = await LspClient.start({ nodeArgs: ['--v8-pool-size=2'] });
    const served = await stats(client);
    assert.equal(served.v8PoolSize, 2);
    assert.equal(served.processId, client.child.pid);
  });

  it('says on stderr, once, that it ignores a pool size it does not understand, and sizes the pool from the machine', async function () {
    client = await LspClient.start({ env: { [POOL_SIZE_ENV]: 'lots' } });
    assert.equal((await stats(client)).v8PoolSize, serverPoolSize(os.availableParallelism()));
    const said = client.stderr.split('\n').filter((line) => line.includes(POOL_SIZE_ENV));
    assert.deepEqual(said, [
      `online-identifiers-language-server: ignoring ${POOL_SIZE_ENV}="lots" (a whole number of threads, 1 or more, or "node"); sizing the pool from the machine`,
    ]);
  });

  it('takes the pool from ONLINE_IDENTIFIERS_V8_POOL_SIZE, and keeps Node’s own for `node`', async function () {
    client = await LspClient.start({ env: { [POOL_SIZE_ENV]: '3' } });
    assert.equal((await stats(client)).v8PoolSize, 3);
    await client.kill();
    client = await LspClient.start({ env: { [POOL_SIZE_ENV]: 'node' } });
    const served = await stats(client);
    assert.equal(served.v8PoolSize, null);
    assert.equal(served.processId, client.child.pid);
  });
});
