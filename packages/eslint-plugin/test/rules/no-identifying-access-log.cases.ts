import type { RuleTester } from 'eslint';
import { KINDS, type Kind } from '../../src/catalog';
import { languageOptions, offsetOf, position, toInvalid, type InvalidSpec, type ValidSpec } from './helpers';

/** One expected configuration finding: where (the `nth` occurrence of `at`), what and the fix's output. */
export interface Recorded {
  readonly at: string;
  readonly nth?: number;
  readonly kind: Kind;
  readonly recorder: string;
  readonly fields: string;
  /** Overrides the case's suggestion (express-winston has two). */
  readonly suggestion?: Suggestion;
}

export interface Suggestion {
  readonly messageId: string;
  readonly module: string;
  readonly output: string;
}

export interface ConfigSpec {
  readonly name: string;
  readonly code: string;
  readonly findings: readonly Recorded[];
  readonly suggestion: Suggestion;
  readonly sourceType?: 'module' | 'commonjs';
  readonly options?: readonly unknown[];
}

const MORGAN = '@online-identifiers/redact/morgan';
const PINO = '@online-identifiers/redact/pino';
const EW = '@online-identifiers/redact/express-winston';

export function messageOf(finding: Recorded): string {
  const label = KINDS[finding.kind].label;
  return `${label.charAt(0).toUpperCase()}${label.slice(1)} is recorded by ${finding.recorder} (${finding.fields}) in every access log line without classification`;
}

/** A RuleTester invalid case: exact message, location and the suggestion's exact output. */
export function toConfigInvalid(spec: ConfigSpec): RuleTester.InvalidTestCase {
  const errors = spec.findings
    .map((finding) => {
      const start = offsetOf(spec.code, finding.at, finding.nth);
      const from = position(spec.code, start);
      const to = position(spec.code, start + finding.at.length);
      const suggestion = finding.suggestion ?? spec.suggestion;
      return {
        start,
        error: {
          message: messageOf(finding),
          line: from.line,
          column: from.column,
          endLine: to.line,
          endColumn: to.column,
          suggestions: [{ messageId: suggestion.messageId, data: { module: suggestion.module }, output: suggestion.output }],
        },
      };
    })
    // ESLint sorts by position; findings at one place keep their report order
    .sort((a, b) => a.start - b.start)
    .map(({ error }) => error);
  return {
    name: spec.name,
    code: spec.code,
    ...(spec.options ? { options: [...spec.options] } : {}),
    languageOptions: languageOptions(false, spec.sourceType),
    errors,
  } as RuleTester.InvalidTestCase;
}

function morganFix(output: string): Suggestion {
  return { messageId: 'suggestMorganFormat', module: MORGAN, output };
}
function serializersFix(output: string): Suggestion {
  return { messageId: 'suggestSerializers', module: PINO, output };
}
function redactFix(output: string): Suggestion {
  return { messageId: 'suggestRedactOptions', module: PINO, output };
}
function blacklistFix(output: string): Suggestion {
  return { messageId: 'suggestHeaderBlacklist', module: EW, output };
}
function filterFix(output: string): Suggestion {
  return { messageId: 'suggestRequestFilter', module: EW, output };
}

function r(at: string, kind: Kind, recorder: string, fields: string, extra: Partial<Recorded> = {}): Recorded {
  return { at, kind, recorder, fields, ...extra };
}

const REQ = "const morgan = require('morgan');";
const REQ_FIX = "const { morganFormat } = require('@online-identifiers/redact/morgan');";
const COMBINED = "morgan format 'combined'";

