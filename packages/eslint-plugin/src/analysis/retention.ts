// Reads log rotation and retention settings (catalog/retention.ts) and
// computes how many days logs are kept: a day count, a file count times the
// rotation period, or unbounded. Values are read from literals and constants.
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  BUNYAN_CREATE,
  BUNYAN_DEFAULT_COUNT,
  BUNYAN_DEFAULT_PERIOD,
  CDK_CFN_LOG_GROUP,
  CDK_LAMBDA_FUNCTION,
  CDK_LOG_GROUP,
  CDK_RETENTION_DAYS,
  CDK_SUGGESTED_MEMBER,
  DAILY_ROTATE_DEFAULT_PATTERN,
  DAILY_ROTATE_FILE,
  FILE_STREAM_ROTATOR,
  LOG4JS_CONFIGURE,
  LOG4JS_DEFAULT_BACKUPS,
  LOG4JS_DEFAULT_PATTERN,
  LOG_NAME_OPTIONS,
  PINO_ROLL,
  PULUMI_LOG_GROUP,
  ROTATING_FILE_STREAM,
  WINSTON_FILE,
  type RetentionEntry,
} from '../catalog';
import { compactText, keyName, propertyName, staticString, unwrap } from './ast';
import type { Resolver } from './resolve';

type Node = TSESTree.Node;

/** How to change a setting so logs are kept `days` days: the replacement text of one node, or a property to add. */
export interface RetentionFix {
  /** `replace`: put `text(days)` in place of `node`; `insert`: add the property `text(days)` to the object `node`. */
  readonly how: 'replace' | 'insert';
  readonly node: Node;
  /** The source text for a retention of about `days` days, and how the suggestion describes it. */
  readonly text: (days: number) => string;
}

/** One retention setting and what it amounts to. */
export interface Retention {
  /** Where to report: the setting's value, or the options that lack it. */
  readonly node: Node;
  /** Days the logs are kept; undefined when unbounded. */
  readonly days: number | undefined;
  /** The setting as the message names it (`maxFiles: 30 × 1-day rotation`, `RetentionDays.INFINITE`). */
  readonly setting: string;
  /** Strings that name the log: file names, labels, group names, construct ids. */
  readonly names: readonly string[];
  readonly fix?: RetentionFix;
}

const DAY_MS = 86_400_000;

