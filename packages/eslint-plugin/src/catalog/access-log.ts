// Access-log middleware (sink family `access-log`): what each library writes
// on every request by default, and the options that change it. One section
// per library; `analysis/access-log.ts` reads it.
import type { Kind } from './kinds';

/** A field a request logger writes by default, as a pino redact path (`req.headers.cookie`). */
export interface RecordedField {
  readonly kind: Kind;
  readonly path: string;
}

// ── morgan ───────────────────────────────────────────────────────────────
export const MORGAN_MODULE = 'morgan';

/**
 * morgan's predefined string formats (morgan 1.x `index.js`). `tiny` and
 * `dev` write method, URL, status, length and time only.
 */
export const MORGAN_FORMATS: Readonly<Record<string, string>> = {
  combined:
    ':remote-addr - :remote-user [:date[clf]] ":method :url HTTP/:http-version" :status :res[content-length] ":referrer" ":user-agent"',
  common: ':remote-addr - :remote-user [:date[clf]] ":method :url HTTP/:http-version" :status :res[content-length]',
  default:
    ':remote-addr - :remote-user [:date] ":method :url HTTP/:http-version" :status :res[content-length] ":referrer" ":user-agent"',
  short: ':remote-addr :remote-user :method :url HTTP/:http-version :status :res[content-length] - :response-time ms',
  tiny: ':method :url :status :res[content-length] - :response-time ms',
  dev: ':method :url :status :response-time ms - :res[content-length]',
};

/** morgan tokens that write an identifier. */
export const MORGAN_IDENTIFYING_TOKENS: Readonly<Record<string, Kind>> = {
  'remote-addr': 'ip',
  'remote-user': 'user',
  'user-agent': 'device',
};

/** morgan tokens whose argument is a header name (`:req[cookie]`): judged by the header catalog. */
export const MORGAN_HEADER_TOKENS: readonly string[] = ['req', 'res'];

/** The runtime subpath and export the morgan quick-fix uses (`morganFormat('combined')`). */
export const MORGAN_RUNTIME = { subpath: 'morgan', export: 'morganFormat' } as const;

// ── pino request loggers ─────────────────────────────────────────────────
/** pino's request serializer (pino-std-serializers) writes these, as pino-http, hapi-pino and koa-pino-logger use it. */
const PINO_STD_REQUEST: readonly RecordedField[] = [
  { kind: 'ip', path: 'req.remoteAddress' },
  { kind: 'cookie', path: 'req.headers.cookie' },
  { kind: 'token', path: 'req.headers.authorization' },
];

/** How the quick-fix treats a pino-based logger: runtime `serializers` or `redact: redactOptions`. */
export type PinoFix = 'serializers' | 'redact';

/** A pino-based request logger: where it is created and where its pino options live. */
export interface PinoRequestLogger {
  /** How messages name it. */
  readonly library: string;
  readonly module: string;
  /** Export name; `default` for the default export or the module object. */
  readonly export: string;
  /** `call` (a factory call: `pinoHttp(options)`), `plugin` (hapi `server.register({ plugin, options })`), `option` (Fastify `fastify({ logger })`). */
  readonly form: 'call' | 'plugin' | 'option';
  /** The property holding pino's options, inside the middleware's options (`pino` for hono-pino, `logger` for Fastify). */
  readonly pinoOptions?: string;
  /** Options of the middleware that, when present, take over the request record (the rule cannot see inside them). */
  readonly overrides: readonly string[];
  readonly recorded: readonly RecordedField[];
  readonly fix: PinoFix;
}

export const PINO_REQUEST_LOGGERS: readonly PinoRequestLogger[] = [
  // pino-http: default serializers write the whole headers object and the remote address.
  { library: 'pino-http', module: 'pino-http', export: 'default', form: 'call', overrides: ['logger', 'wrapSerializers'], recorded: PINO_STD_REQUEST, fix: 'serializers' },
  { library: 'pino-http', module: 'pino-http', export: 'pinoHttp', form: 'call', overrides: ['logger', 'wrapSerializers'], recorded: PINO_STD_REQUEST, fix: 'serializers' },
  // express-pino-logger and koa-pino-logger pass their options to pino-http.
  { library: 'express-pino-logger', module: 'express-pino-logger', export: 'default', form: 'call', overrides: ['logger'], recorded: PINO_STD_REQUEST, fix: 'serializers' },
  { library: 'koa-pino-logger', module: 'koa-pino-logger', export: 'default', form: 'call', overrides: ['logger'], recorded: PINO_STD_REQUEST, fix: 'serializers' },
  // hono-pino: the default request bindings are url, method and every header (no address in Hono).
  {
    library: 'hono-pino',
    module: 'hono-pino',
    export: 'pinoLogger',
    form: 'call',
    pinoOptions: 'pino',
    overrides: ['http'],
    recorded: [
      { kind: 'cookie', path: 'req.headers.cookie' },
      { kind: 'token', path: 'req.headers.authorization' },
    ],
    fix: 'redact',
  },
  // hapi-pino logs each completed request through pino's request serializer.
  { library: 'hapi-pino', module: 'hapi-pino', export: 'default', form: 'plugin', overrides: ['instance', 'logRequestComplete'], recorded: PINO_STD_REQUEST, fix: 'redact' },
  // Fastify's built-in logger: its default request serializer writes method, url, host and the remote address.
  {
    library: 'Fastify',
    module: 'fastify',
    export: 'default',
    form: 'option',
    pinoOptions: 'logger',
    overrides: [],
    recorded: [{ kind: 'ip', path: 'req.remoteAddress' }],
    fix: 'redact',
  },
  {
    library: 'Fastify',
    module: 'fastify',
    export: 'fastify',
    form: 'option',
    pinoOptions: 'logger',
    overrides: [],
    recorded: [{ kind: 'ip', path: 'req.remoteAddress' }],
    fix: 'redact',
  },
];

/** The runtime subpath and exports the pino quick-fixes use. */
export const PINO_RUNTIME = { subpath: 'pino', serializers: 'serializers', redact: 'redactOptions', paths: 'redactPaths', presets: ['pinoOptions'] } as const;

// ── express-winston ──────────────────────────────────────────────────────
export const EXPRESS_WINSTON_MODULE = 'express-winston';

/** express-winston's request loggers (`expressWinston.logger`, `.errorLogger`). */
export const EXPRESS_WINSTON_FACTORIES: readonly string[] = ['logger', 'errorLogger'];

/** express-winston's default `requestWhitelist` (its `index.js`). */
export const EXPRESS_WINSTON_DEFAULT_WHITELIST: readonly string[] = ['url', 'headers', 'method', 'httpVersion', 'originalUrl', 'query'];

/** Identifying headers inside a logged `headers` object, and the header name that must be blacklisted. */
export const EXPRESS_WINSTON_HEADERS: readonly { readonly kind: Kind; readonly header: string }[] = [
  { kind: 'cookie', header: 'cookie' },
  { kind: 'token', header: 'authorization' },
];

/** Whitelisted request properties that are identifiers themselves. */
export const EXPRESS_WINSTON_FIELDS: Readonly<Record<string, Kind>> = {
  ip: 'ip',
  ips: 'ip',
  cookies: 'cookie',
  signedCookies: 'cookie',
  sessionID: 'session',
  session: 'session',
  user: 'user',
};

/** The runtime subpath and exports the express-winston quick-fixes use. */
export const EXPRESS_WINSTON_RUNTIME = { subpath: 'express-winston', headerBlacklist: 'headerBlacklist', requestFilter: 'requestFilter', presets: ['expressWinstonOptions'] } as const;
