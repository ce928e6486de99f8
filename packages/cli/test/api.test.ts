import * as assert from 'node:assert/strict';
import { Linter } from 'eslint';
import { createBuiltinConfig, LINTABLE_EXTENSIONS, MissingPathError, scan } from '../src/index';
import { createProgress, PROGRESS_DELAY_MS, PROGRESS_INTERVAL_MS } from '../src/progress';
import { makeProject, removeProjects, RULE } from './helpers';

const LEAKY = 'function handler(req) {\n  console.log(req.ip);\n}\n';

describe('programmatic API', function () {
  after(removeProjects);

  it('LINTABLE_EXTENSIONS lists the JS and TS extensions', function () {
    assert.deepEqual([...LINTABLE_EXTENSIONS], ['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts']);
  });

  describe('createBuiltinConfig', function () {
    function lint(code: string, filename: string, config = createBuiltinConfig()) {
      return new Linter().verify(code, config, { filename });
    }

    it('turns on the recommended rule as an error for JS and TS', function () {
      for (const filename of ['a.js', 'a.ts', 'a.tsx', 'a.cjs']) {
        const messages = lint(LEAKY, filename);
        assert.deepEqual(
          messages.map((m) => [m.ruleId, m.severity, m.line, m.column]),
          [[RULE, 2, 2, 15]],
          filename,
        );
      }
    });

    it('severity warn makes findings warnings', function () {
      const messages = lint(LEAKY, 'a.js', createBuiltinConfig({ severity: 'warn' }));
      assert.deepEqual(messages.map((m) => [m.ruleId, m.severity]), [[RULE, 1]]);
    });

    it('passes ruleOptions to the rules, so suggestions import from the configured module', function () {
      const messages = lint(LEAKY, 'a.js', createBuiltinConfig({ ruleOptions: { redactModule: '#lib/redact' } }));
      const fix = messages[0]?.suggestions?.[0]?.fix;
      assert.ok(fix, 'a suggestion with a fix');
      const fixed = LEAKY.slice(0, fix.range[0]) + fix.text + LEAKY.slice(fix.range[1]);
      assert.equal(fixed, "import { redact } from '#lib/redact';\nfunction handler(req) {\n  console.log(redact.ip(req.ip));\n}\n");
    });

    it('parses TypeScript with @typescript-eslint/parser and JSX in .js', function () {
      assert.deepEqual(lint('const n = <number>(<unknown>1);\nexport default n;\n', 'a.ts'), []);
      assert.deepEqual(lint('export const A = () => <div />;\n', 'a.js'), []);
    });
  });

  describe('scan()', function () {
    it('returns ESLint results, counts and the rules metadata', async function () {
      const root = makeProject({ 'a.js': LEAKY, 'b.js': 'export {};\n' });
      const result = await scan({ cwd: root });
      assert.equal(result.findingCount, 1);
      assert.equal(result.failedFileCount, 0);
      assert.deepEqual(result.results.map((r) => [r.filePath.slice(root.length + 1), r.errorCount]), [['a.js', 1], ['b.js', 0]]);
      assert.deepEqual(Object.keys(result.rulesMeta), [RULE]);
    });

    it('reports progress per file', async function () {
      const root = makeProject({ 'a.js': LEAKY, 'b.js': 'export {};\n' });
      const seen: string[] = [];
      await scan({ cwd: root, onProgress: (done, total) => seen.push(`${done}/${total}`) });
      assert.deepEqual(seen, ['1/2', '2/2']);
    });

    it('throws MissingPathError naming the path', async function () {
      await assert.rejects(scan({ cwd: makeProject({}), paths: ['nope'] }), (error: unknown) => {
        assert.ok(error instanceof MissingPathError);
        assert.equal(error.missingPath, 'nope');
        return true;
      });
    });
  });

  describe('progress line', function () {
    function fakeTerminal(isTTY: boolean) {
      const writes: string[] = [];
      let time = 0;
      return {
        stream: { isTTY, write: (text: string) => writes.push(text) },
        writes,
        at: (ms: number) => (time = ms),
        now: () => time,
      };
    }

    it('stays quiet on short runs, then redraws at most once per interval, then erases itself', function () {
      const term = fakeTerminal(true);
      const progress = createProgress(term.stream, term.now);
      progress.update(1, 10);
      term.at(PROGRESS_DELAY_MS);
      progress.update(2, 10);
      term.at(PROGRESS_DELAY_MS + PROGRESS_INTERVAL_MS - 1);
      progress.update(3, 10);
      term.at(PROGRESS_DELAY_MS + PROGRESS_INTERVAL_MS);
      progress.update(4, 10);
      progress.finish();
      assert.deepEqual(term.writes, [
        '\r\u001b[Konline-identifiers: scanning 2/10 files',
        '\r\u001b[Konline-identifiers: scanning 4/10 files',
        '\r\u001b[K',
      ]);
    });

    it('writes nothing when the stream is not a TTY', function () {
      const term = fakeTerminal(false);
      const progress = createProgress(term.stream, term.now);
      term.at(10_000);
      progress.update(1, 1);
      progress.finish();
      assert.deepEqual(term.writes, []);
    });

    it('writes nothing on a run that finishes before the delay', function () {
      const term = fakeTerminal(true);
      const progress = createProgress(term.stream, term.now);
      progress.update(1, 1);
      progress.finish();
      assert.deepEqual(term.writes, []);
    });
  });
});
