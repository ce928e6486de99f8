// Access-log configurations that record identifiers: morgan formats and
// tokens, pino-based request loggers without serializers or redact paths,
// express-winston without a header blacklist. Reads the catalog
// (catalog/access-log.ts) and answers with findings; the rule reports them.
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import {
  EXPRESS_WINSTON_DEFAULT_WHITELIST,
  EXPRESS_WINSTON_FACTORIES,
  EXPRESS_WINSTON_FIELDS,
  EXPRESS_WINSTON_HEADERS,
  EXPRESS_WINSTON_MODULE,
  MORGAN_FORMATS,
  MORGAN_HEADER_TOKENS,
  MORGAN_IDENTIFYING_TOKENS,
  MORGAN_MODULE,
  PINO_REQUEST_LOGGERS,
  type Kind,
  type PinoRequestLogger,
  type RecordedField,
} from '../catalog';
import { compactText, keyName, staticString, unwrap } from './ast';
import type { ImportOrigin, Resolver } from './resolve';
import { headerKind, type Settings } from './settings';

type Node = TSESTree.Node;
type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/** How the quick-fix changes the configuration. */
export type AccessLogFix =
  /** Replace `replace` (default: `target`) with `morganFormat(<target text>)`. */
  | { readonly type: 'morgan-format'; readonly target: Node; readonly replace?: Node }
  /** `morgan()` → `morgan(morganFormat('default'))`. */
  | { readonly type: 'morgan-default'; readonly call: TSESTree.CallExpression }
  /** Give a pino-based logger the runtime's serializers or redact options. */
  | {
      readonly type: 'pino';
      readonly logger: PinoRequestLogger;
      /** The call or plugin object that configures the logger. */
      readonly at: TSESTree.CallExpression | TSESTree.ObjectExpression | TSESTree.Property;
      /** The middleware's options object literal, when there is one. */
      readonly options: TSESTree.ObjectExpression | undefined;
    }
  /** Add express-winston's `headerBlacklist` or `requestFilter` from the runtime. */
  | {
      readonly type: 'express-winston';
      readonly option: 'headerBlacklist' | 'requestFilter';
      readonly call: TSESTree.CallExpression;
      readonly options: TSESTree.ObjectExpression | undefined;
    };

/** One kind of identifier an access-log configuration records. */
export interface AccessLogFinding {
  /** Where to report. */
  readonly node: Node;
  readonly kind: Kind;
  /** How the message names the configuration: `morgan format 'combined'`, `pino-http's default request serializer`. */
  readonly recorder: string;
  /** The tokens or fields that record it: `:remote-addr`, `req.headers.cookie`. */
  readonly fields: string;
  readonly fix: AccessLogFix;
}

/** A morgan token registration, whose function's returns reach every line that uses the token. */
export interface MorganTokenRegistration {
  readonly name: string;
  readonly fn: FunctionNode;
}

const MODULES = [MORGAN_MODULE, EXPRESS_WINSTON_MODULE, ...new Set(PINO_REQUEST_LOGGERS.map((logger) => logger.module))];

/**
 * Whether a file's text names any access-log module. A file that does not
 * cannot import one (imports name their module literally), so the rule
 * skips it without visiting a node: most files log no requests.
 */
export function mentionsAccessLogModule(text: string): boolean {
  return MODULES.some((module) => text.includes(module));
}

/**
 * Recognises the access-log configurations of one file. Answers per call
 * or object; never throws on odd syntax (unknown shapes give no finding).
 */
export class AccessLogFinder {
  constructor(
    private readonly settings: Settings,
    private readonly resolver: Resolver,
  ) {}

