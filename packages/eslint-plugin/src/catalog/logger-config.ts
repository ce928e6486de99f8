/**
 * Logger configurations that treat what is logged (POLICY.md §3: a logger
 * the project configured to remove identifiers is a treated sink for the
 * parts it covers). Data for `analysis/treatment.ts`.
 */

/** Runtime subpaths whose exports configure a logger, and what each export covers. */
export const RUNTIME_LOGGER_SUBPATHS: readonly string[] = ['/pino', '/winston', '/bunyan'];

/**
 * What one runtime export covers when it is in a logger's options:
 * `all` every field and the text; `fields` fields by their name (and
 * `req`/`res`/`err` objects); `serialized` only `req`, `res`, `err`; `text`
 * the message text and string arguments; `paths` the runtime's redact paths.
 */
export type LoggerCoverage = 'all' | 'fields' | 'serialized' | 'text' | 'paths';

export const RUNTIME_LOGGER_EXPORTS: Readonly<Record<string, LoggerCoverage>> = {
  pinoOptions: 'all',
  formatters: 'fields',
  serializers: 'serialized',
  hooks: 'text',
  redactOptions: 'paths',
  redactPaths: 'paths',
  redactFormat: 'fields',
};

/** Object keys the runtime's serializers rewrite (pino, pino-http, bunyan). */
export const SERIALIZED_KEYS: readonly string[] = ['req', 'res', 'err', 'request', 'response', 'error'];

/** Top-level field names the runtime's redact paths cover (besides `req.headers[…]`), as in its README. */
export const RUNTIME_REDACT_FIELDS: readonly string[] = [
  'ip', 'ips', 'remoteAddress', 'clientIp', 'userId', 'user_id', 'username', 'email', 'sessionId', 'session_id',
  'sid', 'token', 'accessToken', 'refreshToken', 'apiKey', 'authorization', 'cookie', 'cookies', 'userAgent',
  'deviceId', 'xForwardedFor',
];

/** Kinds the text treatments recognise inside a message string (addresses, credentials, e-mail addresses). */
export const TEXT_TREATED_KINDS: readonly string[] = ['ip', 'token'];

/** Logger factories whose options object is their first argument, by module and export path. */
export const CONFIGURABLE_LOGGERS: readonly { readonly module: string; readonly path: readonly string[]; readonly options: 'redact' | 'format' | 'serializers' }[] = [
  { module: 'pino', path: [], options: 'redact' },
  { module: 'pino', path: ['pino'], options: 'redact' },
  { module: 'winston', path: ['createLogger'], options: 'format' },
  { module: 'bunyan', path: ['createLogger'], options: 'serializers' },
];
