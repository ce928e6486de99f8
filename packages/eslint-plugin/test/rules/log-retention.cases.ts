import type { RuleTester } from 'eslint';
import { invalidCase, offsetOf, position, toValid } from './helpers';

const BOUNDS = (min = 90, max = 731): string => `the policy's 90 days to 2 years (${min} to ${max} days)`;

/** The three messages, as the contract spells them. */
export const long = (days: number, setting: string, max = 731): string =>
  `Log retention of ${days} days (${setting}) is outside ${BOUNDS(90, max)}: raw logs are kept at most 2 years without explicit approval`;
export const unbounded = (setting: string): string =>
  `Log retention is unbounded (${setting}), outside ${BOUNDS()}: raw logs are kept at most 2 years without explicit approval`;
export const short = (days: number, setting: string, name: string, min = 90): string =>
  `Log retention of ${days} days (${setting}) is outside ${BOUNDS(min)} for a security log (named "${name}"): security logs are kept at least 90 days`;

/** One finding: the reported text (its `nth` occurrence), the message, and the suggestion as a text replacement. */
export interface RetentionExpect {
  readonly at: string;
  readonly nth?: number;
  readonly message: string;
  /** The suggestion: its description's change, and the edit as `from` → `to` (first occurrence). */
  readonly fix?: { readonly days?: number; readonly change: string; readonly from: string; readonly to: string };
}

export interface RetentionSpec {
  readonly name: string;
  readonly code: string;
  readonly findings: readonly RetentionExpect[];
  readonly ts?: boolean;
  readonly sourceType?: 'module' | 'commonjs';
  readonly options?: readonly unknown[];
}

/** A RuleTester invalid case with exact message, location and suggestion output. */
export function toRetentionInvalid(spec: RetentionSpec): RuleTester.InvalidTestCase {
  const errors = spec.findings
    .map((expect) => {
      const start = offsetOf(spec.code, expect.at, expect.nth);
      const from = position(spec.code, start);
      const to = position(spec.code, start + expect.at.length);
      const fix = expect.fix;
      const suggestions = fix
        ? [{ messageId: 'suggestRetention', data: { days: String(fix.days ?? 365), change: fix.change }, output: spec.code.replace(fix.from, fix.to) }]
        : [];
      return { start, error: { message: expect.message, line: from.line, column: from.column, endLine: to.line, endColumn: to.column, suggestions } };
    })
    .sort((a, b) => a.start - b.start)
    .map(({ error }) => error);
  return invalidCase(spec, errors);
}

/** Valid retention cases are plain valid cases. */
export const toRetentionValid = toValid;

const DRF = "import DailyRotateFile from 'winston-daily-rotate-file';\n";
const WINSTON = "import winston from 'winston';\n";
const PINO = "import pino from 'pino';\n";
const RFS = "import { createStream } from 'rotating-file-stream';\n";
const FSR = "import FileStreamRotator from 'file-stream-rotator';\n";
const LOG4JS = "import log4js from 'log4js';\n";
const BUNYAN = "import bunyan from 'bunyan';\n";
const CDK = "import * as logs from 'aws-cdk-lib/aws-logs';\n";
const LAMBDA = "import * as lambda from 'aws-cdk-lib/aws-lambda';\n";
const PULUMI = "import * as aws from '@pulumi/aws';\n";

