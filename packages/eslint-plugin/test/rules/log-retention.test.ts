import { RuleTester, type Rule } from 'eslint';
import rule from '../../src/rules/log-retention';
import { INVALID, OPTION_INVALID, OPTION_VALID, toRetentionInvalid, toRetentionValid, VALID } from './log-retention.cases';

const ruleTester = new RuleTester();

ruleTester.run('log-retention', rule as unknown as Rule.RuleModule, {
  valid: [...VALID, ...OPTION_VALID].map(toRetentionValid),
  invalid: [...INVALID, ...OPTION_INVALID].map(toRetentionInvalid),
});