/** Recognizes retention settings in one file. */
export class RetentionReader {
  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly resolver: Resolver,
  ) {}

  /**
   * The retention settings a `new` expression or call makes (a transport,
   * stream, logger configuration, log group or function), if any.
   *
   * @param node a `NewExpression` or `CallExpression`
   * @returns one entry per log it configures (log4js and bunyan configure several); empty for anything else
   */
  retentionsOf(node: TSESTree.NewExpression | TSESTree.CallExpression): Retention[] {
    const callee = unwrap(node.callee);
    // Most calls are not these: decide on the callee's last name before any scope lookup.
    // A local name can be anything (`import rfs from …`); a member must be one of the entry points.
    if (callee.type === AST_NODE_TYPES.MemberExpression && !MEMBER_NAMES.has(propertyName(callee) ?? '')) return [];
    if (callee.type !== AST_NODE_TYPES.MemberExpression && callee.type !== AST_NODE_TYPES.Identifier) return [];
    const origin = this.resolver.importOf(callee);
    if (!origin) return [];
    const is = (entries: readonly RetentionEntry[]): boolean =>
      entries.some((entry) => entry.module === origin.module && sameSteps(entry.path, origin.path));
    const args = node.arguments;
    const named = [...this.bindingName(node)];
    if (node.type === AST_NODE_TYPES.NewExpression) {
      if (is(DAILY_ROTATE_FILE)) return this.dailyRotateFile(node, args[0], named);
      if (is(WINSTON_FILE)) return this.winstonFile(node, args[0], named);
      const id = staticString(args[1]);
      if (is(CDK_LOG_GROUP)) return this.cdkRetention(args[2], 'retention', [...named, ...(id ? [id] : [])]);
      if (is(CDK_LAMBDA_FUNCTION)) return this.cdkRetention(args[2], 'logRetention', [...named, ...(id ? [id] : [])]);
      if (is(CDK_CFN_LOG_GROUP)) return this.daysInOption(node, args[2], [...named, ...(id ? [id] : [])], 'CfnLogGroup');
      const name = staticString(args[0]);
      if (is(PULUMI_LOG_GROUP)) return this.daysInOption(node, args[1], [...named, ...(name ? [name] : [])], 'aws.cloudwatch.LogGroup');
      return [];
    }
    if (is(PINO_ROLL)) return this.pinoRoll(args[0], named);
    if (is(ROTATING_FILE_STREAM)) {
      const file = staticString(args[0]);
      return this.rotatingFileStream(node, args[1], [...named, ...(file ? [file] : [])]);
    }
    if (is(FILE_STREAM_ROTATOR)) return this.fileStreamRotator(node, args[0], named);
    if (is(LOG4JS_CONFIGURE)) return this.log4js(args[0]);
    if (is(BUNYAN_CREATE)) return this.bunyan(args[0]);
    return [];
  }

  /**
   * A pino transport target `{ target: 'pino-roll', options: { … } }`.
   *
   * @param target the object with the `target` property
   */
  pinoRollTarget(target: TSESTree.ObjectExpression): Retention[] {
    const options = this.property(target, 'options');
    return options ? this.pinoRoll(options.value, []) : [];
  }

  // ── libraries ──────────────────────────────────────────────────────────

  private dailyRotateFile(node: Node, optionsNode: Node | undefined, named: string[]): Retention[] {
    const options = this.objectOf(optionsNode);
    if (!options) return optionsNode ? [] : [{ node, days: undefined, setting: 'winston-daily-rotate-file without maxFiles', names: named }];
    const names = [...named, ...this.logNames(options)];
    const maxFiles = this.property(options, 'maxFiles');
    if (!maxFiles) {
      return this.hasSpread(options) ? [] : [{
        node: options, days: undefined, setting: 'winston-daily-rotate-file without maxFiles', names,
        fix: { how: 'insert', node: options, text: (days) => `maxFiles: '${days}d'` },
      }];
    }
    const value = this.constant(maxFiles.value);
    const fix: RetentionFix = { how: 'replace', node: maxFiles.value, text: (days) => `'${days}d'` };
    if (value === null) return [{ node: maxFiles.value, days: undefined, setting: 'maxFiles: null', names, fix }];
    const inDays = typeof value === 'string' ? /^(\d+)d$/.exec(value.trim()) : null;
    if (inDays) return [{ node: maxFiles.value, days: Number(inDays[1]), setting: `maxFiles: '${value}'`, names, fix }];
    const count = countOf(value);
    const frequency = this.stringOption(options, 'frequency');
    const pattern = this.stringOption(options, 'datePattern') ?? DAILY_ROTATE_DEFAULT_PATTERN;
    const period = frequency !== undefined ? shortPeriodDays(frequency) : patternPeriodDays(pattern);
    if (count === undefined || period === undefined) return [];
    return [{ node: maxFiles.value, days: count * period, setting: `maxFiles: ${count} × ${periodText(period)} rotation`, names, fix }];
  }

  private winstonFile(node: Node, optionsNode: Node | undefined, named: string[]): Retention[] {
    const options = this.objectOf(optionsNode);
    if (optionsNode && !options) return [];
    if (options && (this.property(options, 'maxFiles') || this.hasSpread(options))) return [];
    // Size-based at best: no limit in days to offer, so no quick-fix.
    return [{ node: options ?? node, days: undefined, setting: 'winston File transport without maxFiles', names: [...named, ...(options ? this.logNames(options) : [])] }];
  }

  private pinoRoll(optionsNode: Node | undefined, named: string[]): Retention[] {
    const options = this.objectOf(optionsNode);
    if (!options || this.hasSpread(options)) return [];
    const names = [...named, ...this.logNames(options)];
    const frequency = this.property(options, 'frequency');
    const frequencyValue = frequency ? this.constant(frequency.value) : undefined;
    const period =
      frequencyValue === 'daily' ? 1 : frequencyValue === 'hourly' ? 1 / 24 : typeof frequencyValue === 'number' ? frequencyValue / DAY_MS : undefined;
    const limit = this.property(options, 'limit');
    const limitObject = limit ? this.objectOf(limit.value) : undefined;
    const count = limitObject ? this.property(limitObject, 'count') : undefined;
    const fixCount = (days: number): string => String(Math.max(1, Math.round(days / (period ?? 1))));
    if (!count) {
      if (limit && !limitObject) return [];
      const fix: RetentionFix | undefined =
        period === undefined ? undefined : limitObject ? { how: 'insert', node: limitObject, text: (days) => `count: ${fixCount(days)}` } : { how: 'insert', node: options, text: (days) => `limit: { count: ${fixCount(days)} }` };
      return [{ node: limitObject ?? options, days: undefined, setting: 'pino-roll without limit.count', names, ...(fix ? { fix } : {}) }];
    }
    const value = countOf(this.constant(count.value));
    if (value === undefined || period === undefined) return [];
    return [{
      node: count.value, days: value * period, setting: `limit.count: ${value} × ${periodText(period)} rotation`, names,
      fix: { how: 'replace', node: count.value, text: fixCount },
    }];
  }

  private rotatingFileStream(node: Node, optionsNode: Node | undefined, named: string[]): Retention[] {
    const options = this.objectOf(optionsNode);
    if (optionsNode && !options) return [];
    if (options && this.hasSpread(options)) return [];
    const names = [...named, ...(options ? this.logNames(options) : [])];
    const interval = options ? this.stringOption(options, 'interval') : undefined;
    const period = interval === undefined ? undefined : intervalDays(interval);
    const maxFiles = options ? this.property(options, 'maxFiles') : undefined;
    const fixCount = (days: number): string => String(Math.max(1, Math.round(days / (period ?? 1))));
    if (!maxFiles) {
      if (options && this.property(options, 'maxSize')) return []; // bounded by size, not time
      const fix: RetentionFix | undefined = options && period !== undefined ? { how: 'insert', node: options, text: (days) => `maxFiles: ${fixCount(days)}` } : undefined;
      return [{ node: options ?? node, days: undefined, setting: 'rotating-file-stream without maxFiles or maxSize', names, ...(fix ? { fix } : {}) }];
    }
    const count = countOf(this.constant(maxFiles.value));
    if (count === undefined || period === undefined) return [];
    return [{
      node: maxFiles.value, days: count * period, setting: `maxFiles: ${count} × ${periodText(period)} interval`, names,
      fix: { how: 'replace', node: maxFiles.value, text: fixCount },
    }];
  }

  private fileStreamRotator(node: Node, optionsNode: Node | undefined, named: string[]): Retention[] {
    const options = this.objectOf(optionsNode);
    if (!options || this.hasSpread(options)) return optionsNode ? [] : [{ node, days: undefined, setting: 'file-stream-rotator without max_logs', names: named }];
    const names = [...named, ...this.logNames(options)];
    const maxLogs = this.property(options, 'max_logs');
    if (!maxLogs) {
      return [{ node: options, days: undefined, setting: 'file-stream-rotator without max_logs', names, fix: { how: 'insert', node: options, text: (days) => `max_logs: '${days}d'` } }];
    }
    const value = this.constant(maxLogs.value);
    const fix: RetentionFix = { how: 'replace', node: maxLogs.value, text: (days) => `'${days}d'` };
    const inDays = typeof value === 'string' ? /^(\d+)d$/.exec(value.trim()) : null;
    if (inDays) return [{ node: maxLogs.value, days: Number(inDays[1]), setting: `max_logs: '${inDays[0]}'`, names, fix }];
    const count = countOf(value);
    const frequency = this.stringOption(options, 'frequency') ?? 'daily';
    const period = frequency === 'daily' ? 1 : shortPeriodDays(frequency);
    if (count === undefined || period === undefined) return [];
    return [{ node: maxLogs.value, days: count * period, setting: `max_logs: ${count} × ${periodText(period)} rotation`, names, fix }];
  }

  private log4js(configNode: Node | undefined): Retention[] {
    const appenders = this.objectOf(this.property(this.objectOf(configNode), 'appenders')?.value);
    if (!appenders) return [];
    const result: Retention[] = [];
    for (const entry of appenders.properties) {
      if (entry.type !== AST_NODE_TYPES.Property) continue;
      const appender = this.objectOf(entry.value);
      if (!appender || this.stringOption(appender, 'type') !== 'dateFile' || this.hasSpread(appender)) continue;
      const label = keyName(entry);
      const names = [...(label ? [label] : []), ...this.logNames(appender)];
      const period = patternPeriodDays(this.stringOption(appender, 'pattern') ?? LOG4JS_DEFAULT_PATTERN);
      if (period === undefined) continue;
      const backups = this.property(appender, 'numBackups') ?? this.property(appender, 'daysToKeep');
      const fixCount = (days: number): string => String(Math.max(1, Math.round(days / period)));
      if (!backups) {
        result.push({
          node: appender, days: LOG4JS_DEFAULT_BACKUPS * period, setting: `log4js dateFile default numBackups: ${LOG4JS_DEFAULT_BACKUPS} × ${periodText(period)} rotation`, names,
          fix: { how: 'insert', node: appender, text: (days) => `numBackups: ${fixCount(days)}` },
        });
        continue;
      }
      const count = countOf(this.constant(backups.value));
      if (count === undefined) continue;
      const key = backups.key.type === AST_NODE_TYPES.Identifier ? backups.key.name : 'numBackups';
      result.push({
        node: backups.value, days: count * period, setting: `${key}: ${count} × ${periodText(period)} rotation`, names,
        fix: { how: 'replace', node: backups.value, text: fixCount },
      });
    }
    return result;
  }

  private bunyan(optionsNode: Node | undefined): Retention[] {
    const options = this.objectOf(optionsNode);
    const streams = options ? this.property(options, 'streams') : undefined;
    const list = streams ? this.constantNode(streams.value) : undefined;
    if (!options || list?.type !== AST_NODE_TYPES.ArrayExpression) return [];
    const loggerName = this.stringOption(options, 'name');
    const result: Retention[] = [];
    for (const element of list.elements) {
      const stream = element ? this.objectOf(element) : undefined;
      if (!stream || this.stringOption(stream, 'type') !== 'rotating-file' || this.hasSpread(stream)) continue;
      const names = [...(loggerName ? [loggerName] : []), ...this.logNames(stream)];
      const periodText_ = this.stringOption(stream, 'period') ?? BUNYAN_DEFAULT_PERIOD;
      const period = bunyanPeriodDays(periodText_);
      if (period === undefined) continue;
      const countProperty = this.property(stream, 'count');
      const count = countProperty ? countOf(this.constant(countProperty.value)) : BUNYAN_DEFAULT_COUNT;
      if (count === undefined) continue;
      const fixCount = (days: number): string => String(Math.max(1, Math.round(days / period)));
      result.push({
        node: countProperty?.value ?? stream,
        days: count * period,
        setting: `${countProperty ? 'count' : 'default count'}: ${count} × period '${periodText_}'`,
        names,
        fix: countProperty ? { how: 'replace', node: countProperty.value, text: fixCount } : { how: 'insert', node: stream, text: (days) => `count: ${fixCount(days)}` },
      });
    }
    return result;
  }

  /** CDK `retention` / `logRetention`: a `RetentionDays` member; absent means CDK's default (or the function's own group). */
  private cdkRetention(optionsNode: Node | undefined, key: string, names: string[]): Retention[] {
    const options = this.objectOf(optionsNode);
    const setting = options ? this.property(options, key) : undefined;
    if (!options || !setting) return [];
    names.push(...this.logNames(options));
    const value = unwrap(setting.value);
    if (value.type !== AST_NODE_TYPES.MemberExpression) return [];
    const member = propertyName(value);
    const days = member === undefined ? undefined : CDK_RETENTION_DAYS[member];
    if (days === undefined) return [];
    const objectText = this.sourceCode.getText(value.object);
    return [{
      node: setting.value,
      days: days === 'unbounded' ? undefined : days,
      setting: `${key}: ${compactText(this.sourceCode.getText(value), 60)}`,
      names,
      // Only the one member the catalog offers: RetentionDays has no member for arbitrary day counts.
      fix: { how: 'replace', node: setting.value, text: () => `${objectText}.${CDK_SUGGESTED_MEMBER}` },
    }];
  }

  /** `retentionInDays` (CloudFormation, Pulumi): absent or 0 never expires. */
  private daysInOption(node: Node, optionsNode: Node | undefined, names: string[], what: string): Retention[] {
    const options = this.objectOf(optionsNode);
    if (optionsNode && !options) return [];
    if (options && this.hasSpread(options)) return [];
    if (options) names.push(...this.logNames(options));
    const setting = options ? this.property(options, 'retentionInDays') : undefined;
    if (!setting) {
      return [{
        node: options ?? node, days: undefined, setting: `${what} without retentionInDays`, names,
        ...(options ? { fix: { how: 'insert' as const, node: options, text: (days: number) => `retentionInDays: ${days}` } } : {}),
      }];
    }
    const value = countOf(this.constant(setting.value));
    if (value === undefined) return [];
    return [{
      node: setting.value, days: value === 0 ? undefined : value, setting: `retentionInDays: ${value}`, names,
      fix: { how: 'replace', node: setting.value, text: (days) => String(days) },
    }];
  }

  // ── reading values ─────────────────────────────────────────────────────

  /** `const auditTransport = new …`: the name it is bound to says what the log is. */
  private *bindingName(node: Node): Iterable<string> {
    let current: Node = node;
    while (current.parent && (current.parent.type === AST_NODE_TYPES.AwaitExpression || current.parent.type === AST_NODE_TYPES.TSAsExpression)) {
      current = current.parent;
    }
    const parent = current.parent;
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) yield parent.id.name;
    if (parent?.type === AST_NODE_TYPES.PropertyDefinition || parent?.type === AST_NODE_TYPES.Property) {
      const key = parent.key;
      if (key.type === AST_NODE_TYPES.Identifier) yield key.name;
    }
  }

  private logNames(options: TSESTree.ObjectExpression): string[] {
    const names: string[] = [];
    for (const key of LOG_NAME_OPTIONS) {
      const property = this.property(options, key);
      const value = property ? this.constant(property.value) : undefined;
      if (typeof value === 'string') names.push(value);
      else if (property) names.push(compactText(this.sourceCode.getText(property.value)));
    }
    return names;
  }

  private property(object: TSESTree.ObjectExpression | undefined, key: string): TSESTree.Property | undefined {
    if (!object) return undefined;
    for (const property of object.properties) {
      if (property.type === AST_NODE_TYPES.Property && keyName(property) === key) return property;
    }
    return undefined;
  }

  private hasSpread(object: TSESTree.ObjectExpression): boolean {
    return object.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement);
  }

  private stringOption(object: TSESTree.ObjectExpression, key: string): string | undefined {
    const property = this.property(object, key);
    const value = property ? this.constant(property.value) : undefined;
    return typeof value === 'string' ? value : undefined;
  }

  private objectOf(node: Node | undefined): TSESTree.ObjectExpression | undefined {
    const value = node ? this.constantNode(node) : undefined;
    return value?.type === AST_NODE_TYPES.ObjectExpression ? value : undefined;
  }

  /** The expression, or the single value of the constant it names. */
  private constantNode(node: Node): Node {
    const inner = unwrap(node);
    if (inner.type !== AST_NODE_TYPES.Identifier) return inner;
    const single = this.resolver.singleValue(inner);
    return single && single.pattern.steps.length === 0 ? unwrap(single.value) : inner;
  }

  /** A string, number or null a setting holds; undefined when not known statically. */
  private constant(node: Node): string | number | null | undefined {
    const value = this.constantNode(node);
    if (value.type === AST_NODE_TYPES.Literal) {
      if (value.value === null) return null;
      if (typeof value.value === 'string' || typeof value.value === 'number') return value.value;
      return undefined;
    }
    if (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined') return undefined;
    if (value.type === AST_NODE_TYPES.BinaryExpression && value.operator === '*') {
      const left = this.constant(value.left);
      const right = this.constant(value.right);
      return typeof left === 'number' && typeof right === 'number' ? left * right : undefined;
    }
    return staticString(value);
  }
}

