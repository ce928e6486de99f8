import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import {
  CONFIGURABLE_LOGGERS,
  KEYED_HASH_FACTORIES,
  RUNTIME_LOGGER_EXPORTS,
  RUNTIME_LOGGER_SUBPATHS,
  RUNTIME_REDACT_FIELDS,
  SERIALIZED_KEYS,
  TEXT_TREATED_KINDS,
  type Kind,
  type LoggerCoverage,
  RUNTIME_SANITIZER_EXPORTS,
  SANITIZER_NAME_PREFIXES,
  SANITIZER_NAME_STARTS,
  UNKEYED_HASH_FACTORIES,
} from '../catalog';
import { calleeName, dottedPath, isFunction, keyName, propertyName, staticString, unwrap } from './ast';
import { splitWords } from './names';
import type { Resolver } from './resolve';
import type { Settings } from './settings';
import type { TypeFacts } from './types';

type Node = TSESTree.Node;

/**
 * What a logger's own configuration treats (pino `redact` / `serializers` /
 * `formatters` / `hooks`, winston `format`, bunyan `serializers`), so that a
 * log call through it reports only what the configuration leaves raw.
 */
export interface LoggerTreatment {
  /** The logger's creation call (`pino({ … })`): where the inventory lists it. */
  readonly creation: Node;
  readonly coverage: ReadonlySet<LoggerCoverage>;
  /** Explicit redact paths (`redact: ['req.headers.cookie', 'ip']`), split on dots. */
  readonly paths: readonly (readonly string[])[];
}

/** One part of a log call's arguments that the logger's configuration leaves raw, and the kinds its text treatment removes. */
export interface RawPart {
  readonly node: Node;
  readonly treatedKinds?: ReadonlySet<Kind>;
}

/**
 * Treatment: decides whether a value is classified on its way, by a
 * sanitizer call (the runtime's exports, sanitizer names, the `sanitizers`
 * option), a keyed hash chain, or a declared type (the runtime's brands,
 * with type information). An unkeyed hash is not a treatment: the flow
 * module marks what passes through one.
 */
export class TreatmentJudge {
  constructor(
    private readonly settings: Settings,
    private readonly resolver: Resolver,
    private readonly types: TypeFacts | undefined,
  ) {}

  /**
   * The configuration of the logger a log call goes through, when it treats
   * something: follows the receiver to its creation (`const logger =
   * pino({ … })`, `base.child({ … })`, `winston.createLogger({ format })`).
   *
   * @param receiver the logger expression of a sink call (`logger` in `logger.info(…)`)
   * @returns what the configuration covers, or undefined when it covers nothing known
   */
  loggerTreatment(receiver: Node | undefined, depth = 0): LoggerTreatment | undefined {
    if (!receiver || depth > 8) return undefined;
    let node = unwrap(receiver);
    if (node.type === AST_NODE_TYPES.Identifier) {
      const single = this.resolver.singleValue(node);
      if (!single || single.pattern.steps.length > 0) return undefined;
      node = unwrap(single.value);
    }
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = unwrap(node.callee);
    // A child logger keeps its parent's configuration.
    if (callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'child') {
      return this.loggerTreatment(callee.object, depth + 1);
    }
    const origin = this.resolver.importOf(callee);
    if (!origin || !CONFIGURABLE_LOGGERS.some((entry) => entry.module === origin.module && sameSteps(entry.path, origin.path))) {
      return undefined;
    }
    const coverage = new Set<LoggerCoverage>();
    const paths: string[][] = [];
    if (node.arguments[0]) this.readLoggerOptions(node.arguments[0], coverage, paths, 0);
    return coverage.size > 0 || paths.length > 0 ? { creation: node, coverage, paths } : undefined;
  }

  /**
   * The parts of a log call's arguments that a configuration leaves raw:
   * fields it does not cover, whole values it cannot see into, and text
   * with the kinds its text treatment removes.
   */
  rawParts(args: readonly Node[], config: LoggerTreatment, nameKind: (name: string) => Kind | undefined): RawPart[] {
    if (config.coverage.has('all')) return [];
    const parts: RawPart[] = [];
    const textKinds = config.coverage.has('text') ? new Set(TEXT_TREATED_KINDS as Kind[]) : undefined;
    const visit = (arg: Node, paths: readonly (readonly string[])[]): void => {
      const node = unwrap(arg.type === AST_NODE_TYPES.SpreadElement ? arg.argument : arg);
      if (node.type === AST_NODE_TYPES.ObjectExpression) {
        for (const property of node.properties) {
          if (property.type === AST_NODE_TYPES.SpreadElement) {
            parts.push({ node: property.argument });
            continue;
          }
          const key = keyName(property);
          if (key === undefined) {
            parts.push({ node: property.value });
            continue;
          }
          if (paths.some((path) => path.length === 1 && (path[0] === key || path[0] === '*'))) continue;
          if (config.coverage.has('serialized') && SERIALIZED_KEYS.includes(key)) continue;
          if (config.coverage.has('fields') && (SERIALIZED_KEYS.includes(key) || nameKind(key) !== undefined)) continue;
          if (config.coverage.has('paths') && RUNTIME_REDACT_FIELDS.includes(key)) continue;
          const nested = paths.filter((path) => path.length > 1 && (path[0] === key || path[0] === '*')).map((path) => path.slice(1));
          if (nested.length > 0 && unwrap(property.value).type === AST_NODE_TYPES.ObjectExpression) visit(property.value, nested);
          else parts.push({ node: property.value });
        }
        return;
      }
      const isText = node.type === AST_NODE_TYPES.TemplateLiteral || node.type === AST_NODE_TYPES.BinaryExpression || staticString(node) !== undefined;
      parts.push(isText && textKinds ? { node, treatedKinds: textKinds } : { node });
    };
    for (const arg of args) visit(arg, config.paths);
    return parts;
  }