const winston: RetentionSpec[] = [
  {
    name: "winston-daily-rotate-file: maxFiles '3650d'",
    code: `${DRF}new DailyRotateFile({ filename: 'app-%DATE%.log', maxFiles: '3650d' });`,
    findings: [{ at: "'3650d'", message: long(3650, "maxFiles: '3650d'"), fix: { change: "set '365d'", from: "'3650d'", to: "'365d'" } }],
  },
  {
    name: 'winston-daily-rotate-file: no maxFiles keeps every file',
    code: `${DRF}new DailyRotateFile({ filename: 'app-%DATE%.log' });`,
    findings: [{
      at: "{ filename: 'app-%DATE%.log' }",
      message: unbounded('winston-daily-rotate-file without maxFiles'),
      fix: { change: "add maxFiles: '365d'", from: "'app-%DATE%.log' }", to: "'app-%DATE%.log', maxFiles: '365d' }" },
    }],
  },
  {
    name: 'winston-daily-rotate-file: a file count times daily rotation',
    code: `${DRF}new DailyRotateFile({ filename: 'app-%DATE%.log', maxFiles: 1000 });`,
    findings: [{ at: '1000', message: long(1000, 'maxFiles: 1000 × 1-day rotation'), fix: { change: "set '365d'", from: '1000', to: "'365d'" } }],
  },
  {
    name: 'winston-daily-rotate-file: hourly pattern, thirty files of an audit log',
    code: `${DRF}new DailyRotateFile({ filename: 'audit-%DATE%.log', datePattern: 'YYYY-MM-DD-HH', maxFiles: '30' });`,
    findings: [{ at: "'30'", message: short(1.25, 'maxFiles: 30 × 1-hour rotation', 'audit-%DATE%.log'), fix: { change: "set '365d'", from: "'30'", to: "'365d'" } }],
  },
  {
    name: "winston-daily-rotate-file: a security log kept '14d'",
    code: `${DRF}new DailyRotateFile({ filename: 'security-%DATE%.log', maxFiles: '14d' });`,
    findings: [{ at: "'14d'", message: short(14, "maxFiles: '14d'", 'security-%DATE%.log'), fix: { change: "set '365d'", from: "'14d'", to: "'365d'" } }],
  },
  {
    name: 'winston-daily-rotate-file: frequency 3h times a count',
    code: `${DRF}new DailyRotateFile({ filename: 'app.log', frequency: '3h', maxFiles: 10000 });`,
    findings: [{ at: '10000', message: long(1250, 'maxFiles: 10000 × 3-hour rotation'), fix: { change: "set '365d'", from: '10000', to: "'365d'" } }],
  },
  {
    name: 'winston.transports.DailyRotateFile with maxFiles null',
    code: `${WINSTON}new winston.transports.DailyRotateFile({ filename: 'app.log', maxFiles: null });`,
    findings: [{ at: 'null', message: unbounded('maxFiles: null'), fix: { change: "set '365d'", from: 'null', to: "'365d'" } }],
  },
  {
    name: 'winston-daily-rotate-file: multi-line options get the property on a line of their own',
    code: `${DRF}const transport = new DailyRotateFile({\n  filename: 'app-%DATE%.log',\n  zippedArchive: true\n});`,
    findings: [{
      at: "{\n  filename: 'app-%DATE%.log',\n  zippedArchive: true\n}",
      message: unbounded('winston-daily-rotate-file without maxFiles'),
      fix: { change: "add maxFiles: '365d'", from: 'zippedArchive: true\n', to: "zippedArchive: true,\n  maxFiles: '365d'\n" },
    }],
  },
  {
    name: 'winston-daily-rotate-file: trailing comma',
    code: `${DRF}new DailyRotateFile({\n  filename: 'app-%DATE%.log',\n});`,
    findings: [{
      at: "{\n  filename: 'app-%DATE%.log',\n}",
      message: unbounded('winston-daily-rotate-file without maxFiles'),
      fix: { change: "add maxFiles: '365d'", from: "'app-%DATE%.log',\n", to: "'app-%DATE%.log',\n  maxFiles: '365d',\n" },
    }],
  },
  {
    name: 'winston-daily-rotate-file: options in a constant',
    code: `${DRF}const options = { filename: 'app.log', maxFiles: '800d' };\nnew DailyRotateFile(options);`,
    findings: [{ at: "'800d'", message: long(800, "maxFiles: '800d'"), fix: { change: "set '365d'", from: "'800d'", to: "'365d'" } }],
  },
  {
    name: 'winston-daily-rotate-file: an audit transport by the name it is bound to',
    code: `${DRF}const auditTransport = new DailyRotateFile({ filename: 'app.log', maxFiles: '7d' });`,
    findings: [{ at: "'7d'", message: short(7, "maxFiles: '7d'", 'auditTransport'), fix: { change: "set '365d'", from: "'7d'", to: "'365d'" } }],
  },
  {
    name: 'winston-daily-rotate-file: CommonJS require',
    code: "const DailyRotateFile = require('winston-daily-rotate-file');\nmodule.exports = new DailyRotateFile({ filename: 'app.log', maxFiles: '1000d' });",
    sourceType: 'commonjs',
    findings: [{ at: "'1000d'", message: long(1000, "maxFiles: '1000d'"), fix: { change: "set '365d'", from: "'1000d'", to: "'365d'" } }],
  },
  {
    name: 'winston File transport without maxFiles',
    code: `${WINSTON}winston.createLogger({ transports: [new winston.transports.File({ filename: 'combined.log' })] });`,
    findings: [{ at: "{ filename: 'combined.log' }", message: unbounded('winston File transport without maxFiles') }],
  },
  {
    name: 'winston File transport from a destructured require',
    code: "const { transports } = require('winston');\nnew transports.File({ filename: 'error.log', level: 'error' });",
    sourceType: 'commonjs',
    findings: [{ at: "{ filename: 'error.log', level: 'error' }", message: unbounded('winston File transport without maxFiles') }],
  },
];

