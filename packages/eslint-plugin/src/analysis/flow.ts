import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  ARGUMENT_METHODS,
  ELEMENT_CALLBACK_METHODS,
  MEASURE_PROPERTIES,
  TEST_FUNCTIONS,
  TEST_METHODS,
  TRANSPARENT_FUNCTIONS,
  TRANSPARENT_METHODS,
  UTIL_FORMATTERS,
  CONTEXT_NAMESPACE_FACTORIES,
  CONTEXT_NAMESPACE_MODULES,
  CONTEXT_STORE_READS,
  CONTEXT_STORE_WRITES,
  CONFIG_OBJECT_WORDS,
  NAME_CONTEXT_EXCLUSIONS,
  type Kind,
} from '../catalog';
import { splitWords } from './names';
import { calleeName, compactText, dottedPath, isFunction, keyName, propertyName, renderSegment, staticString, unwrap } from './ast';
import { isRelativeSpecifier, type ProjectModules } from './modules';
import { forLoopOf, patternPath, type Resolver } from './resolve';
import type { Settings } from './settings';
import { SourceRecognizer, type Base, type Step } from './sources';
import { TreatmentJudge } from './treatment';
import type { TypeFacts } from './types';

const { DefinitionType } = TSESLint.Scope;

/** Head words of methods that return something about their receiver, not what it holds (`getFlowFileBackup`, `getPath`, `count`). */
const DESCRIBING_METHOD_HEADS = new Set([
  'path', 'paths', 'file', 'filename', 'dir', 'directory', 'folder', 'backup', 'url', 'uri', 'endpoint', 'count', 'length',
  'size', 'status', 'type', 'version', 'format', 'schema', 'exists',
]);

function lastWord(name: string): string {
  const words = splitWords(name);
  return words[words.length - 1] ?? '';
}

/** SCREAMING_CASE names are constants (`AuthScheme.BEARER`), never a person's values. */
const CONSTANT_NAME = /^(?=.*[A-Z]{2})[A-Z0-9_$]+$/;

type Node = TSESTree.Node;
type Variable = TSESLint.Scope.Variable;
type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/** One identifier a value can carry, and where it came from. */
export interface Carried {
  readonly kind: Kind;
  /** The source expression as written (or as reached through aliases: `req.headers['user-agent']`). */
  readonly originText: string;
  readonly origin: Node;
  /** Reached the sink through an unkeyed hash (`createHash(…).update(ip).digest()`). */
  readonly unkeyedHash?: boolean;
  /** Known only from a name (`clientIp`), not from a source the analysis followed. */
  readonly byName?: boolean;
}

/** What a value carries. */
export interface Trace {
  readonly carried: readonly Carried[];
  /** The value may hold data from somewhere the analysis cannot see (then names speak for it). */
  readonly opaque: boolean;
  /** Sub-expressions the value flowed through, to find the narrowest carrier. */
  readonly via: readonly Node[];
  /**
   * Opaque, but read under a name that rules identifiers out
   * (`config.allowIpAddressList`, `cookieName`): names further out (the key
   * or parameter it is passed under) do not speak for it. Its members' own
   * names still do.
   */
  readonly disclaimed?: boolean;
}

/** Identity of a finding within one sink call: kind, origin, and whether it went through an unkeyed hash. */
export function carriedKey(carried: Carried): string {
  return `${carried.kind}\u0000${carried.originText}\u0000${carried.unkeyedHash ? 'hash' : ''}`;
}

const NOTHING: Trace = { carried: [], opaque: false, via: [] };
const OPAQUE: Trace = { carried: [], opaque: true, via: [] };

/** Bounds: recursion depth of one query, and nesting of local function calls followed with their arguments. */
const MAX_DEPTH = 80;
const MAX_CALL_DEPTH = 3;
/**
 * Calling contexts followed per local function. Past this, a call is
 * answered without its context: the function's parameters stand for the
 * arguments of all its call sites. This keeps the number of environments,
 * and so the work, linear in the size of the file.
 */
const MAX_CONTEXTS_PER_FUNCTION = 8;

/**
 * Default work budget per file, in analysis steps (one step per traced
 * node or followed alias). Real files need far less: the largest of the
 * 15,000-file corpus takes about a tenth of it.
 */
export const DEFAULT_ANALYSIS_BUDGET = 200_000;

/** Bounds on one file's analysis. */
export interface TracerLimits {
  /** Analysis steps allowed for the file (default `DEFAULT_ANALYSIS_BUDGET`). */
  readonly budget?: number;
  /** Called once, when the budget runs out, with the node the analysis stopped at. */
  readonly onExhausted?: (at: Node, steps: number) => void;
}

interface MemoEntry {
  readonly trace: Trace;
  /** Cut short by the depth bound or the budget: valid for queries with at most `remaining` depth left. */
  readonly cut: boolean;
  readonly remaining: number;
}

interface AccessStep {
  readonly step: Step;
  /** Cumulative text up to and including this step. */
  readonly text: string;
  /** The syntax node that ends with this step, when it is part of the expression being traced. */
  readonly node: Node | undefined;
}

interface Access {
  readonly base: Base;
  readonly baseText: string;
  readonly baseNode: Node;
  readonly steps: readonly AccessStep[];
  /** Reached through an alias: texts are rendered, not copied from the source. */
  readonly aliased: boolean;
}

interface Binding {
  readonly value: Node | undefined;
  /** A rest parameter's arguments: the binding is an array of them. */
  readonly rest?: readonly Node[];
  readonly steps: readonly string[];
  readonly defaults: readonly Node[];
  readonly env: Env | undefined;
}

interface Env {
  /** The local function called, and the environment of its call site. */
  readonly fn: FunctionNode;
  readonly call: TSESTree.CallExpression;
  readonly parent: Env | undefined;
  readonly bindings: ReadonlyMap<Variable, Binding>;
  readonly depth: number;
  /** The call's arguments that were bound, and whether a spread hid some. */
  readonly bound: readonly Node[];
  readonly spread: boolean;
}

/**
 * Flow: which identifier kinds can an expression carry, and where did each
 * come from? It follows values (variables and writes, destructuring,
 * templates, objects, calls into local functions, catalog flow steps) and
 * asks the source recognizer what each access path reads and the treatment
 * judge whether a call classifies what passes through it. Memoized per node (for queries outside local
 * function calls), cycle-safe and depth-bounded.
 */
