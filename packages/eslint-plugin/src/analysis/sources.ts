import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  CALL_SOURCES,
  COOKIE_LOOKUP_METHODS,
  DECORATOR_SOURCES,
  GLOBAL_OBJECT_NAMES,
  HANDLER_PROPERTY_NAMES,
  HANDLER_REGISTRATION_METHODS,
  HEADER_LOOKUP_METHODS,
  LAMBDA_EVENT_NAMES,
  LAMBDA_PATH_PREFIXES,
  MEASURE_PROPERTIES,
  NESTED_REQUEST_MEMBERS,
  REQUEST_NAMES,
  REQUEST_TYPES,
  TEST_METHODS,
  TRANSPARENT_METHODS,
  type Kind,
} from '../catalog';
import { calleeName, dottedPath, keyName, staticString, unwrap } from './ast';
import { patternPath, type Resolver } from './resolve';
import { headerKind, type Settings } from './settings';
import type { TypeFacts } from './types';

const { DefinitionType } = TSESLint.Scope;

type Node = TSESTree.Node;
type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/** One step of an access path: a property name (`*` for any), or a call of what the path has reached. */
export type Step = { readonly name: string; readonly call?: undefined } | { readonly name?: undefined; readonly call: TSESTree.CallExpression };

/** What an identifier is before any property is read. */
export type Base =
  | { readonly type: 'request' }
  | { readonly type: 'lambda' }
  | { readonly type: 'global'; readonly name: string }
  | { readonly type: 'import'; readonly module: string; readonly path: readonly string[] }
  | { readonly type: 'value'; readonly kind: Kind }
  | { readonly type: 'headers' }
  | { readonly type: 'none' };

/** A source match: the kind and the index of the step it ends at (-1: the base itself). */
export type Match = { readonly status: 'source'; readonly kind: Kind; readonly at: number } | { readonly status: 'none' } | { readonly status: 'unknown' };

const NONE: Match = { status: 'none' };
const UNKNOWN: Match = { status: 'unknown' };

/**
 * Sources: recognises where a value comes from. Given an identifier, what
 * it is (a request-like parameter by name, type, decorator or handler
 * position; a Lambda event; a browser global; an import); given such a
 * base and the steps read from it, whether they reach a source of the
 * catalog and of which kind. It knows nothing of how values flow: the flow
 * module builds the access paths and asks.
 */
export class SourceRecognizer {
  private readonly baseMemo = new Map<Node, Base | null>();

  constructor(
    private readonly settings: Settings,
    private readonly resolver: Resolver,
    private readonly types: TypeFacts | undefined,
  ) {}

  /** What an identifier is before any property is read: a request, a Lambda event, a browser global, an import, a decorated value. */
  baseOf(identifier: TSESTree.Identifier): Base | undefined {
    const memo = this.baseMemo.get(identifier);
    if (memo !== undefined) return memo ?? undefined;
    const base = this.computeBase(identifier);
    this.baseMemo.set(identifier, base ?? null);
    return base;
  }

  private computeBase(identifier: TSESTree.Identifier): Base | undefined {
    const variable = this.resolver.variableOf(identifier);
    if (!variable || variable.defs.length === 0) {
      const name = identifier.name;
      if (GLOBAL_OBJECT_NAMES.includes(name) || this.settings.globals.some((global) => global.steps[0] === name)) {
        return { type: 'global', name };
      }
      return undefined;
    }
    const def = variable.defs[0];
    if (def.type === DefinitionType.Parameter) {
      const name = def.name as Node;
      const pattern = patternPath(name);
      if (pattern.steps.length > 0) return undefined;
      const fn = def.node as FunctionNode;
      const decorated = this.decoratorBase(name, pattern.root);
      if (decorated) return decorated;
      const paramName = name.type === AST_NODE_TYPES.Identifier ? name.name : '';
      if (REQUEST_NAMES.includes(paramName)) return { type: 'request' };
      if (this.declaredRequestType(name)) return { type: 'request' };
      const index = fn.params.indexOf(pattern.root as TSESTree.Parameter);
      if (index >= 0 && this.handlerRequestIndex(fn) === index) return { type: 'request' };
      if (this.types?.isRequest(identifier)) return { type: 'request' };
      if (LAMBDA_EVENT_NAMES.includes(paramName) || (index === 0 && this.isLambdaHandler(fn))) return { type: 'lambda' };
      return undefined;
    }
    if (def.type === DefinitionType.ImportBinding || def.type === DefinitionType.Variable) {
      const origin = this.resolver.importOf(identifier);
      if (origin) return { type: 'import', module: origin.module, path: origin.path };
      if (def.type === DefinitionType.Variable && this.types?.isRequest(identifier)) return { type: 'request' };
    }
    return undefined;
  }

