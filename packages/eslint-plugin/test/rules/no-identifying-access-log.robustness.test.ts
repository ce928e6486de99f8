import * as assert from 'node:assert/strict';
import type { Linter } from 'eslint';
import { lintWithRule } from './helpers';

// Odd configurations never crash the rule: the rule's own guard is turned off
// here (ONLINE_IDENTIFIERS_DEBUG), so any exception fails the test.
const RULE = 'online-identifiers/no-identifying-access-log';

function lint(code: string, ts = false): Linter.LintMessage[] {
  return lintWithRule(RULE, { ts }, code);
}

const ODD: readonly [string, string, number][] = [
  // [name, code, findings expected]
  ['morgan with no import binding', "morgan('combined');", 0],
  ['morgan with a spread format', "import morgan from 'morgan';\nmorgan(...args);", 0],
  ['morgan with an empty format', "import morgan from 'morgan';\nmorgan('');", 0],
  ['morgan with an unclosed token bracket', "import morgan from 'morgan';\nmorgan(':req[cookie :remote-addr');", 1],
  ['morgan with a numeric format', "import morgan from 'morgan';\nmorgan(42);", 0],
  ['morgan.compile without arguments', "import morgan from 'morgan';\nmorgan.compile();", 0],
  ['morgan.format without a format', "import morgan from 'morgan';\nmorgan.format('x');", 0],
  ['morgan.token without a function', "import morgan from 'morgan';\nmorgan.token('x');\nmorgan.token();\nmorgan.token('y', 42);", 0],
  ['morgan.token with a recursive function', "import morgan from 'morgan';\nfunction f(req) { return f(req); }\nmorgan.token('x', f);", 0],
  ['a format constant written twice', "import morgan from 'morgan';\nlet f = ':remote-addr';\nf = 'tiny';\nmorgan(f);", 0],
  ['a format in a cycle of constants', "import morgan from 'morgan';\nconst a = b;\nconst b = a;\nmorgan(a);", 0],
  ['pino-http with holes and computed keys', "import pinoHttp from 'pino-http';\npinoHttp({ [key]: 1, redact: [, 'req.headers.cookie', ,] });", 2],
  ['pino-http with redact paths that are not strings', "import pinoHttp from 'pino-http';\npinoHttp({ redact: [1, null] });", 0],
  ['pino-http with an odd path syntax', "import pinoHttp from 'pino-http';\npinoHttp({ redact: ['', '[', '..', 'req.headers[\"cookie'] });", 3],
  ['pino-http with a getter and a method (unreadable: quiet)', "import pinoHttp from 'pino-http';\npinoHttp({ get serializers() { return {}; }, redact() {} });", 0],
  ['Fastify with a non-object argument', "import Fastify from 'fastify';\nFastify(true);\nFastify();\nFastify({ logger });", 0],
  ['hapi register with odd arguments', "server.register();\nserver.register(...plugins);\nserver.register({ plugin: require('hapi-pino'), options: opts });\nserver['register'](require('hapi-pino'));", 3],
  ['express-winston with a non-array whitelist', "import ew from 'express-winston';\new.logger({ requestWhitelist: 'headers' });\new.logger();\new.logger(...a);", 0],
  ['TypeScript syntax around options', "import pinoHttp from 'pino-http';\npinoHttp({ level: 'info' } as const satisfies object);\npinoHttp(<any>{ serializers: undefined! });", 3],
];

describe('no-identifying-access-log: odd configurations', () => {
  let previous: string | undefined;
  before(() => {
    previous = process.env.ONLINE_IDENTIFIERS_DEBUG;
    process.env.ONLINE_IDENTIFIERS_DEBUG = '1';
  });
  after(() => {
    if (previous === undefined) delete process.env.ONLINE_IDENTIFIERS_DEBUG;
    else process.env.ONLINE_IDENTIFIERS_DEBUG = previous;
  });

  for (const [name, code, expected] of ODD) {
    it(name, () => {
      const messages = lint(code, /as const|<any>/.test(code));
      assert.equal(messages.find((message) => message.fatal), undefined, 'parses');
      assert.equal(messages.length, expected, messages.map((message) => message.message).join('\n'));
    });
  }
});