export class Tracer {
  /** Answers per node, for queries outside local function calls. */
  private readonly memo = new Map<Node | Variable, MemoEntry>();
  /** Answers per node inside one local call's bindings (environments are shared per call site, see `envFor`). */
  private readonly envMemo = new WeakMap<Env, Map<Node | Variable, MemoEntry>>();
  /** One environment per local call site and calling environment, so its answers are memoized once. */
  private readonly envByCall = new Map<Node, Map<Env | undefined, Env>>();
  private readonly contextsOf = new Map<FunctionNode, number>();
  private readonly active = new Map<Node | Variable, Set<Env | undefined>>();
  private readonly sources: SourceRecognizer;
  private readonly treatment: TreatmentJudge;
  private depth = 0;
  private cutoffs = 0;
  private spent = 0;
  private exhaustedAt: Node | undefined;

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly settings: Settings,
    private readonly resolver: Resolver,
    types: TypeFacts | undefined,
    private readonly limits: TracerLimits = {},
    /** The project's own modules, for what a function imported from one returns (absent: imported calls are known by name only). */
    private readonly modules?: ProjectModules,
  ) {
    this.sources = new SourceRecognizer(settings, resolver, types);
    this.treatment = new TreatmentJudge(settings, resolver, types);
  }

  /** Analysis steps taken so far on this file (each traced node and each alias followed costs one). */
  get stepsTaken(): number {
    return this.spent;
  }

  /** Where the work budget ran out, if it did: the analysis stopped following values there. */
  get exhaustion(): Node | undefined {
    return this.exhaustedAt;
  }

  /**
   * What this expression can carry.
   *
   * Every answer is memoized, including one cut short by the depth bound:
   * a cut answer records how much depth it had, and is recomputed only by
   * a query that has more. So each node is computed at most `MAX_DEPTH`
   * times per environment, and the work on a file is bounded by its size.
   */
  trace(node: Node, env?: Env): Trace {
    return this.memoized(node, env, () => (this.treatment.isClassifiedByType(node) ? NOTHING : this.compute(node, env)));
  }

  /**
   * Answers a question about `key` (a node, or a variable: all its writes)
   * in `env` once: memoized, cycle-safe, depth-bounded, and paid for from
   * the file's budget.
   */
  private memoized(key: Node | Variable, env: Env | undefined, compute: () => Trace): Trace {
    const table = env ? this.envTable(env) : this.memo;
    const remaining = MAX_DEPTH - this.depth;
    const known = table.get(key);
    if (known && (!known.cut || known.remaining >= remaining)) return known.trace;
    const at = 'type' in key ? key : (key.identifiers[0] as Node | undefined);
    if (remaining <= 0 || (at !== undefined && !this.spend(at))) {
      this.cutoffs++;
      return known?.trace ?? NOTHING;
    }
    let envs = this.active.get(key);
    if (envs?.has(env)) return NOTHING; // a cycle: this question is already being answered
    if (!envs) {
      envs = new Set();
      this.active.set(key, envs);
    }
    envs.add(env);
    this.depth++;
    const cutoffsBefore = this.cutoffs;
    let result: Trace;
    try {
      result = compute();
    } finally {
      this.depth--;
      envs.delete(env);
    }
    table.set(key, { trace: result, cut: this.cutoffs !== cutoffsBefore, remaining });
    return result;
  }

  private envTable(env: Env): Map<Node | Variable, MemoEntry> {
    let table = this.envMemo.get(env);
    if (!table) {
      table = new Map();
      this.envMemo.set(env, table);
    }
    return table;
  }

  /** Takes one step of the file's work budget; false once it is spent (then nothing more is followed). */
  private spend(at: Node): boolean {
    const budget = this.limits.budget ?? DEFAULT_ANALYSIS_BUDGET;
    if (this.spent >= budget) {
      if (!this.exhaustedAt) {
        this.exhaustedAt = at;
        this.limits.onExhausted?.(at, this.spent);
      }
      return false;
    }
    this.spent++;
    return true;
  }

  /**
   * What one argument of a call carries, with the label an earlier string
   * argument gives it: in `console.log('email:', value)` the value is an
   * e-mail address even when its own name says nothing.
   *
   * @param args the call's arguments
   * @param index the argument to trace
   */
  traceArgument(args: readonly Node[], index: number): Trace {
    const arg = args[index];
    const previous = index > 0 ? unwrap(args[index - 1]) : undefined;
    const label = previous ? labelBefore(staticString(previous)) : undefined;
    return this.labelled(this.trace(arg), label, arg);
  }

  /** `auditUser`, `req.user`, `account`: an expression naming a whole person record, not one of its fields. */
  private isWholeRecord(expression: Node): boolean {
    const name = lastStaticName(expression);
    return name !== undefined && this.sources.isPersonRecordName(name);
  }

  /** A label names a value's kind only when nothing else does and the value is not a literal. */
  private labelled(trace: Trace, label: string | undefined, node: Node): Trace {
    if (label === undefined) return trace;
    const inner = unwrap(node);
    if (inner.type === AST_NODE_TYPES.Literal || (inner.type === AST_NODE_TYPES.TemplateLiteral && inner.expressions.length === 0)) return trace;
    return this.named(trace, label, node, this.text(node));
  }

  /** The narrowest sub-expression of `node` that carries this finding (the place to report and to wrap). */
  narrowest(node: Node, carried: Carried): Node {
    const key = carriedKey(carried);
    let current = node;
    for (let guard = 0; guard < 100; guard++) {
      const inner = unwrap(current);
      if (inner.type === AST_NODE_TYPES.ObjectExpression) {
        const property = inner.properties.find(
          (candidate) => candidate.type === AST_NODE_TYPES.Property && candidate.key === carried.origin,
        );
        if (property?.type === AST_NODE_TYPES.Property) return property.value;
      }
      const next = this.trace(current).via.find((child) => this.trace(child).carried.some((c) => carriedKey(c) === key));
      if (!next) return current;
      current = next;
    }
    return current;
  }

  private compute(node: Node, env: Env | undefined): Trace {
    switch (node.type) {
      case AST_NODE_TYPES.Identifier:
        return this.traceIdentifier(node, env);
      case AST_NODE_TYPES.ThisExpression:
        return this.thisBase(node) ? this.classify({ base: { type: 'request' }, baseText: 'this', baseNode: node, steps: [], aliased: false }, node) : OPAQUE;
      case AST_NODE_TYPES.Super:
        return OPAQUE;
      case AST_NODE_TYPES.MemberExpression:
        return this.traceMember(node, env);
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        return this.traceCall(node, env);
      case AST_NODE_TYPES.TemplateLiteral:
        // `token=${t}`: a label right before a value names what it is.
        return merge(
          node.expressions.map((expression, i) => {
            const trace = this.trace(expression, env);
            // A person record known only by its name (`auditUser`) is an object, "[object Object]" in text;
            // a followed source (`req.auth.user`, a basic-auth user name) may well be a string.
            if (trace.carried.length > 0 && trace.carried.every((carried) => carried.byName) && this.isWholeRecord(expression)) return NOTHING;
            return this.labelled(trace, labelBefore(node.quasis[i]?.value.cooked), expression);
          }),
          node.expressions,
        );
      case AST_NODE_TYPES.TaggedTemplateExpression:
        return { ...this.union(node.quasi.expressions, env), opaque: true };
      case AST_NODE_TYPES.BinaryExpression:
        return node.operator === '+' ? this.union([node.left, node.right], env) : NOTHING;
      case AST_NODE_TYPES.LogicalExpression:
        // `a && b` yields `b` or a falsy `a`; `||` and `??` yield either.
        return node.operator === '&&' ? this.union([node.right], env) : this.union([node.left, node.right], env);
      case AST_NODE_TYPES.ConditionalExpression:
        // The test decides, it does not flow.
        return this.union([node.consequent, node.alternate], env);
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.SpreadElement:
        return this.union([node.argument], env);
      case AST_NODE_TYPES.YieldExpression:
        return node.argument ? this.union([node.argument], env) : NOTHING;
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSInstantiationExpression:
        return this.union([node.expression], env);
      case AST_NODE_TYPES.SequenceExpression: {
        const last = node.expressions[node.expressions.length - 1];
        return last ? this.union([last], env) : NOTHING;
      }
      case AST_NODE_TYPES.AssignmentExpression:
        if (node.operator === '=') return this.union([node.right], env);
        if (node.operator === '+=' || node.operator === '||=' || node.operator === '??=') {
          return this.union([node.left, node.right], env);
        }
        if (node.operator === '&&=') return this.union([node.right], env);
        return NOTHING;
      case AST_NODE_TYPES.ArrayExpression:
        return this.union(
          node.elements.filter((element): element is NonNullable<typeof element> => element !== null),
          env,
        );
      case AST_NODE_TYPES.ObjectExpression:
        return this.traceObject(node, env);
      default:
        // Literals, functions, classes, unary/update operators (`!x`, `typeof x`), JSX: nothing flows.
        return NOTHING;
    }
  }

  private union(children: readonly Node[], env: Env | undefined, via: readonly Node[] = children): Trace {
    return merge(
      children.map((child) => this.trace(child, env)),
      via,
    );
  }

  /** Names speak for values the analysis cannot see: `clientIp`, `user.email`, `{ sessionId: … }`, `getUserId()`. */
  private named(trace: Trace, name: string | undefined, origin: Node, originText?: string): Trace {
    if (!trace.opaque || trace.carried.length > 0 || name === undefined || trace.disclaimed) return trace;
    // SCREAMING_CASE names are constants (`AuthScheme.BEARER`, `DEFAULT_SESSION_ID`), not a person's values.
    if (CONSTANT_NAME.test(name)) return trace;
    const kind = this.settings.names.match(name);
    // `allowIpAddressList`, `cookieName`: a name that rules the identifier out also stops names further out
    // (the key or parameter the value is passed under) from speaking for it.
    if (!kind) return this.settings.names.disclaims(name) ? { ...trace, disclaimed: true } : trace;
    return { carried: [{ kind, origin, originText: originText ?? this.text(origin), byName: true }], opaque: true, via: trace.via };
  }

  private text(node: Node): string {
    return compactText(this.sourceCode.getText(node));
  }

  // ── identifiers ────────────────────────────────────────────────────────

  private traceIdentifier(node: TSESTree.Identifier, env: Env | undefined): Trace {
    const variable = this.resolver.variableOf(node);
    const scoped = envOfVariable(variable, env);
    if (scoped !== env) return this.trace(node, scoped);
    const binding = variable ? env?.bindings.get(variable) : undefined;
    if (binding) return { ...this.traceBinding(binding), via: [] };
    if (this.modules && variable?.defs[0]?.type === DefinitionType.ImportBinding) {
      // `import { chromeUserAgent } from './fetch'` where that module defines it as a literal: a constant names no one.
      const origin = this.resolver.importOf(node);
      if (origin && isRelativeSpecifier(origin.module) && this.modules.isConstant(origin)) return NOTHING;
    }
    const base = this.sources.baseOf(node);
    if (base) return this.classify({ base, baseText: node.name, baseNode: node, steps: [], aliased: false }, node);
    if (node.name === 'arguments' && variable && variable.defs.length === 0 && variable.scope.type === TSESLint.Scope.ScopeType.function) {
      return this.traceArguments(variable.scope.block as FunctionNode, env);
    }
    if (!variable || variable.defs.length === 0) {
      if (node.name === 'undefined' || node.name === 'NaN' || node.name === 'Infinity') return NOTHING;
      return this.named(OPAQUE, node.name, node);
    }
    const def = variable.defs[0];
    switch (def.type) {
      case DefinitionType.Variable:
        return this.personRecord(this.named(this.memoized(variable, env, () => this.traceVariable(variable, env)), node.name, node), node);
      case DefinitionType.Parameter:
        return this.personRecord(this.named(this.traceParameter(def.node as FunctionNode, def.name, env), node.name, node), node);
      case DefinitionType.ImportBinding:
      case DefinitionType.CatchClause:
      case DefinitionType.ImplicitGlobalVariable:
        return this.named(OPAQUE, node.name, node);
      default:
        // Functions, classes, enums, namespaces: not data.
        return NOTHING;
    }
  }

  /** A whole person record the analysis cannot see into (`JSON.stringify(user)`, `{ ...customer }`): a user identifier. */
  private personRecord(trace: Trace, node: TSESTree.Identifier): Trace {
    const parent = node.parent;
    if (!trace.opaque || trace.carried.length > 0 || (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node)) return trace;
    if (!this.sources.isPersonRecordName(node.name)) return trace;
    return { carried: [{ kind: 'user', origin: node, originText: node.name, byName: true }], opaque: true, via: trace.via };
  }

  private traceBinding(binding: Binding): Trace {
    const traces = binding.defaults.map((value) => this.trace(value, binding.env));
    for (const value of binding.rest ?? []) traces.push(this.trace(value, binding.env));
    if (binding.value) {
      traces.push(
        binding.steps.length > 0
          ? this.traceAccess(binding.value, binding.steps, binding.value, binding.env, false)
          : this.trace(binding.value, binding.env),
      );
    } else if (traces.length === 0) {
      return NOTHING;
    }
    return merge(traces, []);
  }

  private traceVariable(variable: Variable, env: Env | undefined): Trace {
    const traces: Trace[] = [];
    for (const reference of variable.references) {
      const identifier = reference.identifier as Node;
      if (reference.isWrite()) {
        const value = reference.writeExpr;
        if (!value) continue;
        const pattern = patternPath(identifier);
        const loop = forLoopOf(identifier);
        if (loop?.type === AST_NODE_TYPES.ForInStatement) continue; // keys, not values
        const steps = loop ? ['*', ...pattern.steps] : pattern.steps;
        for (const fallback of pattern.defaults) traces.push(this.trace(fallback, env));
        traces.push(steps.length > 0 ? this.traceAccess(value, steps, value, env, false) : this.trace(value, env));
        continue;
      }
      // Writes into the object the variable holds: `meta.ip = req.ip`, `Object.assign(meta, …)`, `list.push(…)`.
      const parent = identifier.parent;
      if (
        parent?.type === AST_NODE_TYPES.MemberExpression &&
        parent.object === identifier &&
        parent.parent.type === AST_NODE_TYPES.AssignmentExpression &&
        parent.parent.left === parent
      ) {
        traces.push(this.trace(parent.parent.right, env));
      } else if (
        parent?.type === AST_NODE_TYPES.MemberExpression &&
        parent.object === identifier &&
        parent.parent.type === AST_NODE_TYPES.CallExpression &&
        parent.parent.callee === parent &&
        ['push', 'unshift', 'set', 'add'].includes(propertyName(parent) ?? '')
      ) {
        const args = parent.parent.arguments;
        traces.push(this.union(propertyName(parent) === 'set' ? args.slice(1) : args, env));
      } else if (
        parent?.type === AST_NODE_TYPES.CallExpression &&
        parent.arguments[0] === identifier &&
        dottedPath(parent.callee) === 'Object.assign'
      ) {
        traces.push(this.union(parent.arguments.slice(1), env));
      }
    }
    return merge(traces, []);
  }

  private traceParameter(fn: FunctionNode, name: TSESTree.BindingName, env: Env | undefined): Trace {
    const index = fn.params.findIndex((param) => param.range[0] <= name.range[0] && name.range[1] <= param.range[1]);
    if (index < 0) return OPAQUE;
    const pattern = patternPath(name);
    const traces = pattern.defaults.map((fallback) => this.trace(fallback, env));
    const parent = fn.parent;
    // Callbacks of array methods and promises: `req.ips.forEach((ip) => …)`, `p.then((v) => …)`.
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) {
      const callee = unwrap(parent.callee);
      const method = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
      if (callee.type === AST_NODE_TYPES.MemberExpression && method !== undefined && index === 0) {
        if (ELEMENT_CALLBACK_METHODS.has(method)) {
          traces.push(this.traceAccess(callee.object, ['*', ...pattern.steps], callee.object, env, false));
          return merge(traces, []);
        }
        if (method === 'then') {
          traces.push(
            pattern.steps.length > 0
              ? this.traceAccess(callee.object, pattern.steps, callee.object, env, false)
              : this.trace(callee.object, env),
          );
          return merge(traces, []);
        }
      }
    }
    // A GraphQL resolver's context: what the server's `context` function returns.
    const supplied = this.sources.frameworkArguments(fn, index);
    if (supplied) {
      for (const value of supplied) traces.push(pattern.steps.length > 0 ? this.traceAccess(value, pattern.steps, value, env, false) : this.trace(value, env));
      return merge(traces, []);
    }
    const { calls, complete } = this.resolver.callSitesOf(fn);
    if (fn.params[index]?.type === AST_NODE_TYPES.RestElement) {
      // `...args`: the array of every argument from here on; its elements are what the pattern reads.
      const rest = pattern.steps[0] === '*' ? pattern.steps.slice(1) : pattern.steps;
      for (const call of calls) {
        for (const arg of call.arguments.slice(index)) {
          traces.push(rest.length > 0 ? this.traceAccess(arg, rest, arg, env, false) : this.trace(arg, env));
        }
      }
      if (!complete) traces.push(OPAQUE);
      return merge(traces, []);
    }
    for (const call of calls) {
      const spreadBefore = call.arguments.slice(0, index + 1).some((arg) => arg.type === AST_NODE_TYPES.SpreadElement);
      if (spreadBefore) {
        traces.push(OPAQUE);
        continue;
      }
      const arg = call.arguments[index];
      if (!arg) continue;
      traces.push(pattern.steps.length > 0 ? this.traceAccess(arg, pattern.steps, arg, env, false) : this.trace(arg, env));
    }
    if (!complete) traces.push(OPAQUE);
    return merge(traces, []);
  }

  /** A function's `arguments`: every argument of every call site (in a followed call, that call's). */
  private traceArguments(fn: FunctionNode, env: Env | undefined): Trace {
    const own = env && env.fn === fn ? env.call : undefined;
    const { calls, complete } = own ? { calls: [own], complete: true } : this.resolver.callSitesOf(fn);
    const traces = calls.flatMap((call) => call.arguments.map((arg) => this.trace(arg, own ? env?.parent : undefined)));
    if (!complete) traces.push(OPAQUE);
    return merge(traces, []);
  }

  /**
   * What a context store gives back: `store.getStore()` carries what was put
   * in with `store.run(value, …)` / `store.enterWith(value)`; a cls-hooked
   * `ns.get(key)` what `ns.set(key, value)` put in (any namespace of the
   * same name). Undefined when the call is not such a read.
   */
  private traceContextStore(call: TSESTree.CallExpression, method: string, receiver: Node): Trace | undefined {
    const object = unwrap(receiver);
    if (object.type !== AST_NODE_TYPES.Identifier) return undefined;
    if (CONTEXT_STORE_READS.includes(method)) {
      const variable = this.resolver.variableOf(object);
      if (!variable) return undefined;
      const values: Node[] = [];
      for (const reference of variable.references) {
        const member = reference.identifier.parent;
        if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) continue;
        const write = CONTEXT_STORE_WRITES.find((entry) => entry.method === propertyName(member));
        const store = member.parent;
        if (write && store.type === AST_NODE_TYPES.CallExpression && store.callee === member) {
          const value = store.arguments[write.value];
          if (value) values.push(value);
        }
      }
      return this.union(values, undefined, []);
    }
    if (method !== 'get') return undefined;
    const namespace = this.namespaceName(object);
    if (namespace === undefined) return undefined;
    const key = staticString(call.arguments[0]);
    const values = this.resolver
      .callsOfMethod('set')
      .filter((set) => {
        const target = unwrap((set.callee as TSESTree.MemberExpression).object);
        if (target.type !== AST_NODE_TYPES.Identifier || this.namespaceName(target) !== namespace) return false;
        const setKey = staticString(set.arguments[0]);
        return key === undefined || setKey === undefined || setKey === key;
      })
      .flatMap((set) => (set.arguments[1] ? [set.arguments[1]] : []));
    return this.union(values, undefined, []);
  }

  /** The name of a cls-hooked namespace an identifier holds (`createNamespace('app')` → `app`), if it holds one. */
  private namespaceName(identifier: TSESTree.Identifier): string | undefined {
    const single = this.resolver.singleValue(identifier);
    const value = single && single.pattern.steps.length === 0 ? unwrap(single.value) : undefined;
    if (value?.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const origin = this.resolver.importOf(value.callee);
    if (!origin || !CONTEXT_NAMESPACE_MODULES.includes(origin.module)) return undefined;
    if (!CONTEXT_NAMESPACE_FACTORIES.includes(origin.path[origin.path.length - 1] ?? '')) return undefined;
    return staticString(value.arguments[0]) ?? '*';
  }

  // ── members and access paths ───────────────────────────────────────────

  private traceMember(node: TSESTree.MemberExpression, env: Env | undefined): Trace {
    const name = propertyName(node);
    if (name !== undefined && MEASURE_PROPERTIES.has(name)) return NOTHING;
    // The service's own configuration (`process.env.API_TOKEN`) is not a person's identifier.
    if (dottedPath(node.object) === 'process.env') return NOTHING;
    const trace = this.traceAccess(node.object, [name ?? '*'], node, env, true);
    // `env.DATABASE_USER`, `config.smtp.user`: an unknown value read from configuration is configuration.
    if (trace.carried.length === 0 && trace.opaque && isConfigObject(node.object) && !holdsPerson(name)) {
      return { carried: [], opaque: false, via: trace.via };
    }
    // Names do not speak for members of configuration objects (`config.apiKey`, `settings.ip`) or for a
    // word that means something else on its object (`cert.fingerprint`); followed sources still do.
    if (trace.carried.length > 0 && trace.carried.every((carried) => carried.byName)) {
      // Configuration is known not to be a person's: no key or label names it afterwards either.
      if (isConfigObject(node.object) && !holdsPerson(name)) return { carried: [], opaque: false, via: trace.via };
      if (name !== undefined && contextExcludes(name, node.object)) return { carried: [], opaque: trace.opaque, via: trace.via };
    }
    return trace;
  }

  /**
   * `object` then `steps` (property names, `*` for any): through a source
   * path, a local object literal, or whatever `object` carries.
   */
  private traceAccess(object: Node, steps: readonly string[], origin: Node, env: Env | undefined, direct: boolean): Trace {
    const last = steps[steps.length - 1];
    const lastName = last === '*' ? undefined : last;
    const access = this.accessOf(object, env);
    if (access) {
      const extended = direct
        ? this.extend(access, { name: steps[0] }, origin)
        : steps.reduce<Access>((acc, name) => this.extend(acc, { name }, undefined, true), access);
      return this.classify(extended, origin);
    }
    const fallbackText = direct ? this.text(origin) : `${this.text(object)}${steps.map((s) => (s === '*' ? '[…]' : renderSegment(s))).join('')}`;
    const literal = this.literalValues(object, steps[0], env);
    if (literal) {
      const traces = literal.map((value) =>
        steps.length > 1 ? this.traceAccess(value, steps.slice(1), value, env, false) : this.trace(value, env),
      );
      return this.named(merge(traces, []), lastName, origin, fallbackText);
    }
    const whole = this.trace(object, env);
    const objectName = lastStaticName(object);
    if (whole.carried.length > 0) {
      // A value known only by its name is re-read with the property: `cookie.value` is a cookie, `cookie.name` is not.
      if (direct && lastName !== undefined && objectName !== undefined && whole.carried.every((c) => c.byName)) {
        const kind = this.settings.names.match(`${objectName}_${lastName}`);
        if (!kind) return this.named(OPAQUE, lastName, origin, fallbackText);
      }
      return { carried: whole.carried, opaque: whole.opaque, via: direct ? [object] : [] };
    }
    // An element of a list whose name rules identifiers out (`for (const ip of allowIpList)`) is ruled out too.
    const elementOfDisclaimed = lastName === undefined && whole.disclaimed === true;
    const named = this.named(whole.opaque ? (elementOfDisclaimed ? { ...OPAQUE, disclaimed: true } : OPAQUE) : NOTHING, lastName, origin, fallbackText);
    if (named.carried.length > 0 || !direct || lastName === undefined || CONSTANT_NAME.test(lastName)) return named;
    // The object's name and the property's together: `user.id`, `account.id`, `visitor.id`.
    return objectName === undefined ? named : this.named(named, `${objectName}_${lastName}`, origin, fallbackText);
  }

  /** Values a local object literal holds under `key` (literal properties, later `obj.key = …` writes), if it is one. */
  private literalValues(object: Node, key: string, env: Env | undefined): Node[] | undefined {
    const inner = unwrap(object);
    let literal: TSESTree.ObjectExpression | undefined;
    let variable: Variable | undefined;
    if (inner.type === AST_NODE_TYPES.ObjectExpression) {
      literal = inner;
    } else if (inner.type === AST_NODE_TYPES.Identifier) {
      variable = this.resolver.variableOf(inner);
      if (variable && env?.bindings.has(variable)) return undefined;
      const single = this.resolver.singleValue(inner);
      const value = single && single.pattern.steps.length === 0 ? unwrap(single.value) : undefined;
      if (value?.type === AST_NODE_TYPES.ObjectExpression) literal = value;
    }
    if (!literal) return undefined;
    const values: Node[] = [];
    for (const property of literal.properties) {
      if (property.type === AST_NODE_TYPES.SpreadElement) {
        // `{ ...other }`: the key may come from the spread value; let the whole object answer.
        return undefined;
      }
      const name = keyName(property);
      if (name === key || name === undefined || key === '*') values.push(property.value);
    }
    if (variable) {
      for (const reference of variable.references) {
        const parent = (reference.identifier as Node).parent;
        if (
          parent?.type === AST_NODE_TYPES.MemberExpression &&
          parent.object === reference.identifier &&
          parent.parent.type === AST_NODE_TYPES.AssignmentExpression &&
          parent.parent.left === parent
        ) {
          const name = propertyName(parent);
          if (name === key || name === undefined || key === '*') values.push(parent.parent.right);
        }
      }
    }
    return values;
  }

  private extend(access: Access, step: Step, node: Node | undefined, rendered = access.aliased): Access {
    const previous = access.steps.length > 0 ? access.steps[access.steps.length - 1].text : access.baseText;
    let text: string;
    if (!rendered && node) {
      text = this.text(node);
    } else if (step.call) {
      text = `${previous}(${step.call.arguments.map((arg) => this.text(arg)).join(', ')})`;
    } else {
      text = `${previous}${step.name === '*' ? '[…]' : renderSegment(step.name)}`;
    }
    return { ...access, steps: [...access.steps, { step, text, node }], aliased: access.aliased || rendered };
  }

  /**
   * The access path an expression reads: a base (request-like object,
   * browser global, import, decorated parameter) and the steps after it,
   * following constant aliases and destructuring.
   */
  private accessOf(expression: Node, env: Env | undefined): Access | undefined {
    const node = unwrap(expression);
    switch (node.type) {
      case AST_NODE_TYPES.AwaitExpression:
        return this.accessOf(node.argument, env);
      case AST_NODE_TYPES.Identifier: {
        const variable = this.resolver.variableOf(node);
        const scoped = envOfVariable(variable, env);
        if (scoped !== env) return this.accessOf(node, scoped);
        const binding = variable ? env?.bindings.get(variable) : undefined;
        if (binding) {
          if (!binding.value) return undefined;
          const inner = this.accessOf(binding.value, binding.env);
          return inner ? this.alias(inner, binding.steps) : undefined;
        }
        const base = this.sources.baseOf(node);
        if (base) return { base, baseText: node.name, baseNode: node, steps: [], aliased: false };
        const single = this.resolver.singleValue(node);
        if (!single || this.depth >= MAX_DEPTH || !this.spend(node)) return undefined;
        this.depth++;
        try {
          const inner = this.accessOf(single.value, env);
          return inner ? this.alias(inner, single.pattern.steps) : undefined;
        } finally {
          this.depth--;
        }
      }
      case AST_NODE_TYPES.ThisExpression:
        return this.thisBase(node) ? { base: { type: 'request' }, baseText: 'this', baseNode: node, steps: [], aliased: false } : undefined;
      case AST_NODE_TYPES.MemberExpression: {
        const object = this.accessOf(node.object, env);
        return object ? this.extend(object, { name: propertyName(node) ?? '*' }, node) : undefined;
      }
      case AST_NODE_TYPES.CallExpression: {
        const callee = unwrap(node.callee);
        const known = callee.type === AST_NODE_TYPES.MemberExpression || callee.type === AST_NODE_TYPES.Identifier;
        const target = known ? this.accessOf(callee, env) : undefined;
        if (target) return this.extend(target, { call: node }, node);
        // With type information, a call declared to return a request is one, whatever the callee's name.
        const base = this.sources.baseOfTypedCall(node);
        return base ? { base, baseText: this.sourceCode.getText(node), baseNode: node, steps: [], aliased: false } : undefined;
      }
      default:
        return undefined;
    }
  }

  /** An access reached through an alias: its nodes lie elsewhere, and its texts are rendered from here on. */
  private alias(access: Access, steps: readonly string[]): Access {
    const detached: Access = {
      ...access,
      steps: access.steps.map((step) => ({ ...step, node: undefined })),
      aliased: true,
    };
    return steps.reduce<Access>((acc, name) => this.extend(acc, { name }, undefined, true), detached);
  }

  // ── classification of an access path ───────────────────────────────────

  private classify(access: Access, origin: Node): Trace {
    const steps = access.steps.map((entry) => entry.step);
    const match = this.sources.match(access.base, steps);
    if (match.status === 'source') {
      const at = match.at >= 0 ? access.steps[match.at] : undefined;
      const originNode = at?.node ?? (match.at < 0 ? access.baseNode : origin);
      const originText = at ? at.text : access.baseText;
      // The whole access is the carrier: `cookies().get('x')` is wrapped as one, not `cookies()` inside it.
      return { carried: [{ kind: match.kind, origin: originNode, originText }], opaque: false, via: [] };
    }
    if (match.status === 'none') return NOTHING;
    // Unknown: a name may still speak for it (`req.body.email`, `config.apiKey.trim()`).
    let index = steps.length - 1;
    while (index >= 1 && steps[index].call && TRANSPARENT_METHODS.has(steps[index - 1].name ?? '')) index -= 2;
    if (index >= 0 && steps[index].call) index -= 1; // `getUserId()`: the method's name
    const named = index >= 0 ? steps[index].name : access.baseText;
    const last = access.steps[access.steps.length - 1];
    const text = last ? last.text : access.baseText;
    return this.named(OPAQUE, named === '*' ? undefined : named, origin, text);
  }

  // ── calls ──────────────────────────────────────────────────────────────

  private traceCall(node: TSESTree.CallExpression | TSESTree.NewExpression, env: Env | undefined): Trace {
    const callee = unwrap(node.callee);
    if (this.treatment.isSanitizer(node)) return NOTHING;
    const hash = this.treatment.hashChain(node);
    if (hash) {
      if (hash.keyed) return NOTHING;
      const inner = this.union(hash.inputs, env, []);
      return {
        carried: inner.carried.map((carried) => (carried.kind === 'ip' ? { ...carried, unkeyedHash: true } : carried)),
        opaque: false,
        via: [],
      };
    }
    const path = dottedPath(callee);
    const isGlobalCall =
      path !== undefined && callee.type !== AST_NODE_TYPES.ThisExpression && this.isGlobalRoot(callee);
    if (isGlobalCall && TEST_FUNCTIONS.has(path)) return NOTHING;
    if (isGlobalCall && TRANSPARENT_FUNCTIONS.has(path)) {
      return this.union(path === 'JSON.stringify' ? node.arguments.slice(0, 1) : node.arguments, env);
    }
    const origin = this.resolver.importOf(callee);
    if (origin && (origin.module === 'util' || origin.module === 'node:util') && UTIL_FORMATTERS.has(origin.path[0] ?? '')) {
      return this.union(node.arguments, env);
    }
    if (node.type === AST_NODE_TYPES.NewExpression) return OPAQUE;
    const fn = this.resolver.localFunction(callee) ?? this.requestMethod(callee);
    if (fn && (env?.depth ?? 0) < MAX_CALL_DEPTH) return this.callLocal(fn, node, env);
    if (!fn && origin && this.modules && isRelativeSpecifier(origin.module)) {
      // `import { clientIp } from './net'`: what that function returns, from its module's summary.
      const kinds = this.modules.returnsOf(origin);
      if (kinds && kinds.length > 0) {
        const originText = this.text(node);
        return {
          carried: kinds.map((entry) => ({ kind: entry.kind, origin: node, originText, ...(entry.byName ? { byName: true } : {}) })),
          opaque: true,
          via: [],
        };
      }
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = propertyName(callee);
      const stored = method === undefined ? undefined : this.traceContextStore(node, method, callee.object);
      if (stored) return stored;
      // `ips.map(redactIp)`: every element goes through a sanitizer.
      if ((method === 'map' || method === 'flatMap') && node.arguments[0] && this.treatment.isSanitizerFunction(node.arguments[0])) {
        return NOTHING;
      }
    }
    const access = this.accessOf(node, env);
    if (access) return this.appStateRead(this.classify(access, node), node);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = propertyName(callee);
      if (method !== undefined && TEST_METHODS.has(method)) return NOTHING;
      if (method !== undefined && TRANSPARENT_METHODS.has(method)) {
        return this.union([callee.object, ...(ARGUMENT_METHODS.has(method) ? node.arguments : [])], env);
      }
      const receiver = this.trace(callee.object, env);
      if (receiver.carried.length > 0) {
        if (/^(is|has|can|should)[A-Z]/.test(method ?? '')) return NOTHING;
        // `project.getFlowFileBackup()`, `session.getPath()`: a method named for a file, path or measure describes, not holds.
        if (method !== undefined && DESCRIBING_METHOD_HEADS.has(lastWord(method)) && this.settings.names.match(method) === undefined) return NOTHING;
        return { carried: receiver.carried, opaque: true, via: [callee.object] };
      }
    }
    return this.appStateRead(this.named(OPAQUE, calleeName(node), node), node);
  }

  /** `getCookie(key)` with `const key = "postLoginRedirectPath"`: a cookie or storage read by a key that names app state carries nothing. */
  private appStateRead(trace: Trace, call: TSESTree.CallExpression): Trace {
    if (!trace.carried.some((carried) => carried.kind === 'cookie' || carried.kind === 'storage')) return trace;
    return this.sources.isAppStateKeyArgument(call.arguments[0]) ? OPAQUE : trace;
  }

  /**
   * A method the code assigned onto request objects (`req.describe =
   * function () { return { ip: this.ip } }`), called on a request-like
   * object: followed like a local function, with `this` the request.
   */
  private requestMethod(callee: Node): FunctionNode | undefined {
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const name = propertyName(callee);
    if (name === undefined || !this.resolver.assignsMemberFunctions()) return undefined;
    const candidates = this.resolver.memberFunctions(name);
    if (candidates.length === 0) return undefined;
    const receiver = this.accessOf(callee.object, undefined);
    if (receiver?.base.type !== 'request' || receiver.steps.length > 0) return undefined;
    return candidates.find((candidate) => this.isRequestObject(candidate.object))?.fn;
  }

  private isRequestObject(node: Node): boolean {
    const access = this.accessOf(node, undefined);
    return access?.base.type === 'request' && access.steps.length === 0;
  }

  /** `this` in a function assigned as a method onto request objects: the request. */
  private thisBase(node: TSESTree.ThisExpression): boolean {
    let fn: Node | undefined = node.parent;
    while (fn && !(isFunction(fn) && fn.type !== AST_NODE_TYPES.ArrowFunctionExpression)) fn = fn.parent;
    const holder = fn?.parent;
    return (
      holder?.type === AST_NODE_TYPES.AssignmentExpression &&
      holder.right === fn &&
      holder.left.type === AST_NODE_TYPES.MemberExpression &&
      this.isRequestObject(holder.left.object)
    );
  }

  private isGlobalRoot(callee: Node): boolean {
    let root = callee;
    while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
    return root.type === AST_NODE_TYPES.Identifier && this.resolver.isGlobal(root);
  }

  /** Follows a local function with its arguments bound to its parameters, and unions what it returns. */
  private callLocal(fn: FunctionNode, call: TSESTree.CallExpression, env: Env | undefined): Trace {
    const inner = this.envFor(fn, call, env);
    if (!inner) {
      // Too many contexts already: the parameters answer for all call sites.
      return merge(
        this.resolver.returnsOf(fn).map((value) => this.trace(value)),
        call.arguments,
      );
    }
    const traces = this.resolver.returnsOf(fn).map((value) => this.trace(value, inner.env));
    if (inner.spread) traces.push(OPAQUE);
    return merge(traces, inner.bound);
  }

  /** The environment of a local call: its parameters bound to the call's arguments (one per call site and caller env). */
  private envFor(
    fn: FunctionNode,
    call: TSESTree.CallExpression,
    env: Env | undefined,
  ): { env: Env; bound: Node[]; spread: boolean } | undefined {
    let byEnv = this.envByCall.get(call);
    if (!byEnv) {
      byEnv = new Map();
      this.envByCall.set(call, byEnv);
    }
    const known = byEnv.get(env);
    if (known) return { env: known, bound: [...known.bound], spread: known.spread };
    const contexts = this.contextsOf.get(fn) ?? 0;
    if (contexts >= MAX_CONTEXTS_PER_FUNCTION) return undefined;
    this.contextsOf.set(fn, contexts + 1);
    const bindings = new Map<Variable, Binding>();
    const bound: Node[] = [];
    let spread = false;
    for (const variable of this.sourceCode.getDeclaredVariables(fn)) {
      const def = variable.defs.find((candidate) => candidate.type === DefinitionType.Parameter);
      if (!def) continue;
      const name = def.name as Node;
      const index = fn.params.findIndex((param) => param.range[0] <= name.range[0] && name.range[1] <= param.range[1]);
      if (index < 0) continue;
      const pattern = patternPath(name);
      if (call.arguments.slice(0, index + 1).some((arg) => arg.type === AST_NODE_TYPES.SpreadElement)) {
        spread = true;
        continue;
      }
      if (fn.params[index]?.type === AST_NODE_TYPES.RestElement) {
        // `...rest`: an array of the arguments from here on.
        const rest = call.arguments.slice(index);
        bound.push(...rest);
        bindings.set(variable, { value: undefined, rest, steps: pattern.steps, defaults: pattern.defaults, env });
        continue;
      }
      const arg = call.arguments[index];
      if (arg) bound.push(arg);
      bindings.set(variable, { value: arg, steps: pattern.steps, defaults: pattern.defaults, env });
    }
    const inner: Env = { fn, call, parent: env, bindings, depth: (env?.depth ?? 0) + 1, bound, spread };
    byEnv.set(env, inner);
    return { env: inner, bound, spread };
  }

  // ── objects ────────────────────────────────────────────────────────────

  private traceObject(node: TSESTree.ObjectExpression, env: Env | undefined): Trace {
    const traces: Trace[] = [];
    const via: Node[] = [];
    for (const property of node.properties) {
      if (property.type === AST_NODE_TYPES.SpreadElement) {
        traces.push(this.trace(property.argument, env));
        via.push(property.argument);
        continue;
      }
      if (property.kind !== 'init' || property.method) continue;
      const value = property.value;
      if (isFunction(value)) continue;
      const valueTrace = this.trace(value, env);
      via.push(value);
      const key = keyName(property);
      // `{ sessionId: lookup() }`: the key names what an opaque value holds (not one whose own name rules it out).
      traces.push(property.shorthand ? valueTrace : this.named(valueTrace, key, property.key, key));
    }
    return merge(traces, via);
  }
}

