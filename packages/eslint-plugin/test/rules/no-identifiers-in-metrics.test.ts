import { RuleTester, type Rule } from 'eslint';
import rule from '../../src/rules/no-identifiers-in-metrics';
import { toInvalid, toValid } from './helpers';
import { INVALID, OPTION_INVALID, OPTION_VALID, VALID } from './no-identifiers-in-metrics.cases';

const ruleTester = new RuleTester();

ruleTester.run('no-identifiers-in-metrics', rule as unknown as Rule.RuleModule, {
  valid: [...VALID, ...OPTION_VALID].map(toValid),
  invalid: [...INVALID, ...OPTION_INVALID].map(toInvalid),
});