const pinoRoll: RetentionSpec[] = [
  {
    name: 'pino-roll transport without a limit',
    code: `${PINO}pino(pino.transport({ target: 'pino-roll', options: { file: 'logs/app', frequency: 'daily' } }));`,
    findings: [{
      at: "{ file: 'logs/app', frequency: 'daily' }",
      message: unbounded('pino-roll without limit.count'),
      fix: { change: 'add limit: { count: 365 }', from: "frequency: 'daily' }", to: "frequency: 'daily', limit: { count: 365 } }" },
    }],
  },
  {
    name: 'pino-roll: a thousand daily files',
    code: `${PINO}pino.transport({ target: 'pino-roll', options: { file: 'app', frequency: 'daily', limit: { count: 1000 } } });`,
    findings: [{ at: '1000', message: long(1000, 'limit.count: 1000 × 1-day rotation'), fix: { change: 'set 365', from: '1000', to: '365' } }],
  },
  {
    name: 'pino-roll: an hourly audit log kept two days',
    code: `${PINO}pino.transport({ target: 'pino-roll', options: { file: 'logs/audit', frequency: 'hourly', limit: { count: 48 } } });`,
    findings: [{ at: '48', message: short(2, 'limit.count: 48 × 1-hour rotation', 'logs/audit'), fix: { change: 'set 8760', from: '48', to: '8760' } }],
  },
  {
    name: 'pino-roll called directly, frequency in milliseconds',
    code: "import pinoRoll from 'pino-roll';\nexport const stream = await pinoRoll({ file: 'app', frequency: 86400000, limit: { count: 900 } });",
    findings: [{ at: '900', message: long(900, 'limit.count: 900 × 1-day rotation'), fix: { change: 'set 365', from: '900', to: '365' } }],
  },
  {
    name: 'pino-roll among transport targets, a security log kept a month',
    code: `${PINO}pino({ transport: { targets: [{ target: 'pino-roll', options: { file: 'security', frequency: 'daily', limit: { count: 30 } } }] } });`,
    findings: [{ at: '30', message: short(30, 'limit.count: 30 × 1-day rotation', 'security'), fix: { change: 'set 365', from: 'count: 30', to: 'count: 365' } }],
  },
  {
    name: 'pino-roll: an empty limit',
    code: `${PINO}pino.transport({ target: 'pino-roll', options: { file: 'app', frequency: 'daily', limit: {} } });`,
    findings: [{ at: '{}', message: unbounded('pino-roll without limit.count'), fix: { change: 'add count: 365', from: '{}', to: '{ count: 365 }' } }],
  },
];

