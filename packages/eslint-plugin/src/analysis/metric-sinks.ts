// Recognizes metric sinks (catalog/metrics.ts): prom-client, OpenTelemetry
// metrics, StatsD clients and AWS embedded metrics, by import, by the value a
// receiver holds, by callback position, and by receiver name as a last resort.
import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  EMF_DIMENSION_METHODS,
  EMF_FACTORIES,
  EMF_MODULES,
  EMF_NAME_METHODS,
  EMF_PROPERTY_METHODS,
  EMF_RECEIVER_WORDS,
  EMF_SCOPES,
  INSTRUMENT_RECEIVER_WORDS,
  OTEL_BATCH_REGISTRATIONS,
  OTEL_CALLBACK_REGISTRATIONS,
  OTEL_INSTRUMENT_FACTORIES,
  OTEL_MODULES,
  OTEL_RECORD_METHODS,
  PROM_LABEL_METHODS,
  PROM_LABEL_NAMES_OPTION,
  PROM_METRIC_CLASSES,
  PROM_MODULES,
  PROM_NAME_OPTION,
  STATSD_METHODS,
  STATSD_MODULES,
  STATSD_RECEIVER_WORDS,
  STATSD_TAG_OPTIONS,
  type MetricFamily,
} from '../catalog';
import { compactText, isFunction, keyName, propertyName, staticString, unwrap } from './ast';
import { splitWords } from './names';
import type { Resolver } from './resolve';

type Node = TSESTree.Node;

/** A value written under a key the code spells out: `setProperty('UserId', v)`, `'user_id:' + v`. */
export interface KeyedValue {
  readonly key: string;
  readonly value: Node;
}

/** A metric call or constructor, and which of its parts carry data where. */
export interface MetricSink {
  /** The callee as written, on one line (`requests.inc`, `new client.Counter`). */
  readonly text: string;
  /** Expressions whose values become labels, tags, attributes, dimensions or properties. */
  readonly labels: readonly Node[];
  /** Expressions that become (part of) a metric name. */
  readonly names: readonly Node[];
  /** Values written under a static key (the key names what an opaque value holds). */
  readonly keyed: readonly KeyedValue[];
  /** Declared label names (prom-client `labelNames`), as string literals. */
  readonly labelNames: readonly TSESTree.StringLiteral[];
}

/** A receiver's family; `prom-bound` is `counter.labels(…)`, whose methods take values only; `instrument` is known by name only. */
type Family = MetricFamily | 'prom-bound' | 'instrument';

const MAX_DEPTH = 12;

const METHODS = new Set([
  ...PROM_LABEL_METHODS, ...OTEL_RECORD_METHODS, ...OTEL_INSTRUMENT_FACTORIES, ...STATSD_METHODS, 'childClient',
  ...EMF_DIMENSION_METHODS, ...EMF_PROPERTY_METHODS, ...EMF_NAME_METHODS,
]);

