import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const ESLINT_BIN = path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');
const FIXTURE = path.join(__dirname, 'fixtures', 'project');
const RULE = 'online-identifiers/no-unclassified-logging';

interface Message {
  ruleId: string | null;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: number;
  suggestions?: { messageId?: string; desc: string }[];
}
interface Result {
  filePath: string;
  messages: Message[];
  suppressedMessages: Message[];
}

function eslint(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ESLINT_BIN, ...args], { cwd: FIXTURE });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe("ESLint's own CLI on a fixture project with its own eslint.config.js", function () {
  let results: Result[];
  let code: number | null;

  before(async function () {
    const run = await eslint(['.', '--format', 'json']);
    assert.equal(run.stderr, '', run.stderr);
    code = run.code;
    results = JSON.parse(run.stdout) as Result[];
  });

  function relative(result: Result): string {
    return path.relative(FIXTURE, result.filePath).split(path.sep).join('/');
  }

  it('lints exactly the files the config covers (its ignores respected)', function () {
    assert.deepEqual(results.map(relative).sort(), [
      'eslint.config.js',
      'src/handler.ts',
      'src/lib/logger.js',
      'src/safe.js',
      'src/server.js',
    ]);
  });

  it('reports the exact findings with kind, origin, sink and location', function () {
    const found = results.flatMap((result) =>
      result.messages.map((m) => `${relative(result)}:${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.severity} ${m.ruleId} ${m.message}`),
    );
    assert.deepEqual(found.sort(), [
      `src/handler.ts:8:27-8:30 2 ${RULE} Session id from req.sessionID reaches console.info without classification`,
      `src/server.js:13:24-13:29 2 ${RULE} Authentication token from req.headers.authorization reaches console.log without classification`,
      `src/server.js:7:40-7:46 2 ${RULE} IP address from req.ip reaches logger.info without classification`,
    ]);
  });

  it('exits 1 because recommended reports errors', function () {
    assert.equal(code, 1);
  });

  it('offers the three treatments as suggestions, redact first', function () {
    for (const result of results) {
      for (const message of result.messages) {
        assert.deepEqual(
          message.suggestions?.map((s) => s.messageId),
          ['suggestRedact', 'suggestPseudonymize', 'suggestClassify'],
          message.message,
        );
      }
    }
  });

  it('honours eslint-disable comments for the rule (suppressed, not reported)', function () {
    const safe = results.find((result) => relative(result) === 'src/safe.js');
    assert.ok(safe);
    assert.deepEqual(safe.messages, []);
    assert.deepEqual(
      safe.suppressedMessages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`),
      [`7:57 ${RULE} IP address from req.ip reaches logger.info without classification`],
    );
  });

  it('stylish output shows each finding with its rule id', async function () {
    const run = await eslint(['src/server.js']);
    assert.equal(run.code, 1);
    const lines = run.stdout.split('\n').map((line) => line.trim().split(/\s{2,}/).join(' | '));
    assert.deepEqual(lines.filter((line) => /^\d+:\d+ \|/.test(line)), [
      `7:40 | error | IP address from req.ip reaches logger.info without classification | ${RULE}`,
      `13:24 | error | Authentication token from req.headers.authorization reaches console.log without classification | ${RULE}`,
    ]);
  });
});