// ── morgan ─────────────────────────────────────────────────────────────────
const morgan: ConfigSpec[] = [
  {
    name: "morgan('combined'): address, remote user and user agent",
    code: `${REQ}\napp.use(morgan('combined'));`,
    findings: [
      r("'combined'", 'ip', COMBINED, ':remote-addr'),
      r("'combined'", 'user', COMBINED, ':remote-user'),
      r("'combined'", 'device', COMBINED, ':user-agent'),
    ],
    suggestion: morganFix(`${REQ}\n${REQ_FIX}\napp.use(morgan(morganFormat('combined')));`),
  },
  {
    name: "morgan('common'): address and remote user",
    code: `${REQ}\napp.use(morgan('common', { stream }));`,
    findings: [r("'common'", 'ip', "morgan format 'common'", ':remote-addr'), r("'common'", 'user', "morgan format 'common'", ':remote-user')],
    suggestion: morganFix(`${REQ}\n${REQ_FIX}\napp.use(morgan(morganFormat('common'), { stream }));`),
  },
  {
    name: "morgan('short')",
    code: `${REQ}\napp.use(morgan('short'));`,
    findings: [r("'short'", 'ip', "morgan format 'short'", ':remote-addr'), r("'short'", 'user', "morgan format 'short'", ':remote-user')],
    suggestion: morganFix(`${REQ}\n${REQ_FIX}\napp.use(morgan(morganFormat('short')));`),
  },
  {
    name: "morgan('default') (morgan's deprecated default)",
    code: `${REQ}\napp.use(morgan("default"));`,
    findings: [
      r('"default"', 'ip', "morgan format 'default'", ':remote-addr'),
      r('"default"', 'user', "morgan format 'default'", ':remote-user'),
      r('"default"', 'device', "morgan format 'default'", ':user-agent'),
    ],
    suggestion: morganFix(`${REQ}\n${REQ_FIX}\napp.use(morgan(morganFormat("default")));`),
  },
  {
    name: 'morgan() without a format uses the default format',
    code: `${REQ}\napp.use(morgan());`,
    findings: [
      r('morgan', 'ip', "morgan format 'default'", ':remote-addr', { nth: 2 }),
      r('morgan', 'user', "morgan format 'default'", ':remote-user', { nth: 2 }),
      r('morgan', 'device', "morgan format 'default'", ':user-agent', { nth: 2 }),
    ],
    suggestion: morganFix(`${REQ}\n${REQ_FIX}\napp.use(morgan(morganFormat('default')));`),
  },
  {
    name: 'ESM import, combined format',
    code: "import morgan from 'morgan';\napp.use(morgan('combined'));",
    findings: [
      r("'combined'", 'ip', COMBINED, ':remote-addr'),
      r("'combined'", 'user', COMBINED, ':remote-user'),
      r("'combined'", 'device', COMBINED, ':user-agent'),
    ],
    suggestion: morganFix("import morgan from 'morgan';\nimport { morganFormat } from '@online-identifiers/redact/morgan';\napp.use(morgan(morganFormat('combined')));"),
  },
  {
    name: 'renamed import',
    code: "import accessLog from 'morgan';\napp.use(accessLog('common'));",
    findings: [r("'common'", 'ip', "morgan format 'common'", ':remote-addr'), r("'common'", 'user', "morgan format 'common'", ':remote-user')],
    suggestion: morganFix("import accessLog from 'morgan';\nimport { morganFormat } from '@online-identifiers/redact/morgan';\napp.use(accessLog(morganFormat('common')));"),
  },
  {
    name: 'custom format string with :remote-addr',
    code: `${REQ}\napp.use(morgan(':remote-addr :method :url :status'));`,
    findings: [r("':remote-addr :method :url :status'", 'ip', "morgan format ':remote-addr :method :url :status'", ':remote-addr')],
    suggestion: morganFix(`${REQ}\n${REQ_FIX}\napp.use(morgan(morganFormat(':remote-addr :method :url :status')));`),
  },
  {
    name: 'custom format: :remote-user and :user-agent',
    code: `${REQ}\napp.use(morgan(':method :url :remote-user ":user-agent"'));`,
    findings: [
      r(`':method :url :remote-user ":user-agent"'`, 'user', `morgan format ':method :url :remote-user ":user-agent"'`, ':remote-user'),
      r(`':method :url :remote-user ":user-agent"'`, 'device', `morgan format ':method :url :remote-user ":user-agent"'`, ':user-agent'),
    ],
    suggestion: morganFix(`${REQ}\n${REQ_FIX}\napp.use(morgan(morganFormat(':method :url :remote-user ":user-agent"')));`),
  },
  {
    name: 'custom format: identifying request headers by the header catalog, one finding per kind',
    code: `${REQ}\napp.use(morgan(':method :req[Cookie] :req[x-forwarded-for] :remote-addr :req[accept]'));`,
    findings: [
      r("':method :req[Cookie] :req[x-forwarded-for] :remote-addr :req[accept]'", 'cookie', "morgan format ':method :req[Cookie] :req[x-forwarded-for] :remote-addr :re…'", ':req[Cookie]'),
      r("':method :req[Cookie] :req[x-forwarded-for] :remote-addr :req[accept]'", 'ip', "morgan format ':method :req[Cookie] :req[x-forwarded-for] :remote-addr :re…'", ':req[x-forwarded-for], :remote-addr'),
    ],
    suggestion: morganFix(`${REQ}\n${REQ_FIX}\napp.use(morgan(morganFormat(':method :req[Cookie] :req[x-forwarded-for] :remote-addr :req[accept]')));`),
  },
  {
    name: 'custom format: authorization, api key and client hints',
    code: `${REQ}\napp.use(morgan(':req[authorization] :req[x-api-key] :req[sec-ch-ua-platform]'));`,
    findings: [
      r("':req[authorization] :req[x-api-key] :req[sec-ch-ua-platform]'", 'token', "morgan format ':req[authorization] :req[x-api-key] :req[sec-ch-ua-platform]'", ':req[authorization], :req[x-api-key]'),
      r("':req[authorization] :req[x-api-key] :req[sec-ch-ua-platform]'", 'device', "morgan format ':req[authorization] :req[x-api-key] :req[sec-ch-ua-platform]'", ':req[sec-ch-ua-platform]'),
    ],
    suggestion: morganFix(`${REQ}\n${REQ_FIX}\napp.use(morgan(morganFormat(':req[authorization] :req[x-api-key] :req[sec-ch-ua-platform]')));`),
  },
  {
    name: 'custom format: set-cookie response header',
    code: `${REQ}\napp.use(morgan(':status :res[set-cookie]'));`,
    findings: [r("':status :res[set-cookie]'", 'cookie', "morgan format ':status :res[set-cookie]'", ':res[set-cookie]')],
    suggestion: morganFix(`${REQ}\n${REQ_FIX}\napp.use(morgan(morganFormat(':status :res[set-cookie]')));`),
  },
  {
    name: 'a long format is shortened in the message',
    code: `${REQ}\napp.use(morgan(':method :url HTTP/:http-version :status :res[content-length] :response-time ms :remote-addr'));`,
    findings: [
      r(
        "':method :url HTTP/:http-version :status :res[content-length] :response-time ms :remote-addr'",
        'ip',
        "morgan format ':method :url HTTP/:http-version :status :res[content-length…'",
        ':remote-addr',
      ),
    ],
    suggestion: morganFix(`${REQ}\n${REQ_FIX}\napp.use(morgan(morganFormat(':method :url HTTP/:http-version :status :res[content-length] :response-time ms :remote-addr')));`),
  },
  {
    name: 'format held by a constant',
    code: `${REQ}\nconst FORMAT = ':remote-addr :url';\napp.use(morgan(FORMAT));`,
    findings: [r('FORMAT', 'ip', "morgan format ':remote-addr :url'", ':remote-addr', { nth: 1 })],
    suggestion: morganFix(`${REQ}\n${REQ_FIX}\nconst FORMAT = ':remote-addr :url';\napp.use(morgan(morganFormat(FORMAT)));`),
  },
  {
    name: 'format as a template literal',
    code: `${REQ}\napp.use(morgan(\`:remote-addr :url\`));`,
    findings: [r('`:remote-addr :url`', 'ip', "morgan format ':remote-addr :url'", ':remote-addr')],
    suggestion: morganFix(`${REQ}\n${REQ_FIX}\napp.use(morgan(morganFormat(\`:remote-addr :url\`)));`),
  },
  {
    name: 'morgan.compile with :remote-addr',
    code: `${REQ}\nconst line = morgan.compile(':remote-addr :method');`,
    findings: [r("':remote-addr :method'", 'ip', "morgan format ':remote-addr :method'", ':remote-addr')],
    suggestion: morganFix(`${REQ}\n${REQ_FIX}\nconst line = morganFormat(':remote-addr :method');`),
  },
  {
    name: 'morgan.compile with a header token',
    code: "import morgan from 'morgan';\nexport const format = morgan.compile(':method :req[authorization]');",
    findings: [r("':method :req[authorization]'", 'token', "morgan format ':method :req[authorization]'", ':req[authorization]')],
    suggestion: morganFix("import morgan from 'morgan';\nimport { morganFormat } from '@online-identifiers/redact/morgan';\nexport const format = morganFormat(':method :req[authorization]');"),
  },
  {
    name: 'morgan.format defines a named format',
    code: `${REQ}\nmorgan.format('mine', ':remote-addr :status');\napp.use(morgan('mine'));`,
    findings: [r("':remote-addr :status'", 'ip', "morgan format ':remote-addr :status'", ':remote-addr')],
    suggestion: morganFix(`${REQ}\n${REQ_FIX}\nmorgan.format('mine', morganFormat(':remote-addr :status'));\napp.use(morgan('mine'));`),
  },
  {
    name: 'the runtime binding already imported is reused',
    code: `${REQ}\nconst { morganFormat } = require('@online-identifiers/redact/morgan');\napp.use(morgan('tiny'));\napp.use(morgan('short'));`,
    findings: [r("'short'", 'ip', "morgan format 'short'", ':remote-addr'), r("'short'", 'user', "morgan format 'short'", ':remote-user')],
    suggestion: morganFix(`${REQ}\nconst { morganFormat } = require('@online-identifiers/redact/morgan');\napp.use(morgan('tiny'));\napp.use(morgan(morganFormat('short')));`),
  },
  {
    name: 'kinds option: only addresses',
    code: `${REQ}\napp.use(morgan('combined'));`,
    options: [{ kinds: ['ip'] }],
    findings: [r("'combined'", 'ip', COMBINED, ':remote-addr')],
    suggestion: morganFix(`${REQ}\n${REQ_FIX}\napp.use(morgan(morganFormat('combined')));`),
  },
  {
    name: 'sources option: a custom identifying header',
    code: `${REQ}\napp.use(morgan(':method :req[x-customer-ref]'));`,
    options: [{ sources: [{ kind: 'user', header: 'x-customer-ref' }] }],
    findings: [r("':method :req[x-customer-ref]'", 'user', "morgan format ':method :req[x-customer-ref]'", ':req[x-customer-ref]')],
    suggestion: morganFix(`${REQ}\n${REQ_FIX}\napp.use(morgan(morganFormat(':method :req[x-customer-ref]')));`),
  },
  {
    name: 'redactModule option: the fix imports from its subpath',
    code: `${REQ}\napp.use(morgan(':remote-addr'));`,
    options: [{ redactModule: '@acme/privacy' }],
    findings: [r("':remote-addr'", 'ip', "morgan format ':remote-addr'", ':remote-addr')],
    suggestion: { messageId: 'suggestMorganFormat', module: '@acme/privacy/morgan', output: `${REQ}\nconst { morganFormat } = require('@acme/privacy/morgan');\napp.use(morgan(morganFormat(':remote-addr')));` },
  },
];