  /** Findings for a call: morgan, `morgan.compile`/`.format`, pino request loggers, express-winston, hapi `register(plugin)`. */
  callFindings(call: TSESTree.CallExpression): AccessLogFinding[] {
    const origin = this.resolver.importOf(call.callee);
    if (!origin) return this.pluginArgument(call);
    if (origin.module === MORGAN_MODULE) return this.morgan(call, origin.path);
    if (origin.module === EXPRESS_WINSTON_MODULE) return this.expressWinston(call, origin.path);
    for (const logger of PINO_REQUEST_LOGGERS) {
      if (logger.form === 'plugin' || logger.module !== origin.module || !sameExport(origin, logger.export)) continue;
      return logger.form === 'call' ? this.pinoCall(call, logger) : this.pinoOption(call, logger);
    }
    return [];
  }

  /** hapi `server.register({ plugin: hapiPino, options })`: the plugin object. */
  pluginFindings(object: TSESTree.ObjectExpression): AccessLogFinding[] {
    const plugin = property(object, 'plugin');
    if (!plugin) return [];
    const logger = this.pluginLogger(plugin.value);
    if (!logger) return [];
    const options = property(object, 'options');
    if (!options) return this.pinoFindings(logger, plugin.value, { type: 'pino', logger, at: object, options: undefined }, undefined);
    const literal = this.objectOf(options.value);
    if (!literal) return [];
    return this.pinoFindings(logger, plugin.value, { type: 'pino', logger, at: object, options: literal }, literal);
  }

  /** `morgan.token(name, fn)`: the token and its function, when both are static. */
  morganToken(call: TSESTree.CallExpression): MorganTokenRegistration | undefined {
    const origin = this.resolver.importOf(call.callee);
    if (origin?.module !== MORGAN_MODULE || !sameSteps(origin.path, ['token'])) return undefined;
    const name = staticString(call.arguments[0]);
    const fn = call.arguments[1] ? this.resolver.localFunction(call.arguments[1]) : undefined;
    return name !== undefined && fn ? { name, fn } : undefined;
  }

  // ── morgan ──────────────────────────────────────────────────────────────
  private morgan(call: TSESTree.CallExpression, path: readonly string[]): AccessLogFinding[] {
    if (path.length === 0) {
      const format = call.arguments[0];
      if (!format) return this.morganFormat(call.callee, 'default', { type: 'morgan-default', call });
      if (format.type === AST_NODE_TYPES.SpreadElement) return [];
      const text = this.stringOf(format);
      return text === undefined ? [] : this.morganFormat(format, text, { type: 'morgan-format', target: format });
    }
    if (sameSteps(path, ['compile'])) {
      const format = call.arguments[0];
      const text = format && format.type !== AST_NODE_TYPES.SpreadElement ? this.stringOf(format) : undefined;
      // compile takes a format string, never a name
      return text === undefined || format === undefined
        ? []
        : this.morganFormat(format, text, { type: 'morgan-format', target: format, replace: call }, false);
    }
    if (sameSteps(path, ['format'])) {
      const format = call.arguments[1];
      const text = format && format.type !== AST_NODE_TYPES.SpreadElement ? this.stringOf(format) : undefined;
      return text === undefined || format === undefined ? [] : this.morganFormat(format, text, { type: 'morgan-format', target: format }, false);
    }
    return [];
  }