/** The member names worth an import lookup: the last step of every entry point. */
const MEMBER_NAMES = new Set(
  [DAILY_ROTATE_FILE, WINSTON_FILE, PINO_ROLL, ROTATING_FILE_STREAM, FILE_STREAM_ROTATOR, LOG4JS_CONFIGURE, BUNYAN_CREATE, CDK_LOG_GROUP, CDK_CFN_LOG_GROUP, CDK_LAMBDA_FUNCTION, PULUMI_LOG_GROUP]
    .flat()
    .flatMap((entry) => entry.path.slice(-1)),
);

function sameSteps(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((step, i) => step === b[i]);
}

/** A file count: a non-negative integer, or a string of digits. */
function countOf(value: string | number | null | undefined): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return Number(value);
  return undefined;
}

/** `'5m'`, `'3h'`, `'2d'` (winston-daily-rotate-file `frequency`, file-stream-rotator `frequency`), in days. */
function shortPeriodDays(text: string): number | undefined {
  const match = /^\s*(\d+)\s*([mhd])\s*$/i.exec(text);
  if (!match) return undefined;
  const n = Number(match[1]);
  const unit = (match[2] ?? 'd').toLowerCase();
  return unit === 'm' ? n / 1440 : unit === 'h' ? n / 24 : n;
}

