import * as assert from 'node:assert/strict';
import { Linter } from 'eslint';
import plugin = require('../../src/index');

// Invalid options are rejected by ESLint's schema validation, naming the rule, before any file is linted.
const RULE = 'online-identifiers/no-unclassified-telemetry';

function verifyWith(options: unknown): Linter.LintMessage[] {
  return new Linter().verify('tracker.send(1);', [
    { plugins: { 'online-identifiers': plugin as never }, rules: { [RULE]: ['error', options] as Linter.RuleEntry } },
  ]);
}

describe('no-unclassified-telemetry: options validation', () => {
  const rejected: [string, unknown, RegExp][] = [
    ['an unknown property', { sinks: ['a.b'] }, /should NOT have additional properties|must NOT have additional properties/],
    ['a telemetry entry that is a number', { telemetry: [42] }, /should match some schema in anyOf|must match a schema in anyOf/],
    ['an empty telemetry path', { telemetry: [''] }, /anyOf/],
    ['a telemetry object without a call', { telemetry: [{ vendor: 'Acme' }] }, /anyOf/],
    ['a telemetry object with an unknown key', { telemetry: [{ call: 'a.b', name: 'Acme' }] }, /anyOf/],
    ['an unknown kind', { kinds: ['email'] }, /allowed values/],
  ];
  for (const [name, options, pattern] of rejected) {
    it(`rejects ${name}`, () => {
      assert.throws(
        () => verifyWith(options),
        (error: Error) => {
          assert.match(error.message, /no-unclassified-telemetry/);
          assert.match(error.message, pattern);
          return true;
        },
      );
    });
  }

  it('accepts every documented option together', () => {
    const messages = verifyWith({
      telemetry: ['tracker.send', { call: 'this.acme.*', vendor: 'Acme Analytics' }],
      sources: [{ kind: 'user', name: 'msisdn' }],
      sanitizers: ['hashForVendors'],
      kinds: ['ip', 'user'],
      ignoreNames: ['sid'],
      redactModule: '~/privacy',
      analysisBudget: 100000,
      typeAware: false,
    });
    assert.deepEqual(messages, []);
  });
});
