import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { RuleTester, type Rule } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import rule from '../../src/rules/no-unclassified-logging';
import { messageFor, suggestionOutput, type Expect } from './helpers';

// Type-aware cases (configs.strict): the fixture project gives the parser a
// program, so declared types answer what syntax cannot. With CI=true the
// parser would infer a single ESLint run and type-check the file on disk
// instead of each case's code, so that inference is switched off.
const fixture = path.join(__dirname, '..', 'fixtures', 'typed');
const filename = path.join(fixture, 'file.ts');
const ruleTester = new RuleTester({
  languageOptions: {
    parser: tsParser,
    parserOptions: { project: './tsconfig.json', tsconfigRootDir: fixture, disallowAutomaticSingleRunInference: true },
  },
});

const STRICT = [{ typeAware: true }];

const brandedParameter = [
  "import type { Redacted } from '@online-identifiers/redact';",
  'declare const logger: { info(...args: unknown[]): void };',
  'export function audit(clientIp: Redacted<string>) { logger.info(clientIp); }',
].join('\n');

const aliasedRequest = [
  "import type { Request } from 'express';",
  'declare const logger: { info(...args: unknown[]): void };',
  'type Incoming = Request;',
  'export function audit(x: Incoming) { logger.info(x.headers); }',
].join('\n');

const returnedMessage = [
  "import type { IncomingMessage } from 'http';",
  'declare const logger: { warn(...args: unknown[]): void };',
  'declare function current(): IncomingMessage;',
  'export function trace() { const m = current(); logger.warn(m.socket.remoteAddress); }',
].join('\n');

// TypeScript 6 renumbered TypeFlags.Undefined and Null: these failed while
// the analysis hard-coded TypeScript 5's numbers.
const optionalBrand = [
  "import type { Redacted } from '@online-identifiers/redact';",
  'declare const logger: { info(...args: unknown[]): void };',
  'export function audit(token: Redacted<string> | undefined) { logger.info(token); }',
].join('\n');

const optionalAliasedRequest = [
  "import type { Request } from 'express';",
  'declare const logger: { info(...args: unknown[]): void };',
  'type Incoming = Request;',
  'export function audit(x: Incoming | undefined) { if (x) logger.info(x.headers); }',
].join('\n');

// A declared type outranks a name: an identifying callee name …
const brandedCall = [
  "import type { Redacted } from '@online-identifiers/redact';",
  'declare const logger: { info(...args: unknown[]): void };',
  'declare function clientIp(): Redacted<string> | undefined;',
  'export function audit() { logger.info(clientIp()); }',
].join('\n');

// … and a sanitizer-like callee name (`mask…`).
const maskedRequest = [
  "import type { Request } from 'express';",
  'declare const logger: { info(...args: unknown[]): void };',
  'declare function maskRequest(request: Request): Request;',
  'export function audit(req: Request) { logger.info(maskRequest(req)); }',
].join('\n');

function invalid(code: string, expect: Expect, options?: unknown[]): RuleTester.InvalidTestCase {
  const start = code.lastIndexOf(expect.at);
  const before = code.slice(0, start).split('\n');
  const line = before.length;
  const column = before[before.length - 1]!.length + 1;
  const suggestions = [
    ['suggestRedact', 'redact'],
    ...(expect.kind === 'request' ? [] : [['suggestPseudonymize', 'pseudonymize']]),
    ['suggestClassify', 'classify'],
  ].map(([messageId, exportName]) => ({
    messageId: messageId!,
    data: { kind: expect.kind },
    output: suggestionOutput(code, { ...expect, nth: code.split(expect.at).length - 2 }, exportName!),
  }));
  return {
    code,
    filename,
    ...(options ? { options } : {}),
    errors: [
      {
        message: messageFor(expect),
        line,
        column,
        endLine: line,
        endColumn: column + expect.at.length,
        suggestions,
      },
    ],
  };
}

ruleTester.run('no-unclassified-logging (type-aware)', rule as unknown as Rule.RuleModule, {
  valid: [
    { name: 'a Redacted<string> parameter is classified, whatever its name', code: brandedParameter, filename, options: STRICT },
    {
      name: 'a Pseudonymized value from an unknown helper',
      code: [
        "import type { Pseudonymized } from '@online-identifiers/redact';",
        'declare const logger: { info(...args: unknown[]): void };',
        'declare function hashIt(value: string): Pseudonymized;',
        'export function audit(email: string) { const userId = hashIt(email); logger.info({ userId }); }',
      ].join('\n'),
      filename,
      options: STRICT,
    },
    {
      name: 'a Classified value',
      code: [
        "import type { Classified } from '@online-identifiers/redact';",
        'declare const logger: { info(...args: unknown[]): void };',
        'export function audit(sessionId: Classified<string>) { logger.info(sessionId); }',
      ].join('\n'),
      filename,
      options: STRICT,
    },
    { name: 'an alias of a request type means nothing without types', code: aliasedRequest, filename },
    { name: 'a Redacted<string> | undefined parameter is classified', code: optionalBrand, filename, options: STRICT },
    { name: 'a call declared to return Redacted<string> | undefined is classified, whatever its name', code: brandedCall, filename, options: STRICT },
    { name: 'without typeAware, a sanitizer-like name is trusted', code: maskedRequest, filename },
  ],
  invalid: [
    {
      name: 'without typeAware, a branded parameter is judged by its name',
      ...invalid(brandedParameter, { at: 'clientIp', kind: 'ip', origin: 'clientIp', sink: 'logger.info' }),
    },
    {
      name: 'a request type behind an alias',
      ...invalid(aliasedRequest, { at: 'x.headers', kind: 'request', origin: 'x.headers', sink: 'logger.info' }, STRICT),
    },
    {
      name: 'a variable whose inferred type is IncomingMessage',
      ...invalid(
        returnedMessage,
        { at: 'm.socket.remoteAddress', kind: 'ip', origin: 'm.socket.remoteAddress', sink: 'logger.warn' },
        STRICT,
      ),
    },
    {
      name: 'a request type behind an alias, or undefined',
      ...invalid(optionalAliasedRequest, { at: 'x.headers', kind: 'request', origin: 'x.headers', sink: 'logger.info' }, STRICT),
    },
    {
      name: 'without typeAware, an identifying callee name is trusted',
      ...invalid(brandedCall, { at: 'clientIp()', kind: 'ip', origin: 'clientIp()', sink: 'logger.info' }),
    },
    {
      name: 'a call declared to return a request is one, whatever its sanitizer-like name',
      ...invalid(maskedRequest, { at: 'maskRequest(req)', kind: 'request', origin: 'maskRequest(req)', sink: 'logger.info' }, STRICT),
    },
  ],
});

// The child run in no-unclassified-logging.typescript-versions.test.ts sets
// OI_EXPECT_TYPESCRIPT: these cases must then have run on that version.
describe('no-unclassified-logging (type-aware): TypeScript in use', () => {
  it('is the expected version', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { version } = require('typescript') as { version: string };
    const expected = process.env.OI_EXPECT_TYPESCRIPT;
    if (expected !== undefined) assert.strictEqual(version, expected);
    else assert.match(version, /^\d+\.\d+\.\d+/);
  });
});
