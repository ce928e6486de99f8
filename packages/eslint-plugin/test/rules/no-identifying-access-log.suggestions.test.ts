import * as assert from 'node:assert/strict';
import type { Linter } from 'eslint';
import { lintWithRule } from './helpers';
import { CONFIG_INVALID, TOKEN_INVALID } from './no-identifying-access-log.cases';

// The quick-fix property: for every finding of every invalid case, each
// suggestion yields code that parses, and re-linting it no longer reports
// that finding (the same message, at one place fewer).
const RULE = 'online-identifiers/no-identifying-access-log';

interface Case {
  readonly name: string;
  readonly code: string;
  readonly options?: readonly unknown[];
  readonly sourceType?: 'module' | 'commonjs';
}

function lint(spec: Case, code: string): Linter.LintMessage[] {
  return lintWithRule(RULE, spec, code);
}

function apply(code: string, fix: { range: [number, number]; text: string }): string {
  return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
}

describe('no-identifying-access-log: every suggestion clears the finding it fixes', () => {
  for (const spec of [...CONFIG_INVALID, ...TOKEN_INVALID] as readonly Case[]) {
    it(spec.name, () => {
      const before = lint(spec, spec.code);
      assert.ok(before.length > 0, 'the case reports something');
      for (const message of before) {
        assert.equal(message.ruleId, RULE, `no parse error: ${message.message}`);
        const count = before.filter((other) => other.message === message.message).length;
        assert.ok((message.suggestions ?? []).length >= 1, `"${message.message}" offers a quick-fix`);
        for (const suggestion of message.suggestions ?? []) {
          const output = apply(spec.code, suggestion.fix);
          const after = lint(spec, output);
          assert.equal(after.find((entry) => entry.fatal), undefined, `parses after "${suggestion.desc}":\n${output}`);
          const remaining = after.filter((entry) => entry.message === message.message);
          assert.ok(remaining.length < count, `"${suggestion.desc}" removes "${message.message}":\n${output}`);
        }
      }
    });
  }
});