// ── pino request loggers ──────────────────────────────────────────────────
const PH = "const pinoHttp = require('pino-http');";
const SER = "const { serializers } = require('@online-identifiers/redact/pino');";
const RED = "const { redactOptions } = require('@online-identifiers/redact/pino');";
const PH_R = "pino-http's default request serializer";
const STD = (at: string, recorder: string, extra: Partial<Recorded> = {}): Recorded[] => [
  r(at, 'ip', recorder, 'req.remoteAddress', extra),
  r(at, 'cookie', recorder, 'req.headers.cookie', extra),
  r(at, 'token', recorder, 'req.headers.authorization', extra),
];

const pino: ConfigSpec[] = [
  {
    name: 'pino-http() with the default serializers',
    code: `${PH}\napp.use(pinoHttp());`,
    findings: STD('pinoHttp', PH_R, { nth: 1 }),
    suggestion: serializersFix(`${PH}\n${SER}\napp.use(pinoHttp({ serializers }));`),
  },
  {
    name: 'pino-http with options but no serializers or redact',
    code: `${PH}\napp.use(pinoHttp({ level: 'info', autoLogging: true }));`,
    findings: STD('pinoHttp', PH_R, { nth: 1 }),
    suggestion: serializersFix(`${PH}\n${SER}\napp.use(pinoHttp({ serializers, level: 'info', autoLogging: true }));`),
  },
  {
    name: 'pino-http: redact paths that leave the address',
    code: `${PH}\napp.use(pinoHttp({ redact: ['req.headers.cookie', 'req.headers["authorization"]'] }));`,
    findings: [r('pinoHttp', 'ip', PH_R, 'req.remoteAddress', { nth: 1 })],
    suggestion: serializersFix(`${PH}\n${SER}\napp.use(pinoHttp({ serializers, redact: ['req.headers.cookie', 'req.headers["authorization"]'] }));`),
  },
  {
    name: 'pino-http: redact { paths } that leave cookie and authorization',
    code: `${PH}\napp.use(pinoHttp({ redact: { paths: ['req.remoteAddress'], remove: true } }));`,
    findings: [r('pinoHttp', 'cookie', PH_R, 'req.headers.cookie', { nth: 1 }), r('pinoHttp', 'token', PH_R, 'req.headers.authorization', { nth: 1 })],
    suggestion: serializersFix(`${PH}\n${SER}\napp.use(pinoHttp({ serializers, redact: { paths: ['req.remoteAddress'], remove: true } }));`),
  },
  {
    name: 'pino-http: serializers for res only keep the default request serializer',
    code: `${PH}\napp.use(pinoHttp({ serializers: { res: (res) => ({ status: res.statusCode }) } }));`,
    findings: STD('pinoHttp', PH_R, { nth: 1 }),
    suggestion: serializersFix(`${PH}\n${SER}\napp.use(pinoHttp({ serializers: { req: serializers.req, res: (res) => ({ status: res.statusCode }) } }));`),
  },
  {
    name: 'pino-http: named export, ESM, options in a constant',
    code: "import { pinoHttp } from 'pino-http';\nconst options = { level: 'info' };\napp.use(pinoHttp(options));",
    findings: STD('pinoHttp', PH_R, { nth: 1 }),
    suggestion: serializersFix("import { pinoHttp } from 'pino-http';\nimport { serializers } from '@online-identifiers/redact/pino';\nconst options = { serializers, level: 'info' };\napp.use(pinoHttp(options));"),
  },
  {
    name: 'pino-http: a local named serializers takes the fix a fresh name',
    code: `${PH}\nconst serializers = {};\napp.use(pinoHttp({}));`,
    findings: STD('pinoHttp', PH_R, { nth: 1 }),
    suggestion: serializersFix(`${PH}\nconst { serializers: oiSerializers } = require('@online-identifiers/redact/pino');\nconst serializers = {};\napp.use(pinoHttp({ serializers: oiSerializers }));`),
  },
  {
    name: 'express-pino-logger',
    code: "const expressPino = require('express-pino-logger');\napp.use(expressPino({ level: 'info' }));",
    findings: STD('expressPino', "express-pino-logger's default request serializer", { nth: 1 }),
    suggestion: serializersFix(`const expressPino = require('express-pino-logger');\n${SER}\napp.use(expressPino({ serializers, level: 'info' }));`),
  },
  {
    name: 'koa-pino-logger',
    code: "const koaPino = require('koa-pino-logger');\napp.use(koaPino());",
    findings: STD('koaPino', "koa-pino-logger's default request serializer", { nth: 1 }),
    suggestion: serializersFix(`const koaPino = require('koa-pino-logger');\n${SER}\napp.use(koaPino({ serializers }));`),
  },
  {
    name: 'hono-pino: pino options without redact',
    code: "import { pinoLogger } from 'hono-pino';\napp.use(pinoLogger({ pino: { level: 'debug' } }));",
    findings: [
      r('pinoLogger', 'cookie', "hono-pino's default request serializer", 'req.headers.cookie', { nth: 1 }),
      r('pinoLogger', 'token', "hono-pino's default request serializer", 'req.headers.authorization', { nth: 1 }),
    ],
    suggestion: redactFix("import { pinoLogger } from 'hono-pino';\nimport { redactOptions } from '@online-identifiers/redact/pino';\napp.use(pinoLogger({ pino: { redact: redactOptions, level: 'debug' } }));"),
  },
  {
    name: 'hono-pino: no options at all',
    code: "import { pinoLogger } from 'hono-pino';\napp.use(pinoLogger());",
    findings: [
      r('pinoLogger', 'cookie', "hono-pino's default request serializer", 'req.headers.cookie', { nth: 1 }),
      r('pinoLogger', 'token', "hono-pino's default request serializer", 'req.headers.authorization', { nth: 1 }),
    ],
    suggestion: redactFix("import { pinoLogger } from 'hono-pino';\nimport { redactOptions } from '@online-identifiers/redact/pino';\napp.use(pinoLogger({ pino: { redact: redactOptions } }));"),
  },
  {
    name: 'hono-pino: options without pino',
    code: "import { pinoLogger } from 'hono-pino';\napp.use(pinoLogger({ theme: 'dark' }));",
    findings: [
      r('pinoLogger', 'cookie', "hono-pino's default request serializer", 'req.headers.cookie', { nth: 1 }),
      r('pinoLogger', 'token', "hono-pino's default request serializer", 'req.headers.authorization', { nth: 1 }),
    ],
    suggestion: redactFix("import { pinoLogger } from 'hono-pino';\nimport { redactOptions } from '@online-identifiers/redact/pino';\napp.use(pinoLogger({ pino: { redact: redactOptions }, theme: 'dark' }));"),
  },
  {
    name: 'hapi-pino registered with options',
    code: "const hapiPino = require('hapi-pino');\nawait server.register({ plugin: hapiPino, options: { logPayload: false } });",
    findings: STD('hapiPino', "hapi-pino's default request serializer", { nth: 1 }),
    suggestion: redactFix(`const hapiPino = require('hapi-pino');\n${RED}\nawait server.register({ plugin: hapiPino, options: { redact: redactOptions, logPayload: false } });`),
  },
  {
    name: 'hapi-pino registered without options',
    code: "const hapiPino = require('hapi-pino');\nawait server.register({ plugin: hapiPino });",
    findings: STD('hapiPino', "hapi-pino's default request serializer", { nth: 1 }),
    suggestion: redactFix(`const hapiPino = require('hapi-pino');\n${RED}\nawait server.register({ plugin: hapiPino, options: { redact: redactOptions } });`),
  },
  {
    name: 'hapi-pino with logRequestComplete: true (its default)',
    code: "const hapiPino = require('hapi-pino');\nawait server.register({ plugin: hapiPino, options: { logRequestComplete: true } });",
    findings: STD('hapiPino', "hapi-pino's default request serializer", { nth: 1 }),
    suggestion: redactFix(`const hapiPino = require('hapi-pino');\n${RED}\nawait server.register({ plugin: hapiPino, options: { redact: redactOptions, logRequestComplete: true } });`),
  },
  {
    name: 'hapi-pino registered bare',
    code: "import hapiPino from 'hapi-pino';\nawait server.register(hapiPino);",
    findings: STD('hapiPino', "hapi-pino's default request serializer", { nth: 1 }),
    suggestion: redactFix("import hapiPino from 'hapi-pino';\nimport { redactOptions } from '@online-identifiers/redact/pino';\nawait server.register({ plugin: hapiPino, options: { redact: redactOptions } });"),
  },
  {
    name: 'hapi-pino: redact paths that miss authorization',
    code: "const hapiPino = require('hapi-pino');\nawait server.register({ plugin: hapiPino, options: { redact: ['req.remoteAddress', 'req.headers.cookie'] } });",
    findings: [r('hapiPino', 'token', "hapi-pino's default request serializer", 'req.headers.authorization', { nth: 1 })],
    suggestion: redactFix(`const hapiPino = require('hapi-pino');\n${RED}\nawait server.register({ plugin: hapiPino, options: { redact: ['req.remoteAddress', 'req.headers.cookie', ...redactOptions.paths] } });`),
  },
  {
    name: 'Fastify logger: true',
    code: "import Fastify from 'fastify';\nconst app = Fastify({ logger: true });",
    findings: [r('logger: true', 'ip', "Fastify's default request serializer", 'req.remoteAddress')],
    suggestion: redactFix("import Fastify from 'fastify';\nimport { redactOptions } from '@online-identifiers/redact/pino';\nconst app = Fastify({ logger: { redact: redactOptions } });"),
  },
  {
    name: 'Fastify logger options without redact (named export, CommonJS)',
    code: "const { fastify } = require('fastify');\nconst app = fastify({ logger: { level: 'info' } });",
    findings: [r("logger: { level: 'info' }", 'ip', "Fastify's default request serializer", 'req.remoteAddress')],
    suggestion: redactFix(`const { fastify } = require('fastify');\n${RED}\nconst app = fastify({ logger: { redact: redactOptions, level: 'info' } });`),
  },
  {
    name: 'Fastify redact { paths } without the address',
    code: "const fastify = require('fastify');\nconst app = fastify({ logger: { redact: { paths: ['req.headers.cookie'] } } });",
    findings: [r("logger: { redact: { paths: ['req.headers.cookie'] } }", 'ip', "Fastify's default request serializer", 'req.remoteAddress')],
    suggestion: redactFix(`const fastify = require('fastify');\n${RED}\nconst app = fastify({ logger: { redact: { paths: ['req.headers.cookie', ...redactOptions.paths] } } });`),
  },
];

