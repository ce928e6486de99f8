// Recognises third-party telemetry sinks (catalog/telemetry.ts): calls that
// send data to an SDK, found by import, global or derived value, and the SDK
// options that switch on collection of identifiers.
import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  INTERCOM_SETTINGS,
  TELEMETRY_OPTIONS,
  TELEMETRY_RECEIVER_NAMES,
  TELEMETRY_SDKS,
  type TelemetryArgs,
  type TelemetryOption,
  type TelemetrySdk,
} from '../catalog';
import { compactText, dottedPath, isFunction, keyName, propertyName, staticString, unwrap } from './ast';
import { splitWords } from './names';
import type { Resolver } from './resolve';

type Node = TSESTree.Node;

const { DefinitionType } = TSESLint.Scope;

/** A call (or assignment) that sends data to a third party. */
export interface TelemetrySink {
  /** The vendor, as messages name it (`Sentry`). */
  readonly vendor: string;
  /** The callee as written, on one line (`Sentry.setUser`, `span.setAttribute`). */
  readonly text: string;
  /** The expressions whose values reach the vendor. */
  readonly args: readonly Node[];
}

/** An extra telemetry call from the rule's `telemetry` option. */
export interface TelemetryCallOption {
  /** A dotted callee path (`tracker.send`) or a receiver and `.*` (`tracker.*`). */
  readonly call: string;
  /** The vendor messages name; `a third party` when not given. */
  readonly vendor?: string;
}

/** An option object property that switches on collection. */
export interface TelemetryOptionFinding {
  readonly option: TelemetryOption;
  /** The property (`sendDefaultPii: true`). */
  readonly property: TSESTree.Property;
}

const MAX_DEPTH = 12;
const OPTION_DEPTH = 4;
const GLOBAL_OBJECTS = new Set(['window', 'globalThis', 'self']);

const RECEIVER_METHODS = new Set(TELEMETRY_RECEIVER_NAMES.flatMap((entry) => Object.keys(entry.methods)));
const METHOD_NAMES = new Set([
  ...TELEMETRY_SDKS.flatMap((sdk) => Object.keys(sdk.methods)),
  ...TELEMETRY_RECEIVER_NAMES.flatMap((entry) => Object.keys(entry.methods)),
]);
const GLOBALS = new Map(TELEMETRY_SDKS.flatMap((sdk) => sdk.globals.map((name) => [name, sdk] as const)));
const OPTION_CALLEES = new Set(TELEMETRY_OPTIONS.flatMap((option) => option.callees));

/** Matches a file that names an SDK module or global at all; a file that does not has no SDK value to find. */
const SDK_MENTION = new RegExp(
  [
    ...TELEMETRY_SDKS.flatMap((sdk) => sdk.modules.map((module) => escapeRegExp(module.replace(/\*$/, '')))),
    `\\b(?:${[...GLOBALS.keys(), INTERCOM_SETTINGS.global].map(escapeRegExp).join('|')})\\b`,
  ].join('|'),
);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** The SDK a module specifier belongs to. */
export function sdkOfModule(module: string): TelemetrySdk | undefined {
  return TELEMETRY_SDKS.find((sdk) =>
    sdk.modules.some((pattern) => (pattern.endsWith('/*') ? module.startsWith(pattern.slice(0, -1)) : module === pattern)),
  );
}

/**
 * Finds telemetry sinks and SDK options in one file, memoizing which
 * expressions are SDK values.
 */
export class TelemetryFinder {
  private readonly memo = new Map<Node, TelemetrySdk | null>();
  private readonly variableMemo = new Map<TSESLint.Scope.Variable, TelemetrySdk | null>();
  /** Whether the file names any SDK module or global: most files do not, and then no scope question is asked. */
  private readonly mentionsSdk: boolean;

  /**
   * @param resolver the file's scope resolver (`fileAnalysis(…).resolver`)
   * @param sourceCode the file, for the callee text messages show
   * @param extra calls from the rule's `telemetry` option
   */
  constructor(
    private readonly resolver: Resolver,
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly extra: readonly TelemetryCallOption[] = [],
  ) {
    this.mentionsSdk = SDK_MENTION.test(sourceCode.text);
  }

  /**
   * The telemetry sink a call or `new` is, if any.
   *
   * @returns the vendor, the callee text and the data-carrying arguments (never callbacks), or undefined
   */
  sinkOf(call: TSESTree.CallExpression | TSESTree.NewExpression): TelemetrySink | undefined {
    const callee = unwrap(call.callee);
    if (isSnippetForwarder(call)) return undefined;
    const found = this.extra.length > 0 ? this.userSink(callee) : undefined;
    const match = found ?? this.catalogSink(callee, call.type === AST_NODE_TYPES.NewExpression);
    if (!match) return undefined;
    return {
      vendor: match.vendor,
      text: compactText(this.sourceCode.getText(call.callee), 60),
      args: selectArgs(call.arguments, match.args),
    };
  }

