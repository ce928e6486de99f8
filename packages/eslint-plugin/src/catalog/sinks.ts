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
];

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
];

/** Modules whose import is itself a logger: the default `winston` logger, NestJS's static `Logger.*`. */
export const LOGGER_MODULE_OBJECTS: readonly { readonly module: string; readonly export: string }[] = [
  { module: 'winston', export: 'default' },
  { module: '@nestjs/common', export: 'Logger' },
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