const streams: RetentionSpec[] = [
  {
    name: 'rotating-file-stream: daily interval, no maxFiles',
    code: `${RFS}createStream('access.log', { interval: '1d', path: 'logs' });`,
    findings: [{
      at: "{ interval: '1d', path: 'logs' }",
      message: unbounded('rotating-file-stream without maxFiles or maxSize'),
      fix: { change: 'add maxFiles: 365', from: "path: 'logs' }", to: "path: 'logs', maxFiles: 365 }" },
    }],
  },
  {
    name: 'rotating-file-stream: a thousand daily files',
    code: `${RFS}createStream('app.log', { interval: '1d', maxFiles: 1000 });`,
    findings: [{ at: '1000', message: long(1000, 'maxFiles: 1000 × 1-day interval'), fix: { change: 'set 365', from: '1000', to: '365' } }],
  },
  {
    name: 'rotating-file-stream: monthly files for three years',
    code: `${RFS}createStream('app.log', { interval: '1M', maxFiles: 36 });`,
    findings: [{ at: '36', message: long(1095, 'maxFiles: 36 × 1-month interval'), fix: { change: 'set 12', from: '36', to: '12' } }],
  },
  {
    name: 'rotating-file-stream: an audit log every 12 hours, ten files',
    code: `${RFS}createStream('audit.log', { interval: '12h', maxFiles: 10 });`,
    findings: [{ at: '10', message: short(5, 'maxFiles: 10 × 12-hour interval', 'audit.log'), fix: { change: 'set 730', from: 'maxFiles: 10', to: 'maxFiles: 730' } }],
  },
  {
    name: 'rotating-file-stream: the module object',
    code: "const rfs = require('rotating-file-stream');\nrfs.createStream('app.log', { interval: '7d', maxFiles: 200 });",
    sourceType: 'commonjs',
    findings: [{ at: '200', message: long(1400, 'maxFiles: 200 × 1-week interval'), fix: { change: 'set 52', from: '200', to: '52' } }],
  },
  {
    name: 'file-stream-rotator: no max_logs',
    code: `${FSR}FileStreamRotator.getStream({ filename: 'logs/app-%DATE%.log', frequency: 'daily' });`,
    findings: [{
      at: "{ filename: 'logs/app-%DATE%.log', frequency: 'daily' }",
      message: unbounded('file-stream-rotator without max_logs'),
      fix: { change: "add max_logs: '365d'", from: "frequency: 'daily' }", to: "frequency: 'daily', max_logs: '365d' }" },
    }],
  },
  {
    name: "file-stream-rotator: max_logs '1000d'",
    code: `${FSR}FileStreamRotator.getStream({ filename: 'app.log', max_logs: '1000d' });`,
    findings: [{ at: "'1000d'", message: long(1000, "max_logs: '1000d'"), fix: { change: "set '365d'", from: "'1000d'", to: "'365d'" } }],
  },
  {
    name: 'file-stream-rotator: ten hourly files of an audit log',
    code: `${FSR}FileStreamRotator.getStream({ filename: 'audit-%DATE%.log', frequency: '1h', max_logs: 10 });`,
    findings: [{ at: '10', message: short(0.42, 'max_logs: 10 × 1-hour rotation', 'audit-%DATE%.log'), fix: { change: "set '365d'", from: 'max_logs: 10', to: "max_logs: '365d'" } }],
  },
  {
    name: 'file-stream-rotator: CommonJS, a count as a string',
    code: "const FileStreamRotator = require('file-stream-rotator');\nFileStreamRotator.getStream({ filename: 'app.log', max_logs: '5000' });",
    sourceType: 'commonjs',
    findings: [{ at: "'5000'", message: long(5000, 'max_logs: 5000 × 1-day rotation'), fix: { change: "set '365d'", from: "'5000'", to: "'365d'" } }],
  },
];

