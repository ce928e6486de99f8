import assert from 'node:assert/strict';
import { Linter, type Rule } from 'eslint';
import plugin from '../../src/index';
import { fileAnalysis, releasingAnalysis, type FileAnalysis } from '../../src/analysis';
import { treatmentsRule } from '../../src/inventory';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../src/util/flow-rule';

// The per-file analysis is shared by the rules through a cache entry that
// must be gone once traversal starts (see releaseFileAnalysis): kept, it
// holds the file's AST alive through young-generation GCs. A probe rule,
// configured after the rule under test, takes the shared analysis in its
// `create` and asks again at `Program:exit`: the same object means the rule
// under test never released it.

// Text every rule reads with its analysis: an access-log module and a log
// rotation module (the two rules that look only at files naming one), a
// logger, a metric and a telemetry call.
const TEXT = [
  "const morgan = require('morgan');",
  "const DailyRotateFile = require('winston-daily-rotate-file');",
  "const Sentry = require('@sentry/node');",
  "const client = require('prom-client');",
  'app.use(morgan(":remote-addr"));',
  "new DailyRotateFile({ filename: 'app.log' });",
  'function handle(req) {',
  '  console.log(req.ip);',
  '  Sentry.setUser({ ip_address: req.ip });',
  '  new client.Counter({ name: "hits", labelNames: ["ip"] }).inc({ ip: req.ip });',
  '}',
].join('\n');

interface Seen {
  atCreate?: FileAnalysis;
  atExit?: FileAnalysis;
}

function probe(seen: Seen, options = DEFAULT_ANALYSIS_OPTIONS): Rule.RuleModule {
  return {
    meta: { type: 'problem', schema: [] },
    create(context) {
      const ruleContext = context as unknown as Parameters<typeof fileAnalysis>[0];
      seen.atCreate = fileAnalysis(ruleContext, options);
      return {
        'Program:exit'() {
          seen.atExit = fileAnalysis(ruleContext, options);
        },
      };
    },
  };
}

function lint(ruleId: string, rule: unknown, seen: Seen, ruleOptions: unknown[] = []): Linter.LintMessage[] {
  return new Linter().verify(
    TEXT,
    [
      {
        files: ['**/*.js'],
        languageOptions: { sourceType: 'commonjs' },
        plugins: { t: { rules: { [ruleId]: rule as Rule.RuleModule, probe: probe(seen) } } },
        rules: { [`t/${ruleId}`]: ['error', ...ruleOptions], 't/probe': 'error' },
      },
    ],
    { filename: 'app.js' },
  );
}

describe('fileAnalysis: the shared analysis is released when traversal starts', function () {
  const rules = Object.entries(plugin.rules as Record<string, unknown>);

  it('covers every rule of the plugin', function () {
    assert.deepEqual(rules.map(([id]) => id).sort(), [
      'log-retention',
      'no-identifiers-in-metrics',
      'no-identifying-access-log',
      'no-unclassified-logging',
      'no-unclassified-telemetry',
    ]);
  });

  for (const [id, rule] of [...rules, ['inventory-treatments', treatmentsRule] as const]) {
    it(`${id}: shares the file's analysis in create, and drops the shared entry before Program:exit`, function () {
      const seen: Seen = {};
      const messages = lint(id, rule, seen);
      assert.deepEqual(
        messages.filter((message) => message.fatal),
        [],
        'the text parses',
      );
      assert.ok(seen.atCreate && seen.atExit);
      // Built with the same (default) options, the probe asks after the rule's create: a released entry is rebuilt.
      assert.notEqual(seen.atExit, seen.atCreate, `${id} returned its listeners without releasingAnalysis`);
    });
  }

  it('the rule that created the shared analysis handed it to the probe (one analysis per file, not one per rule)', function () {
    const seen: Seen = {};
    let rulesAnalysis: FileAnalysis | undefined;
    const sharer: Rule.RuleModule = {
      meta: { type: 'problem', schema: [] },
      create(context) {
        const ruleContext = context as unknown as Parameters<typeof fileAnalysis>[0];
        rulesAnalysis = fileAnalysis(ruleContext, DEFAULT_ANALYSIS_OPTIONS);
        return releasingAnalysis(ruleContext, {}) as Rule.RuleListener;
      },
    };
    lint('sharer', sharer, seen);
    assert.equal(seen.atCreate, rulesAnalysis);
    assert.notEqual(seen.atExit, rulesAnalysis);
  });

  it("keeps the rule's own Program listener, called after the release", function () {
    const seen: Seen = {};
    const calls: string[] = [];
    const withOwn: Rule.RuleModule = {
      meta: { type: 'problem', schema: [] },
      create(context) {
        const ruleContext = context as unknown as Parameters<typeof fileAnalysis>[0];
        const mine = fileAnalysis(ruleContext, DEFAULT_ANALYSIS_OPTIONS);
        return releasingAnalysis(ruleContext, {
          Program() {
            // Released already: asking again builds a new analysis.
            calls.push(fileAnalysis(ruleContext, DEFAULT_ANALYSIS_OPTIONS) === mine ? 'still shared' : 'released');
          },
        }) as Rule.RuleListener;
      },
    };
    lint('with-own', withOwn, seen);
    assert.deepEqual(calls, ['released']);
  });
});
