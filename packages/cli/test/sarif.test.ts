import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ESLint, Linter } from 'eslint';
import type * as Sarif from 'sarif';
import { FINGERPRINT_KEY, fingerprintsOf } from '../src/findings';
import { buildSarifLog } from '../src/sarif';
import { lintResult, makeProject, removeProjects, RULE, runCli } from './helpers';

const SCHEMA = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'sarif-schema-2.1.0.json'), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateSarif = ajv.compile(SCHEMA);

function assertValid(log: unknown): void {
  const valid = validateSarif(log);
  assert.ok(valid, JSON.stringify(validateSarif.errors, null, 2));
}

const LEAKY = 'function handler(req) {\n  console.log(req.ip);\n}\n';
const LEAKY_MESSAGE = 'IP address from req.ip reaches console.log without classification';

/** A finding as ESLint reports it, for rules whose results are built by hand. */
function finding(ruleId: string, message: string, line: number, column = 3): Linter.LintMessage {
  return { ruleId, severity: 2, message, line, column, endLine: line, endColumn: column + 10 };
}

describe('SARIF output', function () {
  this.timeout(60_000); // cases run the real scan twice
  after(removeProjects);

  it('the schema check itself rejects a log that breaks the schema', function () {
    assert.equal(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false);
    assert.equal(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] }), false);
  });

  describe('a real scan of a fixture project', function () {
    let log: Sarif.Log;
    let root: string;

    before(async function () {
      root = makeProject({
        'src/handler.js': LEAKY,
        'src/routes/session.js': [
          'function handler(req) {',
          '  logger.info({ sid: req.sessionID });',
          `  // eslint-disable-next-line ${RULE} -- security log`,
          '  logger.warn(req.ip);',
          '}',
          '',
        ].join('\n'),
        'src/broken.js': 'function (\n',
      });
      const run = await runCli(['scan', '-f', 'sarif'], root);
      assert.equal(run.code, 1, run.stderr);
      log = JSON.parse(run.stdout) as Sarif.Log;
    });

    it('validates against the official SARIF 2.1.0 schema', function () {
      assertValid(log);
      assert.equal(log.version, '2.1.0');
    });

    it('every result carries kind, destination and a partial fingerprint', function () {
      const results = log.runs[0]?.results ?? [];
      assert.deepEqual(
        results.map((result) => ({
          text: result.message.text,
          uri: result.locations?.[0]?.physicalLocation?.artifactLocation?.uri,
          properties: result.properties,
          suppressed: result.suppressions?.map((suppression) => [suppression.kind, suppression.justification]),
        })),
        [
          { text: LEAKY_MESSAGE, uri: 'src/handler.js', properties: { kind: 'ip', destination: 'log', destinationFamily: 'log' }, suppressed: undefined },
          {
            text: 'Session id from req.sessionID reaches logger.info without classification',
            uri: 'src/routes/session.js',
            properties: { kind: 'session', destination: 'log', destinationFamily: 'log' },
            suppressed: undefined,
          },
          {
            text: 'IP address from req.ip reaches logger.warn without classification',
            uri: 'src/routes/session.js',
            properties: { kind: 'ip', destination: 'log', destinationFamily: 'log' },
            suppressed: [['inSource', 'security log']],
          },
        ],
      );
      for (const result of results) assert.match(result.partialFingerprints?.[FINGERPRINT_KEY] ?? '', /^[0-9a-f]{32}$/);
      assert.equal(new Set(results.map((result) => result.partialFingerprints?.[FINGERPRINT_KEY])).size, results.length);
    });

    it('every rule has help text and Markdown from its doc, links made absolute', function () {
      const rules = log.runs[0]?.tool.driver.rules ?? [];
      assert.deepEqual(rules.map((rule) => rule.id), [RULE]);
      const [rule] = rules;
      const docUrl = 'https://github.com/online-identifiers/online-identifiers/blob/main/packages/eslint-plugin/docs/rules/no-unclassified-logging.md';
      assert.equal(rule?.helpUri, docUrl);
      const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'eslint-plugin', 'docs', 'rules', 'no-unclassified-logging.md'), 'utf8');
      const body = doc.slice(doc.indexOf('<!-- end auto-generated rule header -->') + '<!-- end auto-generated rule header -->'.length).trim();
      const markdown = rule?.help?.markdown ?? '';
      assert.ok(markdown.startsWith(body.slice(0, 200)), markdown.slice(0, 300));
      assert.ok(!markdown.includes('](../policy.md)'), 'relative link left');
      assert.ok(markdown.includes('](https://github.com/online-identifiers/online-identifiers/blob/main/packages/eslint-plugin/docs/policy.md)'));
      assert.match(rule?.help?.text ?? '', /^An online identifier is anything that can track a person/);
      assert.ok(!(rule?.help?.text ?? '').includes('```'));
      assert.match(rule?.fullDescription?.text ?? '', /^An online identifier is anything[^]*three honest answers:$/);
      assert.match(rule?.shortDescription?.text ?? '', /^Disallow online identifiers/);
    });

    it('a parse error is an error notification located by the same relative URI as results', function () {
      const [invocation] = log.runs[0]?.invocations ?? [];
      assert.equal(invocation?.executionSuccessful, true);
      assert.deepEqual(invocation?.toolExecutionNotifications, [
        {
          level: 'error',
          message: { text: 'Parsing error: Unexpected token (' },
          locations: [
            { physicalLocation: { artifactLocation: { uri: 'src/broken.js', uriBaseId: '%SRCROOT%', index: 0 }, region: { startLine: 1, startColumn: 10 } } },
          ],
        },
      ]);
      assert.deepEqual(log.runs[0]?.artifacts?.[0], { location: { uri: 'src/broken.js', uriBaseId: '%SRCROOT%' } });
      assert.deepEqual(log.runs[0]?.originalUriBaseIds, { '%SRCROOT%': { uri: `file://${root}/` } });
    });
  });

  it('fingerprints survive code inserted above a finding and tell same-message findings apart', async function () {
    const before = makeProject({ 'a.js': 'function h(req) {\n  console.log(req.ip);\n  console.log(req.ip);\n}\n' });
    const after = makeProject({ 'a.js': '// a comment\n\nfunction h(req) {\n  const x = 1;\n  console.log(req.ip);\n  console.log(req.ip, x);\n}\n' });
    const prints = async (root: string) => {
      const log = JSON.parse((await runCli(['scan', '-f', 'sarif'], root)).stdout) as Sarif.Log;
      return (log.runs[0]?.results ?? []).map((result) => [result.locations?.[0]?.physicalLocation?.region?.startLine, result.partialFingerprints?.[FINGERPRINT_KEY]]);
    };
    const [first, second] = await prints(before);
    const moved = await prints(after);
    assert.notEqual(first?.[1], second?.[1]);
    assert.deepEqual(moved, [
      [5, first?.[1]],
      [6, second?.[1]],
    ]);
  });

  it('handles every rule of the plugin by id: access log, metrics, telemetry with its vendor, retention', function () {
    const cwd = '/repo';
    const log = buildSarifLog({
      cwd,
      rulesMeta: {},
      results: [
        lintResult('/repo/src/app.js', [
          finding('online-identifiers/no-identifying-access-log', "IP address from morgan format 'combined' reaches the access log without classification", 3),
          finding('online-identifiers/no-identifiers-in-metrics', 'User identifier from req.user.id reaches metrics.increment without classification', 5),
          finding('online-identifiers/no-unclassified-telemetry', 'IP address from req.ip reaches Sentry (Sentry.setUser) without classification', 7),
          finding('online-identifiers/no-unclassified-telemetry', 'Sentry option sendDefaultPii sends IP addresses and cookies to Sentry', 9),
          finding('online-identifiers/log-retention', 'Log retention of 3650 days (maxFiles: 3650d) is above the policy maximum of 730 days', 11),
        ]),
      ],
    });
    assertValid(log);
    assert.deepEqual(
      log.runs[0]?.results?.map((result) => [result.ruleId, result.ruleIndex, result.properties]),
      [
        ['online-identifiers/no-identifying-access-log', 0, { kind: 'ip', destination: 'access log', destinationFamily: 'access-log' }],
        ['online-identifiers/no-identifiers-in-metrics', 1, { kind: 'user', destination: 'metric', destinationFamily: 'metric' }],
        ['online-identifiers/no-unclassified-telemetry', 2, { kind: 'ip', destination: 'Sentry', destinationFamily: 'telemetry' }],
        ['online-identifiers/no-unclassified-telemetry', 2, { destination: 'Sentry', destinationFamily: 'telemetry' }],
        ['online-identifiers/log-retention', 3, { destination: 'log retention', destinationFamily: 'retention' }],
      ],
    );
    assert.deepEqual(
      log.runs[0]?.tool.driver.rules?.map((rule) => rule.id),
      ['no-identifying-access-log', 'no-identifiers-in-metrics', 'no-unclassified-telemetry', 'log-retention'].map((name) => `online-identifiers/${name}`),
    );
    for (const rule of log.runs[0]?.tool.driver.rules ?? []) assert.deepEqual(rule.properties?.['tags'], ['privacy', 'online-identifiers']);
  });

  it('a file outside the scanned directory keeps its absolute file URI', function () {
    const log = buildSarifLog({ cwd: '/repo', rulesMeta: {}, results: [lintResult('/elsewhere/a.js', [finding(RULE, LEAKY_MESSAGE, 2)])] });
    assertValid(log);
    assert.deepEqual(log.runs[0]?.results?.[0]?.locations?.[0]?.physicalLocation?.artifactLocation, { uri: 'file:///elsewhere/a.js', index: 0 });
  });

  it('fingerprintsOf depends on the path, rule, message and rank, not on the position', function () {
    const a = lintResult('/repo/a.js', [finding(RULE, LEAKY_MESSAGE, 2), finding(RULE, LEAKY_MESSAGE, 9)]);
    const moved = lintResult('/repo/a.js', [finding(RULE, LEAKY_MESSAGE, 40, 7), finding(RULE, LEAKY_MESSAGE, 41)]);
    const renamed = lintResult('/repo/b.js', [finding(RULE, LEAKY_MESSAGE, 2)]);
    const values = (result: ESLint.LintResult) => [...fingerprintsOf(result, '/repo').values()];
    assert.deepEqual(values(moved), values(a));
    assert.notEqual(values(renamed)[0], values(a)[0]);
    assert.equal(new Set(values(a)).size, 2);
  });

  it('json: every finding carries kind, destination and fingerprint', async function () {
    const root = makeProject({ 'a.js': LEAKY });
    const run = await runCli(['scan', '-f', 'json'], root);
    const [result] = JSON.parse(run.stdout) as { filePath: string; messages: Record<string, unknown>[] }[];
    assert.equal(result?.filePath, path.join(root, 'a.js'));
    const message = result?.messages[0];
    assert.deepEqual(
      { kind: message?.['kind'], destination: message?.['destination'], destinationFamily: message?.['destinationFamily'], message: message?.['message'] },
      { kind: 'ip', destination: 'log', destinationFamily: 'log', message: LEAKY_MESSAGE },
    );
    const log = JSON.parse((await runCli(['scan', '-f', 'sarif'], root)).stdout) as Sarif.Log;
    assert.equal(message?.['fingerprint'], log.runs[0]?.results?.[0]?.partialFingerprints?.[FINGERPRINT_KEY]);
  });
});
