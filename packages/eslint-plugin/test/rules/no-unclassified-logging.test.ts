import { RuleTester, type Rule } from 'eslint';
import rule from '../../src/rules/no-unclassified-logging';
import { toInvalid, toValid } from './helpers';
import { INVALID, OPTION_INVALID, OPTION_VALID, VALID } from './no-unclassified-logging.cases';

const ruleTester = new RuleTester();

ruleTester.run('no-unclassified-logging', rule as unknown as Rule.RuleModule, {
  valid: [...VALID, ...OPTION_VALID].map(toValid),
  invalid: [...INVALID, ...OPTION_INVALID].map(toInvalid),
});
