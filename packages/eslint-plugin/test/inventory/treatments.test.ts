import * as assert from 'node:assert/strict';
import { RuleTester, type Rule } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { treatmentFromMessage, treatmentsRule } from '../../src/inventory';

// The rule behind the CLI's "Treated in code" table. Each report's message is
// the treatment as JSON; the CLI's inventory tests check the table it becomes.
const ruleTester = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });
const rule = treatmentsRule as unknown as Rule.RuleModule;

ruleTester.run('inventory treatments', rule, {
  valid: [
    { name: 'no runtime import', code: 'logger.info(redact.ip(req.ip), pseudonymize(id));' },
    { name: 'a local object called redact', code: 'const redact = { ip: (x) => x };\nlogger.info(redact.ip(req.ip));' },
    {
      name: 'another module with the same export names',
      code: "import { redact, classify } from './my-redact';\nlogger.info(redact.ip(req.ip), classify(id, 'user'));",
    },
    { name: 'the redact object itself is not a treatment', code: "import { redact } from '@online-identifiers/redact';\nredact(1);" },
    {
      name: 'a non-sanitizer export',
      code: "import { configure } from '@online-identifiers/redact';\nconfigure({ key: k });",
    },
    {
      name: 'a name shadowing the import',
      code: "import { pseudonymize } from '@online-identifiers/redact';\nfunction f(pseudonymize) { log(pseudonymize(x)); }",
    },
    {
      name: 'redactModule elsewhere is only honoured when given',
      code: "import { redact } from '#lib/redact';\nlogger.info(redact.ip(req.ip));",
    },
  ],
  invalid: [
    {
      name: 'named, renamed and namespace imports',
      code: [
        "import { redact, classify as keep } from '@online-identifiers/redact';",
        "import * as oi from '@online-identifiers/redact';",
        'export function h(req, logger) {',
        '  logger.info({ ip: redact.ip(req.ip) });',
        "  logger.warn('failed login', keep(req.ip, 'ip'));",
        '  logger.info(oi.redact.token(req.headers.authorization), oi.pseudonymize(req.user.id));',
        '}',
      ].join('\n'),
      errors: [
        { message: '{"treatment":"redact","kind":"ip","value":"req.ip","sink":"logger.info"}', line: 4, column: 21, endColumn: 38 },
        {
          message: '{"treatment":"classify","kind":"ip","purpose":"security","value":"req.ip","sink":"logger.warn"}',
          line: 5,
          column: 31,
          endColumn: 49,
        },
        {
          message: '{"treatment":"redact","kind":"token","value":"req.headers.authorization","sink":"logger.info"}',
          line: 6,
          column: 15,
          endColumn: 57,
        },
        { message: '{"treatment":"pseudonymize","value":"req.user.id","sink":"logger.info"}', line: 6, column: 59, endColumn: 87 },
      ],
    },
    {
      name: 'a destructured require, with a purpose',
      code: "const { classify } = require('@online-identifiers/redact');\nconsole.log(classify(req.sessionID, 'session', 'fraud'));",
      languageOptions: { sourceType: 'commonjs' },
      errors: [
        {
          message: '{"treatment":"classify","kind":"session","purpose":"fraud","value":"req.sessionID","sink":"console.log"}',
          line: 2,
          column: 13,
        },
      ],
    },
    {
      name: 'a default import, a whole-module require and an alias of an export',
      code: [
        "import oi from '@online-identifiers/redact';",
        "const runtime = require('@online-identifiers/redact');",
        'const { redact: r } = runtime;',
        "log(oi.classify(ip, 'ip'), r.user(id), runtime.redact.cookie(c));",
      ].join('\n'),
      errors: [
        { message: '{"treatment":"classify","kind":"ip","purpose":"security","value":"ip","sink":"log"}', line: 4, column: 5 },
        { message: '{"treatment":"redact","kind":"user","value":"id","sink":"log"}', line: 4, column: 28 },
        { message: '{"treatment":"redact","kind":"cookie","value":"c","sink":"log"}', line: 4, column: 40 },
      ],
    },
    {
      name: 'the redactModule option adds a specifier; the runtime still counts',
      code: [
        "import { redact } from '#lib/redact';",
        "import { pseudonymize } from '@online-identifiers/redact';",
        'logger.info(redact.ip(req.ip), pseudonymize(id));',
      ].join('\n'),
      options: [{ redactModule: '#lib/redact' }],
      errors: [
        { message: '{"treatment":"redact","kind":"ip","value":"req.ip","sink":"logger.info"}', line: 3, column: 13 },
        { message: '{"treatment":"pseudonymize","value":"id","sink":"logger.info"}', line: 3, column: 32 },
      ],
    },
    {
      name: 'the sink skips treatments around it and stops at a function',
      code: [
        "import { redact, pseudonymize } from '@online-identifiers/redact';",
        'logger.info(redact.user(pseudonymize(id)));',
        'const later = () => redact.ip(ip);',
        'redact[kind](value);',
        'pseudonymize();',
      ].join('\n'),
      errors: [
        { message: '{"treatment":"redact","kind":"user","value":"pseudonymize(id)","sink":"logger.info"}', line: 2, column: 13 },
        { message: '{"treatment":"pseudonymize","value":"id","sink":"logger.info"}', line: 2, column: 25 },
        { message: '{"treatment":"redact","kind":"ip","value":"ip"}', line: 3, column: 21 },
        { message: '{"treatment":"redact","value":"value"}', line: 4, column: 1 },
        { message: '{"treatment":"pseudonymize","value":""}', line: 5, column: 1 },
      ],
    },
    {
      name: 'TypeScript: import = require and wrappers around the callee',
      code: [
        "import oi = require('@online-identifiers/redact');",
        "import { classify } from '@online-identifiers/redact';",
        'this.logger.log((oi.redact as typeof oi.redact).device(ua!), classify<string>(sid, `session`));',
      ].join('\n'),
      languageOptions: { parser: tsParser },
      errors: [
        { message: '{"treatment":"redact","kind":"device","value":"ua!","sink":"this.logger.log"}', line: 3, column: 17 },
        {
          message: '{"treatment":"classify","kind":"session","purpose":"security","value":"sid","sink":"this.logger.log"}',
          line: 3,
          column: 62,
        },
      ],
    },
  ],
});

describe('inventory treatments: reading a report back', () => {
  it('turns the message into a treatment at the place reported', () => {
    assert.deepEqual(
      treatmentFromMessage('/p/a.js', 3, '{"treatment":"classify","kind":"ip","purpose":"fraud","value":"req.ip","sink":"log"}'),
      { filePath: '/p/a.js', line: 3, treatment: 'classify', kind: 'ip', purpose: 'fraud', value: 'req.ip', sink: 'log' },
    );
  });

  it('gives undefined for a message that is not one of its reports', () => {
    assert.equal(treatmentFromMessage('/p/a.js', 1, 'IP address from req.ip reaches log without classification'), undefined);
  });
});