const log4jsAndBunyan: RetentionSpec[] = [
  {
    name: 'log4js: an audit dateFile with the default single backup',
    code: `${LOG4JS}log4js.configure({ appenders: { audit: { type: 'dateFile', filename: 'audit.log' } }, categories: {} });`,
    findings: [{
      at: "{ type: 'dateFile', filename: 'audit.log' }",
      message: short(1, 'log4js dateFile default numBackups: 1 × 1-day rotation', 'audit'),
      fix: { change: 'add numBackups: 365', from: "filename: 'audit.log' }", to: "filename: 'audit.log', numBackups: 365 }" },
    }],
  },
  {
    name: 'log4js: a thousand backups',
    code: `${LOG4JS}log4js.configure({ appenders: { app: { type: 'dateFile', filename: 'app.log', numBackups: 1000 } }, categories: {} });`,
    findings: [{ at: '1000', message: long(1000, 'numBackups: 1000 × 1-day rotation'), fix: { change: 'set 365', from: '1000', to: '365' } }],
  },
  {
    name: 'log4js: deprecated daysToKeep',
    code: `${LOG4JS}log4js.configure({ appenders: { app: { type: 'dateFile', filename: 'app.log', daysToKeep: 3000 } }, categories: {} });`,
    findings: [{ at: '3000', message: long(3000, 'daysToKeep: 3000 × 1-day rotation'), fix: { change: 'set 365', from: '3000', to: '365' } }],
  },
  {
    name: 'log4js: hourly security appender kept a day',
    code: `${LOG4JS}log4js.configure({ appenders: { security: { type: 'dateFile', filename: 'sec.log', pattern: 'yyyy-MM-dd-hh', numBackups: 24 } }, categories: {} });`,
    findings: [{ at: '24', message: short(1, 'numBackups: 24 × 1-hour rotation', 'security'), fix: { change: 'set 8760', from: '24', to: '8760' } }],
  },
  {
    name: 'log4js: configuration in a constant, CommonJS',
    code: "const log4js = require('log4js');\nconst config = { appenders: { app: { type: 'dateFile', filename: 'app.log', numBackups: 2000 } }, categories: {} };\nlog4js.configure(config);",
    sourceType: 'commonjs',
    findings: [{ at: '2000', message: long(2000, 'numBackups: 2000 × 1-day rotation'), fix: { change: 'set 365', from: '2000', to: '365' } }],
  },
  {
    name: 'bunyan: a thousand daily rotating files',
    code: `${BUNYAN}bunyan.createLogger({ name: 'api', streams: [{ type: 'rotating-file', path: '/var/log/api.log', period: '1d', count: 1000 }] });`,
    findings: [{ at: '1000', message: long(1000, "count: 1000 × period '1d'"), fix: { change: 'set 365', from: '1000', to: '365' } }],
  },
  {
    name: 'bunyan: an audit logger with the default ten files',
    code: `${BUNYAN}bunyan.createLogger({ name: 'audit', streams: [{ type: 'rotating-file', path: '/var/log/a.log' }] });`,
    findings: [{
      at: "{ type: 'rotating-file', path: '/var/log/a.log' }",
      message: short(10, "default count: 10 × period '1d'", 'audit'),
      fix: { change: 'add count: 365', from: "'/var/log/a.log' }", to: "'/var/log/a.log', count: 365 }" },
    }],
  },
  {
    name: 'bunyan: yearly files for five years',
    code: `${BUNYAN}bunyan.createLogger({ name: 'api', streams: [{ type: 'rotating-file', path: 'api.log', period: '1y', count: 5 }] });`,
    findings: [{ at: '5', message: long(1825, "count: 5 × period '1y'"), fix: { change: 'set 1', from: 'count: 5', to: 'count: 1' } }],
  },
  {
    name: 'bunyan: weekly period by word',
    code: `${BUNYAN}bunyan.createLogger({ name: 'api', streams: [{ type: 'rotating-file', path: 'api.log', period: 'weekly', count: 200 }] });`,
    findings: [{ at: '200', message: long(1400, "count: 200 × period 'weekly'"), fix: { change: 'set 52', from: '200', to: '52' } }],
  },
];

