import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeProject, removeProjects, RULE, runCli, summarize } from './helpers';

const LEAKY = "function handler(req) {\n  console.log(req.ip);\n}\n";
const LEAKY_MESSAGE = 'IP address from req.ip reaches console.log without classification';
const CLEAN = "export function add(a, b) {\n  return a + b;\n}\n";

describe('online-identifiers scan (the real bin)', function () {
  after(removeProjects);

  describe('help, version and usage errors', function () {
    it('prints help with exit 0', async function () {
      const run = await runCli(['--help'], process.cwd());
      assert.equal(run.code, 0);
      assert.match(run.stdout, /^Usage: online-identifiers scan \[paths\.\.\.\] \[options\]/);
      assert.match(run.stdout, /-f, --format <name> {4}stylish \| json \| sarif \| inventory \| inventory-json/);
      assert.equal(run.stderr, '');
    });

    it('prints the package version with exit 0', async function () {
      const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
      const run = await runCli(['--version'], process.cwd());
      assert.deepEqual(run, { code: 0, stdout: `${manifest.version}\n`, stderr: '' });
    });

    it('exits 2 on an unknown option, naming it', async function () {
      const run = await runCli(['scan', '--frmat', 'json'], makeProject({ 'a.js': CLEAN }));
      assert.deepEqual(run, {
        code: 2,
        stdout: '',
        stderr: "online-identifiers: unknown option '--frmat'\nRun 'online-identifiers --help' for usage.\n",
      });
    });

    it('exits 2 on an unknown format, listing the formats', async function () {
      const run = await runCli(['scan', '-f', 'xml'], makeProject({ 'a.js': CLEAN }));
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /^online-identifiers: unknown format 'xml' \(choose one of: stylish, json, sarif, inventory, inventory-json\)\n/);
    });

    it('exits 2 on a missing path, naming the path, and scans nothing', async function () {
      const root = makeProject({ 'a.js': LEAKY });
      const run = await runCli(['scan', 'a.js', 'src/missing'], root);
      assert.deepEqual(run, { code: 2, stdout: '', stderr: 'online-identifiers: no such file or directory: src/missing\n' });
    });

    it('exits 2 on an unknown command or none', async function () {
      const unknown = await runCli(['lint', '.'], process.cwd());
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /unknown command 'lint' \(the only command is 'scan'\)/);
      const none = await runCli([], process.cwd());
      assert.equal(none.code, 2);
      assert.match(none.stderr, /missing command/);
    });

    it('exits 2 when an option lacks its value', async function () {
      const run = await runCli(['scan', '--format'], process.cwd());
      assert.equal(run.code, 2);
      assert.match(run.stderr, /^online-identifiers: option '-f, --format <value>' needs a value\n/);
    });
  });

  describe('formats and exit codes', function () {
    it('stylish: findings on stdout with paths relative to the current directory, summary by kind on stderr, exit 1', async function () {
      const root = makeProject({ 'src/handler.js': LEAKY, 'src/clean.js': CLEAN });
      const run = await runCli(['scan'], root);
      assert.equal(run.code, 1);
      assert.equal(
        run.stdout,
        [
          '',
          'src/handler.js',
          `  2:15  error  ${LEAKY_MESSAGE}  ${RULE}`,
          '',
          '✖ 1 problem (1 error, 0 warnings)',
          '',
        ].join('\n'),
      );
      assert.equal(run.stderr, 'online-identifiers: 2 files scanned, 1 finding in 1 file (1 IP address)\n');
    });

    it('stylish: a clean project prints nothing on stdout and exits 0', async function () {
      const run = await runCli(['scan', '.'], makeProject({ 'a.js': CLEAN, 'b.ts': 'export const n: number = 1;\n' }));
      assert.deepEqual(run, { code: 0, stdout: '', stderr: 'online-identifiers: 2 files scanned, no findings\n' });
    });

    it('stylish: counts several kinds in catalog order, in plural where needed', async function () {
      const root = makeProject({
        'app.js': [
          'function handler(req) {',
          "  console.log(req.cookies);",
          '  console.log(req.ip);',
          "  console.log(req.headers['user-agent']);",
          '  console.log(req.socket.remoteAddress);',
          '}',
          '',
        ].join('\n'),
      });
      const run = await runCli(['scan'], root);
      assert.equal(run.code, 1);
      assert.equal(run.stderr, 'online-identifiers: 1 file scanned, 4 findings in 1 file (2 IP addresses, 1 cookie, 1 device metadata)\n');
    });

    it('json: ESLint results and nothing else on stdout, nothing but notes on stderr', async function () {
      const root = makeProject({ 'src/handler.js': LEAKY, 'src/clean.js': CLEAN });
      const run = await runCli(['scan', '--format', 'json'], root);
      assert.equal(run.code, 1);
      assert.equal(run.stderr, '');
      assert.deepEqual(summarize(run.stdout, root), {
        'src/clean.js': [],
        'src/handler.js': [`2:15 ${RULE} ${LEAKY_MESSAGE}`],
      });
      const [, handler] = JSON.parse(run.stdout) as { errorCount: number; source?: string }[];
      assert.equal(handler?.errorCount, 1);
      assert.equal(handler?.source, LEAKY);
    });

    it('json: a clean project gives exit 0', async function () {
      const root = makeProject({ 'a.js': CLEAN });
      const run = await runCli(['scan', '-f', 'json'], root);
      assert.equal(run.code, 0);
      assert.deepEqual(summarize(run.stdout, root), { 'a.js': [] });
    });

    it('sarif: a SARIF 2.1.0 log with the rule, its doc link and the region', async function () {
      const root = makeProject({ 'src/handler.js': LEAKY });
      const run = await runCli(['scan', '--format=sarif'], root);
      assert.equal(run.code, 1);
      assert.equal(run.stderr, '');
      const log = JSON.parse(run.stdout) as {
        version: string;
        runs: {
          tool: { driver: { name: string; rules: { id: string; helpUri: string }[] } };
          originalUriBaseIds: unknown;
          artifacts: unknown;
          results: {
            ruleId: string;
            level: string;
            message: { text: string };
            locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number } } }[];
          }[];
        }[];
      };
      assert.equal(log.version, '2.1.0');
      const [sarifRun] = log.runs;
      assert.equal(sarifRun?.tool.driver.name, 'online-identifiers');
      assert.deepEqual(
        sarifRun?.tool.driver.rules.map((rule) => [rule.id, rule.helpUri]),
        [[RULE, 'https://github.com/online-identifiers/online-identifiers/blob/main/packages/eslint-plugin/docs/rules/no-unclassified-logging.md']],
      );
      assert.deepEqual(
        sarifRun?.results.map((result) => ({
          ruleId: result.ruleId,
          level: result.level,
          text: result.message.text,
          uri: result.locations[0]?.physicalLocation.artifactLocation.uri,
          line: result.locations[0]?.physicalLocation.region.startLine,
          column: result.locations[0]?.physicalLocation.region.startColumn,
        })),
        [{ ruleId: RULE, level: 'error', text: LEAKY_MESSAGE, uri: 'src/handler.js', line: 2, column: 15 }],
      );
      // Relative to the scanned directory, which the log names, so code scanning maps it to the repository file.
      assert.equal(sarifRun?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.deepEqual(sarifRun?.originalUriBaseIds, { '%SRCROOT%': { uri: `file://${root}/` } });
      assert.deepEqual(sarifRun?.artifacts, [{ location: { uri: 'src/handler.js', uriBaseId: '%SRCROOT%' } }]);
    });

    it('sarif: a file outside the current directory keeps its absolute file URI', async function () {
      const outside = makeProject({ 'handler.js': LEAKY });
      const run = await runCli(['scan', '-f', 'sarif', path.join(outside, 'handler.js')], makeProject({}));
      const log = JSON.parse(run.stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: unknown } }[] }[] }[] };
      assert.deepEqual(log.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation, { uri: `file://${outside}/handler.js`, index: 0 });
    });

    it('sarif: a clean project gives an empty results array and exit 0', async function () {
      const run = await runCli(['scan', '-f', 'sarif'], makeProject({ 'a.js': CLEAN }));
      assert.equal(run.code, 0);
      const log = JSON.parse(run.stdout) as { runs: { results: unknown[] }[] };
      assert.deepEqual(log.runs[0]?.results, []);
    });

    it('inventory: a markdown table per kind with place, sink and origin', async function () {
      const root = makeProject({
        'src/handler.js': LEAKY,
        'src/session.js': 'function handler(req) {\n  logger.info({ sid: req.sessionID });\n}\n',
      });
      const run = await runCli(['scan', '-f', 'inventory'], root);
      assert.equal(run.code, 1);
      assert.equal(run.stderr, '');
      assert.match(run.stdout, /^# Online identifier inventory\n\n2 files scanned\./);
      assert.ok(run.stdout.includes('| IP address | 1 |\n| session id | 1 |\n| **total** | **2** |\n'), run.stdout);
      assert.ok(
        run.stdout.includes(
          '### IP address (1)\n\nAn IP address can be tied to a person through their ISP or a later sign-in, so it is personal data.\n\n' +
            '| place | destination | sink | origin |\n| --- | --- | --- | --- |\n| src/handler.js:2 | log | `console.log` | `req.ip` |\n',
        ),
        run.stdout,
      );
      assert.match(run.stdout, /### Session id \(1\)\n[^#]*\| src\/session\.js:2 \| log \| `logger\.info` \| `req\.sessionID` \|\n/);
    });

    it('inventory: lists the places the code already treats, classified ones first', async function () {
      const root = makeProject({
        'esm.mjs': [
          "import { redact, classify as keep } from '@online-identifiers/redact';",
          "import * as oi from '@online-identifiers/redact';",
          'export function h(req, logger) {',
          '  logger.info({ ip: redact.ip(req.ip) });',
          "  logger.warn('failed login', keep(req.ip, 'ip'));",
          '  logger.info(oi.redact.token(req.headers.authorization), oi.pseudonymize(req.user.id));',
          '  const unrelated = redact(1);',
          '}',
          '',
        ].join('\n'),
        'cjs.cjs': [
          "const { classify } = require('@online-identifiers/redact');",
          "const redact = { ip: (x) => x };",
          'function h(req) {',
          "  console.log(classify(req.sessionID, 'session', 'fraud'), redact.ip(req.ip));",
          '}',
          '',
        ].join('\n'),
      });
      const run = await runCli(['scan', '-f', 'inventory'], root);
      const table = run.stdout.slice(run.stdout.indexOf('## Treated in code'));
      assert.equal(
        table,
        [
          '## Treated in code (5, 2 classified)',
          '',
          '| place | treatment | kind | value | reaches |',
          '| --- | --- | --- | --- | --- |',
          "| cjs.cjs:4 | classified for fraud | session id | `req.sessionID` | `console.log` |",
          "| esm.mjs:5 | classified for security | IP address | `req.ip` | `logger.warn` |",
          '| esm.mjs:4 | redacted | IP address | `req.ip` | `logger.info` |',
          '| esm.mjs:6 | redacted | authentication token | `req.headers.authorization` | `logger.info` |',
          '| esm.mjs:6 | pseudonymised |  | `req.user.id` | `logger.info` |',
          '',
        ].join('\n'),
      );
    });

    it('--output writes the report to a file, keeps stdout empty and still exits 1', async function () {
      const root = makeProject({ 'handler.js': LEAKY });
      const run = await runCli(['scan', '-f', 'sarif', '-o', 'reports/scan.sarif'], root);
      assert.equal(run.code, 1);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr, 'online-identifiers: 1 file scanned, 1 finding in 1 file (1 IP address)\n');
      const log = JSON.parse(fs.readFileSync(path.join(root, 'reports', 'scan.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
      assert.equal(log.runs[0]?.results.length, 1);
    });

    it('--output: stylish in a file has no color codes', async function () {
      const root = makeProject({ 'handler.js': LEAKY });
      await runCli(['scan', '-o', 'out.txt'], root);
      const text = fs.readFileSync(path.join(root, 'out.txt'), 'utf8');
      assert.ok(text.includes(LEAKY_MESSAGE));
      assert.ok(!text.includes('\u001b['), JSON.stringify(text));
    });
  });

  describe('which files are scanned', function () {
    it('skips node_modules at any depth and .git', async function () {
      const root = makeProject({
        'a.js': CLEAN,
        'node_modules/dep/index.js': LEAKY,
        'packages/x/node_modules/dep/index.js': LEAKY,
        '.git/hooks/pre-commit.js': LEAKY,
      });
      const run = await runCli(['scan', '-f', 'json'], root);
      assert.equal(run.code, 0);
      assert.deepEqual(Object.keys(summarize(run.stdout, root)), ['a.js']);
    });

    it('skips what .gitignore files exclude, nested ones included, with negation', async function () {
      const root = makeProject({
        '.gitignore': 'dist/\n*.generated.js\n',
        'dist/bundle.js': LEAKY,
        'src/api.generated.js': LEAKY,
        'src/kept.js': CLEAN,
        'src/vendor/.gitignore': '*.js\n!own.js\n',
        'src/vendor/lib.js': LEAKY,
        'src/vendor/own.js': LEAKY,
      });
      const run = await runCli(['scan', '-f', 'json'], root);
      assert.equal(run.code, 1);
      assert.deepEqual(summarize(run.stdout, root), {
        'src/kept.js': [],
        'src/vendor/own.js': [`2:15 ${RULE} ${LEAKY_MESSAGE}`],
      });
    });

    it('applies the .gitignore files above the scanned directory up to the repository root', async function () {
      const root = makeProject({ '.git/HEAD': 'ref: refs/heads/main\n', '.gitignore': 'generated/\n', 'app/generated/x.js': LEAKY, 'app/y.js': CLEAN });
      const run = await runCli(['scan', '-f', 'json', 'app'], root);
      assert.equal(run.code, 0);
      assert.deepEqual(Object.keys(summarize(run.stdout, root)), ['app/y.js']);
    });

    it('scans a file named explicitly even when it is ignored', async function () {
      const root = makeProject({ '.gitignore': 'dist/\n', 'dist/bundle.js': LEAKY });
      const run = await runCli(['scan', '-f', 'json', 'dist/bundle.js'], root);
      assert.equal(run.code, 1);
      assert.deepEqual(Object.keys(summarize(run.stdout, root)), ['dist/bundle.js']);
    });

    it('scans inside node_modules when that directory is named explicitly', async function () {
      const root = makeProject({ 'node_modules/dep/index.js': LEAKY, 'node_modules/dep/node_modules/inner/index.js': LEAKY });
      const run = await runCli(['scan', '-f', 'json', 'node_modules/dep'], root);
      assert.equal(run.code, 1);
      assert.deepEqual(summarize(run.stdout, root), { 'node_modules/dep/index.js': [`2:15 ${RULE} ${LEAKY_MESSAGE}`] });
    });

    it('--ignore adds .gitignore-style patterns', async function () {
      const root = makeProject({ 'a.js': CLEAN, 'fixtures/leak.js': LEAKY });
      const run = await runCli(['scan', '-f', 'json', '--ignore', 'fixtures/'], root);
      assert.equal(run.code, 0);
      assert.deepEqual(Object.keys(summarize(run.stdout, root)), ['a.js']);
    });

    it('reads every JS and TS extension, and nothing else', async function () {
      const names = ['a.js', 'b.jsx', 'c.mjs', 'd.cjs', 'e.ts', 'f.tsx', 'g.mts', 'h.cts'];
      const files: Record<string, string> = { 'types.d.ts': 'export declare const x: number;\n', 'notes.md': '# hi\n', 'data.json': '{}\n' };
      for (const name of names) files[name] = LEAKY;
      const root = makeProject(files);
      const run = await runCli(['scan', '-f', 'json'], root);
      assert.equal(run.code, 1);
      const found = summarize(run.stdout, root);
      assert.deepEqual(Object.keys(found), names);
      for (const name of names) assert.deepEqual(found[name], [`2:15 ${RULE} ${LEAKY_MESSAGE}`], name);
    });

    it('parses TypeScript, TSX and JSX syntax', async function () {
      const root = makeProject({
        'server.ts': 'interface Req { ip: string }\nexport function h(req: Req): void {\n  console.log(req.ip as string);\n}\n',
        'view.tsx': 'export const View = (props: { name: string }) => <div>{props.name}</div>;\nconst cast = <T,>(x: T) => x;\n',
        'page.jsx': 'export const Page = () => <main />;\n',
        'legacy.ts': 'const n = <number>(<unknown>1);\nexport default n;\n',
      });
      const run = await runCli(['scan', '-f', 'json'], root);
      assert.deepEqual(summarize(run.stdout, root), {
        'legacy.ts': [],
        'page.jsx': [],
        'server.ts': [`3:15 ${RULE} ${LEAKY_MESSAGE}`],
        'view.tsx': [],
      });
    });

    it('reads sloppy-mode scripts that are not valid modules', async function () {
      const root = makeProject({ 'old.js': 'with (Math) { var x = max(1, 2); }\nfunction h(req) {\n  console.log(req.ip);\n}\n' });
      const run = await runCli(['scan', '-f', 'json'], root);
      assert.deepEqual(summarize(run.stdout, root), { 'old.js': [`3:15 ${RULE} ${LEAKY_MESSAGE}`] });
    });

    it('reports a file that does not parse as a per-file error and scans the rest', async function () {
      const root = makeProject({ 'broken.js': 'function (\n', 'handler.js': LEAKY });
      const run = await runCli(['scan', '-f', 'json'], root);
      assert.equal(run.code, 1);
      assert.deepEqual(summarize(run.stdout, root), {
        'broken.js': ['1:10 fatal Parsing error: Unexpected token ('],
        'handler.js': [`2:15 ${RULE} ${LEAKY_MESSAGE}`],
      });
      const stylish = await runCli(['scan'], root);
      assert.equal(stylish.code, 1);
      assert.ok(stylish.stdout.includes('1:10  error  Parsing error: Unexpected token ('), stylish.stdout);
      assert.equal(stylish.stderr, 'online-identifiers: 2 files scanned, 1 finding in 1 file (1 IP address), 1 file could not be parsed\n');
    });

    it('a parse error alone makes the scan fail (exit 1): the file was not checked', async function () {
      const run = await runCli(['scan'], makeProject({ 'broken.ts': 'let x: = 1;\n' }));
      assert.equal(run.code, 1);
      assert.match(run.stderr, /1 file could not be parsed/);
    });

    it('skips files over 2 MB and binary files with a note', async function () {
      const big = `${LEAKY}${'// padding\n'.repeat(200_000)}`;
      const root = makeProject({ 'big.js': big, 'blob.js': Buffer.from([0x63, 0x6f, 0, 0, 1, 2]), 'a.js': CLEAN });
      const run = await runCli(['scan'], root);
      assert.equal(run.code, 0);
      assert.equal(run.stdout, '');
      assert.equal(
        run.stderr,
        [
          'online-identifiers: skipped big.js: larger than 2 MB (2.1 MB)',
          'online-identifiers: skipped blob.js: binary content',
          'online-identifiers: 1 file scanned, no findings, 2 files skipped',
          '',
        ].join('\n'),
      );
    });

    it('says so when there is nothing to scan, with exit 0', async function () {
      const root = makeProject({ 'README.md': '# nothing\n' });
      const run = await runCli(['scan', '.', 'README.md'], root);
      assert.deepEqual(run, {
        code: 0,
        stdout: '',
        stderr:
          'online-identifiers: skipped README.md: not a JavaScript or TypeScript file\n' +
          'online-identifiers: no JavaScript or TypeScript files found in ., README.md\n' +
          'online-identifiers: 0 files scanned, no findings\n',
      });
    });
  });

  describe('zero-config', function () {
    it("never loads the project's ESLint config, even a broken one", async function () {
      const root = makeProject({ 'eslint.config.js': 'throw new Error("project config was loaded");\n', 'handler.js': LEAKY });
      const run = await runCli(['scan', '-f', 'json', 'handler.js'], root);
      assert.equal(run.code, 1);
      assert.deepEqual(summarize(run.stdout, root), { 'handler.js': [`2:15 ${RULE} ${LEAKY_MESSAGE}`] });
    });

    it('checks files with old /* eslint-env */ comments (ESLint 10 flags them fatal but lints on)', async function () {
      const root = makeProject({ 'a.js': `/* eslint-env node, mocha */\n${LEAKY}` });
      const run = await runCli(['scan'], root);
      assert.equal(run.code, 1);
      assert.equal(run.stderr, 'online-identifiers: 1 file scanned, 1 finding in 1 file (1 IP address)\n');
      const json = await runCli(['scan', '-f', 'json'], root);
      assert.deepEqual(summarize(json.stdout, root), { 'a.js': [`3:15 ${RULE} ${LEAKY_MESSAGE}`] });
    });

    it("runs only this plugin's rules; other tools' comments make no noise; our disable comments work", async function () {
      const root = makeProject({
        'a.js': [
          '/* eslint no-console: "error", semi: ["error", "always"] */',
          '/* global myGlobal */',
          'function handler(req) {',
          '  // eslint-disable-next-line no-console',
          '  console.log(req.ip)',
          `  // eslint-disable-next-line ${RULE} -- security log, routed to the restricted store`,
          '  console.log(req.ip);',
          '  var unused = 1;',
          '}',
          '',
        ].join('\n'),
      });
      const run = await runCli(['scan', '-f', 'json'], root);
      assert.deepEqual(summarize(run.stdout, root), { 'a.js': [`5:15 ${RULE} ${LEAKY_MESSAGE}`] });
    });
  });

  describe('progress', function () {
    it('prints no progress when stderr is not a TTY', async function () {
      this.timeout(60_000); // 600 files on a loaded 2-core machine
      // Enough files that the scan outlasts the progress delay, so a TTY would get a counter.
      const files: Record<string, string> = {};
      for (let index = 0; index < 600; index++) files[`src/m${String(index).padStart(3, '0')}.js`] = CLEAN;
      const run = await runCli(['scan'], makeProject(files));
      assert.deepEqual(run, { code: 0, stdout: '', stderr: 'online-identifiers: 600 files scanned, no findings\n' });
    });
  });
});
