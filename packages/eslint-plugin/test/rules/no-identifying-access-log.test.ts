import * as assert from 'node:assert/strict';
import { RuleTester, type Rule } from 'eslint';
import { MORGAN_FORMATS as RUNTIME_FORMATS } from '@online-identifiers/redact/morgan';
import { MORGAN_FORMATS } from '../../src/catalog';
import rule from '../../src/rules/no-identifying-access-log';
import { INVALID, validCases } from './no-identifying-access-log.cases';

const ruleTester = new RuleTester();

ruleTester.run('no-identifying-access-log', rule as unknown as Rule.RuleModule, {
  valid: validCases(),
  invalid: [...INVALID],
});

describe('no-identifying-access-log catalog', () => {
  it("reads morgan's formats as the runtime writes them (the runtime's copy is tested against morgan itself)", () => {
    assert.deepEqual(MORGAN_FORMATS, RUNTIME_FORMATS);
  });
});