/** The label a text ends with (`'email:'`, `'token='`, `'user id: '`), if it ends with one. */
function labelBefore(text: string | undefined | null): string | undefined {
  if (!text) return undefined;
  const match = /([A-Za-z][\w-]*(?: [A-Za-z][\w-]*)?)\s*[:=]\s*$/.exec(text);
  return match?.[1];
}

/**
 * `config`, `this.settings`, `appOptions.server`: an object path naming
 * configuration at any level, unless a person sits between it and the value
 * (`opts.user.username` is the user handed in with the options).
 */
function isConfigObject(node: Node): boolean {
  let current: Node | undefined = unwrap(node);
  for (let guard = 0; current && guard < 10; guard++) {
    const name = current.type === AST_NODE_TYPES.Identifier ? current.name : current.type === AST_NODE_TYPES.MemberExpression ? propertyName(current) : undefined;
    const words = name === undefined ? [] : splitWords(name);
    const last = words[words.length - 1];
    if (last !== undefined && CONFIG_OBJECT_WORDS.includes(last)) return true;
    if (last !== undefined && PERSON_HOLDER_WORDS.includes(last)) return false;
    current = current.type === AST_NODE_TYPES.MemberExpression ? unwrap(current.object) : undefined;
  }
  return false;
}

/** `user`, `opts.account`, `session`: a member that holds a person's values, wherever it sits. */
function holdsPerson(name: string | undefined): boolean {
  // `env.DATABASE_USER` is a setting's name, not a person's record.
  if (name === undefined || CONSTANT_NAME.test(name)) return false;
  const words = splitWords(name);
  const last = words[words.length - 1];
  return last !== undefined && PERSON_HOLDER_WORDS.includes(last);
}