  private readLoggerOptions(expression: Node, coverage: Set<LoggerCoverage>, paths: string[][], depth: number): void {
    if (depth > 6) return;
    const runtime = this.runtimeLoggerExport(expression);
    if (runtime) {
      coverage.add(runtime);
      return;
    }
    let node = unwrap(expression);
    if (node.type === AST_NODE_TYPES.Identifier) {
      const single = this.resolver.singleValue(node);
      if (!single || single.pattern.steps.length > 0) return;
      node = unwrap(single.value);
    }
    if (node.type !== AST_NODE_TYPES.ObjectExpression) return;
    for (const property of node.properties) {
      if (property.type === AST_NODE_TYPES.SpreadElement) {
        this.readLoggerOptions(property.argument, coverage, paths, depth + 1);
        continue;
      }
      const key = keyName(property);
      const value = unwrap(property.value);
      if (key === 'redact') {
        const runtimePaths = this.runtimeLoggerExport(value);
        if (runtimePaths) coverage.add(runtimePaths);
        const list = value.type === AST_NODE_TYPES.ObjectExpression
          ? value.properties.find((p) => p.type === AST_NODE_TYPES.Property && keyName(p) === 'paths')
          : undefined;
        const array = list?.type === AST_NODE_TYPES.Property ? unwrap(list.value) : value;
        if (array.type === AST_NODE_TYPES.ArrayExpression) {
          for (const element of array.elements) {
            const text = element ? staticString(element) : undefined;
            if (text !== undefined) paths.push(splitRedactPath(text));
          }
        }
      } else if (key === 'serializers' || key === 'formatters' || key === 'hooks') {
        const whole = this.runtimeLoggerExport(value);
        if (whole) coverage.add(whole);
        else if (value.type === AST_NODE_TYPES.ObjectExpression && value.properties.some((p) => p.type === AST_NODE_TYPES.Property && this.runtimeLoggerExport(p.value))) {
          coverage.add(key === 'serializers' ? 'serialized' : key === 'formatters' ? 'fields' : 'text');
        }
      } else if (key === 'format' && this.containsRuntimeFormat(value, 0)) {
        coverage.add('fields');
        coverage.add('text');
      }
    }
  }

  /** What a runtime logger export covers, if `node` reads one (`pinoOptions`, `serializers.req`, `redactFormat()`). */
  private runtimeLoggerExport(node: Node): LoggerCoverage | undefined {
    const inner = unwrap(node);
    const target = inner.type === AST_NODE_TYPES.CallExpression ? inner.callee : inner;
    const origin = this.resolver.importOf(target);
    if (!origin) return undefined;
    const isRuntime = [...this.settings.runtimeModules].some((module) =>
      RUNTIME_LOGGER_SUBPATHS.some((subpath) => origin.module === `${module}${subpath}`),
    );
    return isRuntime ? RUNTIME_LOGGER_EXPORTS[origin.path[0] ?? ''] : undefined;
  }

  /** `format.combine(redactFormat(), format.json())`: the runtime's format anywhere in a winston format expression. */
  private containsRuntimeFormat(node: Node, depth: number): boolean {
    if (depth > 6) return false;
    const inner = unwrap(node);
    if (this.runtimeLoggerExport(inner) === 'fields') return true;
    if (inner.type === AST_NODE_TYPES.CallExpression) return inner.arguments.some((arg) => this.containsRuntimeFormat(arg, depth + 1));
    if (inner.type === AST_NODE_TYPES.Identifier) {
      const single = this.resolver.singleValue(inner);
      return single !== undefined && single.pattern.steps.length === 0 && this.containsRuntimeFormat(single.value, depth + 1);
    }
    return false;
  }

