import { RuleTester, type Rule } from 'eslint';
import rule from '../../src/rules/no-unclassified-logging';
import { toInvalid, toValid } from './helpers';
import { INVALID, OPTION_INVALID, OPTION_VALID, VALID } from './no-unclassified-logging.cases';
import { BIN_ENTRY } from './no-unclassified-logging.real-code.cases';

const ruleTester = new RuleTester();

ruleTester.run('no-unclassified-logging', rule as unknown as Rule.RuleModule, {
  valid: [...VALID, ...OPTION_VALID].map(toValid),
  invalid: [...INVALID, ...OPTION_INVALID].map(toInvalid),
});

// A package bin entry is found through the package.json beside it on disk.
ruleTester.run('no-unclassified-logging: package bin entries', rule as unknown as Rule.RuleModule, {
  valid: [{ name: 'bin entry: terminal output is quiet', filename: BIN_ENTRY.filename, code: BIN_ENTRY.code, languageOptions: { sourceType: 'commonjs' } }],
  invalid: [
    {
      name: 'bin entry with checkTerminalOutput',
      filename: BIN_ENTRY.filename,
      code: BIN_ENTRY.code,
      options: [{ checkTerminalOutput: true }],
      languageOptions: { sourceType: 'commonjs' },
      errors: [{ message: "User identifier from require('os').userInfo().username reaches console.log without classification", line: 1, column: 29 }],
    },
    {
      name: 'the same file outside the bin entry is checked',
      filename: `${BIN_ENTRY.filename.replace('seed.js', 'other.js')}`,
      code: BIN_ENTRY.code,
      languageOptions: { sourceType: 'commonjs' },
      errors: [{ message: "User identifier from require('os').userInfo().username reaches console.log without classification", line: 1, column: 29 }],
    },
  ],
});
