import * as assert from 'node:assert/strict';
import type { Linter } from 'eslint';
import { buildInventory, formatInventory } from '../src/inventory';
import type { ScanResult } from '../src/scan';
import { lintResult, makeProject, removeProjects, runCli } from './helpers';

/** The Markdown from `title` to the next `## ` heading. */
function sectionOf(text: string, title: string): string {
  return text.slice(text.indexOf(title), text.indexOf('\n## ', text.indexOf(title) + 1));
}

function finding(ruleId: string, message: string, line: number): Linter.LintMessage {
  return { ruleId: `online-identifiers/${ruleId}`, severity: 2, message, line, column: 3 };
}

/** A scan of every rule's message form, and treatments including a logger treated by configuration. */
function scanResult(): ScanResult {
  const treatments = [
    { filePath: '/repo/src/auth.js', line: 17, treatment: 'classify', kind: 'ip', purpose: 'fraud', value: 'req.ip', sink: 'logger.warn' },
    { filePath: '/repo/src/auth.js', line: 20, treatment: 'redact', kind: 'ip', purpose: undefined, value: 'req.ip', sink: 'logger.info' },
    { filePath: '/repo/src/auth.js', line: 21, treatment: 'pseudonymize', kind: undefined, purpose: undefined, value: 'req.user.id', sink: 'audit' },
    {
      filePath: '/repo/src/sentry.js',
      line: 4,
      treatment: 'pseudonymize',
      kind: 'user',
      purpose: undefined,
      value: 'user.id',
      sink: 'Sentry.setUser',
      destination: { family: 'telemetry', vendor: 'Sentry' },
    },
    { filePath: '/repo/src/log.js', line: 2, treatment: 'configured', kind: 'cookie', purpose: undefined, value: 'req', sink: 'pinoHttp' },
  ] as unknown as ScanResult['treatments'];
  return {
    cwd: '/repo',
    rulesMeta: {},
    skipped: [{ filePath: '/repo/dist/bundle.js', reason: 'larger than 2 MB (3.0 MB)' }],
    notLintable: [],
    skippedNodeModules: [],
    findingCount: 7,
    failedFileCount: 1,
    treatments,
    results: [
      lintResult('/repo/src/app.js', [
        finding('no-unclassified-logging', 'IP address from req.ip reaches logger.info without classification', 3),
        finding('no-identifying-access-log', "IP address from morgan format 'combined' reaches the access log without classification", 5),
        finding('no-identifiers-in-metrics', 'User identifier from req.user.id reaches metrics.increment without classification', 7),
        finding('no-unclassified-telemetry', 'IP address from req.ip reaches Sentry (Sentry.setUser) without classification', 9),
        finding('no-unclassified-telemetry', 'User identifier from user.email reaches Segment (analytics.identify) without classification', 10),
        finding('no-unclassified-telemetry', 'Cookie from req.cookies reaches Sentry (Sentry.setContext) without classification', 11),
      ]),
      lintResult('/repo/src/logger.js', [finding('log-retention', 'Log retention of 3,650 days (maxFiles: "3650d") is above the policy maximum of 730 days', 12)]),
      lintResult('/repo/src/broken.js', [{ ruleId: null, fatal: true, severity: 2, message: 'Parsing error: Unexpected token (', line: 1, column: 10 }]),
    ],
  };
}

