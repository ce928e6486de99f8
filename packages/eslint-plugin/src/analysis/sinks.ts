import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  AUDIT_RECEIVER_WORDS,
  AUDIT_RECORD_METHODS,
  CONSOLE_METHODS,
  FORWARDING_METHODS,
  LOGGER_MODULE_PATTERN,
  ORIGIN_LOGGER_METHODS,
  FS_MODULES,
  FS_WRITE_FUNCTIONS,
  LOG_PATH_PATTERN,
  LOGGER_FACTORIES,
  LOGGER_METHODS,
  LOGGER_MODULE_OBJECTS,
  LOGGER_RECEIVER_NAMES,
  LOGGER_RECEIVER_PATHS,
  STREAM_SINKS,
} from '../catalog';
import { callsIn, compactText, dottedPath, isFunction, keyName, propertyName, staticString, unwrap } from './ast';
import { splitWords } from './names';
import { isRelativeSpecifier, RELATIVE_IMPORT_TEXT, type ProjectModules } from './modules';
import type { ImportOrigin, Resolver } from './resolve';
import type { Settings } from './settings';

type Node = TSESTree.Node;

/** A call that writes its arguments to a log: which callee, which arguments. */
export interface Sink {
  /** The callee as written, on one line (`logger.info`, `process.stdout.write`). */
  readonly text: string;
  readonly args: readonly Node[];
  /** The logger a method call goes through (`logger` in `logger.info(…)`), for its configured treatment. */
  readonly receiver?: Node;
}

const MAX_DEPTH = 12;

type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/** Which arguments of its calls a local function passes on into a sink: all from `from` on (a rest parameter, `arguments`). */
interface Forwarding {
  readonly from: number;
}