// ── express-winston ────────────────────────────────────────────────────────
const EWR = "const expressWinston = require('express-winston');";
const EW_R = "expressWinston.logger's request metadata";
const BL = "const { headerBlacklist } = require('@online-identifiers/redact/express-winston');";
const RF = "const { requestFilter } = require('@online-identifiers/redact/express-winston');";

const expressWinston: ConfigSpec[] = [
  {
    name: 'express-winston with the default whitelist logs headers',
    code: `${EWR}\napp.use(expressWinston.logger({ transports }));`,
    findings: [r('expressWinston.logger', 'cookie', EW_R, 'req.headers.cookie'), r('expressWinston.logger', 'token', EW_R, 'req.headers.authorization')],
    suggestion: blacklistFix(`${EWR}\n${BL}\napp.use(expressWinston.logger({ headerBlacklist, transports }));`),
  },
  {
    name: 'express-winston: a blacklist without authorization gets the runtime list appended',
    code: `${EWR}\napp.use(expressWinston.logger({ transports, headerBlacklist: ['cookie'] }));`,
    findings: [r('expressWinston.logger', 'token', EW_R, 'req.headers.authorization')],
    suggestion: blacklistFix(`${EWR}\n${BL}\napp.use(expressWinston.logger({ transports, headerBlacklist: ['cookie', ...headerBlacklist] }));`),
  },
  {
    name: 'express-winston: whitelisted ip and user, no headers',
    code: `${EWR}\napp.use(expressWinston.logger({ transports, requestWhitelist: ['url', 'method', 'ip', 'user'] }));`,
    findings: [r('expressWinston.logger', 'ip', EW_R, 'req.ip'), r('expressWinston.logger', 'user', EW_R, 'req.user')],
    suggestion: filterFix(`${EWR}\n${RF}\napp.use(expressWinston.logger({ requestFilter, transports, requestWhitelist: ['url', 'method', 'ip', 'user'] }));`),
  },
  {
    name: 'express-winston: headers and cookies whitelisted; the cookie finding names both',
    code: `${EWR}\napp.use(expressWinston.logger({ transports, requestWhitelist: ['headers', 'cookies', 'sessionID'] }));`,
    findings: [
      r('expressWinston.logger', 'cookie', EW_R, 'req.headers.cookie, req.cookies', {
        suggestion: filterFix(`${EWR}\n${RF}\napp.use(expressWinston.logger({ requestFilter, transports, requestWhitelist: ['headers', 'cookies', 'sessionID'] }));`),
      }),
      r('expressWinston.logger', 'token', EW_R, 'req.headers.authorization'),
      r('expressWinston.logger', 'session', EW_R, 'req.sessionID', {
        suggestion: filterFix(`${EWR}\n${RF}\napp.use(expressWinston.logger({ requestFilter, transports, requestWhitelist: ['headers', 'cookies', 'sessionID'] }));`),
      }),
    ],
    suggestion: blacklistFix(`${EWR}\n${BL}\napp.use(expressWinston.logger({ headerBlacklist, transports, requestWhitelist: ['headers', 'cookies', 'sessionID'] }));`),
  },
  {
    name: 'express-winston errorLogger, ESM',
    code: "import expressWinston from 'express-winston';\napp.use(expressWinston.errorLogger({ transports }));",
    findings: [
      r('expressWinston.errorLogger', 'cookie', "expressWinston.errorLogger's request metadata", 'req.headers.cookie'),
      r('expressWinston.errorLogger', 'token', "expressWinston.errorLogger's request metadata", 'req.headers.authorization'),
    ],
    suggestion: blacklistFix("import expressWinston from 'express-winston';\nimport { headerBlacklist } from '@online-identifiers/redact/express-winston';\napp.use(expressWinston.errorLogger({ headerBlacklist, transports }));"),
  },
  {
    name: 'express-winston: named import of logger',
    code: "import { logger as requestLogger } from 'express-winston';\napp.use(requestLogger({ winstonInstance }));",
    findings: [
      r('requestLogger', 'cookie', EW_R, 'req.headers.cookie', { nth: 1 }),
      r('requestLogger', 'token', EW_R, 'req.headers.authorization', { nth: 1 }),
    ],
    suggestion: blacklistFix("import { logger as requestLogger } from 'express-winston';\nimport { headerBlacklist } from '@online-identifiers/redact/express-winston';\napp.use(requestLogger({ headerBlacklist, winstonInstance }));"),
  },
];

