import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  CALL_SOURCES,
  CONTEXT_VARIABLES,
  COOKIE_LOOKUP_METHODS,
  FETCH_HANDLER_PROPERTIES,
  FORM_DATA_LOOKUPS,
  FORM_DATA_TYPES,
  GRAPHQL_CONTEXT_PARAMETER,
  GRAPHQL_CONTEXT_PROPERTIES,
  GRAPHQL_ROOT_TYPES,
  HANDLER_ANY_POSITION_METHODS,
  HANDLER_COMPANIONS,
  HANDLER_EXPORTS,
  ORM_READ_METHODS,
  ORM_TABLE_FUNCTIONS,
  ORM_TABLE_SUFFIXES,
  PASSPORT_PROFILE_PARAMETERS,
  PERSON_FIELDS,
  PERSON_RECORD_SUFFIXES,
  APP_STATE_KEY_WORDS,
  NOT_A_PERSON_WORDS,
  PERSON_RECORD_WORDS,
  REQUEST_EVENTS,
  REQUEST_GLOBALS,
  REQUEST_USE_MEMBERS,
  SERVE_FUNCTIONS,
  SOCKET_IO_MODULES,
  WS_MODULES,
  type MemberSource,
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
import { calleeName, dottedPath, isFunction, keyName, propertyName, staticString, unwrap } from './ast';
import { splitWords } from './names';
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
  /**
   * A binding destructured from a request-like object or a framework's
   * companion object (`({ cookies, getClientAddress }) => …`): `path` is
   * where it sits in that object.
   */
  | { readonly type: 'within'; readonly model: 'request' | keyof typeof HANDLER_COMPANIONS; readonly path: readonly string[] }
  /** Form data (`FormData` in server actions, `await request.formData()`): fields are judged by the name looked up. */
  | { readonly type: 'form' }
  | { readonly type: 'lambda' }
  | { readonly type: 'global'; readonly name: string }
  | { readonly type: 'import'; readonly module: string; readonly path: readonly string[]; readonly local?: string }
  | { readonly type: 'value'; readonly kind: Kind; readonly deep?: readonly string[] }
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
      if (REQUEST_GLOBALS.includes(name)) return { type: 'request' };
      return this.autoImportedHelper(identifier);
    }
    const def = variable.defs[0];
    if (def.type === DefinitionType.Parameter) {
      const name = def.name as Node;
      const pattern = patternPath(name);
      const fn = def.node as FunctionNode;
      const index = fn.params.indexOf(pattern.root as TSESTree.Parameter);
      const paramName = name.type === AST_NODE_TYPES.Identifier ? name.name : '';
      if (pattern.steps.length > 0) return this.destructuredBase(fn, index, pattern, paramName, variable);
      const decorated = this.decoratorBase(name, pattern.root);
      if (decorated) return decorated;
      // A bare name is not enough (issue 8 §6): an SDK's token request is named `request` too.
      if (REQUEST_NAMES.includes(paramName) && this.usedAsRequest(variable)) return { type: 'request' };
      if (this.declaredRequestType(name)) return { type: 'request' };
      if (this.declaredType(name, FORM_DATA_TYPES)) return { type: 'form' };
      // SvelteKit's `load` is a common name: its parameter must also be used as the event.
      if (index >= 0 && this.rootRequestAt(fn, index)?.length === 0 && (!this.exportedByUse(fn) || this.usedAsRequest(variable))) return { type: 'request' };
      if (this.types?.isRequest(identifier)) return { type: 'request' };
      const companion = index >= 0 ? this.companionOf(fn, index, variable) : undefined;
      if (companion) return companion === 'request' ? { type: 'request' } : { type: 'within', model: companion, path: [] };
      if (this.isPassportProfile(fn, paramName)) return { type: 'value', kind: 'user', deep: PERSON_FIELDS };
      if (LAMBDA_EVENT_NAMES.includes(paramName) || (index === 0 && this.isLambdaHandler(fn))) return { type: 'lambda' };
      return undefined;
    }
    if (def.type === DefinitionType.ImportBinding || def.type === DefinitionType.Variable) {
      const origin = this.resolver.importOf(identifier);
      if (origin) return { type: 'import', module: origin.module, path: origin.path, local: identifier.name };
      if (def.type === DefinitionType.Variable && this.types?.isRequest(identifier)) return { type: 'request' };
    }
    return undefined;
  }

  /**
   * A call that is a base by itself: one whose declared return type is a
   * request type (typed linting only: `current(): IncomingMessage`), or an
   * ORM read of a person table (`prisma.user.findUnique(…)`).
   */
  baseOfTypedCall(call: TSESTree.CallExpression): Base | undefined {
    if (this.types?.isRequest(call)) return { type: 'request' };
    return this.isPersonTableRead(call) ? { type: 'value', kind: 'user', deep: PERSON_FIELDS } : undefined;
  }

  /**
   * A binding destructured from a parameter: from a request-like root
   * (`({ ip }) => …` in a handler, `loader({ request })`, SvelteKit
   * `({ cookies, getClientAddress })`), or a binding named like a request
   * and used as one (`context: ({ req }) => …`).
   */
  private destructuredBase(fn: FunctionNode, index: number, pattern: { steps: readonly string[] }, name: string, variable: TSESLint.Scope.Variable): Base | undefined {
    if (pattern.steps.includes('*')) return undefined;
    const at = index >= 0 ? this.rootRequestAt(fn, index) : undefined;
    if (at && at.every((step, i) => pattern.steps[i] === step)) {
      const path = pattern.steps.slice(at.length);
      if (path.length === 0) return { type: 'request' };
      return { type: 'within', model: 'request', path };
    }
    if (REQUEST_NAMES.includes(name) && pattern.steps[pattern.steps.length - 1] === name && this.usedAsRequest(variable)) return { type: 'request' };
    return undefined;
  }

  /**
   * Where the request-like object sits in a parameter the framework fills:
   * `[]` when the parameter is the request (handler position, declared type),
   * `['event']` for SvelteKit's `handle({ event })`; undefined otherwise.
   */
  private rootRequestAt(fn: FunctionNode, index: number): readonly string[] | undefined {
    const param = fn.params[index];
    if (param && this.declaredRequestType(param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param)) return [];
    if (index >= 0 && this.handlerRequestIndex(fn) === index) return [];
    if (index !== 0) return undefined;
    const exported = this.exportedName(fn);
    return exported === undefined ? undefined : HANDLER_EXPORTS.find((entry) => entry.name === exported)?.at;
  }

  /** An export whose name alone does not make its parameter the request (`HANDLER_EXPORTS` entries marked `byUse`). */
  private exportedByUse(fn: FunctionNode): boolean {
    const exported = this.exportedName(fn);
    return HANDLER_EXPORTS.some((entry) => entry.name === exported && entry.byUse === true);
  }

  /** The name a function is exported under (`export async function GET`, `export const loader = …`), if it is. */
  private exportedName(fn: FunctionNode): string | undefined {
    if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
      return fn.parent.type === AST_NODE_TYPES.ExportNamedDeclaration ? fn.id?.name : undefined;
    }
    let holder: Node = fn;
    // `export const onRequest = defineMiddleware((context) => …)`, `export const GET = handler(async (e) => …)` are not followed: only direct values.
    while (holder.parent && (holder.parent.type === AST_NODE_TYPES.TSAsExpression || holder.parent.type === AST_NODE_TYPES.TSSatisfiesExpression)) holder = holder.parent;
    const declarator = holder.parent;
    if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
    return declarator.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ? declarator.id.name : undefined;
  }

  /** Does the function read request members from this binding (`req.headers`, `request.get(…)`)? */
  private usedAsRequest(variable: TSESLint.Scope.Variable): boolean {
    return variable.references.some((reference) => {
      const member = reference.identifier.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) return false;
      const name = propertyName(member);
      if (name === undefined) return false;
      if (REQUEST_USE_MEMBERS.includes(name)) return true;
      const called = member.parent.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member;
      return called && REQUEST_USE_MEMBERS.includes(`${name}()`);
    });
  }

  /** A parameter annotated with one of these type names (`formData: FormData`). */
  private declaredType(name: Node, types: readonly string[]): boolean {
    const annotation = (name as { typeAnnotation?: TSESTree.TSTypeAnnotation }).typeAnnotation?.typeAnnotation;
    return annotation?.type === AST_NODE_TYPES.TSTypeReference && annotation.typeName.type === AST_NODE_TYPES.Identifier && types.includes(annotation.typeName.name);
  }

  /**
   * Objects handed over beside the request: the second parameter of a
   * `serve` handler (Deno's info, Bun's server), a socket.io socket, and
   * the upgrade request of a `ws` connection (`'request'`).
   */
  private companionOf(fn: FunctionNode, index: number, variable: TSESLint.Scope.Variable): keyof typeof HANDLER_COMPANIONS | 'request' | undefined {
    if (index === 1 && this.isServeHandler(fn)) return 'serveInfo';
    const listener = this.connectionListener(fn);
    if (listener === 'socket.io' && index === 0) return 'socketIo';
    if (listener === 'ws' && index === 1) return 'request';
    // A socket read through its handshake is a socket.io socket wherever the server was made.
    const readsHandshake = variable.references.some((reference) => {
      const member = reference.identifier.parent;
      return member?.type === AST_NODE_TYPES.MemberExpression && member.object === reference.identifier && propertyName(member) === 'handshake';
    });
    return readsHandshake ? 'socketIo' : undefined;
  }

  /** `serve((req, info) => …)`, `serve({ fetch(req, server) {…} })`, `serve({ handler })`. */
  private isServeHandler(fn: FunctionNode): boolean {
    let call: Node | undefined = fn.parent;
    if (call?.type === AST_NODE_TYPES.Property) call = call.parent?.parent;
    return call?.type === AST_NODE_TYPES.CallExpression && SERVE_FUNCTIONS.includes(calleeName(call) ?? '');
  }

  /** The library whose server calls this function on `connection` (`io.on('connection', fn)`), if one does. */
  private connectionListener(fn: FunctionNode): 'socket.io' | 'ws' | undefined {
    const call = fn.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[1] !== fn || calleeName(call) !== 'on') return undefined;
    if (!['connection', 'connect'].includes(staticString(call.arguments[0]) ?? '')) return undefined;
    const callee = unwrap(call.callee);
    let root: Node = callee.type === AST_NODE_TYPES.MemberExpression ? unwrap(callee.object) : callee;
    // `io.of('/chat').on(…)`, `io.sockets.on(…)`
    for (let guard = 0; guard < 10; guard++) {
      if (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
      else if (root.type === AST_NODE_TYPES.CallExpression && unwrap(root.callee).type === AST_NODE_TYPES.MemberExpression) root = unwrap((unwrap(root.callee) as TSESTree.MemberExpression).object);
      else break;
    }
    let server: Node | undefined = root;
    if (root.type === AST_NODE_TYPES.Identifier) {
      const single = this.resolver.singleValue(root);
      server = single && single.pattern.steps.length === 0 ? unwrap(single.value) : undefined;
    }
    if (server?.type !== AST_NODE_TYPES.NewExpression && server?.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const module = this.resolver.importOf(server.callee)?.module;
    if (module !== undefined && SOCKET_IO_MODULES.includes(module)) return 'socket.io';
    if (module !== undefined && WS_MODULES.includes(module)) return 'ws';
    return undefined;
  }

  /** In a passport verify callback (`new GoogleStrategy(options, (accessToken, refreshToken, profile, done) => …)`), the person's profile. */
  private isPassportProfile(fn: FunctionNode, name: string): boolean {
    const call = fn.parent;
    return (
      call?.type === AST_NODE_TYPES.NewExpression &&
      call.arguments.includes(fn as TSESTree.CallExpressionArgument) &&
      /Strategy$/.test(calleeName(call) ?? '') &&
      PASSPORT_PROFILE_PARAMETERS.includes(name)
    );
  }

  /**
   * Nuxt and Nitro auto-import h3's helpers: an undeclared `getRequestIP`
   * called with a handler's event is h3's.
   */
  private autoImportedHelper(identifier: TSESTree.Identifier): Base | undefined {
    const call = identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== identifier) return undefined;
    const entry = CALL_SOURCES.find((source) => source.autoImported && source.export === identifier.name);
    const first = call.arguments[0];
    if (!entry || first?.type !== AST_NODE_TYPES.Identifier) return undefined;
    return this.baseOf(first)?.type === 'request' ? { type: 'import', module: entry.module, path: [entry.export] } : undefined;
  }

  /**
   * An ORM read of a person table: `prisma.user.findUnique(…)`,
   * `User.findOne(…)`, `userRepository.findOneBy(…)`,
   * `getRepository(User).findOne(…)`, `knex('users').where(…).first()`.
   */
  isPersonTableRead(call: TSESTree.CallExpression): boolean {
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !ORM_READ_METHODS.includes(propertyName(callee) ?? '')) return false;
    for (let receiver: Node = unwrap(callee.object), guard = 0; guard < 8; guard++) {
      if (receiver.type === AST_NODE_TYPES.Identifier) return isPersonTable(receiver.name);
      if (receiver.type === AST_NODE_TYPES.MemberExpression) {
        const name = propertyName(receiver);
        if (name !== undefined && isPersonTable(name)) return true;
        receiver = unwrap(receiver.object);
        continue;
      }
      if (receiver.type !== AST_NODE_TYPES.CallExpression) return false;
      const arg = receiver.arguments[0] ? unwrap(receiver.arguments[0]) : undefined;
      if (ORM_TABLE_FUNCTIONS.includes(calleeName(receiver) ?? '')) {
        const table = arg?.type === AST_NODE_TYPES.Identifier ? arg.name : staticString(arg);
        return table !== undefined && isPersonTable(table);
      }
      // A query builder chain: `knex('users').where(…).first()`.
      const inner = unwrap(receiver.callee);
      if (inner.type === AST_NODE_TYPES.Identifier) return false;
      receiver = inner.type === AST_NODE_TYPES.MemberExpression ? unwrap(inner.object) : inner;
    }
    return false;
  }

  /**
   * A variable or parameter name that holds a whole person record (`user`,
   * `currentUser`, `customerRecord`); PascalCase names a model class, not a record.
   */
  isPersonRecordName(name: string): boolean {
    if (/^[A-Z]/.test(name)) return false;
    const words = splitWords(name);
    const last = words[words.length - 1];
    if (words.some((word) => NOT_A_PERSON_WORDS.includes(word))) return false;
    if (last !== undefined && PERSON_RECORD_WORDS.includes(last)) return true;
    return words.length >= 2 && PERSON_RECORD_SUFFIXES.includes(last ?? '') && PERSON_RECORD_WORDS.includes(words[words.length - 2] ?? '');
  }

  /**
   * Values a framework passes to this parameter that the file builds
   * itself: a GraphQL resolver's context (third parameter) is what the
   * server's `context` function returns. Undefined when the parameter is
   * not such a one.
   */
  frameworkArguments(fn: FunctionNode, index: number): readonly Node[] | undefined {
    if (index !== GRAPHQL_CONTEXT_PARAMETER || !this.isResolver(fn)) return undefined;
    const values = this.contextFunctions().flatMap((context) => this.resolver.returnsOf(context));
    return values.length > 0 ? values : undefined;
  }

  private contextMemo: FunctionNode[] | undefined;

  /** The file's GraphQL context builders: `new ApolloServer({ context })`, `createYoga({ context })`, `app.register(mercurius, { context })`. */
  private contextFunctions(): FunctionNode[] {
    if (this.contextMemo) return this.contextMemo;
    const found: FunctionNode[] = [];
    const keys = this.resolver.sourceCode.visitorKeys;
    const visit = (node: Node): void => {
      if (node.type === AST_NODE_TYPES.Property && GRAPHQL_CONTEXT_PROPERTIES.includes(keyName(node) ?? '') && isFunction(node.value)) {
        const options = node.parent;
        const call = options.parent;
        if ((call?.type === AST_NODE_TYPES.CallExpression || call?.type === AST_NODE_TYPES.NewExpression) && call.arguments.includes(options)) {
          found.push(node.value);
        }
      }
      for (const key of keys[node.type] ?? []) {
        const child = (node as unknown as Record<string, unknown>)[key];
        for (const item of Array.isArray(child) ? child : [child]) {
          if (typeof item === 'object' && item !== null && typeof (item as { type?: unknown }).type === 'string') visit(item as Node);
        }
      }
    };
    visit(this.resolver.sourceCode.ast);
    this.contextMemo = found;
    return found;
  }

  /** A resolver: a function under `Query` / `Mutation` / `Subscription` (or a type) in a resolver map. */
  private isResolver(fn: FunctionNode): boolean {
    const property = fn.parent;
    if (property?.type !== AST_NODE_TYPES.Property || property.value !== fn) return false;
    const typeProperty = property.parent.parent;
    if (typeProperty?.type !== AST_NODE_TYPES.Property) return false;
    if (GRAPHQL_ROOT_TYPES.includes(keyName(typeProperty) ?? '')) return true;
    const map = typeProperty.parent.parent;
    const mapName =
      map?.type === AST_NODE_TYPES.VariableDeclarator && map.id.type === AST_NODE_TYPES.Identifier
        ? map.id.name
        : map?.type === AST_NODE_TYPES.Property
          ? keyName(map)
          : undefined;
    return mapName !== undefined && /resolvers$/i.test(mapName);
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
      const key = keyName(parent) ?? '';
      if (HANDLER_PROPERTY_NAMES.includes(key)) return true;
      if (!FETCH_HANDLER_PROPERTIES.includes(key)) return false;
      // `export default { fetch(request, env) {…} }` (Cloudflare Workers), `Bun.serve({ fetch })`
      const holder = parent.parent.parent;
      return (
        holder?.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
        (holder?.type === AST_NODE_TYPES.CallExpression && SERVE_FUNCTIONS.includes(calleeName(holder) ?? ''))
      );
    }
    if (parent?.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(node as TSESTree.CallExpressionArgument)) {
      return false;
    }
    const method = calleeName(parent);
    if (method === undefined) return false;
    if (method === 'on') return REQUEST_EVENTS.includes(staticString(parent.arguments[0]) ?? '');
    if (!HANDLER_REGISTRATION_METHODS.includes(method)) return false;
    if (HANDLER_ANY_POSITION_METHODS.includes(method)) return true;
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
      case 'within':
        return this.matchWithin(base.model, base.path, steps);
      case 'form':
        return this.matchForm(steps, 0);
      case 'lambda':
        return steps[0]?.name !== undefined && LAMBDA_PATH_PREFIXES.includes(steps[0].name) ? this.matchRequest(steps, 0) : UNKNOWN;
      case 'headers':
        return this.matchHeaders(steps, 0, -1);
      case 'value':
        return this.deep(base.kind, base.deep ?? true, steps, 0, -1);
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
    if (first === 'formData' && rest[1]?.call) return this.matchForm(steps, offset + 2);
    if (first === 'headers' || first === 'multiValueHeaders') return this.matchHeaders(steps, offset + 1, offset);
    if (HEADER_LOOKUP_METHODS.includes(first) && rest[1]?.call) return this.headerByArgument(rest[1].call, steps, offset + 1);
    for (const lookup of COOKIE_LOOKUP_METHODS) {
      const path = lookup.split('.');
      if (path.every((name, i) => rest[i]?.name === name) && rest[path.length]?.call) {
        return this.deep('cookie', true, steps, offset + path.length + 1, offset + path.length);
      }
    }
    return this.matchMembers(this.settings.memberSources, steps, offset);
  }

  /** The first member source whose path `steps[offset…]` reads (a `name()` step is the member called). */
  private matchMembers(sources: readonly { readonly steps: readonly string[]; readonly source: MemberSource }[], steps: readonly Step[], offset: number): Match {
    for (const { steps: path, source } of sources) {
      const used = consumed(path, steps, offset);
      if (used < 0) continue;
      const at = offset + used - 1;
      if (source.kind === 'request' && source.deep === false && path[path.length - 1] !== 'request') return this.matchHeaders(steps, at + 1, at);
      if (source.kind === 'request' && path[path.length - 1] === 'request') return this.matchRequest(steps, at + 1);
      return this.deep(source.kind, source.deep, steps, at + 1, at);
    }
    return UNKNOWN;
  }

  /** A binding destructured from a request or companion object: the path to it, then the steps read from it. */
  private matchWithin(model: 'request' | keyof typeof HANDLER_COMPANIONS, path: readonly string[], steps: readonly Step[]): Match {
    const full: Step[] = [...path.map((name) => ({ name })), ...steps];
    const match = model === 'request' ? this.matchRequest(full, 0) : this.matchMembers(companionSources(model), full, 0);
    return match.status === 'source' ? { ...match, at: Math.max(-1, match.at - path.length) } : match;
  }

  /** Form data: `form.get('email')` carries what the field's name says. */
  private matchForm(steps: readonly Step[], offset: number): Match {
    const method = steps[offset]?.name;
    const call = steps[offset + 1]?.call;
    if (method === undefined || !FORM_DATA_LOOKUPS.includes(method) || !call) return UNKNOWN;
    const field = staticString(call.arguments[0]);
    const kind = field === undefined ? undefined : this.settings.names.match(field);
    return kind ? this.deep(kind, true, steps, offset + 2, offset + 1) : UNKNOWN;
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

  private headerByArgument(call: TSESTree.CallExpression, steps: readonly Step[], callIndex: number, argument = 0): Match {
    // Hono `c.req.header()`: every header at once.
    if (call.arguments.length === argument) return { status: 'source', kind: 'request', at: callIndex };
    const name = staticString(call.arguments[argument]);
    if (name === undefined) return UNKNOWN;
    const variable = argument === 0 ? CONTEXT_VARIABLES.find((entry) => entry.name === name) : undefined;
    if (variable) return this.deep(variable.kind, variable.kind === 'user' ? PERSON_FIELDS : true, steps, callIndex + 1, callIndex);
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
        // `sessionStorage.getItem('postLoginRedirectPath')`: a key whose name says it holds app state, not an identifier.
        if (global.kind === 'storage' && this.isAppStateKey(steps, at + 1)) return NONE;
        return this.deep(global.kind, global.deep, steps, at + 1, at);
      }
    }
    return UNKNOWN;
  }

  /** A storage read by a literal key whose head word names app state (`…Path`, `theme`, `sidebarCollapsed`). */
  private isAppStateKey(steps: readonly Step[], from: number): boolean {
    const method = steps[from]?.name;
    const call = steps[from + 1]?.call;
    if (method !== 'getItem' || !call) return false;
    return this.isAppStateKeyArgument(call.arguments[0]);
  }

  /**
   * A storage or cookie key (a literal, or a constant that holds one:
   * `const key = "postLoginRedirectPath"`) whose head word names app state
   * rather than anything about the person: `…Path`, `theme`, `sidebarCollapsed`.
   */
  isAppStateKeyArgument(argument: Node | undefined): boolean {
    if (!argument) return false;
    let key = staticString(argument);
    const inner = unwrap(argument);
    if (key === undefined && inner.type === AST_NODE_TYPES.Identifier) {
      const single = this.resolver.singleValue(inner);
      key = single && single.pattern.steps.length === 0 ? staticString(single.value) : undefined;
    }
    if (key === undefined || this.settings.names.match(key) !== undefined) return false;
    const words = splitWords(key);
    const last = words[words.length - 1];
    return last !== undefined && APP_STATE_KEY_WORDS.includes(last);
  }

  private matchImport(base: { module: string; path: readonly string[]; local?: string }, steps: readonly Step[]): Match {
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
      if (source.headerArgument !== undefined) return this.headerByArgument(call.call, steps, index, source.headerArgument);
      // `getConnInfo(c).remote.address`: the identifier sits at `path`; the result or a prefix of it holds it.
      const path = source.path ?? [];
      let at = index;
      for (const name of path) {
        const next = steps[at + 1];
        if (!next) return { status: 'source', kind: source.kind, at: index };
        if (next.name !== name) return next.name === undefined || next.name === '*' ? UNKNOWN : NONE;
        at++;
      }
      return this.deep(source.kind, source.deep ?? true, steps, at + 1, at);
    }
    return this.personTableReadOfImport(base, steps);
  }

  /** `import { prisma } from './db'; prisma.user.findUnique(…)`: an ORM read through an imported client. */
  private personTableReadOfImport(base: { path: readonly string[]; local?: string }, steps: readonly Step[]): Match {
    const callIndex = steps.findIndex((step) => step.call !== undefined);
    const method = steps[callIndex - 1]?.name;
    if (callIndex < 1 || method === undefined || !ORM_READ_METHODS.includes(method)) return UNKNOWN;
    const receiver = [base.local ?? '', ...base.path, ...steps.slice(0, callIndex - 1).map((step) => step.name ?? '')];
    if (!receiver.some((name) => isPersonTable(name))) return UNKNOWN;
    return this.deep('user', PERSON_FIELDS, steps, callIndex + 1, callIndex);
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

/** How many of `steps[offset…]` a member path reads (`name()` is the member and its call), or -1 when it does not. */
function consumed(path: readonly string[], steps: readonly Step[], offset: number): number {
  let index = offset;
  for (const part of path) {
    const called = part.endsWith('()');
    const name = called ? part.slice(0, -2) : part;
    if (steps[index]?.name !== name) return -1;
    index++;
    if (called) {
      if (!steps[index]?.call) return -1;
      index++;
    }
  }
  return index - offset;
}

const companionCache = new Map<string, { steps: readonly string[]; source: MemberSource }[]>();

/** A companion object's member sources, longest path first. */
function companionSources(model: keyof typeof HANDLER_COMPANIONS): readonly { steps: readonly string[]; source: MemberSource }[] {
  let sources = companionCache.get(model);
  if (!sources) {
    sources = HANDLER_COMPANIONS[model]
      .map((source) => ({ steps: source.path.split('.'), source }))
      .sort((a, b) => b.steps.length - a.steps.length);
    companionCache.set(model, sources);
  }
  return sources;
}

/** A name for a person table or its model: `user`, `users`, `User`, `userRepository`, `CustomerModel`. */
function isPersonTable(name: string): boolean {
  const words = [...splitWords(name)];
  while (words.length > 1 && ORM_TABLE_SUFFIXES.includes(words[words.length - 1] ?? '')) words.pop();
  const last = (words[words.length - 1] ?? '').replace(/s$/, '');
  return words.length === 1 && PERSON_RECORD_WORDS.includes(last);
}