/** Words for what holds a person's values: between a configuration object and a value, they make it the person's. */
const PERSON_HOLDER_WORDS = ['user', 'users', 'account', 'customer', 'member', 'profile', 'owner', 'actor', 'principal', 'identity', 'visitor', 'req', 'request', 'session'];

/** `cert.fingerprint`, `socket.getPeerCertificate().fingerprint256`: a word that names something else on this object. */
function contextExcludes(name: string, object: Node): boolean {
  const words = splitWords(name);
  const inner = unwrap(object);
  const objectName =
    inner.type === AST_NODE_TYPES.Identifier
      ? inner.name
      : inner.type === AST_NODE_TYPES.MemberExpression
        ? propertyName(inner)
        : inner.type === AST_NODE_TYPES.CallExpression
          ? calleeName(inner)
          : undefined;
  if (objectName === undefined) return false;
  const objectWords = splitWords(objectName);
  return NAME_CONTEXT_EXCLUSIONS.some(
    (exclusion) => words.includes(exclusion.word) && objectWords.some((word) => exclusion.objectWords.includes(word)),
  );
}

/**
 * The environment a variable is read in: the innermost one, along the chain
 * of calls, whose function declares it. Variables declared outside every
 * followed call (module state, a closure's captures) take their values from
 * all activations, so they are read context-free, once for the whole file.
 */
