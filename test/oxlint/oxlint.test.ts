import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { ESLint, type Linter } from 'eslint';

// The plugin, unchanged, as an oxlint JS plugin (`jsPlugins`): the same
// fixture project linted by oxlint and by ESLint gives the same findings.
// The project is outside the repo (oxlint honours .gitignore) and reaches the
// built plugin through a node_modules link, as an installed one would.
const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');
const OXLINT = path.join(ROOT, 'node_modules', 'oxlint', 'bin', 'oxlint');
const RULE = 'online-identifiers/no-unclassified-logging';

// The README's .oxlintrc.json.
const OXLINTRC = {
  jsPlugins: ['eslint-plugin-online-identifiers'],
  rules: { [RULE]: 'error' },
};

const files: Record<string, string> = {
  'src/app.js': [
    "'use strict';",
    'module.exports = function handler(req, res) {',
    '  console.log(req.ip);',
    "  console.info('session', req.sessionID);",
    '  res.end();',
    '};',
    '',
  ].join('\n'),
  'src/audit.ts': [
    'interface Incoming { headers: Record<string, string | undefined>; cookies: Record<string, string> }',
    'export function audit(req: Incoming): void {',
    "  console.warn(req.headers['user-agent'] as string);",
    '  console.error(`cookies: ${JSON.stringify(req.cookies)}`);',
    '}',
    '',
  ].join('\n'),
  'src/view.tsx': 'export const View = (props: { email: string }) => { console.log(props.email); return <p>hi</p>; };\n',
};

interface Finding {
  file: string;
  line: number;
  column: number;
  message: string;
}

const order = (a: Finding, b: Finding): number => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;

describe('oxlint with the plugin as a JS plugin', function () {
  this.timeout(120_000);
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oi-oxlint-'));
    for (const [name, code] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), code);
    }
    fs.writeFileSync(path.join(dir, '.oxlintrc.json'), JSON.stringify(OXLINTRC, null, 2));
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.symlinkSync(path.join(ROOT, 'packages', 'eslint-plugin'), path.join(dir, 'node_modules', 'eslint-plugin-online-identifiers'), 'dir');
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function oxlint(...args: string[]): Promise<{ stdout: string; code: number }> {
    return run(process.execPath, [OXLINT, ...args], { cwd: dir }).then(
      ({ stdout }) => ({ stdout, code: 0 }),
      (error: { stdout: string; stderr: string; code: number }) => {
        assert.equal(error.code, 1, `oxlint failed:\n${error.stdout}${error.stderr}`);
        return { stdout: error.stdout, code: error.code };
      },
    );
  }

  it('reports the same findings as ESLint with configs.recommended', async () => {
    // `src`, not `.`: oxlint walks into the node_modules link (the plugin's own test fixtures), which ESLint never lints.
    const { stdout, code } = await oxlint('--format', 'json', '-A', 'all', '-D', RULE, 'src');
    assert.equal(code, 1);
    const report = JSON.parse(stdout) as { diagnostics: { message: string; code: string; filename: string; labels: { span: { line: number; column: number } }[] }[] };
    const fromOxlint = report.diagnostics.map((diagnostic) => {
      assert.equal(diagnostic.code, 'online-identifiers(no-unclassified-logging)');
      return { file: diagnostic.filename, line: diagnostic.labels[0]!.span.line, column: diagnostic.labels[0]!.span.column, message: diagnostic.message };
    });

    const plugin = require(path.join(ROOT, 'packages', 'eslint-plugin')) as { configs: { recommended: Linter.Config } };
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] });
    const fromEslint = (await eslint.lintFiles(['src'])).flatMap((result) =>
      result.messages.map((message) => {
        assert.equal(message.ruleId, RULE, message.message);
        return { file: path.relative(dir, result.filePath), line: message.line, column: message.column, message: message.message };
      }),
    );

    assert.equal(fromEslint.length, 5);
    assert.deepEqual(fromOxlint.sort(order), fromEslint.sort(order));
  });

  it('applies the first suggestion (redact) with --fix-suggestions, one non-overlapping fix per run', async () => {
    const fixed = (second: string): string =>
      [
        "'use strict';",
        "const { redact } = require('@online-identifiers/redact');",
        'module.exports = function handler(req, res) {',
        '  console.log(redact.ip(req.ip));',
        `  console.info('session', ${second});`,
        '  res.end();',
        '};',
        '',
      ].join('\n');
    // Both fixes add the same import, so they overlap: oxlint applies one and, unlike ESLint's --fix, does not loop.
    await oxlint('--fix-suggestions', '-A', 'all', '-D', RULE, 'src/app.js');
    assert.equal(fs.readFileSync(path.join(dir, 'src/app.js'), 'utf8'), fixed('req.sessionID'));
    await oxlint('--fix-suggestions', '-A', 'all', '-D', RULE, 'src/app.js');
    assert.equal(fs.readFileSync(path.join(dir, 'src/app.js'), 'utf8'), fixed('redact.session(req.sessionID)'));
  });
});