  /** `window.intercomSettings = {…}` (or the bare global): its value is sent to Intercom. */
  assignmentSinkOf(assignment: TSESTree.AssignmentExpression): TelemetrySink | undefined {
    if (assignment.operator !== '=' || !this.mentionsSdk) return undefined;
    const left = unwrap(assignment.left);
    const name =
      left.type === AST_NODE_TYPES.Identifier ? left.name : left.type === AST_NODE_TYPES.MemberExpression ? propertyName(left) : undefined;
    if (name !== INTERCOM_SETTINGS.global) return undefined;
    const path = dottedPath(left);
    if (path === undefined) return undefined;
    const steps = path.split('.');
    const root = left.type === AST_NODE_TYPES.Identifier ? left : rootIdentifier(left);
    if (!root || !this.resolver.isGlobal(root)) return undefined;
    if (steps.length > 2 || (steps.length === 2 && !GLOBAL_OBJECTS.has(steps[0]))) return undefined;
    return { vendor: INTERCOM_SETTINGS.vendor, text: path, args: [assignment.right] };
  }

  /**
   * Option properties that switch on collection, in object literals passed
   * to a call or `new` of the option's SDK.
   */
  optionsOf(call: TSESTree.CallExpression | TSESTree.NewExpression): TelemetryOptionFinding[] {
    if (!this.mentionsSdk) return [];
    const callee = unwrap(call.callee);
    const name = this.calleeName(callee);
    if (name === undefined || !OPTION_CALLEES.has(name)) return [];
    const sdk = this.sdkOf(callee, 0);
    if (!sdk) return [];
    const options = TELEMETRY_OPTIONS.filter((option) => option.vendor === sdk.vendor && option.callees.includes(name));
    if (options.length === 0) return [];
    const findings: TelemetryOptionFinding[] = [];
    for (const object of this.objectArguments(call.arguments)) {
      for (const option of options) {
        for (const holder of propertiesNamed(object, option.path[0], OPTION_DEPTH)) {
          const property = follow(holder, option.path.slice(1));
          if (property && literalValue(property.value) === option.on) findings.push({ option, property });
        }
      }
    }
    return findings;
  }

  /**
   * `headersToSpanAttributes` lists in arguments of an OpenTelemetry call
   * or `new`: the string literals naming headers.
   */
  headerListsOf(call: TSESTree.CallExpression | TSESTree.NewExpression, property: string, sides: readonly string[], lists: readonly string[]): TSESTree.Literal[] {
    const sdk = this.sdkOf(unwrap(call.callee), 0);
    if (sdk?.vendor !== 'OpenTelemetry') return [];
    const headers: TSESTree.Literal[] = [];
    for (const object of this.objectArguments(call.arguments)) {
      for (const holder of propertiesNamed(object, property, OPTION_DEPTH)) {
        for (const side of sides) {
          for (const list of lists) {
            const array = follow(holder, [side, list]);
            const value = array && unwrap(array.value);
            if (value?.type !== AST_NODE_TYPES.ArrayExpression) continue;
            for (const element of value.elements) {
              if (element?.type === AST_NODE_TYPES.Literal && typeof element.value === 'string') headers.push(element);
            }
          }
        }
      }
    }
    return headers;
  }

