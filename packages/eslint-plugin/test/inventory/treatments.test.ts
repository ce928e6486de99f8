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
    {
      name: 'a logger whose configuration treats nothing is not a treatment',
      code: [
        "import pino from 'pino';",
        "import winston from 'winston';",
        "import { pinoOptions } from './my-pino-options';",
        "export const a = pino({ level: 'info' });",
        'export const b = pino(pinoOptions);',
        'export const c = winston.createLogger({ format: winston.format.json() });',
        'export const d = pino();',
      ].join('\n'),
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
        { message: '{"treatment":"redact","kind":"ip","value":"req.ip","sink":"logger.info","destination":{"family":"log"}}', line: 4, column: 21, endColumn: 38 },
        {
          message: '{"treatment":"classify","kind":"ip","purpose":"security","value":"req.ip","sink":"logger.warn","destination":{"family":"log"}}',
          line: 5,
          column: 31,
          endColumn: 49,
        },
        {
          message: '{"treatment":"redact","kind":"token","value":"req.headers.authorization","sink":"logger.info","destination":{"family":"log"}}',
          line: 6,
          column: 15,
          endColumn: 57,
        },
        { message: '{"treatment":"pseudonymize","value":"req.user.id","sink":"logger.info","destination":{"family":"log"}}', line: 6, column: 59, endColumn: 87 },
      ],
    },
    {
      name: 'a destructured require, with a purpose',
      code: "const { classify } = require('@online-identifiers/redact');\nconsole.log(classify(req.sessionID, 'session', 'fraud'));",
      languageOptions: { sourceType: 'commonjs' },
      errors: [
        {
          message: '{"treatment":"classify","kind":"session","purpose":"fraud","value":"req.sessionID","sink":"console.log","destination":{"family":"log"}}',
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
        { message: '{"treatment":"redact","kind":"ip","value":"req.ip","sink":"logger.info","destination":{"family":"log"}}', line: 3, column: 13 },
        { message: '{"treatment":"pseudonymize","value":"id","sink":"logger.info","destination":{"family":"log"}}', line: 3, column: 32 },
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
        { message: '{"treatment":"redact","kind":"user","value":"pseudonymize(id)","sink":"logger.info","destination":{"family":"log"}}', line: 2, column: 13 },
        { message: '{"treatment":"pseudonymize","value":"id","sink":"logger.info","destination":{"family":"log"}}', line: 2, column: 25 },
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
        { message: '{"treatment":"redact","kind":"device","value":"ua!","sink":"this.logger.log","destination":{"family":"log"}}', line: 3, column: 17 },
        {
          message: '{"treatment":"classify","kind":"session","purpose":"security","value":"sid","sink":"this.logger.log","destination":{"family":"log"}}',
          line: 3,
          column: 62,
        },
      ],
    },
    {
      name: 'the destination is the family of the sink the value reaches: telemetry (with its vendor), metric; none for other parts',
      code: [
        "import * as Sentry from '@sentry/node';",
        "import client from 'prom-client';",
        "import { writeFile } from 'node:fs';",
        "import { pseudonymize, redact } from '@online-identifiers/redact';",
        "const logins = new client.Counter({ name: 'logins_total', help: 'Logins', labelNames: ['user'] });",
        'export function h(req) {',
        '  Sentry.setUser({ id: pseudonymize(req.user.id) });',
        '  logins.inc({ user: pseudonymize(req.user.id) });',
        "  writeFile(redact.ip(req.ip), 'x', () => {});",
        '}',
      ].join('\n'),
      errors: [
        {
          message: '{"treatment":"pseudonymize","value":"req.user.id","sink":"Sentry.setUser","destination":{"family":"telemetry","vendor":"Sentry"}}',
          line: 7,
          column: 24,
          endColumn: 49,
        },
        {
          message: '{"treatment":"pseudonymize","value":"req.user.id","sink":"logins.inc","destination":{"family":"metric"}}',
          line: 8,
          column: 22,
          endColumn: 47,
        },
        // The file name of a write is not what reaches the file.
        { message: '{"treatment":"redact","kind":"ip","value":"req.ip","sink":"writeFile"}', line: 9, column: 13, endColumn: 30 },
      ],
    },
    {
      name: 'configured: pino with the runtime preset (passed whole, spread, or held in a constant); a child is listed at its parent',
      code: [
        "import pino from 'pino';",
        "import { pinoOptions } from '@online-identifiers/redact/pino';",
        'export const a = pino(pinoOptions);',
        "export const b = pino({ ...pinoOptions, level: 'info' });",
        "const options = { ...pinoOptions, name: 'api' };",
        'const c = pino(options);',
        "export const audit = c.child({ module: 'audit' });",
      ].join('\n'),
      errors: [
        { message: '{"treatment":"configured","value":"pinoOptions","sink":"pino","destination":{"family":"log"},"covers":["all"]}', line: 3, column: 18, endColumn: 35 },
        {
          message: `{"treatment":"configured","value":"{ ...pinoOptions, level: 'info' }","sink":"pino","destination":{"family":"log"},"covers":["all"]}`,
          line: 4,
          column: 18,
          endColumn: 57,
        },
        { message: '{"treatment":"configured","value":"options","sink":"pino","destination":{"family":"log"},"covers":["all"]}', line: 6, column: 11, endColumn: 24 },
      ],
    },
    {
      name: 'configured: pino serializers and formatters from the runtime, explicit redact paths, a winston format, bunyan serializers',
      code: [
        "const pino = require('pino');",
        "const winston = require('winston');",
        "const bunyan = require('bunyan');",
        "const { serializers, formatters } = require('@online-identifiers/redact/pino');",
        "const { redactFormat } = require('@online-identifiers/redact/winston');",
        "const bunyanTreatments = require('@online-identifiers/redact/bunyan');",
        "const a = pino({ serializers: { req: serializers.req }, formatters, redact: ['req.headers.cookie', 'user.email'] });",
        "const b = pino({ redact: { paths: ['ip'], censor: '[redacted]' } });",
        'const c = winston.createLogger({ format: winston.format.combine(redactFormat(), winston.format.json()) });',
        "const d = bunyan.createLogger({ name: 'api', serializers: bunyanTreatments.serializers });",
        'module.exports = { a, b, c, d };',
      ].join('\n'),
      languageOptions: { sourceType: 'commonjs' },
      errors: [
        {
          message:
            `{"treatment":"configured","value":"{ serializers: { req: serializers.req }, formatters, redact…","sink":"pino","destination":{"family":"log"},"covers":["fields","serialized"],"paths":["req.headers.cookie","user.email"]}`,
          line: 7,
          column: 11,
        },
        {
          message: `{"treatment":"configured","value":"{ redact: { paths: ['ip'], censor: '[redacted]' } }","sink":"pino","destination":{"family":"log"},"covers":[],"paths":["ip"]}`,
          line: 8,
          column: 11,
        },
        {
          message:
            '{"treatment":"configured","value":"{ format: winston.format.combine(redactFormat(), winston.fo…","sink":"winston.createLogger","destination":{"family":"log"},"covers":["fields","text"]}',
          line: 9,
          column: 11,
        },
        {
          message: `{"treatment":"configured","value":"{ name: 'api', serializers: bunyanTreatments.serializers }","sink":"bunyan.createLogger","destination":{"family":"log"},"covers":["serialized"]}`,
          line: 10,
          column: 11,
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

  it('reads a configured logger back with what it covers and its destination', () => {
    assert.deepEqual(
      treatmentFromMessage(
        '/p/log.js',
        7,
        '{"treatment":"configured","value":"pinoOptions","sink":"pino","destination":{"family":"log"},"covers":["fields","serialized"],"paths":["req.headers.cookie"]}',
      ),
      {
        filePath: '/p/log.js',
        line: 7,
        treatment: 'configured',
        value: 'pinoOptions',
        sink: 'pino',
        destination: { family: 'log' },
        covers: ['fields', 'serialized'],
        paths: ['req.headers.cookie'],
      },
    );
  });

  it('gives undefined for a message that is not one of its reports', () => {
    assert.equal(treatmentFromMessage('/p/a.js', 1, 'IP address from req.ip reaches log without classification'), undefined);
  });
});