/** rotating-file-stream `interval`: `'10s'`, `'30m'`, `'12h'`, `'1d'`, `'1M'` (months), in days. */
function intervalDays(text: string): number | undefined {
  const match = /^\s*(\d+)\s*([smhdM])\s*$/.exec(text);
  if (!match) return undefined;
  const n = Number(match[1]);
  const factor = { s: 1 / 86400, m: 1 / 1440, h: 1 / 24, d: 1, M: 365 / 12 }[match[2] as 's' | 'm' | 'h' | 'd' | 'M'];
  return n * factor;
}

/** bunyan `period`: `'1h'`, `'1d'`, `'1w'`, `'1m'` (months), `'1y'`, or `hourly`/`daily`/`weekly`/`monthly`/`yearly`. */
function bunyanPeriodDays(text: string): number | undefined {
  const words: Record<string, string> = { hourly: '1h', daily: '1d', weekly: '1w', monthly: '1m', yearly: '1y' };
  const match = /^\s*(\d+)\s*([hdwmy])\s*$/.exec(words[text] ?? text);
  if (!match) return undefined;
  const factor = { h: 1 / 24, d: 1, w: 7, m: 365 / 12, y: 365 }[match[2] as 'h' | 'd' | 'w' | 'm' | 'y'];
  return Number(match[1]) * factor;
}

/** The rotation a date pattern gives: its finest unit (moment-style `YYYY-MM-DD-HH`, log4js `yyyy-MM-dd-hh`). */
function patternPeriodDays(pattern: string): number | undefined {
  const stripped = pattern.replace(/\[[^\]]*\]/g, '');
  if (/mm/.test(stripped)) return 1 / 1440;
  if (/[Hh]/.test(stripped)) return 1 / 24;
  if (/[Dd]/.test(stripped)) return 1;
  if (/w/i.test(stripped)) return 7;
  if (/M/.test(stripped)) return 365 / 12;
  if (/[Yy]/.test(stripped)) return 365;
  return undefined;
}

/** `1-day`, `1-hour`, `5-minute`, `1-month`: a rotation period in words. */
function periodText(days: number): string {
  const near = (a: number, b: number): boolean => Math.abs(a - b) < 1e-9;
  if (near(days, 365 / 12)) return '1-month';
  if (days >= 1 && Number.isInteger(days)) return days % 7 === 0 && days >= 7 ? `${days / 7}-week` : `${days}-day`;
  const hours = days * 24;
  if (near(hours, Math.round(hours)) && hours >= 1) return `${Math.round(hours)}-hour`;
  return `${Math.round(days * 1440)}-minute`;
}