  /**
   * Intercom data that names the user (`user_id`, `email`) without
   * `user_hash`: the first such property, or undefined.
   */
  unverifiedIdentity(sink: TelemetrySink): TSESTree.Property | undefined {
    if (sink.vendor !== INTERCOM_SETTINGS.vendor || /trackEvent$/.test(sink.text)) return undefined;
    // `Intercom('trackEvent', …)` sends event metadata; only boot and update say who the user is.
    const command = sink.args[0] && staticString(sink.args[0]);
    if (command !== undefined && !INTERCOM_SETTINGS.identityCommands.includes(command)) return undefined;
    for (const object of this.objectArguments(sink.args)) {
      const keys = new Map<string, TSESTree.Property>();
      for (const property of object.properties) {
        const key = property.type === AST_NODE_TYPES.Property ? keyName(property) : undefined;
        if (key !== undefined && property.type === AST_NODE_TYPES.Property) keys.set(key, property);
      }
      // A spread may bring user_hash in: no finding then.
      if (keys.has(INTERCOM_SETTINGS.hashKey) || object.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement)) continue;
      const identity = INTERCOM_SETTINGS.identityKeys.map((key) => keys.get(key)).find((property) => property !== undefined);
      if (identity) return identity;
    }
    return undefined;
  }

  private objectArguments(args: readonly Node[]): TSESTree.ObjectExpression[] {
    const objects: TSESTree.ObjectExpression[] = [];
    for (const arg of args) {
      let node = unwrap(arg);
      if (node.type === AST_NODE_TYPES.Identifier) {
        const single = this.resolver.singleValue(node);
        if (single && single.pattern.steps.length === 0) node = unwrap(single.value);
      }
      if (node.type === AST_NODE_TYPES.ObjectExpression) objects.push(node);
    }
    return objects;
  }

  private userSink(callee: Node): { vendor: string; args: TelemetryArgs } | undefined {
    const path = dottedPath(callee);
    if (path === undefined) return undefined;
    const entry = this.extra.find(
      ({ call }) => call === path || (call.endsWith('.*') && path.startsWith(call.slice(0, -1)) && !path.slice(call.length - 1).includes('.')),
    );
    return entry ? { vendor: entry.vendor ?? 'a third party', args: 'all' } : undefined;
  }

  private catalogSink(callee: Node, construct: boolean): { vendor: string; args: TelemetryArgs } | undefined {
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = propertyName(callee);
      // Most calls are not sinks: decide on the method name before any scope lookup.
      if (method === undefined || construct) return undefined;
      const object = unwrap(callee.object);
      if (object.type === AST_NODE_TYPES.Identifier && GLOBAL_OBJECTS.has(object.name) && this.resolver.isGlobal(object)) {
        // `window.gtag(…)`, `window.Intercom('update', …)`: the global itself, called.
        const sdk = GLOBALS.get(method);
        return sdk?.call ? { vendor: sdk.vendor, args: sdk.call } : undefined;
      }
      if (!METHOD_NAMES.has(method)) return undefined;
      const sdk = this.sdkOf(object, 0);
      const args = sdk?.methods[method];
      if (sdk && args) return { vendor: sdk.vendor, args };
      // Only span and tracer methods are known by the receiver's name; `list.push(…)` needs no name split.
      return RECEIVER_METHODS.has(method) ? byReceiverName(callee.object, method) : undefined;
    }
    if (callee.type !== AST_NODE_TYPES.Identifier || !this.mentionsSdk) return undefined;
    const origin = this.resolver.importOf(callee);
    if (origin && origin.path.length > 0) {
      // `import { setUser } from '@sentry/node'`: a method of the SDK, called bare.
      const sdk = sdkOfModule(origin.module);
      const args = sdk?.methods[origin.path[origin.path.length - 1]];
      return sdk && args ? { vendor: sdk.vendor, args } : undefined;
    }
    // Called itself: an imported SDK (`Intercom({…})`, `new Rollbar(…)`) or a snippet global (`gtag(…)`).
    const sdk = origin ? sdkOfModule(origin.module) : GLOBALS.has(callee.name) ? this.sdkOf(callee, 0) : undefined;
    const args = construct ? sdk?.construct : sdk?.call;
    return sdk && args ? { vendor: sdk.vendor, args } : undefined;
  }

  /** The name a callee is known by: a method, an imported export, a constructor. */
  private calleeName(callee: Node): string | undefined {
    if (callee.type === AST_NODE_TYPES.MemberExpression) return propertyName(callee);
    if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
    const origin = this.resolver.importOf(callee);
    return origin?.path[origin.path.length - 1] ?? callee.name;
  }

  /** The SDK a value belongs to: imported, a browser global, or derived from one. */
  sdkOf(expression: Node, depth: number): TelemetrySdk | undefined {
    if (!this.mentionsSdk) return undefined;
    const node = unwrap(expression);
    const memo = this.memo.get(node);
    if (memo !== undefined) return memo ?? undefined;
    if (depth > MAX_DEPTH) return undefined;
    this.memo.set(node, null); // cycle guard
    const result = this.computeSdk(node, depth);
    this.memo.set(node, result ?? null);
    return result;
  }

  private computeSdk(node: Node, depth: number): TelemetrySdk | undefined {
    if (node.type === AST_NODE_TYPES.Identifier) return this.identifierSdk(node, depth);
    const origin = this.resolver.importOf(node);
    if (origin) return sdkOfModule(origin.module);
    switch (node.type) {
      case AST_NODE_TYPES.MemberExpression: {
        const object = unwrap(node.object);
        if (object.type === AST_NODE_TYPES.Identifier && GLOBAL_OBJECTS.has(object.name) && this.resolver.isGlobal(object)) {
          const name = propertyName(node);
          return name === undefined ? undefined : GLOBALS.get(name);
        }
        return this.sdkOf(object, depth + 1);
      }
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        return this.sdkOf(node.callee, depth + 1);
      case AST_NODE_TYPES.AwaitExpression:
        return this.sdkOf(node.argument, depth + 1);
      case AST_NODE_TYPES.LogicalExpression:
        return this.sdkOf(node.left, depth + 1) ?? this.sdkOf(node.right, depth + 1);
      default:
        return undefined;
    }
  }

  private identifierSdk(node: TSESTree.Identifier, depth: number): TelemetrySdk | undefined {
    const variable = this.resolver.variableOf(node);
    if (!variable || variable.defs.length === 0) return GLOBALS.get(node.name);
    // Every reference of a variable has the same answer: `list.push(…)` a hundred times is one question.
    const known = this.variableMemo.get(variable);
    if (known !== undefined) return known ?? undefined;
    this.variableMemo.set(variable, null); // cycle guard
    const result = this.variableSdk(variable, node, depth);
    this.variableMemo.set(variable, result ?? null);
    return result;
  }

  private variableSdk(variable: TSESLint.Scope.Variable, node: TSESTree.Identifier, depth: number): TelemetrySdk | undefined {
    const origin = this.resolver.importOf(node);
    if (origin) return sdkOfModule(origin.module);
    const def = variable.defs[0];
    // The GA snippet declares `function gtag() { dataLayer.push(arguments); }` in the page itself.
    if (def.type === DefinitionType.FunctionName) return GLOBALS.get(node.name);
    if (def.type === DefinitionType.Parameter && isFunction(def.node)) {
      // A callback's parameter: `Sentry.withScope((scope) => …)`, `startActiveSpan('x', (span) => …)`.
      const parent = def.node.parent;
      if (
        (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) &&
        parent.arguments.includes(def.node as TSESTree.CallExpressionArgument)
      ) {
        return this.sdkOf(parent.callee, depth + 1);
      }
      return undefined;
    }
    const single = this.resolver.singleValue(node);
    return single ? this.sdkOf(single.value, depth + 1) : undefined;
  }
}

