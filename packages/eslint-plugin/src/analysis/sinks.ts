import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  CONSOLE_METHODS,
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
import { compactText, dottedPath, propertyName, staticString, unwrap } from './ast';
import { splitWords } from './names';
import type { ImportOrigin, Resolver } from './resolve';
import type { Settings } from './settings';

type Node = TSESTree.Node;

/** A call that writes its arguments to a log: which callee, which arguments. */
export interface Sink {
  /** The callee as written, on one line (`logger.info`, `process.stdout.write`). */
  readonly text: string;
  readonly args: readonly Node[];
}

const MAX_DEPTH = 12;

/** Recognizes sink calls: console, loggers (by receiver name or by origin), standard streams, log files. */
export class SinkFinder {
  private readonly loggerMemo = new Map<Node, boolean>();

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly settings: Settings,
    private readonly resolver: Resolver,
  ) {}

  sinkOf(call: TSESTree.CallExpression): Sink | undefined {
    const args = this.sinkArguments(call);
    return args ? { text: compactText(this.sourceCode.getText(call.callee), 60), args } : undefined;
  }

  private sinkArguments(call: TSESTree.CallExpression): readonly Node[] | undefined {
    const callee = unwrap(call.callee);
    if (this.settings.sinks.length > 0) {
      const path = dottedPath(callee);
      if (path !== undefined && this.isUserSink(path)) return call.arguments;
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = propertyName(callee);
      // Most calls are not sinks: decide on the method name before any scope lookup.
      if (method === undefined || !SINK_METHODS.has(method)) return undefined;
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
      return undefined;
    }
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const origin = FS_WRITE_FUNCTIONS.includes(callee.name) ? this.resolver.importOf(callee) : undefined;
      if (origin && FS_MODULES.includes(origin.module) && FS_WRITE_FUNCTIONS.includes(origin.path[0] ?? '') && origin.path.length === 1) {
        return this.looksLikeLogPath(call.arguments[0]) ? call.arguments.slice(1, 2) : undefined;
      }
      const single = this.resolver.singleValue(callee);
      if (single && single.pattern.steps.length === 0 && this.isLogFunction(single.value)) return call.arguments;
      return undefined;
    }
    if (callee.type === AST_NODE_TYPES.CallExpression && this.isLogFunction(callee)) return call.arguments;
    return undefined;
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
        if (origin && this.isFactoryOrigin(origin, false)) return false; // the factory itself, not a logger
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

const SINK_METHODS = new Set([...CONSOLE_METHODS, ...LOGGER_METHODS, ...FS_WRITE_FUNCTIONS, 'write', 'end']);

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
