import { RuleTester, type Rule } from 'eslint';
import rule from '../../src/rules/no-identifying-access-log';
import { INVALID, validCases } from './no-identifying-access-log.cases';

const ruleTester = new RuleTester();

ruleTester.run('no-identifying-access-log', rule as unknown as Rule.RuleModule, {
  valid: validCases(),
  invalid: [...INVALID],
});
