import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeProject, removeProjects, RULE, runCli, summarize } from './helpers';

const ONE = 'function h(req) {\n  console.log(req.ip);\n}\n';
const TWO = 'function h(req) {\n  console.log(req.ip);\n  logger.info(req.sessionID);\n}\n';
const IP = 'IP address from req.ip reaches console.log without classification';
const SESSION = 'Session id from req.sessionID reaches logger.info without classification';

function readJson(file: string): Record<string, Record<string, { count: number; fingerprints?: string[] }>> {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Record<string, { count: number; fingerprints?: string[] }>>;
}

describe('scan --baseline', function () {
  this.timeout(90_000); // up to four real scans per case on a loaded 2-core machine
  after(removeProjects);

  it('records today’s findings when the file does not exist, in ESLint’s suppressions shape with fingerprints, and exits 0', async function () {
    const root = makeProject({ 'src/a.js': TWO, 'src/clean.js': 'export const x = 1;\n' });
    const run = await runCli(['scan', '--baseline', 'oi-baseline.json'], root);
    assert.deepEqual(run, {
      code: 0,
      stdout: '',
      stderr:
        'online-identifiers: recorded 2 findings in oi-baseline.json; later runs with --baseline fail only on new ones\n' +
        'online-identifiers: 2 findings held back by oi-baseline.json\n' +
        'online-identifiers: 2 files scanned, no findings\n',
    });
    const baseline = readJson(path.join(root, 'oi-baseline.json'));
    assert.deepEqual(Object.keys(baseline), ['src/a.js']);
    assert.equal(baseline['src/a.js']?.[RULE]?.count, 2);
    assert.equal(baseline['src/a.js']?.[RULE]?.fingerprints?.length, 2);
    for (const fingerprint of baseline['src/a.js']?.[RULE]?.fingerprints ?? []) assert.match(fingerprint, /^[0-9a-f]{32}$/);
  });

  it('a later run fails only on new findings, wherever the old ones moved', async function () {
    const root = makeProject({ 'src/a.js': ONE });
    assert.equal((await runCli(['scan', '--baseline', 'b.json'], root)).code, 0);
    // The old finding moves down two lines; a new one appears below it.
    fs.writeFileSync(path.join(root, 'src', 'a.js'), `// moved\n\n${TWO}`);
    const run = await runCli(['scan', '-f', 'json', '--baseline', 'b.json'], root);
    assert.equal(run.code, 1);
    assert.deepEqual(summarize(run.stdout, root), { 'src/a.js': [`5:15 ${RULE} ${SESSION}`] });
    const [result] = JSON.parse(run.stdout) as { suppressedMessages: { line: number; message: string; suppressions: unknown }[] }[];
    assert.deepEqual(
      result?.suppressedMessages.map((message) => [message.line, message.message, message.suppressions]),
      [[4, IP, [{ kind: 'file', justification: 'recorded in the baseline' }]]],
    );
    assert.equal(run.stderr, 'online-identifiers: 1 finding held back by b.json\n');
  });

  it('reports fixed findings as prunable, and --prune-baseline removes them', async function () {
    const root = makeProject({ 'src/a.js': TWO, 'src/gone.js': ONE });
    await runCli(['scan', '--baseline', 'b.json'], root);
    fs.writeFileSync(path.join(root, 'src', 'a.js'), ONE);
    fs.rmSync(path.join(root, 'src', 'gone.js'));
    const run = await runCli(['scan', '--baseline', 'b.json'], root);
    assert.deepEqual(run, {
      code: 0,
      stdout: '',
      stderr:
        'online-identifiers: 2 findings in b.json no longer occur (fixed): run with --prune-baseline to remove them\n' +
        'online-identifiers: 1 finding held back by b.json\n' +
        'online-identifiers: 1 file scanned, no findings\n',
    });
    const before = readJson(path.join(root, 'b.json'));
    const pruned = await runCli(['scan', '--baseline', 'b.json', '--prune-baseline'], root);
    assert.equal(pruned.code, 0);
    assert.match(pruned.stderr, /^online-identifiers: removed 2 findings that no longer occur from b\.json\n/);
    const after = readJson(path.join(root, 'b.json'));
    assert.deepEqual(Object.keys(after), ['src/a.js']);
    assert.equal(after['src/a.js']?.[RULE]?.count, 1);
    assert.equal(after['src/a.js']?.[RULE]?.fingerprints?.length, 1);
    assert.ok(before['src/a.js']?.[RULE]?.fingerprints?.includes(after['src/a.js']?.[RULE]?.fingerprints?.[0] ?? ''));
    const again = await runCli(['scan', '--baseline', 'b.json'], root);
    assert.deepEqual(again, { code: 0, stdout: '', stderr: 'online-identifiers: 1 finding held back by b.json\nonline-identifiers: 1 file scanned, no findings\n' });
  });

  it('--update-baseline records every current finding again', async function () {
    const root = makeProject({ 'a.js': ONE });
    await runCli(['scan', '--baseline', 'b.json'], root);
    fs.writeFileSync(path.join(root, 'a.js'), TWO);
    assert.equal((await runCli(['scan', '--baseline', 'b.json'], root)).code, 1);
    const update = await runCli(['scan', '--baseline', 'b.json', '--update-baseline'], root);
    assert.equal(update.code, 0);
    assert.equal(readJson(path.join(root, 'b.json'))['a.js']?.[RULE]?.count, 2);
  });

  it('parse errors are never held back: the file was not checked', async function () {
    const root = makeProject({ 'a.js': ONE, 'broken.js': 'function (\n' });
    const run = await runCli(['scan', '--baseline', 'b.json'], root);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /recorded 1 finding in b\.json/);
    assert.match(run.stderr, /1 file could not be parsed/);
  });

  it('reads a count-only file written by `eslint --suppress-all` with ESLint’s rule', async function () {
    const root = makeProject({ 'a.js': TWO, 'eslint-suppressions.json': JSON.stringify({ 'a.js': { [RULE]: { count: 2 } } }) });
    assert.equal((await runCli(['scan', '--baseline', 'eslint-suppressions.json'], root)).code, 0);
    fs.writeFileSync(path.join(root, 'eslint-suppressions.json'), JSON.stringify({ 'a.js': { [RULE]: { count: 1 } } }));
    // More findings than recorded: ESLint reports them all, and so does the scan.
    const run = await runCli(['scan', '-f', 'json', '--baseline', 'eslint-suppressions.json'], root);
    assert.equal(run.code, 1);
    assert.deepEqual(summarize(run.stdout, root), { 'a.js': [`2:15 ${RULE} ${IP}`, `3:15 ${RULE} ${SESSION}`] });
  });

  describe('usage errors (exit 2)', function () {
    it('a baseline that is not JSON or not a baseline', async function () {
      const root = makeProject({ 'a.js': ONE, 'bad.json': '{ nope', 'shape.json': '{ "a.js": { "r": { "count": "two" } } }' });
      const bad = await runCli(['scan', '--baseline', 'bad.json'], root);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /^online-identifiers: the baseline is not JSON: /);
      const shape = await runCli(['scan', '--baseline', 'shape.json'], root);
      assert.equal(shape.code, 2);
      assert.equal(shape.stderr, 'online-identifiers: the baseline entry for r in a.js must be { "count": <number>, "fingerprints"?: [<string>…] }\n');
    });

    it('--prune-baseline or --update-baseline without --baseline, or both', async function () {
      const root = makeProject({ 'a.js': ONE });
      const prune = await runCli(['scan', '--prune-baseline'], root);
      assert.deepEqual([prune.code, prune.stderr.split('\n')[0]], [2, 'online-identifiers: --prune-baseline needs --baseline <file>']);
      const both = await runCli(['scan', '--baseline', 'b.json', '--prune-baseline', '--update-baseline'], root);
      assert.deepEqual([both.code, both.stderr.split('\n')[0]], [2, 'online-identifiers: --update-baseline and --prune-baseline cannot be used together']);
    });

    it('pruning a baseline that does not exist', async function () {
      const run = await runCli(['scan', '--baseline', 'none.json', '--prune-baseline'], makeProject({ 'a.js': ONE }));
      assert.deepEqual(run, {
        code: 2,
        stdout: '',
        stderr: 'online-identifiers: there is no baseline none.json to prune: run with --baseline none.json to record one\n',
      });
    });
  });
});