  private morganFormat(node: Node, format: string, fix: AccessLogFix, byName = true): AccessLogFinding[] {
    const named = byName && Object.prototype.hasOwnProperty.call(MORGAN_FORMATS, format);
    // a bare word is the name of a format defined elsewhere (`morgan.format(name, …)` is checked there)
    if (byName && !named && !format.includes(':')) return [];
    const text = named ? (MORGAN_FORMATS[format]) : format;
    const recorder = `morgan format '${named ? format : compactText(format, 60)}'`;
    const byKind = new Map<Kind, string[]>();
    for (const match of text.matchAll(/:([-\w]{2,})(?:\[([^\]]+)\])?/g)) {
      const [written, name, argument] = match;
      const kind =
        MORGAN_IDENTIFYING_TOKENS[name] ??
        (argument !== undefined && MORGAN_HEADER_TOKENS.includes(name) ? headerKind(this.settings, argument) : undefined);
      if (kind === undefined || !this.settings.kinds.has(kind)) continue;
      const fields = byKind.get(kind) ?? [];
      if (!fields.includes(written)) fields.push(written);
      byKind.set(kind, fields);
    }
    return [...byKind].map(([kind, fields]) => ({ node, kind, recorder, fields: fields.join(', '), fix }));
  }

  // ── pino request loggers ────────────────────────────────────────────────
  private pinoCall(call: TSESTree.CallExpression, logger: PinoRequestLogger): AccessLogFinding[] {
    const argument = call.arguments[0];
    if (!argument) return this.pinoFindings(logger, call.callee, { type: 'pino', logger, at: call, options: undefined }, undefined);
    if (argument.type === AST_NODE_TYPES.SpreadElement) return [];
    const options = this.objectOf(argument);
    if (!options) return [];
    return this.pinoFindings(logger, call.callee, { type: 'pino', logger, at: call, options }, options);
  }

  /** Fastify: `fastify({ logger: true })` or `logger: { …pino options }`. */
  private pinoOption(call: TSESTree.CallExpression, logger: PinoRequestLogger): AccessLogFinding[] {
    const argument = call.arguments[0];
    const options = argument && argument.type !== AST_NODE_TYPES.SpreadElement ? this.objectOf(argument) : undefined;
    const option = options && logger.pinoOptions ? property(options, logger.pinoOptions) : undefined;
    if (!option) return [];
    const value = unwrap(option.value);
    if (value.type === AST_NODE_TYPES.Literal) {
      return value.value === true ? this.pinoFindings(logger, option, { type: 'pino', logger, at: option, options: undefined }, undefined, true) : [];
    }
    const pinoOptions = this.objectOf(value);
    return pinoOptions ? this.pinoFindings(logger, option, { type: 'pino', logger, at: option, options: pinoOptions }, pinoOptions, true) : [];
  }

  /** `server.register(hapiPino)`: the plugin without options. */
  private pluginArgument(call: TSESTree.CallExpression): AccessLogFinding[] {
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || keyOf(callee) !== 'register') return [];
    const argument = call.arguments[0];
    if (!argument || argument.type === AST_NODE_TYPES.SpreadElement || argument.type === AST_NODE_TYPES.ObjectExpression) return [];
    const logger = this.pluginLogger(argument);
    return logger ? this.pinoFindings(logger, argument, { type: 'pino', logger, at: call, options: undefined }, undefined) : [];
  }

  private pluginLogger(node: Node): PinoRequestLogger | undefined {
    const origin = this.resolver.importOf(node);
    if (!origin) return undefined;
    // `require('hapi-pino')` is the plugin; so is its `plugin` export
    return PINO_REQUEST_LOGGERS.find(
      (logger) => logger.form === 'plugin' && logger.module === origin.module && (origin.path.length === 0 || sameSteps(origin.path, ['plugin'])),
    );
  }

  /**
   * The recorded fields that the options leave in place. `options` is the
   * middleware's options literal (undefined: defaults); with `pinoLevel` the
   * literal is pino's own options (Fastify's `logger`).
   */
  private pinoFindings(
    logger: PinoRequestLogger,
    node: Node,
    fix: AccessLogFix,
    options: TSESTree.ObjectExpression | undefined,
    pinoLevel = false,
  ): AccessLogFinding[] {
    let pino = options;
    if (options && !pinoLevel) {
      // an override set to `true` is the default (hapi-pino's logRequestComplete)
      const overridden = logger.overrides.some((name) => {
        const found = property(options, name);
        return found !== undefined && !isLiteral(found.value, true);
      });
      if (hasSpread(options) || overridden) return [];
      if (logger.pinoOptions) {
        const nested = property(options, logger.pinoOptions);
        pino = nested ? this.objectOf(nested.value) : undefined;
        if (nested && !pino) return [];
      }
    }
    let remaining = logger.recorded.filter((field) => this.settings.kinds.has(field.kind));
    if (pino) {
      if (hasSpread(pino)) return [];
      const serializers = property(pino, 'serializers');
      if (serializers) {
        const literal = unwrap(serializers.value);
        // a request serializer of the user's own (or one the rule cannot read) decides what is written
        if (literal.type !== AST_NODE_TYPES.ObjectExpression || hasSpread(literal) || property(literal, 'req')) return [];
      }
      const redact = property(pino, 'redact');
      if (redact) {
        const paths = this.redactPaths(redact.value);
        if (paths === undefined) return [];
        remaining = remaining.filter((field) => !paths.some((path) => covers(path, field.path)));
      }
    }
    const recorder = `${logger.library}'s default request serializer`;
    return remaining.map((field: RecordedField) => ({ node, kind: field.kind, recorder, fields: field.path, fix }));
  }

  /** The static paths of pino's `redact` option (an array or `{ paths }`); undefined when the rule cannot read them or they come from the runtime. */
  private redactPaths(value: Node): string[] | undefined {
    const inner = unwrap(value);
    if (this.isRuntime(inner)) return undefined;
    const object = this.objectOf(inner);
    const list = object ? property(object, 'paths')?.value : inner;
    if (!list) return undefined;
    const array = unwrap(list);
    if (array.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
    const paths: string[] = [];
    for (const element of array.elements) {
      if (!element) continue;
      // `...redactPaths` from the runtime, or anything the rule cannot read: judged handled
      if (element.type === AST_NODE_TYPES.SpreadElement) return undefined;
      const path = staticString(element);
      if (path === undefined) return undefined;
      paths.push(path);
    }
    return paths;
  }

  // ── express-winston ─────────────────────────────────────────────────────
  private expressWinston(call: TSESTree.CallExpression, path: readonly string[]): AccessLogFinding[] {
    if (path.length !== 1 || !EXPRESS_WINSTON_FACTORIES.includes(path[0])) return [];
    const argument = call.arguments[0];
    const options = argument && argument.type !== AST_NODE_TYPES.SpreadElement ? this.objectOf(argument) : undefined;
    if (!options || hasSpread(options)) return [];
    const meta = property(options, 'meta');
    if (meta && isLiteral(meta.value, false)) return [];
    if (property(options, 'requestFilter') || property(options, 'requestField')) return [];
    const whitelistProperty = property(options, 'requestWhitelist');
    const whitelist = whitelistProperty ? this.stringsOf(whitelistProperty.value) : EXPRESS_WINSTON_DEFAULT_WHITELIST;
    if (!whitelist) return [];
    const recorder = `${(path[0]) === 'logger' ? 'expressWinston.logger' : 'expressWinston.errorLogger'}'s request metadata`;
    const findings: AccessLogFinding[] = [];
    const node = call.callee;
    if (whitelist.includes('headers')) {
      const blacklistProperty = property(options, 'headerBlacklist');
      const blacklist = blacklistProperty ? this.stringsOf(blacklistProperty.value) : [];
      if (!blacklist) return [];
      const dropped = new Set(blacklist.map((name) => name.toLowerCase()));
      for (const { kind, header } of EXPRESS_WINSTON_HEADERS) {
        if (!dropped.has(header) && this.settings.kinds.has(kind)) {
          findings.push({ node, kind, recorder, fields: `req.headers.${header}`, fix: { type: 'express-winston', option: 'headerBlacklist', call, options } });
        }
      }
    }
    const byKind = new Map<Kind, string[]>();
    for (const name of whitelist) {
      const kind = Object.prototype.hasOwnProperty.call(EXPRESS_WINSTON_FIELDS, name) ? EXPRESS_WINSTON_FIELDS[name] : undefined;
      if (kind === undefined || !this.settings.kinds.has(kind)) continue;
      byKind.set(kind, [...(byKind.get(kind) ?? []), `req.${name}`]);
    }
    for (const [kind, fields] of byKind) {
      const existing = findings.find((finding) => finding.kind === kind);
      if (existing) {
        findings[findings.indexOf(existing)] = { ...existing, fields: `${existing.fields}, ${fields.join(', ')}`, fix: { type: 'express-winston', option: 'requestFilter', call, options } };
      } else {
        findings.push({ node, kind, recorder, fields: fields.join(', '), fix: { type: 'express-winston', option: 'requestFilter', call, options } });
      }
    }
    return findings;
  }

  // ── values ──────────────────────────────────────────────────────────────
  /** A string, written or held by a constant. */
  private stringOf(node: Node): string | undefined {
    const direct = staticString(node);
    if (direct !== undefined) return direct;
    const inner = unwrap(node);
    if (inner.type !== AST_NODE_TYPES.Identifier) return undefined;
    const single = this.resolver.singleValue(inner);
    return single && single.pattern.steps.length === 0 ? staticString(single.value) : undefined;
  }

  /** An object literal, written or held by a constant. */
  private objectOf(node: Node): TSESTree.ObjectExpression | undefined {
    const inner = unwrap(node);
    if (inner.type === AST_NODE_TYPES.ObjectExpression) return inner;
    if (inner.type !== AST_NODE_TYPES.Identifier) return undefined;
    const single = this.resolver.singleValue(inner);
    const value = single && single.pattern.steps.length === 0 ? unwrap(single.value) : undefined;
    return value?.type === AST_NODE_TYPES.ObjectExpression ? value : undefined;
  }

  /** An array of static strings; undefined when any element is not one. */
  private stringsOf(node: Node): string[] | undefined {
    const inner = unwrap(node);
    const array = inner.type === AST_NODE_TYPES.Identifier ? this.resolver.singleValue(inner)?.value : inner;
    if (!array || unwrap(array).type !== AST_NODE_TYPES.ArrayExpression) return undefined;
    const strings: string[] = [];
    for (const element of (unwrap(array) as TSESTree.ArrayExpression).elements) {
      if (!element || element.type === AST_NODE_TYPES.SpreadElement) return undefined;
      const text = staticString(element);
      if (text === undefined) return undefined;
      strings.push(text);
    }
    return strings;
  }

  private isRuntime(node: Node): boolean {
    const origin = this.resolver.importOf(node);
    return origin !== undefined && [...this.settings.runtimeModules].some((module) => origin.module.startsWith(`${module}/`));
  }
}

