import * as assert from 'node:assert/strict';
import { Linter } from 'eslint';
import plugin = require('../../src/index');
import { languageOptions, type InvalidSpec } from './helpers';
import { INVALID, OPTION_INVALID } from './no-unclassified-logging.cases';

// The quick-fix property: for every finding of every invalid case, each
// suggestion yields code that parses, and re-linting it no longer reports
// that value (the same message, at one place fewer).
const RULE = 'online-identifiers/no-unclassified-logging';

function lint(spec: InvalidSpec, code: string): Linter.LintMessage[] {
  const linter = new Linter();
  return linter.verify(code, [
    {
      plugins: { 'online-identifiers': plugin as never },
      languageOptions: languageOptions(spec.ts, spec.sourceType) as Linter.Config['languageOptions'],
      rules: { [RULE]: ['error', ...(spec.options ?? [])] as Linter.RuleEntry },
    },
  ]);
}

function apply(code: string, fix: { range: [number, number]; text: string }): string {
  return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
}

describe('no-unclassified-logging: every suggestion classifies the value it wraps', () => {
  for (const spec of [...INVALID, ...OPTION_INVALID]) {
    it(spec.name, () => {
      const before = lint(spec, spec.code);
      assert.ok(before.length > 0, 'the case reports something');
      let checked = 0;
      for (const message of before) {
        assert.equal(message.ruleId, RULE, `no parse error: ${message.message}`);
        const count = before.filter((other) => other.message === message.message).length;
        for (const suggestion of message.suggestions ?? []) {
          const output = apply(spec.code, suggestion.fix);
          const after = lint(spec, output);
          const fatal = after.find((entry) => entry.fatal);
          assert.equal(fatal, undefined, `parses after "${suggestion.desc}":\n${output}`);
          const remaining = after.filter((entry) => entry.message === message.message);
          if (spec.repeats) {
            // The wrapped occurrence is classified; the next one is now the finding, further right.
            assert.ok(remaining.every((entry) => entry.line > message.line || entry.column > message.column), output);
          } else {
            assert.ok(remaining.length < count, `"${suggestion.desc}" removes "${message.message}":\n${output}`);
          }
          checked++;
        }
      }
      assert.ok(checked >= before.length * 2, 'each finding offers at least two suggestions');
    });
  }
});