/** Finds metric sinks in one file; answers are memoized per receiver. */
export class MetricSinkFinder {
  private readonly familyMemo = new Map<Node, Family | null>();

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly resolver: Resolver,
  ) {}

  /**
   * The metric sink a call or `new` expression is, if any.
   *
   * @param node a `CallExpression` or `NewExpression`
   * @returns which of its parts are labels, names and declared label names; undefined for anything else
   */
  sinkOf(node: TSESTree.CallExpression | TSESTree.NewExpression): MetricSink | undefined {
    const callee = unwrap(node.callee);
    if (node.type === AST_NODE_TYPES.NewExpression) return this.constructed(node, callee);
    if (callee.type === AST_NODE_TYPES.Identifier) return this.timerEnd(node, callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = propertyName(callee);
    // Most calls are not metrics: decide on the method name before any scope lookup.
    if (method === undefined || !METHODS.has(method)) return undefined;
    const args = node.arguments;
    if (EMF_DIMENSION_METHODS.includes(method)) return this.sink(node, { labels: args });
    if (OTEL_INSTRUMENT_FACTORIES.includes(method)) return this.isMeter(callee.object) ? this.sink(node, { names: args.slice(0, 1) }) : undefined;
    const family = this.familyOf(callee.object, 0);
    if (family === undefined) return undefined;
    return this.methodSink(node, method, family, args);
  }

  private methodSink(node: TSESTree.CallExpression, method: string, family: Family, args: readonly Node[]): MetricSink | undefined {
    const first = args.slice(0, 1);
    switch (family) {
      case 'prom':
      case 'instrument':
        if (OTEL_RECORD_METHODS.includes(method)) return this.sink(node, { labels: args.slice(1) });
        if (!PROM_LABEL_METHODS.includes(method)) return undefined;
        // `inc(labels, n)`, `inc(n)`: the trailing number is the value, not a label.
        return this.sink(node, { labels: ['inc', 'dec', 'set', 'observe'].includes(method) ? first : args });
      case 'otel':
        return OTEL_RECORD_METHODS.includes(method) ? this.sink(node, { labels: args.slice(1) }) : undefined;
      case 'otel-result':
        return method === 'observe' ? this.sink(node, { labels: args.slice(1) }) : undefined;
      case 'otel-batch':
        return method === 'observe' ? this.sink(node, { labels: args.slice(2) }) : undefined;
      case 'statsd': {
        if (method === 'childClient') return this.sink(node, { labels: this.optionValues(args[0], STATSD_TAG_OPTIONS) });
        if (!STATSD_METHODS.includes(method)) return undefined;
        const rest = args.slice(1).filter((arg) => !isFunction(unwrap(arg)));
        return this.sink(node, { names: first, labels: rest, keyed: rest.flatMap((arg) => this.tagPairs(arg)) });
      }
      case 'emf': {
        if (EMF_NAME_METHODS.includes(method)) return this.sink(node, { names: first });
        if (!EMF_PROPERTY_METHODS.includes(method)) return undefined;
        const key = staticString(args[0]);
        const value = args[1];
        return this.sink(node, { labels: args.slice(1, 2), keyed: key !== undefined && value ? [{ key, value }] : [] });
      }
      default:
        return undefined;
    }
  }

  /** `new client.Counter({ name, labelNames })`, `new StatsD({ globalTags })`. */
  private constructed(node: TSESTree.NewExpression, callee: Node): MetricSink | undefined {
    const family = this.classFamily(callee);
    if (family === 'prom') {
      const options = this.objectOf(node.arguments[0]);
      if (!options) return undefined;
      const names = this.optionValues(options, [PROM_NAME_OPTION]);
      const declared = this.optionValues(options, [PROM_LABEL_NAMES_OPTION]).flatMap((value) => {
        const list = this.arrayOf(value);
        return list ? list.elements.filter(isStringLiteral) : [];
      });
      return this.sink(node, { names, labelNames: declared });
    }
    if (family === 'statsd') {
      const labels = this.optionValues(node.arguments[0], STATSD_TAG_OPTIONS);
      return labels.length > 0 ? this.sink(node, { labels, keyed: labels.flatMap((label) => this.tagPairs(label)) }) : undefined;
    }
    return undefined;
  }

  /** `const end = histogram.startTimer(); end({ user })`: the labels given at the end. */
  private timerEnd(node: TSESTree.CallExpression, callee: TSESTree.Identifier): MetricSink | undefined {
    if (node.arguments.length === 0) return undefined;
    const single = this.resolver.singleValue(callee);
    if (!single || single.pattern.steps.length > 0) return undefined;
    const value = unwrap(single.value);
    if (value.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const timer = unwrap(value.callee);
    if (timer.type !== AST_NODE_TYPES.MemberExpression || propertyName(timer) !== 'startTimer') return undefined;
    const family = this.familyOf(timer.object, 0);
    return family === 'prom' || family === 'instrument' ? this.sink(node, { labels: node.arguments }) : undefined;
  }

  private sink(
    node: TSESTree.CallExpression | TSESTree.NewExpression,
    parts: { labels?: readonly Node[]; names?: readonly Node[]; keyed?: readonly KeyedValue[]; labelNames?: readonly TSESTree.StringLiteral[] },
  ): MetricSink | undefined {
    const labels = (parts.labels ?? []).filter((arg) => arg.type !== AST_NODE_TYPES.SpreadElement || arg.argument);
    const names = parts.names ?? [];
    const labelNames = parts.labelNames ?? [];
    if (labels.length === 0 && names.length === 0 && labelNames.length === 0) return undefined;
    const calleeText = compactText(this.sourceCode.getText(node.callee), 60);
    return {
      text: node.type === AST_NODE_TYPES.NewExpression ? `new ${calleeText}` : calleeText,
      labels,
      names,
      keyed: parts.keyed ?? [],
      labelNames,
    };
  }

  /** `['user_id:' + id]`, `` [`user:${id}`] ``: tags in StatsD's `key:value` form. */
  private tagPairs(tags: Node): KeyedValue[] {
    const list = this.arrayOf(tags);
    if (!list) return [];
    const pairs: KeyedValue[] = [];
    for (const element of list.elements) {
      if (!element || element.type === AST_NODE_TYPES.SpreadElement) continue;
      const inner = unwrap(element);
      if (inner.type === AST_NODE_TYPES.TemplateLiteral && inner.expressions.length === 1) {
        const key = /^([\w.-]+):$/.exec(inner.quasis[0]?.value.cooked ?? '')?.[1];
        if (key !== undefined && inner.expressions[0]) pairs.push({ key, value: inner.expressions[0] });
      } else if (inner.type === AST_NODE_TYPES.BinaryExpression && inner.operator === '+') {
        const key = /^([\w.-]+):$/.exec(staticString(inner.left) ?? '')?.[1];
        if (key !== undefined) pairs.push({ key, value: inner.right });
      }
    }
    return pairs;
  }

  /** The values of the given properties of an options object (a literal, or a constant holding one). */
  private optionValues(options: Node | undefined, keys: readonly string[]): Node[] {
    const object = this.objectOf(options);
    if (!object) return [];
    const values: Node[] = [];
    for (const property of object.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const key = keyName(property);
      if (key !== undefined && keys.includes(key)) values.push(property.value);
    }
    return values;
  }

  private objectOf(node: Node | undefined): TSESTree.ObjectExpression | undefined {
    const value = node ? this.constantValue(node) : undefined;
    return value?.type === AST_NODE_TYPES.ObjectExpression ? value : undefined;
  }

  private arrayOf(node: Node): TSESTree.ArrayExpression | undefined {
    const value = this.constantValue(node);
    return value.type === AST_NODE_TYPES.ArrayExpression ? value : undefined;
  }

  /** The expression itself, or the single value of the constant it names. */
  private constantValue(node: Node): Node {
    const inner = unwrap(node);
    if (inner.type !== AST_NODE_TYPES.Identifier) return inner;
    const single = this.resolver.singleValue(inner);
    return single && single.pattern.steps.length === 0 ? unwrap(single.value) : inner;
  }

  /** Which client a constructor makes: prom-client metric classes, StatsD clients. */
  private classFamily(callee: Node): Family | undefined {
    const origin = this.resolver.importOf(callee);
    if (!origin) return undefined;
    const last = origin.path[origin.path.length - 1];
    if (PROM_MODULES.includes(origin.module) && origin.path.length === 1 && last !== undefined && PROM_METRIC_CLASSES.includes(last)) {
      return 'prom';
    }
    if (STATSD_MODULES.includes(origin.module) && (origin.path.length === 0 || (origin.path.length === 1 && last === 'StatsD'))) {
      return 'statsd';
    }
    return undefined;
  }

  /** The family of a receiver, memoized and cycle-safe. */
  private familyOf(expression: Node, depth: number): Family | undefined {
    const node = unwrap(expression);
    const memo = this.familyMemo.get(node);
    if (memo !== undefined) return memo ?? undefined;
    if (depth > MAX_DEPTH) return undefined;
    this.familyMemo.set(node, null); // cycle guard
    const result = this.computeFamily(node, depth);
    this.familyMemo.set(node, result ?? null);
    return result;
  }

  private computeFamily(node: Node, depth: number): Family | undefined {
    switch (node.type) {
      case AST_NODE_TYPES.Identifier: {
        const single = this.resolver.singleValue(node);
        if (single && single.pattern.steps.length === 0) {
          const family = this.familyOf(single.value, depth + 1);
          if (family !== undefined) return family;
        }
        return this.callbackFamily(node) ?? familyByName(node.name);
      }
      case AST_NODE_TYPES.MemberExpression: {
        const name = propertyName(node);
        return name === undefined ? undefined : familyByName(name);
      }
      case AST_NODE_TYPES.NewExpression:
        return this.classFamily(unwrap(node.callee));
      case AST_NODE_TYPES.AwaitExpression:
        return this.familyOf(node.argument, depth + 1);
      case AST_NODE_TYPES.CallExpression:
        return this.resultFamily(node, depth);
      default:
        return undefined;
    }
  }

  /** What a call returns: an OpenTelemetry instrument, an EMF logger, a StatsD child, prom-client's bound labels. */
  private resultFamily(node: TSESTree.CallExpression, depth: number): Family | undefined {
    const callee = unwrap(node.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = propertyName(callee);
      if (method === undefined) return undefined;
      if (OTEL_INSTRUMENT_FACTORIES.includes(method)) return this.isMeter(callee.object) ? 'otel' : undefined;
      if (method === 'childClient') return this.familyOf(callee.object, depth + 1) === 'statsd' ? 'statsd' : undefined;
      if (method === 'labels') {
        const family = this.familyOf(callee.object, depth + 1);
        return family === 'prom' || family === 'instrument' ? 'prom-bound' : undefined;
      }
    }
    const origin = this.resolver.importOf(callee);
    if (origin && EMF_MODULES.includes(origin.module) && origin.path.length === 1 && EMF_FACTORIES.includes(origin.path[0] ?? '')) {
      return 'emf';
    }
    return undefined;
  }

  /** `metrics.getMeter('app')` from OpenTelemetry, or a receiver named `meter` / `…Meter`. */
  private isMeter(expression: Node): boolean {
    const node = unwrap(expression);
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const origin = this.resolver.importOf(node.callee);
      return origin !== undefined && OTEL_MODULES.includes(origin.module) && origin.path[origin.path.length - 1] === 'getMeter';
    }
    if (node.type === AST_NODE_TYPES.Identifier) {
      const single = this.resolver.singleValue(node);
      if (single && single.pattern.steps.length === 0 && this.isMeter(single.value)) return true;
    }
    const name = node.type === AST_NODE_TYPES.Identifier ? node.name : node.type === AST_NODE_TYPES.MemberExpression ? propertyName(node) : undefined;
    return name !== undefined && splitWords(name).at(-1) === 'meter';
  }

  /** A callback's first parameter: `metricScope(metrics => …)`, `gauge.addCallback(result => …)`, `meter.addBatchObservableCallback(batch => …)`. */
  private callbackFamily(identifier: TSESTree.Identifier): Family | undefined {
    const variable = this.resolver.variableOf(identifier);
    const def = variable?.defs[0];
    if (!def || def.type !== TSESLint.Scope.DefinitionType.Parameter) return undefined;
    const fn = def.node as Node;
    if (!isFunction(fn) || fn.params[0] !== def.name) return undefined;
    const call = fn.parent;
    if (call.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) return undefined;
    const callee = unwrap(call.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = propertyName(callee);
      if (method !== undefined && OTEL_CALLBACK_REGISTRATIONS.includes(method)) return 'otel-result';
      if (method !== undefined && OTEL_BATCH_REGISTRATIONS.includes(method)) return 'otel-batch';
    }
    const origin = this.resolver.importOf(callee);
    if (origin && EMF_MODULES.includes(origin.module) && origin.path.length === 1 && EMF_SCOPES.includes(origin.path[0] ?? '')) {
      return 'emf';
    }
    return undefined;
  }
}

/** A receiver known only by its name: `loginCounter` (an instrument), `statsd`, `metrics` (EMF). */
function familyByName(name: string): Family | undefined {
  const last = splitWords(name).at(-1);
  if (last === undefined) return undefined;
  if (INSTRUMENT_RECEIVER_WORDS.includes(last)) return 'instrument';
  if (STATSD_RECEIVER_WORDS.includes(last)) return 'statsd';
  if (EMF_RECEIVER_WORDS.includes(last)) return 'emf';
  return undefined;
}

function isStringLiteral(node: TSESTree.Node | null): node is TSESTree.StringLiteral {
  return node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'string';
}