function sameExport(origin: ImportOrigin, exported: string): boolean {
  return sameSteps(origin.path, exported === 'default' ? [] : [exported]);
}

function sameSteps(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((step, i) => step === b[i]);
}

function keyOf(member: TSESTree.MemberExpression): string | undefined {
  return member.computed ? staticString(member.property) : member.property.type === AST_NODE_TYPES.Identifier ? member.property.name : undefined;
}

/** A static property of an object literal (the last one written wins, as at runtime). */
export function property(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  let found: TSESTree.Property | undefined;
  for (const entry of object.properties) {
    if (entry.type === AST_NODE_TYPES.Property && keyName(entry) === name) found = entry;
  }
  return found;
}

function isLiteral(node: Node, value: boolean): boolean {
  const inner = unwrap(node);
  return inner.type === AST_NODE_TYPES.Literal && inner.value === value;
}

function hasSpread(object: TSESTree.ObjectExpression): boolean {
  return object.properties.some((entry) => entry.type === AST_NODE_TYPES.SpreadElement);
}

/** A pino redact path as segments: `req.headers["x-api-key"]` → req, headers, x-api-key. */
function segments(path: string): string[] {
  const out: string[] = [];
  for (const match of path.matchAll(/\[\s*(["'`])(.*?)\1\s*\]|\[(\*)\]|([^.[\]]+)/g)) {
    out.push((match[2] ?? match[3] ?? match[4] ?? '').trim());
  }
  return out;
}

/** Does redact path `path` remove `field` (equal, a prefix of it, or matching with `*` wildcards)? */
function covers(path: string, field: string): boolean {
  const pattern = segments(path);
  const target = segments(field);
  if (pattern.length === 0 || pattern.length > target.length) return false;
  return pattern.every((segment, i) => segment === '*' || segment.toLowerCase() === target[i]?.toLowerCase());
}