describe('inventory', function () {
  after(removeProjects);

  it('counts places by kind × destination × treatment, leaving room for new treatments', function () {
    assert.deepEqual(
      buildInventory(scanResult()).matrix.map((cell) => [cell.kind ?? '-', cell.destination, cell.treatment, cell.places]),
      [
        ['ip', 'log', 'unclassified', 1],
        ['ip', 'log', 'redacted', 1],
        ['ip', 'log', 'classified', 1],
        ['ip', 'access log', 'unclassified', 1],
        ['ip', 'Sentry', 'unclassified', 1],
        ['cookie', 'Sentry', 'unclassified', 1],
        ['cookie', 'other call', 'treated by configuration', 1],
        ['user', 'metric', 'unclassified', 1],
        ['user', 'Segment', 'unclassified', 1],
        ['user', 'Sentry', 'pseudonymised', 1],
        ['-', 'other call', 'pseudonymised', 1],
      ],
    );
  });

  it('Markdown: the matrix, third parties with the kinds they receive, retention settings', function () {
    const text = formatInventory(scanResult());
    const section = (title: string): string => sectionOf(text, title);
    assert.equal(
      section('## What reaches where'),
      [
        '## What reaches where',
        '',
        '| kind | destination | unclassified | redacted | pseudonymised | classified | treated by configuration |',
        '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
        '| IP address | log | 1 | 1 | 0 | 1 | 0 |',
        '| IP address | access log | 1 | 0 | 0 | 0 | 0 |',
        '| IP address | Sentry | 1 | 0 | 0 | 0 | 0 |',
        '| cookie | Sentry | 1 | 0 | 0 | 0 | 0 |',
        '| cookie | other call | 0 | 0 | 0 | 0 | 1 |',
        '| user identifier | metric | 1 | 0 | 0 | 0 | 0 |',
        '| user identifier | Segment | 1 | 0 | 0 | 0 | 0 |',
        '| user identifier | Sentry | 0 | 0 | 1 | 0 | 0 |',
        '| kind not named | other call | 0 | 0 | 1 | 0 | 0 |',
        '',
      ].join('\n'),
    );
    assert.equal(
      section('## Third parties'),
      [
        '## Third parties that receive identifiers',
        '',
        '| third party | kinds it receives | places | unclassified |',
        '| --- | --- | ---: | ---: |',
        '| Segment | user identifier | 1 | 1 |',
        '| Sentry | IP address, cookie, user identifier | 3 | 2 |',
        '',
      ].join('\n'),
    );
    assert.equal(
      section('## Log retention settings'),
      [
        '## Log retention settings',
        '',
        'Settings the policy (raw security logs: at least 90 days, at most 2 years) flags:',
        '',
        '| place | days | setting |',
        '| --- | ---: | --- |',
        '| src/logger.js:12 | 3650 | Log retention of 3,650 days (maxFiles: "3650d") is above the policy maximum of 730 days |',
        '',
      ].join('\n'),
    );
    assert.ok(text.includes('| **total** | **6** |'), text);
    assert.ok(text.includes('| src/app.js:9 | Sentry | `Sentry.setUser` | `req.ip` |'), text);
    assert.ok(text.includes('| src/auth.js:17 | classified for fraud | IP address | `req.ip` | `logger.warn` |'), text);
    assert.ok(text.includes('| src/log.js:2 | treated by configuration | cookie | `req` | `pinoHttp` |'), text);
    assert.ok(text.includes('## Files not checked\n\n- `src/broken.js`: Parsing error: Unexpected token (\n'), text);
    assert.ok(text.includes('## Files skipped\n\n- `dist/bundle.js`: larger than 2 MB (3.0 MB)\n'), text);
  });

  it('says so when nothing reaches a destination and no retention setting is flagged', function () {
    const empty: ScanResult = { ...scanResult(), results: [lintResult('/repo/a.js', [])], treatments: [], skipped: [], findingCount: 0, failedFileCount: 0 };
    const text = formatInventory(empty);
    assert.ok(text.includes('## What reaches where\n\nNo online identifier reaches a log, a metric or a third party in the scanned code.\n'), text);
    assert.ok(text.includes('## Third parties that receive identifiers\n\nNone found'), text);
    assert.ok(text.includes('## Log retention settings\n\nNo retention setting outside the policy'), text);
  });

  it('inventory-json from a real scan: places with kind, destination and treatment, paths relative', async function () {
    const root = makeProject({
      'src/app.mjs': [
        "import { classify } from '@online-identifiers/redact';",
        'export function h(req, logger) {',
        '  logger.info(req.ip);',
        "  logger.warn(classify(req.sessionID, 'session'));",
        '}',
        '',
      ].join('\n'),
    });
    const run = await runCli(['scan', '-f', 'inventory-json'], root);
    assert.equal(run.code, 1);
    assert.equal(run.stderr, '');
    const inventory = JSON.parse(run.stdout) as Record<string, unknown>;
    assert.equal(inventory['version'], 1);
    assert.equal(inventory['filesScanned'], 1);
    assert.deepEqual(inventory['matrix'], [
      { kind: 'ip', destination: 'log', treatment: 'unclassified', places: 1 },
      { kind: 'session', destination: 'log', treatment: 'classified', places: 1 },
    ]);
    assert.deepEqual(inventory['places'], [
      {
        file: 'src/app.mjs',
        line: 3,
        kind: 'ip',
        destination: 'log',
        destinationFamily: 'log',
        treatment: 'unclassified',
        sink: 'logger.info',
        origin: 'req.ip',
        message: 'IP address from req.ip reaches logger.info without classification',
        ruleId: 'online-identifiers/no-unclassified-logging',
      },
      {
        file: 'src/app.mjs',
        line: 4,
        kind: 'session',
        destination: 'log',
        destinationFamily: 'log',
        treatment: 'classified',
        purpose: 'security',
        sink: 'logger.warn',
        origin: 'req.sessionID',
      },
    ]);
    assert.deepEqual([inventory['thirdParties'], inventory['retention'], inventory['unchecked'], inventory['skipped']], [[], [], [], []]);
  });

  describe('a logger configured with the runtime (issue 8 §4), from a real scan', function () {
    // pino with the runtime's preset: its log calls are not findings, and the inventory lists the logger itself.
    const files = {
      'src/log.js': [
        "const pino = require('pino');",
        "const Sentry = require('@sentry/node');",
        "const { pinoOptions } = require('@online-identifiers/redact/pino');",
        "const { pseudonymize } = require('@online-identifiers/redact');",
        '',
        'const logger = pino(pinoOptions);',
        '',
        'function login(req) {',
        "  logger.info({ ip: req.ip, user: req.user.email }, 'login');",
        '  Sentry.setUser({ id: pseudonymize(req.user.id) });',
        '  console.log(req.ip);',
        '}',
        '',
        'module.exports = { logger, login };',
        '',
      ].join('\n'),
    };

    it('inventory-json: the logger is a place treated by configuration, with what it covers', async function () {
      this.timeout(60_000);
      const run = await runCli(['scan', '-f', 'inventory-json'], makeProject(files));
      assert.equal(run.stderr, '');
      assert.equal(run.code, 1);
      const inventory = JSON.parse(run.stdout) as Record<string, unknown>;
      assert.deepEqual(inventory['matrix'], [
        { kind: 'ip', destination: 'log', treatment: 'unclassified', places: 1 },
        { destination: 'log', treatment: 'treated by configuration', places: 1 },
        { destination: 'Sentry', treatment: 'pseudonymised', places: 1 },
      ]);
      assert.deepEqual(inventory['places'], [
        {
          file: 'src/log.js',
          line: 11,
          kind: 'ip',
          destination: 'log',
          destinationFamily: 'log',
          treatment: 'unclassified',
          sink: 'console.log',
          origin: 'req.ip',
          message: 'IP address from req.ip reaches console.log without classification',
          ruleId: 'online-identifiers/no-unclassified-logging',
        },
        { file: 'src/log.js', line: 10, destination: 'Sentry', destinationFamily: 'telemetry', treatment: 'pseudonymised', sink: 'Sentry.setUser', origin: 'req.user.id' },
        {
          file: 'src/log.js',
          line: 6,
          destination: 'log',
          destinationFamily: 'log',
          treatment: 'treated by configuration',
          covers: ['all'],
          paths: [],
          sink: 'pino',
          origin: 'pinoOptions',
        },
      ]);
      assert.deepEqual(inventory['thirdParties'], [{ name: 'Sentry', kinds: [], places: 1, unclassified: 0 }]);
    });

    it('Markdown: a "treated by configuration" column and the logger among the treated places', async function () {
      this.timeout(60_000);
      const run = await runCli(['scan', '-f', 'inventory'], makeProject(files));
      assert.equal(run.stderr, '');
      const text = run.stdout;
      assert.equal(
        sectionOf(text, '## What reaches where'),
        [
          '## What reaches where',
          '',
          '| kind | destination | unclassified | redacted | pseudonymised | classified | treated by configuration |',
          '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
          '| IP address | log | 1 | 0 | 0 | 0 | 0 |',
          '| kind not named | log | 0 | 0 | 0 | 0 | 1 |',
          '| kind not named | Sentry | 0 | 0 | 1 | 0 | 0 |',
          '',
        ].join('\n'),
      );
      // The last section of the page.
      assert.equal(
        text.slice(text.indexOf('## Treated in code')),
        [
          '## Treated in code (2, 0 classified)',
          '',
          '| place | treatment | kind | value | reaches |',
          '| --- | --- | --- | --- | --- |',
          '| src/log.js:10 | pseudonymised |  | `req.user.id` | `Sentry.setUser` |',
          '| src/log.js:6 | treated by configuration (every field) |  | `pinoOptions` | `pino` |',
          '',
        ].join('\n'),
      );
    });
  });
});