export const CONFIG_INVALID: readonly ConfigSpec[] = [...morgan, ...pino, ...expressWinston];

// ── custom morgan tokens (value flows, the three treatments) ───────────────
function t(at: string, kind: Kind, origin: string, name: string, nth?: number): InvalidSpec['findings'][number] {
  return { at, kind, origin, sink: `morgan token :${name}`, ...(nth === undefined ? {} : { nth }) };
}

export const TOKEN_INVALID: readonly InvalidSpec[] = [
  {
    name: 'morgan.token returning the user id',
    code: "const morgan = require('morgan');\nmorgan.token('uid', (req) => req.user.id);",
    findings: [t('req.user.id', 'user', 'req.user', 'uid')],
  },
  {
    name: 'morgan.token returning a forwarded address from a function body',
    code: "const morgan = require('morgan');\nmorgan.token('client', function (req) {\n  const ip = req.headers['x-forwarded-for'];\n  return ip;\n});",
    findings: [t('ip', 'ip', "req.headers['x-forwarded-for']", 'client', 1)],
  },
  {
    name: 'morgan.token returning the session id (ESM)',
    code: "import morgan from 'morgan';\nmorgan.token('session', (req) => req.sessionID);",
    findings: [t('req.sessionID', 'session', 'req.sessionID', 'session')],
  },
  {
    name: 'morgan.token with a declared function',
    code: "const morgan = require('morgan');\nfunction cookieToken(req) {\n  return req.cookies.sid;\n}\nmorgan.token('sid', cookieToken);",
    findings: [t('req.cookies.sid', 'cookie', 'req.cookies', 'sid')],
  },
];