function envOfVariable(variable: Variable | undefined, env: Env | undefined): Env | undefined {
  if (!env) return undefined;
  const declared = variable?.defs[0]?.name;
  if (!declared) return undefined;
  for (let current: Env | undefined = env; current; current = current.parent) {
    if (current.fn.range[0] <= declared.range[0] && declared.range[1] <= current.fn.range[1]) return current;
  }
  return undefined;
}

/** The name an expression ends with: `user` in `user`, `this.user`, `req.body.user`. */
function lastStaticName(node: Node): string | undefined {
  const inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name;
  if (inner.type === AST_NODE_TYPES.MemberExpression) return propertyName(inner);
  return undefined;
}

/** Unions traces, one entry per finding identity. */
function merge(traces: readonly Trace[], via: readonly Node[]): Trace {
  if (traces.length === 0) return { carried: [], opaque: false, via };
  if (traces.length === 1 && traces[0].via === via) return traces[0];
  const seen = new Set<string>();
  const carried: Carried[] = [];
  let opaque = false;
  let disclaimed = true;
  for (const trace of traces) {
    opaque ||= trace.opaque;
    if (trace.opaque && !trace.disclaimed) disclaimed = false;
    for (const entry of trace.carried) {
      const key = carriedKey(entry);
      if (seen.has(key)) continue;
      seen.add(key);
      carried.push(entry);
    }
  }
  return opaque && disclaimed && carried.length === 0 ? { carried, opaque, via, disclaimed } : { carried, opaque, via };
}
