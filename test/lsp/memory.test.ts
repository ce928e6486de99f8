// No memory growth across 10,000 edits: the SERVER's own heap, measured after
// a full GC through the server's `onlineIdentifiers/stats` request.
import * as assert from 'node:assert/strict';
import { LspClient } from './support/lsp-client';
import { ESM_HANDLER } from './support/fixtures';
import type { StatsResult as Stats } from '@online-identifiers/language-server';

const EDITS = 10000;
/** Every BATCH edits we wait for the diagnostics of the latest version, so linting really happens. */
const BATCH = 100;

describe('language server memory', function () {
  let client: LspClient;

  afterEach(async function () {
    if (client) await client.kill();
  });

  it('stays bounded across 10,000 edits and open/close cycles', async function () {
    this.timeout(180000);
    client = await LspClient.start({ nodeArgs: ['--expose-gc'], initializationOptions: { debounceMs: 5 } });
    const stats = (): Promise<Stats> => client.connection.sendRequest<Stats>('onlineIdentifiers/stats', { gc: true });

    const uri = await client.open('src/handler.js', ESM_HANDLER);
    await client.diagnosticsFor(uri, 1);
    let version = 1;
    let findings = 0;
    const edit = async (): Promise<void> => {
      version += 1;
      // Alternate between adding and removing a raw log of the IP, so findings come and go.
      const line = version % 2 === 0 ? `  logger.info(req.ip, ${version});` : `  logger.info('n', ${version});`;
      await client.change(uri, version, [{ range: { start: { line: 6, character: 0 }, end: { line: 7, character: 0 } }, text: `${line}\n` }]);
      if (version % BATCH === 0) findings += (await client.diagnosticsFor(uri, version)).diagnostics.length;
    };
    const temporary = async (index: number): Promise<void> => {
      const other = await client.open(`src/temp-${index}.js`, ESM_HANDLER);
      await client.diagnosticsFor(other, 1);
      await client.close(other);
    };

    // Warm up (JIT, caches, parser) before the baseline.
    for (let i = 0; i < 1000; i++) await edit();
    for (let i = 0; i < 20; i++) await temporary(i);
    const before = await stats();
    assert.equal(before.gcAvailable, true);

    for (let i = 0; i < EDITS; i++) await edit();
    for (let i = 20; i < 220; i++) await temporary(i);
    const after = await stats();

    assert.ok(findings > 0, 'the edits were linted');
    // Caches are keyed by open documents: one left open.
    assert.deepEqual(
      { openDocuments: after.openDocuments, results: after.results, settings: after.settings, configs: after.configs },
      { openDocuments: 1, results: 1, settings: 1, configs: 1 },
    );
    const growth = after.memory.heapUsed - before.memory.heapUsed;
    assert.ok(growth < 8 * 1024 * 1024, `heap grew by ${(growth / 1048576).toFixed(1)} MB over ${EDITS} edits`);
    // The lints ran on worker threads: their heaps stay flat too (the same workers, or fresh ones after a superseded run).
    assert.ok(after.lintWorkers >= 1 && before.lintWorkersHeapUsed > 0, 'lint workers were measured');
    const workerGrowth = after.lintWorkersHeapUsed / after.lintWorkers - before.lintWorkersHeapUsed / before.lintWorkers;
    assert.ok(workerGrowth < 8 * 1024 * 1024, `a lint worker's heap grew by ${(workerGrowth / 1048576).toFixed(1)} MB over ${EDITS} edits`);
  });
});