export const INVALID: readonly RuleTester.InvalidTestCase[] = [...CONFIG_INVALID.map(toConfigInvalid), ...TOKEN_INVALID.map(toInvalid)];

// ── valid ──────────────────────────────────────────────────────────────────
export const VALID: readonly ValidSpec[] = [
  { name: "morgan('tiny')", code: `${REQ}\napp.use(morgan('tiny'));` },
  { name: "morgan('dev')", code: `${REQ}\napp.use(morgan('dev'));` },
  { name: 'custom format without identifying tokens', code: `${REQ}\napp.use(morgan(':method :url :status :res[content-length] - :response-time ms'));` },
  { name: 'custom format with non-identifying headers', code: `${REQ}\napp.use(morgan(':method :req[accept] :req[x-request-id] :res[content-type]'));` },
  { name: "morganFormat('combined') from the runtime", code: `${REQ}\n${REQ_FIX}\napp.use(morgan(morganFormat('combined')));` },
  { name: 'registered redacted tokens', code: `${REQ}\nconst { registerTokens } = require('@online-identifiers/redact/morgan');\nregisterTokens(morgan);\napp.use(morgan(':remote-addr-redacted :method :url'));` },
  { name: 'a format function', code: `${REQ}\napp.use(morgan((tokens, req, res) => [tokens.method(req, res), tokens.url(req, res)].join(' ')));` },
  { name: 'a named format defined elsewhere', code: `${REQ}\napp.use(morgan('mine'));` },
  { name: 'a format the rule cannot read', code: `${REQ}\napp.use(morgan(process.env.LOG_FORMAT));` },
  { name: 'another module called morgan-like', code: "const accessLog = require('./access-log');\napp.use(accessLog('combined'));" },
  { name: 'morgan.compile of a safe format', code: `${REQ}\nconst line = morgan.compile(':method :url');` },
  { name: 'morgan.token returning a redacted address', code: `${REQ}\nconst { redact } = require('@online-identifiers/redact');\nmorgan.token('client', (req) => redact.ip(req.ip));` },
  { name: 'morgan.token returning a request id', code: `${REQ}\nmorgan.token('id', (req) => req.id);` },
  { name: 'kinds option without ip: a format with only :remote-addr', code: `${REQ}\napp.use(morgan(':remote-addr :url'));`, options: [{ kinds: ['cookie'] }] },
  { name: 'pino-http with the runtime serializers', code: `${PH}\n${SER}\napp.use(pinoHttp({ serializers }));` },
  { name: 'pino-http with its own request serializer', code: `${PH}\napp.use(pinoHttp({ serializers: { req: (req) => ({ method: req.method, url: req.url }) } }));` },
  { name: 'pino-http with redactOptions from the runtime', code: `${PH}\n${RED}\napp.use(pinoHttp({ redact: redactOptions }));` },
  { name: 'pino-http with the whole pino preset spread', code: `${PH}\nconst { pinoOptions } = require('@online-identifiers/redact/pino');\napp.use(pinoHttp({ ...pinoOptions }));` },
  { name: 'pino-http with redact paths for address, cookie and authorization', code: `${PH}\napp.use(pinoHttp({ redact: ['req.remoteAddress', 'req.headers.cookie', 'req.headers.authorization'] }));` },
  { name: 'pino-http with a wildcard over headers and the address', code: `${PH}\napp.use(pinoHttp({ redact: { paths: ['req.headers.*', 'req.remoteAddress'] } }));` },
  { name: 'pino-http redacting the whole req', code: `${PH}\napp.use(pinoHttp({ redact: ['req'] }));` },
  { name: 'pino-http with an existing logger', code: `${PH}\napp.use(pinoHttp({ logger }));` },
  { name: 'pino-http with options the rule cannot read', code: `${PH}\napp.use(pinoHttp(loadOptions()));` },
  { name: 'express-pino-logger with serializers', code: `const expressPino = require('express-pino-logger');\n${SER}\napp.use(expressPino({ serializers }));` },
  { name: 'hono-pino with redact options', code: `import { pinoLogger } from 'hono-pino';\nimport { redactOptions } from '@online-identifiers/redact/pino';\napp.use(pinoLogger({ pino: { redact: redactOptions } }));` },
  { name: 'hono-pino with its own request bindings', code: "import { pinoLogger } from 'hono-pino';\napp.use(pinoLogger({ http: { onReqBindings: (c) => ({ req: { url: c.req.path } }) } }));" },
  { name: 'hono-pino with a pino instance', code: "import { pinoLogger } from 'hono-pino';\napp.use(pinoLogger({ pino: logger }));" },
  { name: 'hapi-pino with redact options', code: `const hapiPino = require('hapi-pino');\n${RED}\nawait server.register({ plugin: hapiPino, options: { redact: redactOptions } });` },
  { name: 'hapi-pino with request logging off', code: "const hapiPino = require('hapi-pino');\nawait server.register({ plugin: hapiPino, options: { logRequestComplete: false } });" },
  { name: 'another hapi plugin', code: "const inert = require('@hapi/inert');\nawait server.register({ plugin: inert, options: {} });\nawait server.register(inert);" },
  { name: 'Fastify without logger', code: "import Fastify from 'fastify';\nconst app = Fastify({ trustProxy: true });" },
  { name: 'Fastify logger: false', code: "import Fastify from 'fastify';\nconst app = Fastify({ logger: false });" },
  { name: 'Fastify logger with redact of the address', code: "import Fastify from 'fastify';\nconst app = Fastify({ logger: { redact: ['req.remoteAddress'] } });" },
  { name: 'Fastify logger with its own request serializer', code: "import Fastify from 'fastify';\nconst app = Fastify({ logger: { serializers: { req: (req) => ({ method: req.method, url: req.url }) } } });" },
  { name: 'Fastify logger with redactOptions', code: `import Fastify from 'fastify';\nimport { redactOptions } from '@online-identifiers/redact/pino';\nconst app = Fastify({ logger: { redact: redactOptions } });` },
  { name: 'express-winston with the runtime blacklist', code: `${EWR}\n${BL}\napp.use(expressWinston.logger({ transports, headerBlacklist }));` },
  { name: 'express-winston blacklisting cookie and authorization', code: `${EWR}\napp.use(expressWinston.logger({ transports, headerBlacklist: ['Cookie', 'authorization'] }));` },
  { name: 'express-winston whitelist without headers', code: `${EWR}\napp.use(expressWinston.logger({ transports, requestWhitelist: ['url', 'method', 'httpVersion'] }));` },
  { name: 'express-winston with a request filter', code: `${EWR}\n${RF}\napp.use(expressWinston.logger({ transports, requestFilter, requestWhitelist: ['url', 'ip'] }));` },
  { name: 'express-winston with meta: false', code: `${EWR}\napp.use(expressWinston.logger({ transports, meta: false }));` },
  { name: 'express-winston with the runtime preset spread', code: `${EWR}\nconst { expressWinstonOptions } = require('@online-identifiers/redact/express-winston');\napp.use(expressWinston.logger({ ...expressWinstonOptions, transports }));` },
  { name: 'express-winston with options the rule cannot read', code: `${EWR}\napp.use(expressWinston.logger(options));` },
  { name: 'a morgan call through a dynamic member', code: `${REQ}\napp.use(morgan[kind]('combined'));` },
  { name: 'an unrelated register call', code: "server.register(require('./routes'));" },
];

/** Every valid spec as a RuleTester case. */
export function validCases(): RuleTester.ValidTestCase[] {
  return VALID.map((spec) => ({
    name: spec.name,
    code: spec.code,
    ...(spec.options ? { options: [...spec.options] } : {}),
    languageOptions: languageOptions(spec.ts),
  }));
}
