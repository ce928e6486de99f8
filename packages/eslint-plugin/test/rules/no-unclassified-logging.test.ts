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
const binFinding = { at: "require('os').userInfo().username", kind: 'user', origin: "require('os').userInfo().username", sink: 'console.log' } as const;
ruleTester.run('no-unclassified-logging: package bin entries', rule as unknown as Rule.RuleModule, {
  valid: [{ name: 'bin entry: terminal output is quiet', filename: BIN_ENTRY.filename, code: BIN_ENTRY.code, languageOptions: { sourceType: 'commonjs' } }],
  invalid: [
    {
      ...toInvalid({ name: 'bin entry with checkTerminalOutput', code: BIN_ENTRY.code, sourceType: 'commonjs', options: [{ checkTerminalOutput: true }], findings: [binFinding] }),
      filename: BIN_ENTRY.filename,
    },
    {
      ...toInvalid({ name: 'the same file outside the bin entry is checked', code: BIN_ENTRY.code, sourceType: 'commonjs', findings: [binFinding] }),
      filename: BIN_ENTRY.filename.replace('seed.js', 'other.js'),
    },
  ],
});