  /** Is this value classified by its declared type (`Redacted<T>`, `Pseudonymized`, `Classified<T>`)? */
  isClassifiedByType(node: Node): boolean {
    return this.types?.isClassified(node) ?? false;
  }

  /**
   * A function value that sanitizes what it is given: a sanitizer by name
   * or path (`redactIp`, `redact.ip`, `privacy.strip`), or a local function
   * whose every return is a sanitizer call (`(v) => mask(v)`).
   */
  isSanitizerFunction(value: Node): boolean {
    const node = unwrap(value);
    if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression) {
      if (this.isSanitizerCallee(node)) return true;
    }
    const fn = isFunction(node) ? node : this.resolver.localFunction(node);
    if (!fn) return false;
    const returns = this.resolver.returnsOf(fn);
    return returns.length > 0 && returns.every((result) => {
      const inner = unwrap(result);
      return (inner.type === AST_NODE_TYPES.CallExpression || inner.type === AST_NODE_TYPES.NewExpression) && this.isSanitizer(inner);
    });
  }

  /** Runtime exports, sanitizer names (`redact*`, `mask*`, …), names from the `sanitizers` option. */
  isSanitizer(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
    const callee = unwrap(node.callee);
    if (this.isDeclaredSanitizer(callee)) return true;
    // A declared request type outranks a sanitizer-like name: `maskRequest(req): Request` still returns the request.
    if (this.types?.isRequest(node)) return false;
    return this.hasSanitizerName(callee);
  }

  /** A callee that sanitizes: a runtime export, an entry of the `sanitizers` option, or a sanitizer name. */
  isSanitizerCallee(callee: Node): boolean {
    return this.isDeclaredSanitizer(callee) || this.hasSanitizerName(callee);
  }

  /** The runtime's exports (`redact.ip`, `pseudonymize`, `classify`) and the `sanitizers` option's names and paths. */
  private isDeclaredSanitizer(callee: Node): boolean {
    const origin = this.resolver.importOf(callee);
    if (origin && this.settings.runtimeModules.has(origin.module) && RUNTIME_SANITIZER_EXPORTS.includes(origin.path[0] ?? '')) {
      return true;
    }
    const path = dottedPath(callee);
    if (path !== undefined) {
      for (const entry of this.settings.sanitizers) {
        if (entry === path || (entry.endsWith('.*') && path.startsWith(entry.slice(0, -1))) || path.endsWith(`.${entry}`)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Sanitizer names: the callee's or its receiver's first word (`redactEmail`, `mask.ip`, `truncateIp`). */
  private hasSanitizerName(callee: Node): boolean {
    const names: string[] = [];
    if (callee.type === AST_NODE_TYPES.Identifier) names.push(callee.name);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const name = propertyName(callee);
      if (name !== undefined) names.push(name);
      const object = unwrap(callee.object);
      if (object.type === AST_NODE_TYPES.Identifier) names.push(object.name);
    }
    return names.some((candidate) => {
      const first = splitWords(candidate)[0];
      const lower = candidate.toLowerCase();
      return (
        (first !== undefined && SANITIZER_NAME_PREFIXES.includes(first)) ||
        SANITIZER_NAME_STARTS.some((start) => lower.startsWith(start))
      );
    });
  }

  /**
   * `createHmac(alg, key).update(x).digest()` (keyed) or
   * `createHash(alg).update(x).digest()` (unkeyed): the chain's inputs.
   */
  hashChain(node: TSESTree.CallExpression | TSESTree.NewExpression): { keyed: boolean; inputs: Node[] } | undefined {
    const inputs: Node[] = [];
    let current: Node = node;
    for (let guard = 0; guard < 20; guard++) {
      if (current.type !== AST_NODE_TYPES.CallExpression) return undefined;
      const callee = unwrap(current.callee);
      const name = calleeName(current);
      if (name !== undefined && (KEYED_HASH_FACTORIES.includes(name) || UNKEYED_HASH_FACTORIES.includes(name))) {
        return guard === 0 ? undefined : { keyed: KEYED_HASH_FACTORIES.includes(name), inputs };
      }
      if (callee.type !== AST_NODE_TYPES.MemberExpression || !['update', 'digest', 'copy'].includes(name ?? '')) return undefined;
      if (name === 'update') inputs.push(...current.arguments);
      current = unwrap(callee.object);
    }
    return undefined;
  }
}

function sameSteps(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((step, i) => step === b[i]);
}

/** pino's redact path syntax: `a.b`, `a["x-y"]`, `a[*].b`, `*.b`. */
function splitRedactPath(path: string): string[] {
  const parts: string[] = [];
  const pattern = /([^.[\]]+)|\[\s*(?:"([^"]*)"|'([^']*)'|(\*))\s*\]/g;
  for (const match of path.matchAll(pattern)) parts.push(match[1] ?? match[2] ?? match[3] ?? match[4] ?? '*');
  return parts;
}
