/**
 * Log retention (POLICY.md §2: raw security logs are kept at least 90 days
 * and at most 2 years). Where each logging library and infrastructure SDK
 * sets how long logs live; the analysis (`analysis/retention.ts`) reads it.
 */

/** The policy's bounds, in days. Two years is 731 days: CloudWatch's `TWO_YEARS` (a leap day included). */
export const RETENTION_MIN_DAYS = 90;
export const RETENTION_MAX_DAYS = 731;

/** The value the quick-fixes set (clamped into the configured bounds): one year. */
export const RETENTION_SUGGESTED_DAYS = 365;

/** Words in a log's name, file name, log group name or label that make it a security log. */
export const SECURITY_LOG_WORDS: readonly string[] = ['security', 'audit', 'siem', 'fraud', 'intrusion'];

/** Option properties whose strings name the log (file, directory, group, label). */
export const LOG_NAME_OPTIONS: readonly string[] = [
  'filename', 'file', 'path', 'dirname', 'name', 'label', 'logGroupName', 'namePrefix', 'functionName',
];

/** A library entry point: the module, the export path (empty for the module itself), and how it is used. */
export interface RetentionEntry {
  readonly module: string;
  readonly path: readonly string[];
}

// ── winston and winston-daily-rotate-file ────────────────────────────────

/** `new DailyRotateFile({ maxFiles, frequency, datePattern })`, also as `winston.transports.DailyRotateFile`. */
export const DAILY_ROTATE_FILE: readonly RetentionEntry[] = [
  { module: 'winston-daily-rotate-file', path: [] },
  { module: 'winston-daily-rotate-file', path: ['DailyRotateFile'] },
  { module: 'winston', path: ['transports', 'DailyRotateFile'] },
];
/** winston's `File` transport: without `maxFiles` every rotated file is kept. */
export const WINSTON_FILE: readonly RetentionEntry[] = [{ module: 'winston', path: ['transports', 'File'] }];
/** winston-daily-rotate-file's default `datePattern`: one file a day. */
export const DAILY_ROTATE_DEFAULT_PATTERN = 'YYYY-MM-DD';

// ── pino-roll ────────────────────────────────────────────────────────────

/** `pinoRoll({ file, frequency, limit: { count } })`, or a pino transport `{ target: 'pino-roll', options }`. */
export const PINO_ROLL: readonly RetentionEntry[] = [{ module: 'pino-roll', path: [] }];
export const PINO_ROLL_TARGET = 'pino-roll';

// ── rotating-file-stream ─────────────────────────────────────────────────

/** `createStream(filename, { interval, maxFiles, maxSize })`. */
export const ROTATING_FILE_STREAM: readonly RetentionEntry[] = [
  { module: 'rotating-file-stream', path: ['createStream'] },
  { module: 'rotating-file-stream', path: [] },
];

// ── file-stream-rotator ──────────────────────────────────────────────────

/** `FileStreamRotator.getStream({ filename, frequency, max_logs })`; `max_logs` is a count or `'<n>d'`. */
export const FILE_STREAM_ROTATOR: readonly RetentionEntry[] = [{ module: 'file-stream-rotator', path: ['getStream'] }];

// ── log4js ───────────────────────────────────────────────────────────────

/** `log4js.configure({ appenders: { <name>: { type: 'dateFile', pattern, numBackups } } })`. */
export const LOG4JS_CONFIGURE: readonly RetentionEntry[] = [{ module: 'log4js', path: ['configure'] }];
/** log4js `dateFile` defaults: one backup, a file a day. */
export const LOG4JS_DEFAULT_BACKUPS = 1;
export const LOG4JS_DEFAULT_PATTERN = 'yyyy-MM-dd';

// ── bunyan ───────────────────────────────────────────────────────────────