const infrastructure: RetentionSpec[] = [
  {
    name: 'CDK LogGroup: RetentionDays.INFINITE',
    code: `${CDK}new logs.LogGroup(this, 'AppLogs', { retention: logs.RetentionDays.INFINITE });`,
    ts: true,
    findings: [{
      at: 'logs.RetentionDays.INFINITE',
      message: unbounded('retention: logs.RetentionDays.INFINITE'),
      fix: { change: 'set logs.RetentionDays.ONE_YEAR', from: 'logs.RetentionDays.INFINITE', to: 'logs.RetentionDays.ONE_YEAR' },
    }],
  },
  {
    name: 'CDK LogGroup: ten years',
    code: `${CDK}new logs.LogGroup(this, 'AppLogs', { retention: logs.RetentionDays.TEN_YEARS });`,
    ts: true,
    findings: [{
      at: 'logs.RetentionDays.TEN_YEARS',
      message: long(3653, 'retention: logs.RetentionDays.TEN_YEARS'),
      fix: { change: 'set logs.RetentionDays.ONE_YEAR', from: 'logs.RetentionDays.TEN_YEARS', to: 'logs.RetentionDays.ONE_YEAR' },
    }],
  },
  {
    name: 'CDK LogGroup: an audit group by construct id kept a week',
    code: "import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';\nnew LogGroup(this, 'AuditLogs', { retention: RetentionDays.ONE_WEEK });",
    ts: true,
    findings: [{
      at: 'RetentionDays.ONE_WEEK',
      message: short(7, 'retention: RetentionDays.ONE_WEEK', 'AuditLogs'),
      fix: { change: 'set RetentionDays.ONE_YEAR', from: 'RetentionDays.ONE_WEEK', to: 'RetentionDays.ONE_YEAR' },
    }],
  },
  {
    name: 'CDK LogGroup: a security group by log group name',
    code: `${CDK}new logs.LogGroup(this, 'Logs', { logGroupName: '/app/security', retention: logs.RetentionDays.ONE_MONTH });`,
    ts: true,
    findings: [{
      at: 'logs.RetentionDays.ONE_MONTH',
      message: short(30, 'retention: logs.RetentionDays.ONE_MONTH', '/app/security'),
      fix: { change: 'set logs.RetentionDays.ONE_YEAR', from: 'logs.RetentionDays.ONE_MONTH', to: 'logs.RetentionDays.ONE_YEAR' },
    }],
  },
  {
    name: 'CDK through aws-cdk-lib aws_logs',
    code: "import { aws_logs as logs } from 'aws-cdk-lib';\nnew logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.FIVE_YEARS });",
    ts: true,
    findings: [{
      at: 'logs.RetentionDays.FIVE_YEARS',
      message: long(1827, 'retention: logs.RetentionDays.FIVE_YEARS'),
      fix: { change: 'set logs.RetentionDays.ONE_YEAR', from: 'logs.RetentionDays.FIVE_YEARS', to: 'logs.RetentionDays.ONE_YEAR' },
    }],
  },
  {
    name: 'CDK Lambda logRetention INFINITE',
    code: `${CDK}${LAMBDA}new lambda.Function(this, 'Api', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code, logRetention: logs.RetentionDays.INFINITE });`,
    ts: true,
    findings: [{
      at: 'logs.RetentionDays.INFINITE',
      message: unbounded('logRetention: logs.RetentionDays.INFINITE'),
      fix: { change: 'set logs.RetentionDays.ONE_YEAR', from: 'logs.RetentionDays.INFINITE', to: 'logs.RetentionDays.ONE_YEAR' },
    }],
  },
  {
    name: 'CDK NodejsFunction logRetention three years',
    code: `${CDK}import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';\nnew NodejsFunction(this, 'Fn', { entry: 'x.ts', logRetention: logs.RetentionDays.THREE_YEARS });`,
    ts: true,
    findings: [{
      at: 'logs.RetentionDays.THREE_YEARS',
      message: long(1096, 'logRetention: logs.RetentionDays.THREE_YEARS'),
      fix: { change: 'set logs.RetentionDays.ONE_YEAR', from: 'logs.RetentionDays.THREE_YEARS', to: 'logs.RetentionDays.ONE_YEAR' },
    }],
  },
  {
    name: 'CDK CfnLogGroup without retentionInDays never expires',
    code: `${CDK}new logs.CfnLogGroup(this, 'Raw', { logGroupName: '/app/raw' });`,
    ts: true,
    findings: [{
      at: "{ logGroupName: '/app/raw' }",
      message: unbounded('CfnLogGroup without retentionInDays'),
      fix: { change: 'add retentionInDays: 365', from: "'/app/raw' }", to: "'/app/raw', retentionInDays: 365 }" },
    }],
  },
  {
    name: 'CDK CfnLogGroup ten years',
    code: `${CDK}new logs.CfnLogGroup(this, 'Raw', { retentionInDays: 3653 });`,
    ts: true,
    findings: [{ at: '3653', message: long(3653, 'retentionInDays: 3653'), fix: { change: 'set 365', from: '3653', to: '365' } }],
  },
  {
    name: 'Pulumi LogGroup retentionInDays 0 never expires',
    code: `${PULUMI}new aws.cloudwatch.LogGroup('app', { retentionInDays: 0 });`,
    ts: true,
    findings: [{ at: '0', message: unbounded('retentionInDays: 0'), fix: { change: 'set 365', from: 'retentionInDays: 0', to: 'retentionInDays: 365' } }],
  },
  {
    name: 'Pulumi LogGroup without retentionInDays',
    code: `${PULUMI}new aws.cloudwatch.LogGroup('app', { name: '/app/api' });`,
    ts: true,
    findings: [{
      at: "{ name: '/app/api' }",
      message: unbounded('aws.cloudwatch.LogGroup without retentionInDays'),
      fix: { change: 'add retentionInDays: 365', from: "'/app/api' }", to: "'/app/api', retentionInDays: 365 }" },
    }],
  },
  {
    name: 'Pulumi LogGroup ten years',
    code: `${PULUMI}new aws.cloudwatch.LogGroup('app', { retentionInDays: 3650 });`,
    ts: true,
    findings: [{ at: '3650', message: long(3650, 'retentionInDays: 3650'), fix: { change: 'set 365', from: '3650', to: '365' } }],
  },
  {
    name: 'Pulumi: an audit trail kept a month',
    code: `${PULUMI}new aws.cloudwatch.LogGroup('audit-trail', { retentionInDays: 30 });`,
    ts: true,
    findings: [{ at: '30', message: short(30, 'retentionInDays: 30', 'audit-trail'), fix: { change: 'set 365', from: '30 }', to: '365 }' } }],
  },
  {
    name: 'Pulumi: retention from a constant product',
    code: `${PULUMI}const DAYS = 7 * 1000;\nnew aws.cloudwatch.LogGroup('app', { retentionInDays: DAYS });`,
    ts: true,
    findings: [{ at: 'DAYS', nth: 1, message: long(7000, 'retentionInDays: 7000'), fix: { change: 'set 365', from: 'retentionInDays: DAYS', to: 'retentionInDays: 365' } }],
  },
];

