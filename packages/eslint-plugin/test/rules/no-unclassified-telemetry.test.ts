import { RuleTester, type Rule } from 'eslint';
import rule from '../../src/rules/no-unclassified-telemetry';
import { languageOptions, position, toInvalid, toValid } from './helpers';
import { INVALID, OPTION_FINDINGS, OPTION_INVALID, OPTION_VALID, VALID, type OptionSpec } from './no-unclassified-telemetry.cases';

/** An SDK-option case: the reported node's exact range, message and the one suggestion's output. */
function optionCase(spec: OptionSpec): RuleTester.InvalidTestCase {
  const start = spec.code.indexOf(spec.at);
  if (start < 0) throw new Error(`test setup: ${JSON.stringify(spec.at)} not in ${JSON.stringify(spec.code)}`);
  const from = position(spec.code, start);
  const to = position(spec.code, start + spec.at.length);
  return {
    name: spec.name,
    code: spec.code,
    languageOptions: languageOptions(false),
    errors: [
      {
        message: spec.message,
        line: from.line,
        column: from.column,
        endLine: to.line,
        endColumn: to.column,
        suggestions: [{ desc: spec.suggestion.message, output: spec.suggestion.output }],
      },
    ],
  } as RuleTester.InvalidTestCase;
}

const ruleTester = new RuleTester();

ruleTester.run('no-unclassified-telemetry', rule as unknown as Rule.RuleModule, {
  valid: [...VALID, ...OPTION_VALID].map(toValid),
  invalid: [...INVALID, ...OPTION_INVALID].map(toInvalid).concat(OPTION_FINDINGS.map(optionCase)),
});