/** `bunyan.createLogger({ name, streams: [{ type: 'rotating-file', period, count }] })`. */
export const BUNYAN_CREATE: readonly RetentionEntry[] = [
  { module: 'bunyan', path: ['createLogger'] },
  { module: 'bunyan', path: [] },
];
/** bunyan `rotating-file` defaults: daily, ten files. */
export const BUNYAN_DEFAULT_PERIOD = '1d';
export const BUNYAN_DEFAULT_COUNT = 10;

// ── AWS CDK ──────────────────────────────────────────────────────────────

/** `new logs.LogGroup(scope, id, { retention })`: without `retention` CDK sets two years. */
export const CDK_LOG_GROUP: readonly RetentionEntry[] = [
  { module: 'aws-cdk-lib/aws-logs', path: ['LogGroup'] },
  { module: '@aws-cdk/aws-logs', path: ['LogGroup'] },
  { module: 'aws-cdk-lib', path: ['aws_logs', 'LogGroup'] },
];
/** `new logs.CfnLogGroup(scope, id, { retentionInDays })`: without it the group never expires. */
export const CDK_CFN_LOG_GROUP: readonly RetentionEntry[] = [
  { module: 'aws-cdk-lib/aws-logs', path: ['CfnLogGroup'] },
  { module: '@aws-cdk/aws-logs', path: ['CfnLogGroup'] },
  { module: 'aws-cdk-lib', path: ['aws_logs', 'CfnLogGroup'] },
];
/** Lambda functions' `logRetention` (a `RetentionDays` value). */
export const CDK_LAMBDA_FUNCTION: readonly RetentionEntry[] = [
  { module: 'aws-cdk-lib/aws-lambda', path: ['Function'] },
  { module: '@aws-cdk/aws-lambda', path: ['Function'] },
  { module: 'aws-cdk-lib', path: ['aws_lambda', 'Function'] },
  { module: 'aws-cdk-lib/aws-lambda-nodejs', path: ['NodejsFunction'] },
  { module: '@aws-cdk/aws-lambda-nodejs', path: ['NodejsFunction'] },
  { module: 'aws-cdk-lib', path: ['aws_lambda_nodejs', 'NodejsFunction'] },
];
/** `RetentionDays` members in days (aws-cdk-lib/aws-logs); `INFINITE` never expires. */
export const CDK_RETENTION_DAYS: Readonly<Record<string, number | 'unbounded'>> = {
  ONE_DAY: 1, THREE_DAYS: 3, FIVE_DAYS: 5, ONE_WEEK: 7, TWO_WEEKS: 14, ONE_MONTH: 30, TWO_MONTHS: 60,
  THREE_MONTHS: 90, FOUR_MONTHS: 120, FIVE_MONTHS: 150, SIX_MONTHS: 180, ONE_YEAR: 365, THIRTEEN_MONTHS: 400,
  EIGHTEEN_MONTHS: 545, TWO_YEARS: 731, THREE_YEARS: 1096, FIVE_YEARS: 1827, SIX_YEARS: 2192, SEVEN_YEARS: 2557,
  EIGHT_YEARS: 2922, NINE_YEARS: 3288, TEN_YEARS: 3653, INFINITE: 'unbounded',
};
/** The `RetentionDays` member the quick-fix sets. */
export const CDK_SUGGESTED_MEMBER = 'ONE_YEAR';

// ── Pulumi ───────────────────────────────────────────────────────────────

/** `new aws.cloudwatch.LogGroup(name, { retentionInDays })`: 0 or none means never expire. */
export const PULUMI_LOG_GROUP: readonly RetentionEntry[] = [{ module: '@pulumi/aws', path: ['cloudwatch', 'LogGroup'] }];

/**
 * Words one of which appears in every file that configures retention with a
 * library above (its module specifier's distinctive part): a file without
 * any is skipped without visiting a node.
 */
export const RETENTION_MODULE_MARKERS: readonly string[] = [
  'winston', 'rotating-file-stream', 'file-stream-rotator', 'log4js', 'bunyan', 'pino-roll', 'aws-cdk', '@pulumi/aws',
];