  /** A call whose declared return type is a request type (typed linting only): `current(): IncomingMessage`. */
  baseOfTypedCall(call: TSESTree.CallExpression): Base | undefined {
    return this.types?.isRequest(call) ? { type: 'request' } : undefined;
  }

  /** NestJS parameter decorators: `@Ip()`, `@Headers('user-agent')`, `@Req()`, `@Session()`. */
  private decoratorBase(name: Node, root: Node): Base | undefined {
    const holders = [name, root, root.parent].filter((node): node is Node => node !== undefined);
    for (const holder of holders) {
      const decorators = (holder as { decorators?: TSESTree.Decorator[] }).decorators ?? [];
      for (const decorator of decorators) {
        const expression = unwrap(decorator.expression);
        const call = expression.type === AST_NODE_TYPES.CallExpression ? expression : undefined;
        const decoratorName = call ? calleeName(call) : expression.type === AST_NODE_TYPES.Identifier ? expression.name : undefined;
        const entry = DECORATOR_SOURCES.find((source) => source.name === decoratorName);
        if (!entry) continue;
        if (entry.kind === 'request-like') return { type: 'request' };
        if (entry.kind === 'header') {
          const header = staticString(call?.arguments[0]);
          if (header === undefined) return { type: 'headers' };
          const kind = headerKind(this.settings, header) ?? this.settings.names.match(header);
          return kind ? { type: 'value', kind } : { type: 'none' };
        }
        return { type: 'value', kind: entry.kind };
      }
    }
    return undefined;
  }

  /** A parameter annotated with a known request type: `req: express.Request`, `ctx: Koa.Context`. */
  private declaredRequestType(name: Node): boolean {
    const annotation = (name as { typeAnnotation?: TSESTree.TSTypeAnnotation }).typeAnnotation?.typeAnnotation;
    if (annotation?.type !== AST_NODE_TYPES.TSTypeReference) return false;
    const typeName = annotation.typeName;
    let simple: string | undefined;
    let qualifier: TSESTree.Node | undefined;
    if (typeName.type === AST_NODE_TYPES.Identifier) {
      simple = typeName.name;
    } else if (typeName.type === AST_NODE_TYPES.TSQualifiedName) {
      simple = typeName.right.name;
      qualifier = typeName.left;
    }
    const entry = REQUEST_TYPES.find((candidate) => candidate.name === simple);
    if (!entry) return false;
    if (entry.modules === null) return true;
    const source = qualifier ?? typeName;
    const origin = source.type === AST_NODE_TYPES.Identifier ? this.resolver.importOf(source) : undefined;
    return origin !== undefined && entry.modules.some((module) => origin.module === module || origin.module.startsWith(`${module}/`));
  }

  /**
   * The index of the request parameter when the function is a route or
   * middleware handler (`app.get('/x', (req, res) => …)`, `app.use(fn)`,
   * `server.route({ handler })`), else -1.
   */
  private handlerRequestIndex(fn: FunctionNode): number {
    const requestIndex = fn.params.length >= 4 ? 1 : 0; // Express error middleware: (err, req, res, next)
    if (this.inHandlerPosition(fn)) return requestIndex;
    let name: TSESTree.Identifier | undefined;
    if (fn.type === AST_NODE_TYPES.FunctionDeclaration) name = fn.id ?? undefined;
    else if (fn.parent.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.id.type === AST_NODE_TYPES.Identifier) name = fn.parent.id;
    const variable = name ? this.resolver.variableOf(name) : undefined;
    for (const reference of variable?.references ?? []) {
      if (this.inHandlerPosition(reference.identifier)) return requestIndex;
    }
    return -1;
  }

