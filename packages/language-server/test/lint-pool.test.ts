// The worker pool with real workers (the built server entry): results equal
// inline linting, a queued job is replaced by a newer one for the same
// document, a quick job does not wait behind ordinary ones, and a superseded
// run past the budget ends its worker without stopping the pool. Budgets are
// 0 or huge, so nothing depends on timing.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import plugin from 'eslint-plugin-online-identifiers';
import { createBuiltinConfig } from 'online-identifiers';
import { InlineRunner, WorkerPool, type LintInput } from '../src/lint-pool';
import { RuleLinter } from '../src/linter';
import { CancelSignal } from '../src/scheduler';

const SCRIPT = path.join(__dirname, '..', 'dist', 'server.js');
const CWD = path.join(__dirname, 'fixtures-that-need-not-exist');
const HANDLER = ["import pino from 'pino';", 'const logger = pino();', 'export function handler(req) {', '  logger.info(req.ip);', '}', ''].join('\n');

/** Many handlers writing and logging one shared variable: slow enough to be cancelled mid-run. */
function slowText(handlers: number): string {
  const lines = ["import pino from 'pino';", 'const logger = pino();', 'let node = null;'];
  for (let i = 0; i < handlers; i++) lines.push(`export function h${i}(req) { node = ${i % 2 ? 'node' : 'req.ip'}; logger.info({ node, i: ${i} }); }`);
  return lines.join('\n');
}

describe('WorkerPool', function () {
  this.timeout(120000);
  const linter = new RuleLinter({ plugin, builtinConfig: createBuiltinConfig() });
  const input = (text: string): LintInput => ({ text, filePath: path.join(CWD, 'src', 'a.js'), rules: linter.builtinRules, cwd: CWD });
  const logs: string[] = [];
  let pool: WorkerPool;

  beforeEach(function () {
    logs.length = 0;
    pool = new WorkerPool({ script: SCRIPT, inline: linter, budgetMs: 0, maxWorkers: 1, log: (_level, text) => logs.push(text) });
  });

  afterEach(async function () {
    await pool.dispose();
  });

  it('gives the same outcome as linting inline, and the same fix-all text', async function () {
    const inline = new InlineRunner(linter);
    assert.deepEqual(await pool.lint('a', input(HANDLER)), await inline.lint('a', input(HANDLER)));
    assert.equal(await pool.fixAll('a', input(HANDLER)), await inline.fixAll('a', input(HANDLER)));
    assert.match(await pool.fixAll('a', input(HANDLER)), /logger\.info\(redact\.ip\(req\.ip\)\);/);
    assert.deepEqual(logs, []);
  });

  it('replaces a queued job with the newer one for the same document', async function () {
    const running = pool.lint('other', input(slowText(50)));
    const older = pool.lint('a', input(HANDLER));
    const newer = pool.lint('a', input(`${HANDLER}// v2\n`));
    assert.equal(await older, undefined);
    const outcome = await newer;
    assert.equal(outcome?.kind, 'ok');
    assert.equal((await running)?.kind, 'ok');
  });

  it('ends the worker of a superseded run past the budget, and the next job runs on a fresh one', async function () {
    const signal = new CancelSignal();
    const slow = pool.lint('a', input(slowText(400)), signal);
    assert.equal(pool.workers, 1);
    signal.cancel();
    assert.equal(await slow, undefined);
    assert.equal(pool.workers, 0);
    const next = await pool.lint('a', input(HANDLER));
    assert.equal(next?.kind, 'ok');
    assert.deepEqual(next.kind === 'ok' ? next.messages.map((message) => [message.ruleId, message.line, message.column]) : [], [
      ['online-identifiers/no-unclassified-logging', 4, 15],
    ]);
    assert.deepEqual(logs, []);
  });

  it('gives a quick job (a region lint) a worker of its own when the others are busy, and an ordinary job none', async function () {
    const running = pool.lint('other', input(slowText(50)));
    assert.equal(pool.workers, 1);
    const ordinary = pool.lint('b', input(HANDLER));
    assert.equal(pool.workers, 1);
    const quick = pool.lint('a#region', input(HANDLER), undefined, { quick: true });
    assert.equal(pool.workers, 2);
    assert.equal((await quick)?.kind, 'ok');
    assert.equal((await ordinary)?.kind, 'ok');
    assert.equal((await running)?.kind, 'ok');
  });

  it('ends extra workers once idle, keeping one warm', async function () {
    const idlePool = new WorkerPool({ script: SCRIPT, inline: linter, budgetMs: 0, maxWorkers: 1, idleMs: 20, log: (_level, text) => logs.push(text) });
    try {
      const running = idlePool.lint('other', input(slowText(50)));
      const quick = idlePool.lint('a#region', input(HANDLER), undefined, { quick: true });
      assert.equal(idlePool.workers, 2);
      assert.equal((await quick)?.kind, 'ok');
      assert.equal((await running)?.kind, 'ok');
      // Polled, not timed: the extra worker goes once both have been idle for idleMs.
      while (idlePool.workers > 1) await new Promise((resolve) => setTimeout(resolve, 10));
      assert.equal(idlePool.workers, 1);
      assert.equal((await idlePool.lint('b', input(HANDLER)))?.kind, 'ok');
      assert.equal((await idlePool.workerHeaps()).length, 1);
    } finally {
      await idlePool.dispose();
    }
  });

  it('reports each live worker heap', async function () {
    await pool.lint('a', input(HANDLER));
    const heaps = await pool.workerHeaps();
    assert.equal(heaps.length, 1);
    assert.ok(heaps[0]! > 1024 * 1024, `${heaps[0]} bytes`);
  });
});
