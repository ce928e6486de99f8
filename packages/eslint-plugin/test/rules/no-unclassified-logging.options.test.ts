import * as assert from 'node:assert/strict';
import { Linter } from 'eslint';
import plugin = require('../../src/index');

// Invalid options are rejected by ESLint's schema validation with a message
// that names the rule and the offending value, before any file is linted.
const RULE = 'online-identifiers/no-unclassified-logging';

function verifyWith(options: unknown): Linter.LintMessage[] {
  const linter = new Linter();
  return linter.verify('logger.info(1);', [
    { plugins: { 'online-identifiers': plugin as never }, rules: { [RULE]: ['error', options] as Linter.RuleEntry } },
  ]);
}

describe('no-unclassified-logging: options validation', () => {
  const rejected: [string, unknown, RegExp][] = [
    ['an unknown property', { colour: 'red' }, /should NOT have additional properties/],
    ['an unknown kind', { kinds: ['email'] }, /should be equal to one of the allowed values/],
    ['kinds that is not an array', { kinds: 'ip' }, /should be array/],
    ['an empty kinds list', { kinds: [] }, /fewer than 1 items|should NOT have fewer than 1 items/],
    ['a sink that is not a string', { sinks: [42] }, /should be string/],
    ['an empty sanitizer name', { sanitizers: [''] }, /must NOT have fewer than 1 characters|should NOT be shorter than 1 characters/],
    ['a source without a pattern', { sources: [{ kind: 'ip' }] }, /fewer than 2 properties|should NOT have fewer than 2 properties/],
    ['a source with two patterns', { sources: [{ kind: 'ip', name: 'a', member: 'b' }] }, /more than 2 properties/],
    ['a source with an unknown kind', { sources: [{ kind: 'email', name: 'mail' }] }, /allowed values/],
    ['a source with an unknown pattern key', { sources: [{ kind: 'ip', path: 'x' }] }, /additional properties/],
    ['an empty redactModule', { redactModule: '' }, /fewer than 1 characters|shorter than 1 characters/],
    ['ignoreNames with duplicates', { ignoreNames: ['sid', 'sid'] }, /duplicate items/],
    ['typeAware that is not a boolean', { typeAware: 'yes' }, /should be boolean/],
  ];
  for (const [name, options, pattern] of rejected) {
    it(`rejects ${name}`, () => {
      assert.throws(
        () => verifyWith(options),
        (error: Error) => {
          assert.match(error.message, /no-unclassified-logging/);
          assert.match(error.message, pattern);
          return true;
        },
      );
    });
  }

  it('accepts every documented option together', () => {
    const messages = verifyWith({
      sources: [
        { kind: 'user', member: 'body.customer' },
        { kind: 'device', header: 'x-visitor*' },
        { kind: 'device', global: 'analytics.anonymousId' },
        { kind: 'user', name: 'msisdn' },
      ],
      sinks: ['audit.record', 'trail.*'],
      sanitizers: ['hashForLogs', 'Privacy.*'],
      kinds: ['ip', 'cookie'],
      ignoreNames: ['sid'],
      redactModule: '~/privacy',
      typeAware: false,
    });
    assert.deepEqual(messages, []);
  });
});