export const INVALID: RetentionSpec[] = [...winston, ...pinoRoll, ...streams, ...log4jsAndBunyan, ...infrastructure];

export const OPTION_INVALID: RetentionSpec[] = [
  {
    name: 'option maxDays: one year at most',
    code: `${DRF}new DailyRotateFile({ filename: 'app.log', maxFiles: '400d' });`,
    options: [{ maxDays: 365 }],
    findings: [{ at: "'400d'", message: long(400, "maxFiles: '400d'", 365), fix: { change: "set '365d'", from: "'400d'", to: "'365d'" } }],
  },
  {
    name: 'option securityLogWords: compliance logs are security logs',
    code: `${DRF}new DailyRotateFile({ filename: 'compliance-%DATE%.log', maxFiles: '7d' });`,
    options: [{ securityLogWords: ['compliance'] }],
    findings: [{ at: "'7d'", message: short(7, "maxFiles: '7d'", 'compliance-%DATE%.log'), fix: { change: "set '365d'", from: "'7d'", to: "'365d'" } }],
  },
  {
    name: 'option minDays: half a year for security logs',
    code: `${DRF}new DailyRotateFile({ filename: 'audit.log', maxFiles: '120d' });`,
    options: [{ minDays: 180 }],
    findings: [{ at: "'120d'", message: short(120, "maxFiles: '120d'", 'audit.log', 180), fix: { change: "set '365d'", from: "'120d'", to: "'365d'" } }],
  },
  {
    name: 'option maxDays below the suggestion: the fix keeps to the bound',
    code: `${FSR}FileStreamRotator.getStream({ filename: 'app.log', max_logs: '400d' });`,
    options: [{ maxDays: 180 }],
    findings: [{ at: "'400d'", message: long(400, "max_logs: '400d'", 180), fix: { days: 180, change: "set '180d'", from: "'400d'", to: "'180d'" } }],
  },
];