/** Recognizes sink calls: console, loggers (by receiver name or by origin), standard streams, log files. */
export class SinkFinder {
  private readonly loggerMemo = new Map<Node, boolean>();
  private readonly forwardingMemo = new Map<Node, Forwarding | null>();
  private forwardingDepth = 0;
  private relativeImports: boolean | undefined;

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly settings: Settings,
    private readonly resolver: Resolver,
    /** The project's own modules, for functions and loggers imported from them (absent: imports are known by name only). */
    private readonly modules?: ProjectModules,
  ) {}

  /**
   * The arguments a call writes to a log, wherever they come from: a sink
   * call's own arguments, or what a local or imported wrapper passes on.
   * Unlike `sinkOf`, arguments a wrapper forwards are kept (for summaries
   * of the wrapper itself).
   *
   * @returns the arguments, or undefined when the call writes nothing
   */
  argumentsWritten(call: TSESTree.CallExpression, options: { byNameOnly: boolean } = { byNameOnly: true }): readonly Node[] | undefined {
    const direct = this.sinkArguments(call, options.byNameOnly);
    if (direct) return direct;
    const fn = this.resolver.localFunction(call.callee);
    const forwarding = fn ? this.forwardingOf(fn) : undefined;
    return forwarding ? call.arguments.slice(forwarding.from) : undefined;
  }

  sinkOf(call: TSESTree.CallExpression): Sink | undefined {
    const direct = this.sinkArguments(call);
    // What an enclosing wrapper forwards (`...args`, `arguments`) is reported where the wrapper is called.
    const args = direct?.filter((arg) => !this.isForwardedArgument(arg));
    if (args && args.length > 0) {
      const callee = unwrap(call.callee);
      const receiver = callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : undefined;
      return { text: compactText(this.sourceCode.getText(call.callee), 60), args, receiver };
    }
    if (direct) return undefined;
    const fn = this.resolver.localFunction(call.callee);
    const forwarding = fn ? this.forwardingOf(fn) : undefined;
    if (!forwarding) return undefined;
    const forwarded = call.arguments.slice(forwarding.from);
    return forwarded.length > 0 ? { text: compactText(this.sourceCode.getText(call.callee), 60), args: forwarded } : undefined;
  }

  /** Could this identifier be bound to an import (`import`, `require`, or a member or destructuring of one)? Cheap, before `importOf`. */
  private mayBeImported(identifier: TSESTree.Identifier): boolean {
    const def = this.resolver.variableOf(identifier)?.defs[0];
    if (!def) return false;
    if (def.type === TSESLint.Scope.DefinitionType.ImportBinding) return true;
    if (def.type !== TSESLint.Scope.DefinitionType.Variable || def.node.type !== AST_NODE_TYPES.VariableDeclarator) return false;
    let init = def.node.init ? unwrap(def.node.init) : undefined;
    while (init?.type === AST_NODE_TYPES.MemberExpression || init?.type === AST_NODE_TYPES.AwaitExpression) {
      init = unwrap(init.type === AST_NODE_TYPES.AwaitExpression ? init.argument : init.object);
    }
    return init?.type === AST_NODE_TYPES.CallExpression || init?.type === AST_NODE_TYPES.ImportExpression || init?.type === AST_NODE_TYPES.Identifier;
  }

  /**
   * A pass-through wrapper: a local function that hands its rest parameter
   * or `arguments` to a sink (`function log(...args) { console.log(...args) }`,
   * `console.log.apply(console, arguments)`). Its call sites are sinks.
   */
  private forwardingOf(fn: FunctionNode): Forwarding | undefined {
    const memo = this.forwardingMemo.get(fn);
    if (memo !== undefined) return memo ?? undefined;
    if (this.forwardingDepth > MAX_DEPTH) return undefined;
    this.forwardingMemo.set(fn, null); // cycle guard
    // Only a rest parameter or `arguments` can forward: most functions have neither.
    const usesArguments = (this.sourceCode.scopeManager?.acquire(fn)?.set.get('arguments')?.references.length ?? 0) > 0;
    if (!usesArguments && !fn.params.some((param) => param.type === AST_NODE_TYPES.RestElement)) return undefined;
    this.forwardingDepth++;
    let result: Forwarding | undefined;
    try {
      for (const call of callsIn(fn, this.sourceCode.visitorKeys)) {
        for (const arg of this.sinkArguments(call) ?? []) {
          const from = forwardedFrom(arg, fn, this.resolver);
          if (from !== undefined && (!result || from < result.from)) result = { from };
        }
      }
    } finally {
      this.forwardingDepth--;
    }
    this.forwardingMemo.set(fn, result ?? null);
    return result;
  }

  /** Is this sink argument what its enclosing wrapper forwards (its rest parameter or `arguments`)? */
  private isForwardedArgument(arg: Node): boolean {
    let fn: Node | undefined = arg.parent;
    while (fn && !isFunction(fn)) fn = fn.parent;
    if (!fn || !isFunction(fn)) return false;
    // Only a named local function has call sites to report at; an anonymous callback keeps its own finding.
    return fnName(fn) !== undefined && forwardedFrom(arg, fn, this.resolver) !== undefined;
  }

  /** @param byNameOnly also imported functions known as log functions by their name alone (`import { auditLog } from './x'`) */
  private sinkArguments(call: TSESTree.CallExpression, byNameOnly = true): readonly Node[] | undefined {
    const callee = unwrap(call.callee);
    if (this.settings.sinks.length > 0) {
      const path = dottedPath(callee);
      if (path !== undefined && this.isUserSink(path)) return call.arguments;
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = propertyName(callee);
      // Most calls are not sinks: decide on the method name before any scope lookup.
      if (method === undefined) return undefined;
      if (!SINK_METHODS.has(method)) return this.importedWrapperArguments(call, callee.object);
      const path = dottedPath(callee);
      const object = unwrap(callee.object);
      if (object.type === AST_NODE_TYPES.Identifier && object.name === 'console' && CONSOLE_METHODS.includes(method)) {
        // `console.assert(test, …)` prints only what follows its test.
        return method === 'assert' ? call.arguments.slice(1) : call.arguments;
      }
      if (path !== undefined && STREAM_SINKS.includes(path)) return call.arguments.slice(0, 1);
      if (FS_WRITE_FUNCTIONS.includes(method) && this.isFsObject(object)) {
        return this.looksLikeLogPath(call.arguments[0]) ? call.arguments.slice(1, 2) : undefined;
      }
      if ((method === 'write' || method === 'end') && this.isLogStream(object)) return call.arguments.slice(0, 1);
      if (LOGGER_METHODS.includes(method) && this.isLogger(object, 0)) return call.arguments;
      if (ORIGIN_LOGGER_METHODS.includes(method) && this.isOriginLogger(object)) return call.arguments;
      if (AUDIT_RECORD_METHODS.includes(method) && isAuditReceiver(object)) return call.arguments;
      // `console.log.apply(console, args)`, `logger.info.call(logger, …args)`: the call forwards to a sink.
      if (FORWARDING_METHODS.includes(method) && (object.type === AST_NODE_TYPES.MemberExpression || object.type === AST_NODE_TYPES.Identifier)) {
        const target = this.sinkArguments({ ...call, callee: object, arguments: [] });
        if (target) return method === 'apply' ? call.arguments.slice(1, 2) : call.arguments.slice(1);
      }
      return this.importedWrapperArguments(call, callee.object);
    }
    if (callee.type === AST_NODE_TYPES.Identifier) {
      // Globals (`require`, `String`, `setTimeout`) are not log functions: most bare calls end here.
      if (this.resolver.isGlobal(callee)) return undefined;
      // `import { appendFileSync as append } from 'fs'`: by what it is, not what it is called here.
      const origin = this.mayBeImported(callee) ? this.resolver.importOf(callee) : undefined;
      if (origin && FS_MODULES.includes(origin.module) && FS_WRITE_FUNCTIONS.includes(origin.path[0] ?? '') && origin.path.length === 1) {
        return this.looksLikeLogPath(call.arguments[0]) ? call.arguments.slice(1, 2) : undefined;
      }
      const single = this.resolver.singleValue(callee);
      if (single && single.pattern.steps.length === 0 && this.isLogFunction(single.value)) return call.arguments;
      // `import { auditLog } from './audit'`, `const log = require('../lib/log')`: a project's own log function.
      if (byNameOnly && isLogFunctionName(callee.name) && origin && isProjectOrLoggerModule(origin.module)) return call.arguments;
      return origin ? this.importedForwarding(call, origin) : undefined;
    }
    if (callee.type === AST_NODE_TYPES.CallExpression && this.isLogFunction(callee)) return call.arguments;
    return undefined;
  }

  /** `audit.record(user)` where `audit` is a project module (`require('./audit')`, `import * as audit`): its function's summary. */
  private importedWrapperArguments(call: TSESTree.CallExpression, object: Node): readonly Node[] | undefined {
    if (!this.modules || !this.importsRelatively()) return undefined;
    const base = unwrap(object);
    if (base.type !== AST_NODE_TYPES.Identifier || this.resolver.isGlobal(base) || !this.mayBeImported(base)) return undefined;
    const origin = this.resolver.importOf(call.callee);
    return origin ? this.importedForwarding(call, origin) : undefined;
  }

  /** Does the file import a relative module at all (`require('./x')`, `from '../y'`)? A text check, once, before any scope lookup. */
  private importsRelatively(): boolean {
    this.relativeImports ??= RELATIVE_IMPORT_TEXT.test(this.sourceCode.text);
    return this.relativeImports;
  }

  /** The arguments an imported project function writes to a log in its own body (see ProjectModules.forwardingOf). */
  private importedForwarding(call: TSESTree.CallExpression, origin: ImportOrigin): readonly Node[] | undefined {
    if (!this.modules || !isRelativeSpecifier(origin.module)) return undefined;
    // Most project modules log nothing, and most calls of project functions hand on nothing identifying:
    // then the module need not be parsed, nor the arguments traced.
    if (!this.modules.mayWriteLogs(origin)) return undefined;
    const carries = this.modules.carries;
    if (carries && !call.arguments.some((_, index) => carries(call.arguments, index))) return undefined;
    const forwarding = this.modules.forwardingOf(origin);
    if (!forwarding) return undefined;
    const spreadAt = call.arguments.findIndex((arg) => arg.type === AST_NODE_TYPES.SpreadElement);
    const args: Node[] = [];
    call.arguments.forEach((arg, index) => {
      if (forwarding.parameters.has(index) || (forwarding.from !== undefined && index >= forwarding.from) || (spreadAt >= 0 && index >= spreadAt)) {
        args.push(arg);
        return;
      }
      const fields = forwarding.fields.get(index);
      if (!fields) return;
      // `userProvisioner(ctx, { email, teamId })` where only `email` is written: only that property's value.
      const object = unwrap(arg);
      if (object.type !== AST_NODE_TYPES.ObjectExpression) {
        args.push(arg);
        return;
      }
      for (const property of object.properties) {
        if (property.type === AST_NODE_TYPES.SpreadElement) args.push(property.argument);
        else if (!property.computed && fields.has(keyName(property) ?? '')) args.push(property.value);
      }
    });
    return args.length > 0 ? args : undefined;
  }

  private isUserSink(path: string): boolean {
    return this.settings.sinks.some(
      (entry) => entry === path || (entry.endsWith('.*') && path.startsWith(entry.slice(0, -1)) && !path.slice(entry.length - 1).includes('.')),
    );
  }

  /** A logger: by receiver name (`logger`, `log`, `*Logger`, `this.logger`, `req.log`) or by origin (`pino()`, `winston.createLogger()`, …). */
  isLogger(expression: Node, depth: number): boolean {
    const node = unwrap(expression);
    const memo = this.loggerMemo.get(node);
    if (memo !== undefined) return memo;
    if (depth > MAX_DEPTH) return false;
    this.loggerMemo.set(node, false); // cycle guard
    const result = this.computeIsLogger(node, depth);
    this.loggerMemo.set(node, result);
    return result;
  }

  private computeIsLogger(node: Node, depth: number): boolean {
    switch (node.type) {
      case AST_NODE_TYPES.Identifier: {
        if (isLoggerName(node.name)) return true;
        const origin = this.resolver.importOf(node);
        if (origin && LOGGER_MODULE_OBJECTS.some((entry) => matchesExport(origin, entry.module, entry.export))) return true;
        // `import audit from './audit-log'`: a project module named as a logger exports one.
        if (origin && origin.path.length <= 1 && /^(?:\.{1,2}\/|[@~#]\/)/.test(origin.module) && LOGGER_MODULE_PATTERN.test(origin.module)) return true;
        if (origin && this.isFactoryOrigin(origin, false)) return false; // the factory itself, not a logger
        // `import monitor from './monitoring'` where that module exports `pino()`: a logger by what the module builds.
        if (origin && this.modules && isRelativeSpecifier(origin.module) && this.modules.isLogger(origin)) return true;
        const single = this.resolver.singleValue(node);
        return single !== undefined && single.pattern.steps.length === 0 && this.isLogger(single.value, depth + 1);
      }
      case AST_NODE_TYPES.MemberExpression: {
        const name = propertyName(node);
        const path = dottedPath(node);
        return (name !== undefined && isLoggerName(name)) || (path !== undefined && LOGGER_RECEIVER_PATHS.includes(path));
      }
      case AST_NODE_TYPES.CallExpression: {
        const callee = unwrap(node.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'child') {
          return this.isLogger(callee.object, depth + 1);
        }
        const origin = this.resolver.importOf(callee);
        return origin !== undefined && this.isFactoryOrigin(origin, false);
      }
      case AST_NODE_TYPES.NewExpression: {
        const callee = unwrap(node.callee);
        const origin = this.resolver.importOf(callee);
        if (origin && LOGGER_FACTORIES.some((entry) => entry.construct === true && matchesExport(origin, entry.module, entry.export))) {
          return true;
        }
        return callee.type === AST_NODE_TYPES.Identifier && isLoggerName(callee.name);
      }
      case AST_NODE_TYPES.AwaitExpression:
        return this.isLogger(node.argument, depth + 1);
      default:
        return false;
    }
  }

  /** A logger known by where it comes from (a factory call or construction), not by its name. */
  private isOriginLogger(expression: Node): boolean {
    let node = unwrap(expression);
    if (node.type === AST_NODE_TYPES.Identifier) {
      const single = this.resolver.singleValue(node);
      if (!single || single.pattern.steps.length > 0) return false;
      node = unwrap(single.value);
    }
    return (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) && this.isLogger(node, 0);
  }

  private isFactoryOrigin(origin: ImportOrigin, callable: boolean): boolean {
    return LOGGER_FACTORIES.some((entry) => {
      if ((entry.callable === true) !== callable || entry.construct === true) return false;
      const expected = [...(entry.export === 'default' ? [] : [entry.export]), ...(entry.call ? [entry.call] : [])];
      return origin.module === entry.module && sameSteps(origin.path, expected);
    });
  }

  /** A log function called directly: the result of `debug(ns)` or `util.debuglog(section)`. */
  private isLogFunction(value: Node): boolean {
    const node = unwrap(value);
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    const origin = this.resolver.importOf(node.callee);
    return origin !== undefined && this.isFactoryOrigin(origin, true);
  }

  private isFsObject(object: Node): boolean {
    const origin = this.resolver.importOf(object);
    if (origin) {
      return FS_MODULES.includes(origin.module) && (origin.path.length === 0 || (origin.path.length === 1 && origin.path[0] === 'promises'));
    }
    const path = dottedPath(object);
    return path === 'fs' || path === 'fs.promises' || path === 'fsp' || path === 'fsPromises';
  }

  /** `fs.createWriteStream('access.log')` (or a constant holding one). */
  private isLogStream(object: Node): boolean {
    let node = unwrap(object);
    if (node.type === AST_NODE_TYPES.Identifier) {
      const single = this.resolver.singleValue(node);
      if (!single || single.pattern.steps.length > 0) return false;
      node = unwrap(single.value);
    }
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = unwrap(node.callee);
    const origin = this.resolver.importOf(callee);
    const isCreate =
      (origin !== undefined && FS_MODULES.includes(origin.module) && origin.path[origin.path.length - 1] === 'createWriteStream') ||
      dottedPath(callee) === 'fs.createWriteStream';
    return isCreate && this.looksLikeLogPath(node.arguments[0]);
  }

  /** Does this path expression look like a log file (`*.log`, `logs/…`, `audit.log`)? */
  looksLikeLogPath(node: Node | undefined, depth = 0): boolean {
    if (!node || depth > MAX_DEPTH) return false;
    const text = this.pathText(node, depth);
    return text !== undefined && LOG_PATH_PATTERN.test(text);
  }

  private pathText(expression: Node, depth: number): string | undefined {
    const node = unwrap(expression);
    const literal = staticString(node);
    if (literal !== undefined) return literal;
    switch (node.type) {
      case AST_NODE_TYPES.TemplateLiteral:
        return node.quasis.map((quasi) => quasi.value.cooked ?? '').join('*');
      case AST_NODE_TYPES.BinaryExpression:
        if (node.operator !== '+') return undefined;
        return `${this.pathText(node.left, depth + 1) ?? '*'}${this.pathText(node.right, depth + 1) ?? '*'}`;
      case AST_NODE_TYPES.CallExpression: {
        const name = dottedPath(node.callee);
        if (name === undefined || !/(?:^|\.)(?:join|resolve)$/.test(name)) return undefined;
        return node.arguments.map((arg) => this.pathText(arg, depth + 1) ?? '*').join('/');
      }
      case AST_NODE_TYPES.Identifier: {
        // `LOG_FILE`, `logPath`, `auditLogFile`: the name says it.
        const words = splitWords(node.name);
        if (words.includes('log') || words.includes('logs')) return `${node.name}.log`;
        const single = this.resolver.singleValue(node);
        return single && single.pattern.steps.length === 0 ? this.pathText(single.value, depth + 1) : undefined;
      }
      default:
        return undefined;
    }
  }
}

const SINK_METHODS = new Set([
  ...CONSOLE_METHODS, ...LOGGER_METHODS, ...FS_WRITE_FUNCTIONS, ...ORIGIN_LOGGER_METHODS, ...AUDIT_RECORD_METHODS,
  ...FORWARDING_METHODS, 'write', 'end',
]);

const logFunctionNames = new Map<string, boolean>();

/** `log`, `logger`, `auditLog`, `appLogger`: a function named as one that writes log records. */
function isLogFunctionName(name: string): boolean {
  let known = logFunctionNames.get(name);
  if (known === undefined) {
    const words = splitWords(name);
    const last = words[words.length - 1];
    known = last === 'log' || last === 'logger';
    if (logFunctionNames.size < 10_000) logFunctionNames.set(name, known);
  }
  return known;
}

/** A module of the project itself (relative or aliased path), or one whose name says it logs. */
function isProjectOrLoggerModule(module: string): boolean {
  return /^(?:\.{1,2}\/|\/|[@~#]\/)/.test(module) || LOGGER_MODULE_PATTERN.test(module);
}

/** `auditClient`, `this.audit`, `auditTrail`: a receiver that names an audit trail. */
function isAuditReceiver(object: Node): boolean {
  const node = unwrap(object);
  const name = node.type === AST_NODE_TYPES.Identifier ? node.name : node.type === AST_NODE_TYPES.MemberExpression ? propertyName(node) : undefined;
  return name !== undefined && splitWords(name).some((word) => AUDIT_RECEIVER_WORDS.includes(word));
}

/** The first argument index a sink argument forwards from its function's rest parameter or `arguments`, if it does. */
function forwardedFrom(arg: Node, fn: FunctionNode, resolver: Resolver): number | undefined {
  const inner = unwrap(arg.type === AST_NODE_TYPES.SpreadElement ? arg.argument : arg);
  if (inner.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = resolver.variableOf(inner);
  if (!variable) return undefined;
  if (inner.name === 'arguments' && variable.defs.length === 0 && variable.scope.block === fn) return 0;
  const def = variable.defs[0];
  if (def?.type !== TSESLint.Scope.DefinitionType.Parameter || def.node !== fn) return undefined;
  const index = fn.params.findIndex((param) => param.type === AST_NODE_TYPES.RestElement && param.argument === def.name);
  return index >= 0 ? index : undefined;
}

function fnName(fn: FunctionNode): TSESTree.Identifier | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id ?? undefined;
  return fn.parent.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.id.type === AST_NODE_TYPES.Identifier ? fn.parent.id : undefined;
}

/** Calls in a function's own body (not in nested functions). */
function isLoggerName(name: string): boolean {
  if (LOGGER_RECEIVER_NAMES.includes(name) && name !== 'console') return true;
  const words = splitWords(name);
  return words[words.length - 1] === 'logger';
}

function matchesExport(origin: ImportOrigin, module: string, exported: string): boolean {
  return origin.module === module && sameSteps(origin.path, exported === 'default' ? [] : [exported]);
}

function sameSteps(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((step, i) => step === b[i]);
}
