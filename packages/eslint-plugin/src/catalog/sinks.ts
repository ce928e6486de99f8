/** Sinks: where an identifier becomes a log line. */

/** Receiver names that are loggers: `logger.info`, `log.warn`, `this.logger.error`, `auditLogger.info`. */
export const LOGGER_RECEIVER_NAMES: readonly string[] = ['logger', 'log', 'logging', 'console'];

/** Receivers reached through a request or framework object: `req.log`, `request.log`, `fastify.log`, `ctx.log`. */
export const LOGGER_RECEIVER_PATHS: readonly string[] = [
  'req.log', 'request.log', 'fastify.log', 'ctx.log', 'app.log', 'server.log', 'reply.log', 'this.log', 'this.logger',
];

/** Level methods of every supported logger, plus winston's `log(level, …)` and `child(bindings)`. */
export const LOGGER_METHODS: readonly string[] = [
  'trace', 'debug', 'info', 'warn', 'warning', 'error', 'fatal', 'silly', 'verbose', 'http', 'notice', 'crit',
  'critical', 'alert', 'emerg', 'emergency', 'log', 'child', 'mark', 'success', 'fail',
  // Methods that write a record without a level, or a level under another name
  'audit', 'write', 'table', 'dir', 'print', 'start', 'complete', 'pending', 'note', 'star', 'await', 'watch',
  'silent', 'box', 'ready', 'wait',
];

/** Methods that write a record only on a logger known by its origin (too common elsewhere to trust a name). */
export const ORIGIN_LOGGER_METHODS: readonly string[] = ['emit', 'addEntry', 'entry'];

/**
 * Receivers whose words name an audit trail, and the methods that write a
 * record to one: `auditClient.log({ … })`, `audit.record(…)`, `auditTrail.add(…)`.
 */
export const AUDIT_RECEIVER_WORDS: readonly string[] = ['audit', 'auditor', 'audits'];
export const AUDIT_RECORD_METHODS: readonly string[] = ['log', 'record', 'write', 'add', 'push', 'create', 'send', 'emit', 'track', 'audit', 'info', 'event'];

/** Module paths whose last segment names a logger: `./logger`, `../lib/audit-log`, `@app/logging`. */
export const LOGGER_MODULE_PATTERN = /(?:^|[/_.-])(?:log|logs|logger|loggers|logging|audit[-_]?log(?:ger)?)(?:\.[cm]?[jt]s)?$/i;

/** Methods of `console` that print their arguments (all of them, but `assert` prints only after its test). */
export const CONSOLE_METHODS: readonly string[] = [
  'log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'dirxml', 'table', 'group', 'groupCollapsed', 'assert',
  'count', 'time', 'timeLog', 'timeEnd',
];

/**
 * Logger factories: values they return are loggers. `export` is the
 * imported name (`default` for the module itself), `call` the member called
 * on it, if any. `callable`: the result is a log function called directly
 * (`debug('app')('…')`, `util.debuglog('x')('…')`).
 */
export const LOGGER_FACTORIES: readonly {
  readonly module: string;
  readonly export: string;
  readonly call?: string;
  readonly construct?: boolean;
  readonly callable?: boolean;
}[] = [
  { module: 'pino', export: 'default' },
  { module: 'pino', export: 'pino' },
  { module: 'winston', export: 'default', call: 'createLogger' },
  { module: 'winston', export: 'createLogger' },
  { module: 'bunyan', export: 'default', call: 'createLogger' },
  { module: 'bunyan', export: 'createLogger' },
  { module: 'log4js', export: 'default', call: 'getLogger' },
  { module: 'log4js', export: 'getLogger' },
  { module: '@nestjs/common', export: 'Logger', construct: true },
  { module: 'debug', export: 'default', callable: true },
  { module: 'util', export: 'default', call: 'debuglog', callable: true },
  { module: 'node:util', export: 'default', call: 'debuglog', callable: true },
  { module: 'util', export: 'debuglog', callable: true },
  { module: 'node:util', export: 'debuglog', callable: true },
  // consola, signale, loglevel, tslog, roarr, OpenTelemetry logs, Powertools, Google Cloud Logging, Nest
  { module: 'consola', export: 'createConsola' },
  { module: 'consola', export: 'default', call: 'create' },
  { module: 'consola', export: 'consola', call: 'create' },
  { module: 'consola', export: 'consola', call: 'withTag' },
  { module: 'signale', export: 'Signale', construct: true },
  { module: 'signale', export: 'default', call: 'Signale', construct: true },
  { module: 'signale', export: 'default', call: 'scope' },
  { module: 'loglevel', export: 'default', call: 'getLogger' },
  { module: 'loglevel', export: 'getLogger' },
  { module: 'tslog', export: 'Logger', construct: true },
  { module: 'roarr', export: 'Roarr', call: 'child' },
  { module: '@opentelemetry/api-logs', export: 'logs', call: 'getLogger' },
  { module: '@aws-lambda-powertools/logger', export: 'Logger', construct: true },
  { module: '@google-cloud/logging', export: 'Logging', call: 'log' },
  { module: '@nestjs/common', export: 'ConsoleLogger', construct: true },
  { module: 'electron-log', export: 'default', call: 'create' },
];

/** Modules whose import is itself a logger: the default `winston` logger, NestJS's static `Logger.*`. */
export const LOGGER_MODULE_OBJECTS: readonly { readonly module: string; readonly export: string }[] = [
  { module: 'winston', export: 'default' },
  { module: '@nestjs/common', export: 'Logger' },
  { module: 'consola', export: 'default' },
  { module: 'consola', export: 'consola' },
  { module: 'signale', export: 'default' },
  { module: 'loglevel', export: 'default' },
  { module: 'npmlog', export: 'default' },
  { module: 'roarr', export: 'Roarr' },
  { module: 'electron-log', export: 'default' },
  { module: 'electron-log/main', export: 'default' },
  { module: 'electron-log/renderer', export: 'default' },
];

/** Standard streams: `process.stdout.write`, `process.stderr.write`. */
export const STREAM_SINKS: readonly string[] = ['process.stdout.write', 'process.stderr.write'];

/** `fs` functions that write their second argument to the path in their first. */
export const FS_WRITE_FUNCTIONS: readonly string[] = [
  'appendFile', 'appendFileSync', 'writeFile', 'writeFileSync',
];

/** Modules that export those functions. */
export const FS_MODULES: readonly string[] = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'fs-extra'];

/** Paths that look like log files: `*.log`, a `log`/`logs` directory, access or audit trails. */
export const LOG_PATH_PATTERN = /(?:\.log(?:\.\d+)?$|\.log\b|(?:^|[/\\])logs?(?:[/\\]|$)|(?:^|[/\\._-])(?:access|audit|error|debug)[._-]?log|\.jsonl$)/i;