export const VALID: { name: string; code: string; ts?: boolean; options?: readonly unknown[] }[] = [
  { name: "winston-daily-rotate-file: '365d'", code: `${DRF}new DailyRotateFile({ filename: 'app.log', maxFiles: '365d' });` },
  { name: "winston-daily-rotate-file: an app log kept '14d'", code: `${DRF}new DailyRotateFile({ filename: 'app-%DATE%.log', maxFiles: '14d' });` },
  { name: "winston-daily-rotate-file: an audit log kept '90d'", code: `${DRF}new DailyRotateFile({ filename: 'audit-%DATE%.log', maxFiles: '90d' });` },
  { name: 'winston-daily-rotate-file: 400 daily files', code: `${DRF}new DailyRotateFile({ filename: 'audit.log', maxFiles: 400 });` },
  { name: 'winston-daily-rotate-file: options spread from elsewhere', code: `${DRF}new DailyRotateFile({ ...base, filename: 'app.log' });` },
  { name: 'winston-daily-rotate-file: maxFiles from the environment', code: `${DRF}new DailyRotateFile({ filename: 'app.log', maxFiles: process.env.LOG_MAX_FILES });` },
  { name: 'winston File transport with maxFiles', code: `${WINSTON}new winston.transports.File({ filename: 'app.log', maxsize: 10485760, maxFiles: 5 });` },
  { name: 'winston Console transport', code: `${WINSTON}new winston.transports.Console();` },
  { name: 'pino-roll: a year of daily files', code: `${PINO}pino.transport({ target: 'pino-roll', options: { file: 'app', frequency: 'daily', limit: { count: 365 } } });` },
  { name: 'pino-roll: size only with a count', code: `${PINO}pino.transport({ target: 'pino-roll', options: { file: 'app', size: '10m', limit: { count: 10 } } });` },
  { name: 'pino-pretty is not pino-roll', code: `${PINO}pino.transport({ target: 'pino-pretty', options: { colorize: true } });` },
  { name: 'rotating-file-stream: bounded by size', code: `${RFS}createStream('app.log', { size: '10M', maxSize: '1G' });` },
  { name: 'rotating-file-stream: a year of daily files', code: `${RFS}createStream('audit.log', { interval: '1d', maxFiles: 365 });` },
  { name: "file-stream-rotator: '365d'", code: `${FSR}FileStreamRotator.getStream({ filename: 'audit.log', max_logs: '365d' });` },
  { name: 'log4js: an app dateFile with the default backup', code: `${LOG4JS}log4js.configure({ appenders: { app: { type: 'dateFile', filename: 'app.log' } }, categories: {} });` },
  { name: 'log4js: an audit dateFile kept a year', code: `${LOG4JS}log4js.configure({ appenders: { audit: { type: 'dateFile', filename: 'audit.log', numBackups: 365 } }, categories: {} });` },
  { name: 'log4js: a plain file appender', code: `${LOG4JS}log4js.configure({ appenders: { out: { type: 'stdout' }, f: { type: 'file', filename: 'a.log' } }, categories: {} });` },
  { name: 'bunyan: default rotation of an app log', code: `${BUNYAN}bunyan.createLogger({ name: 'api', streams: [{ type: 'rotating-file', path: 'api.log' }] });` },
  { name: 'bunyan: a file stream', code: `${BUNYAN}bunyan.createLogger({ name: 'audit', streams: [{ path: 'audit.log' }] });` },
  { name: 'CDK LogGroup: the default two years', code: `${CDK}new logs.LogGroup(this, 'AuditLogs');`, ts: true },
  { name: 'CDK LogGroup: TWO_YEARS', code: `${CDK}new logs.LogGroup(this, 'AuditLogs', { retention: logs.RetentionDays.TWO_YEARS });`, ts: true },
  { name: 'CDK LogGroup: an app group kept a week', code: `${CDK}new logs.LogGroup(this, 'AppLogs', { retention: logs.RetentionDays.ONE_WEEK });`, ts: true },
  { name: 'CDK Lambda without logRetention', code: `${LAMBDA}new lambda.Function(this, 'Fn', { handler: 'index.handler', code });`, ts: true },
  { name: 'Pulumi LogGroup: a year', code: `${PULUMI}new aws.cloudwatch.LogGroup('audit', { retentionInDays: 365 });`, ts: true },
  { name: 'a local LogGroup class is not CDK', code: "class LogGroup {}\nnew LogGroup(this, 'x', { retention: RetentionDays.INFINITE });" },
  { name: 'configure from another module', code: "import { configure } from 'other';\nconfigure({ appenders: { audit: { type: 'dateFile', numBackups: 10000 } } });" },
];

export const OPTION_VALID: typeof VALID = [
  { name: 'option maxDays: three years allowed', code: `${DRF}new DailyRotateFile({ filename: 'app.log', maxFiles: '1000d' });`, options: [{ maxDays: 1100 }] },
  { name: 'option minDays: 0 turns off the lower bound', code: `${DRF}new DailyRotateFile({ filename: 'audit.log', maxFiles: '7d' });`, options: [{ minDays: 0 }] },
];