function byReceiverName(receiver: Node, method: string): { vendor: string; args: TelemetryArgs } | undefined {
  const node = unwrap(receiver);
  const name =
    node.type === AST_NODE_TYPES.Identifier
      ? node.name
      : node.type === AST_NODE_TYPES.MemberExpression
        ? propertyName(node)
        : undefined;
  if (name === undefined) return undefined;
  const words = splitWords(name);
  const last = words[words.length - 1];
  for (const entry of TELEMETRY_RECEIVER_NAMES) {
    const args = entry.word === last ? entry.methods[method] : undefined;
    if (args) return { vendor: entry.vendor, args };
  }
  return undefined;
}

/**
 * The snippet's own forwarder, `function gtag() { dataLayer.push(arguments); }`:
 * its callers are the sinks, so the forwarding call is not one more.
 */
function isSnippetForwarder(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  if (call.arguments.length !== 1) return false;
  const only = unwrap(call.arguments[0]);
  if (only.type !== AST_NODE_TYPES.Identifier || only.name !== 'arguments') return false;
  for (let node: Node | undefined = call.parent; node; node = node.parent) {
    if (isFunction(node)) return node.type === AST_NODE_TYPES.FunctionDeclaration && node.id !== null && GLOBALS.has(node.id.name);
  }
  return false;
}

function selectArgs(args: readonly TSESTree.CallExpressionArgument[], which: TelemetryArgs): Node[] {
  const chosen = which === 'all' ? args : which.flatMap((index) => (args[index] ? [args[index]] : []));
  // A callback runs code; what it sends is found at its own calls.
  return chosen.filter((arg) => !isFunction(unwrap(arg)));
}

function rootIdentifier(node: Node): TSESTree.Identifier | undefined {
  let current = unwrap(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
  return current.type === AST_NODE_TYPES.Identifier ? current : undefined;
}

/** Properties named `name` in an object literal and its nested object literals, up to `depth` levels. */
function propertiesNamed(object: TSESTree.ObjectExpression, name: string, depth: number): TSESTree.Property[] {
  const found: TSESTree.Property[] = [];
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    if (keyName(property) === name) found.push(property);
    const value = unwrap(property.value);
    if (depth > 1 && value.type === AST_NODE_TYPES.ObjectExpression) found.push(...propertiesNamed(value, name, depth - 1));
  }
  return found;
}

/** From a property whose value is an object literal, down the keys of `path`; the last property, or undefined. */
function follow(property: TSESTree.Property, path: readonly string[]): TSESTree.Property | undefined {
  let current = property;
  for (const key of path) {
    const value = unwrap(current.value);
    if (value.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    const next = value.properties.find(
      (candidate): candidate is TSESTree.Property => candidate.type === AST_NODE_TYPES.Property && keyName(candidate) === key,
    );
    if (!next) return undefined;
    current = next;
  }
  return current;
}

function literalValue(node: Node): unknown {
  const inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.Literal && typeof inner.value === 'boolean') return inner.value;
  return staticString(inner);
}
