import * as assert from 'node:assert/strict';
import { lintWithRule, type InvalidSpec } from './helpers';
import { INVALID, OPTION_FINDINGS, OPTION_INVALID } from './no-unclassified-telemetry.cases';

// The quick-fix property: for every finding of every invalid case, each
// suggestion yields code that parses, and re-linting it no longer reports
// that finding (the same message, at one place fewer). SDK-option findings
// included: their one suggestion turns the collection off.
const RULE = 'online-identifiers/no-unclassified-telemetry';

function apply(code: string, fix: { range: [number, number]; text: string }): string {
  return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
}

/** Checks every suggestion of every finding; returns how many were checked. */
function checkSuggestions(spec: Pick<InvalidSpec, 'ts' | 'sourceType' | 'options'>, code: string): { findings: number; checked: number } {
  const before = lintWithRule(RULE, spec, code);
  assert.ok(before.length > 0, 'the case reports something');
  let checked = 0;
  for (const message of before) {
    assert.equal(message.ruleId, RULE, `no parse error: ${message.message}`);
    const count = before.filter((other) => other.message === message.message).length;
    for (const suggestion of message.suggestions ?? []) {
      const output = apply(code, suggestion.fix);
      const after = lintWithRule(RULE, spec, output);
      assert.equal(after.find((entry) => entry.fatal), undefined, `parses after "${suggestion.desc}":\n${output}`);
      const remaining = after.filter((entry) => entry.message === message.message);
      assert.ok(remaining.length < count, `"${suggestion.desc}" removes "${message.message}":\n${output}`);
      checked++;
    }
  }
  return { findings: before.length, checked };
}

describe('no-unclassified-telemetry: every suggestion clears the finding it fixes', () => {
  for (const spec of [...INVALID, ...OPTION_INVALID]) {
    it(spec.name, () => {
      const { findings, checked } = checkSuggestions(spec, spec.code);
      // Intercom data without user_hash has no fix the rule could write (the hash is made on the server).
      const unfixable = spec.findings.filter((expect) => expect.noSuggestions).length;
      assert.ok(checked >= (findings - unfixable) * 2, 'each identifier finding offers at least two suggestions');
    });
  }
  for (const spec of OPTION_FINDINGS) {
    it(`option: ${spec.name}`, () => {
      const { findings, checked } = checkSuggestions({}, spec.code);
      assert.equal(checked, findings, 'each option finding offers its fix');
    });
  }
});