  private inHandlerPosition(node: Node): boolean {
    const parent = node.parent;
    if (parent?.type === AST_NODE_TYPES.Property && parent.value === node) {
      return HANDLER_PROPERTY_NAMES.includes(keyName(parent) ?? '');
    }
    if (parent?.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(node as TSESTree.CallExpressionArgument)) {
      return false;
    }
    const method = calleeName(parent);
    if (method === undefined) return false;
    if (method === 'on') return staticString(parent.arguments[0]) === 'request';
    if (!HANDLER_REGISTRATION_METHODS.includes(method)) return false;
    if (['use', 'createServer', 'addHook', 'middleware', 'handle'].includes(method)) return true;
    // Verbs double as getters (`map.get(k, fn)`): require a route path first.
    const first = parent.arguments[0] ? unwrap(parent.arguments[0]) : undefined;
    if (!first) return false;
    if (first === node) {
      // `app.route('/book').get((req, res) => …)`: the path was given to `route`.
      const callee = unwrap(parent.callee);
      const receiver = callee.type === AST_NODE_TYPES.MemberExpression ? unwrap(callee.object) : undefined;
      return receiver?.type === AST_NODE_TYPES.CallExpression && calleeName(receiver) === 'route';
    }
    const path = staticString(first);
    return (
      (path !== undefined && /^[/*]/.test(path)) ||
      first.type === AST_NODE_TYPES.TemplateLiteral ||
      (first.type === AST_NODE_TYPES.Literal && 'regex' in first) ||
      first.type === AST_NODE_TYPES.ArrayExpression
    );
  }

  /** `export const handler = async (event) => …`, `exports.handler = …`: an AWS Lambda handler. */
  private isLambdaHandler(fn: FunctionNode): boolean {
    if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
      return fn.id?.name === 'handler' && fn.parent.type === AST_NODE_TYPES.ExportNamedDeclaration;
    }
    const parent = fn.parent;
    if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
      return parent.id.name === 'handler' && parent.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration;
    }
    if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === fn) {
      const target = dottedPath(parent.left);
      return target === 'exports.handler' || target === 'module.exports.handler';
    }
    return false;
  }

  /** Does the access path `base` then `steps` read a source, and where along the steps does the source end? */
  match(base: Base, steps: readonly Step[]): Match {
    switch (base.type) {
      case 'request':
        return this.matchRequest(steps, 0);
      case 'lambda':
        return steps[0]?.name !== undefined && LAMBDA_PATH_PREFIXES.includes(steps[0].name) ? this.matchRequest(steps, 0) : UNKNOWN;
      case 'headers':
        return this.matchHeaders(steps, 0, -1);
      case 'value':
        return this.deep(base.kind, true, steps, 0, -1);
      case 'global':
        return this.matchGlobal(base.name, steps);
      case 'import':
        return this.matchImport(base, steps);
      case 'none':
        return NONE;
    }
  }

  private matchRequest(steps: readonly Step[], offset: number): Match {
    const rest = steps.slice(offset);
    if (rest.length === 0) return { status: 'source', kind: 'request', at: offset - 1 };
    const first = rest[0].name;
    if (first === undefined) return UNKNOWN;
    if (NESTED_REQUEST_MEMBERS.includes(first)) return this.matchRequest(steps, offset + 1);
    if (first === 'headers' || first === 'multiValueHeaders') return this.matchHeaders(steps, offset + 1, offset);
    if (HEADER_LOOKUP_METHODS.includes(first) && rest[1]?.call) return this.headerByArgument(rest[1].call, steps, offset + 1);
    for (const lookup of COOKIE_LOOKUP_METHODS) {
      const path = lookup.split('.');
      if (path.every((name, i) => rest[i]?.name === name) && rest[path.length]?.call) {
        return this.deep('cookie', true, steps, offset + path.length + 1, offset + path.length);
      }
    }
    for (const { steps: path, source } of this.settings.memberSources) {
      if (path.length <= rest.length && path.every((name, i) => rest[i].name === name)) {
        const at = offset + path.length - 1;
        return this.deep(source.kind, source.deep, steps, at + 1, at);
      }
    }
    return UNKNOWN;
  }

  /** A header bag (`req.headers`, Next.js `headers()`, `@Headers()`): by name, by `.get(name)`, or all of it. */
  private matchHeaders(steps: readonly Step[], offset: number, wholeAt: number): Match {
    const first = steps[offset];
    if (!first) return { status: 'source', kind: 'request', at: wholeAt };
    if (first.name === undefined || first.name === '*') return UNKNOWN;
    if (first.name === 'get' && steps[offset + 1]?.call) return this.headerByArgument(steps[offset + 1].call!, steps, offset + 1);
    if (MEASURE_PROPERTIES.has(first.name) || TEST_METHODS.has(first.name)) return NONE;
    const kind = headerKind(this.settings, first.name) ?? this.settings.names.match(first.name);
    return kind ? this.deep(kind, true, steps, offset + 1, offset) : NONE;
  }

  private headerByArgument(call: TSESTree.CallExpression, steps: readonly Step[], callIndex: number): Match {
    const name = staticString(call.arguments[0]);
    if (name === undefined) return UNKNOWN;
    const kind = headerKind(this.settings, name) ?? this.settings.names.match(name);
    return kind ? this.deep(kind, true, steps, callIndex + 1, callIndex) : NONE;
  }

  private matchGlobal(name: string, steps: readonly Step[]): Match {
    const names: (string | undefined)[] = [name, ...steps.map((step) => step.name)];
    let skip = 0;
    while (skip < names.length && GLOBAL_OBJECT_NAMES.includes(names[skip] ?? '')) skip++;
    for (const global of this.settings.globals) {
      if (global.steps.every((part, i) => names[skip + i] === part)) {
        // `at` counts steps after the base name; the base is index -1.
        const at = skip + global.steps.length - 2;
        if (at + 1 > steps.length) continue;
        return this.deep(global.kind, global.deep, steps, at + 1, at);
      }
    }
    return UNKNOWN;
  }

  private matchImport(base: { module: string; path: readonly string[] }, steps: readonly Step[]): Match {
    for (const source of CALL_SOURCES) {
      if (source.module !== base.module) continue;
      const expected = [...(source.export === 'default' ? [] : [source.export]), ...(source.method ? [source.method] : [])];
      const names = [...base.path];
      let index = 0;
      while (names.length < expected.length && steps[index]?.name !== undefined) names.push(steps[index++].name!);
      if (names.length !== expected.length || !names.every((name, i) => name === expected[i])) continue;
      const call = steps[index];
      if (!call?.call) continue;
      if (source.result === 'headers') return this.matchHeaders(steps, index + 1, index);
      return this.deep(source.kind, true, steps, index + 1, index);
    }
    return UNKNOWN;
  }

  /**
   * The kind flows on into `steps[from…]` when the source is deep (or the
   * next property is one it allows), unless they only measure or test it.
   */
  private deep(kind: Kind, deep: boolean | readonly string[], steps: readonly Step[], from: number, at: number): Match {
    let index = from;
    // Reshaping methods keep the value: `req.ip.trim()`, `req.cookies.sid.split('.')`.
    while (steps[index]?.name !== undefined && TRANSPARENT_METHODS.has(steps[index].name!) && steps[index + 1]?.call) index += 2;
    const rest = steps.slice(index);
    for (let i = 0; i < rest.length; i++) {
      const name = rest[i].name;
      if (name !== undefined && MEASURE_PROPERTIES.has(name)) return NONE;
      if (name !== undefined && TEST_METHODS.has(name) && rest[i + 1]?.call) return NONE;
    }
    if (rest.length === 0) return { status: 'source', kind, at };
    if (deep === true) return { status: 'source', kind, at };
    if (deep === false) return NONE;
    return deep.includes(rest[0].name ?? '') ? { status: 'source', kind, at } : UNKNOWN;
  }
}
