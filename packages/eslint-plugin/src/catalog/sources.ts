import type { Kind } from './kinds';

/**
 * A member path read from a request-like object. `*` matches any single
 * property (static or computed); `()` marks a call of the member before it
 * (`cookies.get()` is `ctx.cookies.get(name)`).
 */
export interface MemberSource {
  readonly path: string;
  readonly kind: Kind;
  /**
   * Whether properties read from this value carry the same kind
   * (`req.cookies.sid` does; `req.headers.host` does not: headers are
   * looked up by name instead). A list allows only those property names.
   */
  readonly deep: boolean | readonly string[];
}

/** Properties of `req.user` that name the person rather than describe them. */
const USER_FIELDS = [
  'id', '_id', 'uid', 'sub', 'userId', 'user_id', 'email', 'emails', 'mail', 'name', 'username',
  'userName', 'login', 'displayName', 'fullName', 'firstName', 'lastName', 'phone', 'phoneNumber',
];

export const REQUEST_MEMBER_SOURCES: readonly MemberSource[] = [
  // Express / Node http / Fastify / Koa
  { path: 'ip', kind: 'ip', deep: true },
  { path: 'ips', kind: 'ip', deep: true },
  { path: 'socket.remoteAddress', kind: 'ip', deep: true },
  { path: 'connection.remoteAddress', kind: 'ip', deep: true },
  { path: 'raw.socket.remoteAddress', kind: 'ip', deep: true },
  { path: 'cookies', kind: 'cookie', deep: true },
  { path: 'signedCookies', kind: 'cookie', deep: true },
  { path: 'sessionID', kind: 'session', deep: true },
  { path: 'sessionId', kind: 'session', deep: true },
  { path: 'session.id', kind: 'session', deep: true },
  { path: 'session', kind: 'session', deep: ['id', 'sid', 'sessionId', 'sessionID', 'token'] },
  { path: 'user', kind: 'user', deep: USER_FIELDS },
  { path: 'auth', kind: 'token', deep: ['token', 'credentials', 'artifacts'] },
  // express-basic-auth: `req.auth = { user, password }`
  { path: 'auth.user', kind: 'user', deep: true },
  // The authenticated user as a web server or proxy passed it on (CGI's REMOTE_USER)
  { path: 'remote_user', kind: 'user', deep: true },
  { path: 'remoteUser', kind: 'user', deep: true },
  { path: 'headers', kind: 'request', deep: false },
  { path: 'rawHeaders', kind: 'request', deep: true },
  // hapi
  { path: 'info.remoteAddress', kind: 'ip', deep: true },
  { path: 'state', kind: 'cookie', deep: true },
  // Koa: `ctx.state` is the app's per-request state, where auth middleware puts the user (longer paths win over hapi's `state`)
  { path: 'state.user', kind: 'user', deep: USER_FIELDS },
  { path: 'state.auth', kind: 'user', deep: ['user'] },
  { path: 'state.auth.user', kind: 'user', deep: USER_FIELDS },
  // AWS Lambda (API Gateway REST and HTTP APIs)
  { path: 'requestContext.identity.sourceIp', kind: 'ip', deep: true },
  { path: 'requestContext.identity.userAgent', kind: 'device', deep: true },
  { path: 'requestContext.http.sourceIp', kind: 'ip', deep: true },
  { path: 'requestContext.http.userAgent', kind: 'device', deep: true },
  { path: 'requestContext.authorizer', kind: 'user', deep: true },
  { path: 'multiValueHeaders', kind: 'request', deep: false },
  // SvelteKit RequestEvent (`event.getClientAddress()`, `event.locals`), Astro (`Astro.clientAddress`, `context.locals`)
  { path: 'getClientAddress()', kind: 'ip', deep: true },
  { path: 'clientAddress', kind: 'ip', deep: true },
  { path: 'locals.user', kind: 'user', deep: USER_FIELDS },
  { path: 'locals.session', kind: 'session', deep: ['id', 'sid', 'sessionId', 'token'] },
  // Next.js (before 15) NextRequest
  { path: 'geo', kind: 'ip', deep: true },
  // Hono: `c.var.jwtPayload` (what `c.get('jwtPayload')` reads)
  { path: 'var.jwtPayload', kind: 'user', deep: true },
  { path: 'var.user', kind: 'user', deep: USER_FIELDS },
  // Cloudflare Workers: `request.cf` is Cloudflare's view of the connection (geolocation from the IP, ASN, TLS fingerprint)
  { path: 'cf', kind: 'ip', deep: true },
];

/**
 * Names a handler reads with the header lookup method that hold something
 * else than a header: Hono's context variables (`c.get('jwtPayload')`, set
 * by its JWT middleware), and the kind each holds.
 */
export const CONTEXT_VARIABLES: readonly { readonly name: string; readonly kind: Kind }[] = [
  { name: 'jwtPayload', kind: 'user' },
  { name: 'user', kind: 'user' },
  { name: 'session', kind: 'session' },
];

/**
 * Methods on a request-like object that look a header up by name:
 * `req.get('user-agent')`, `req.header(…)`, `ctx.get(…)`. (A header bag's own
 * `.get(name)`, as in `request.headers.get(…)` or Next.js `headers().get(…)`,
 * is a lookup too.)
 */
export const HEADER_LOOKUP_METHODS: readonly string[] = ['get', 'header', 'getHeader'];

/** Members of a request-like object that are themselves request-like (Koa's `ctx.request`, `ctx.req`). */
export const NESTED_REQUEST_MEMBERS: readonly string[] = ['request', 'req', 'raw'];

/**
 * Members whose use makes a binding named like a request (`REQUEST_NAMES`)
 * request-like (issue 8 §6): an SDK's token-request object named `request`
 * reads none of them. A trailing `()` means the member is called.
 */
export const REQUEST_USE_MEMBERS: readonly string[] = [
  'headers', 'rawHeaders', 'ip', 'ips', 'cookies', 'signedCookies', 'get()', 'header()', 'url', 'originalUrl',
  'method', 'body', 'query', 'params', 'path', 'hostname', 'protocol', 'socket', 'connection', 'session',
  'sessionID', 'user', 'request', 'req', 'res', 'response', 'info', 'state', 'raw', 'log', 'json()', 'formData()',
];

/** Cookie lookups by name on a request-like object: Koa `ctx.cookies.get(name)`, Next.js `request.cookies.get(name)`. */
export const COOKIE_LOOKUP_METHODS: readonly string[] = ['cookies.get'];

/**
 * Header names that carry identifiers, matched in any letter case. A
 * trailing `*` matches a prefix (`sec-ch-ua*` covers every client hint).
 */
export const HEADER_SOURCES: readonly { readonly name: string; readonly kind: Kind }[] = [
  { name: 'x-forwarded-for', kind: 'ip' },
  { name: 'x-real-ip', kind: 'ip' },
  { name: 'cf-connecting-ip', kind: 'ip' },
  { name: 'true-client-ip', kind: 'ip' },
  { name: 'x-client-ip', kind: 'ip' },
  { name: 'x-cluster-client-ip', kind: 'ip' },
  { name: 'fastly-client-ip', kind: 'ip' },
  { name: 'forwarded', kind: 'ip' },
  { name: 'cookie', kind: 'cookie' },
  { name: 'set-cookie', kind: 'cookie' },
  { name: 'authorization', kind: 'token' },
  { name: 'proxy-authorization', kind: 'token' },
  { name: 'x-api-key', kind: 'token' },
  { name: 'x-csrf-token', kind: 'token' },
  { name: 'x-xsrf-token', kind: 'token' },
  { name: 'user-agent', kind: 'device' },
  { name: 'sec-ch-ua*', kind: 'device' },
];

/** Names that make a binding request-like (POLICY.md: a parameter named req/request/ctx). */
export const REQUEST_NAMES: readonly string[] = ['req', 'request', 'ctx'];

/** Names of AWS Lambda event parameters; only the Lambda member paths apply to them. */
export const LAMBDA_EVENT_NAMES: readonly string[] = ['event'];

/** The member paths that apply to a Lambda event (a prefix of REQUEST_MEMBER_SOURCES' paths). */
export const LAMBDA_PATH_PREFIXES: readonly string[] = ['requestContext', 'headers', 'multiValueHeaders'];

/**
 * Registration methods whose function arguments are request handlers:
 * `app.get('/', (req, res) => …)`, `app.use(mw)`, `router.post(…)`,
 * `fastify.addHook('onRequest', (request, reply) => …)`,
 * `http.createServer((req, res) => …)`.
 */
export const HANDLER_REGISTRATION_METHODS: readonly string[] = [
  'get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'use', 'options', 'head', 'route',
  'addHook', 'createServer', 'onRequest', 'preHandler', 'handle', 'middleware',
  // h3 / Nuxt / Nitro, Hono middleware factories, Deno and Bun `serve(handler)`
  'defineEventHandler', 'eventHandler', 'defineCachedEventHandler', 'createMiddleware', 'defineMiddleware', 'serve',
];

/** Registration methods whose every function argument is a handler, whatever comes first. */
export const HANDLER_ANY_POSITION_METHODS: readonly string[] = [
  'use', 'createServer', 'addHook', 'middleware', 'handle',
  'defineEventHandler', 'eventHandler', 'defineCachedEventHandler', 'createMiddleware', 'defineMiddleware', 'serve',
];

/** Server events whose listener's first parameter is the request: `server.on('request', …)`, `on('upgrade', …)`. */
export const REQUEST_EVENTS: readonly string[] = ['request', 'upgrade'];

/** Property names whose function value is a request handler (`server.route({ handler })`, Fastify route options). */
export const HANDLER_PROPERTY_NAMES: readonly string[] = ['handler', 'preHandler', 'onRequest', 'preValidation'];

/**
 * `fetch(request, env | server)`: the handler of a Cloudflare Worker's
 * default export, of `Bun.serve({ fetch })` and `Deno.serve({ handler })`.
 * Only in an object that is default-exported or passed to a `serve` call
 * (a `fetch` option elsewhere is usually a custom HTTP client).
 */
export const FETCH_HANDLER_PROPERTIES: readonly string[] = ['fetch'];
export const SERVE_FUNCTIONS: readonly string[] = ['serve'];

/**
 * Exported functions a framework calls with the request: Next.js route
 * handlers and middleware, Remix / React Router loaders and actions,
 * SvelteKit `+server` handlers and `handle` hooks, Astro API routes. `at`
 * is where in the first parameter the request-like object sits (`[]`: the
 * parameter itself; SvelteKit's `handle({ event })`: `event`).
 */
export const HANDLER_EXPORTS: readonly { readonly name: string; readonly at: readonly string[]; readonly byUse?: boolean }[] = [
  ...['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ALL', 'middleware', 'proxy'].map((name) => ({ name, at: [] })),
  ...['loader', 'action', 'clientLoader', 'clientAction'].map((name) => ({ name, at: [] })),
  { name: 'handle', at: ['event'] },
  { name: 'onRequest', at: [] },
  // SvelteKit server `load({ cookies, locals, getClientAddress })`: a common name, so a whole parameter must be used as the event.
  { name: 'load', at: [], byUse: true },
];

/**
 * Objects that hold the request or its connection beside it, and the
 * members of them that are sources. Recognised by where the object is
 * handed over (see the analysis): the second parameter of a `serve`
 * handler, a socket.io socket.
 */
export const HANDLER_COMPANIONS: Readonly<Record<'serveInfo' | 'socketIo', readonly MemberSource[]>> = {
  // Deno `serve((req, info) => …)`: `info.remoteAddr`; Bun `fetch(req, server)`: `server.requestIP(req)`
  serveInfo: [
    { path: 'remoteAddr', kind: 'ip', deep: true },
    { path: 'requestIP()', kind: 'ip', deep: true },
  ],
  // socket.io `io.on('connection', (socket) => …)`
  socketIo: [
    { path: 'handshake.address', kind: 'ip', deep: true },
    { path: 'handshake.headers', kind: 'request', deep: false },
    { path: 'handshake.auth', kind: 'token', deep: true },
    { path: 'handshake', kind: 'request', deep: false },
    { path: 'conn.remoteAddress', kind: 'ip', deep: true },
    { path: 'request', kind: 'request', deep: false },
  ],
};

/** Modules whose server emits `connection` with a socket.io socket, or with (ws, request) for `ws`. */
export const SOCKET_IO_MODULES: readonly string[] = ['socket.io'];
export const WS_MODULES: readonly string[] = ['ws', 'isomorphic-ws'];

/** Passport: `new XStrategy(options, verify)`; in `verify`, these parameters hold the person. */
export const PASSPORT_PROFILE_PARAMETERS: readonly string[] = ['profile', 'jwt_payload', 'jwtPayload', 'payload', 'user', 'claims'];

/** Claims and profile fields that name the person (JWT payloads, passport profiles, user records). */
export const PERSON_FIELDS: readonly string[] = [
  ...USER_FIELDS, 'emails', 'photos', 'preferred_username', 'upn', 'oid', 'unique_name', 'given_name', 'family_name',
  'nickname', 'phone_number', 'email_verified', '_json', '_raw',
];

/**
 * Person records: a whole user, account or customer entity (issue 8 §1).
 * A variable or parameter whose name ends with one of these words (and is
 * not PascalCase, which names a model class), logged whole while the
 * analysis cannot see its value, is a user identifier; its fields are
 * judged by their own names (`user.email` is, `user.createdAt` is not).
 */
export const PERSON_RECORD_WORDS: readonly string[] = ['user', 'account', 'customer'];
/** Words after the person word that keep the name a record of the person: `userRecord`, `customerDoc`. */
export const PERSON_RECORD_SUFFIXES: readonly string[] = ['record', 'entity', 'doc', 'document', 'row', 'data', 'info', 'details', 'profile'];

/** Words before a person-record word that make it no one in particular: `anonymousUser`, `guestAccount`, `systemUser`. */
export const NOT_A_PERSON_WORDS: readonly string[] = ['anonymous', 'guest', 'default', 'system', 'bot', 'service', 'dummy', 'fake', 'mock', 'test', 'example', 'sample'];

/**
 * ORM reads whose receiver names a person table return person records:
 * Prisma `prisma.user.findUnique()`, Drizzle `db.query.users.findFirst()`,
 * Mongoose / Sequelize `User.findOne()` / `findByPk()`, TypeORM
 * `userRepository.findOneBy()` / `getRepository(User).findOne()`, Knex
 * `knex('users').where(…).first()`.
 */
export const ORM_READ_METHODS: readonly string[] = [
  'findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findOne', 'findOneBy', 'findOneOrFail',
  'findOneByOrFail', 'findById', 'findByPk', 'findMany', 'findAll', 'find', 'first',
];
/** Receivers of ORM reads that name a person table (singular or plural; `Model`, `Repository`, `Repo`, `Collection` after it). */
export const ORM_TABLE_SUFFIXES: readonly string[] = ['model', 'repository', 'repo', 'collection', 'table'];
/** Calls whose first argument names the table the chain reads: `getRepository(User)`, `knex('users')`, `db.collection('users')`. */
export const ORM_TABLE_FUNCTIONS: readonly string[] = ['getRepository', 'collection', 'model', 'knex', 'db', 'table', 'from'];

/** Globals that are the request in a framework's templates: Astro's `Astro` (`Astro.clientAddress`, `Astro.cookies`, `Astro.request`). */
export const REQUEST_GLOBALS: readonly string[] = ['Astro'];

/**
 * GraphQL servers (Apollo, Yoga, Mercurius): the `context` option builds
 * each operation's context from the request; resolvers under these root
 * types (or in an object named `resolvers`) receive it as their third
 * parameter.
 */
export const GRAPHQL_CONTEXT_PROPERTIES: readonly string[] = ['context'];
export const GRAPHQL_ROOT_TYPES: readonly string[] = ['Query', 'Mutation', 'Subscription'];
export const GRAPHQL_CONTEXT_PARAMETER = 2;

/** Server actions (`'use server'`) and route handlers read forms: `formData.get('email')` is judged by the field's name. */
export const FORM_DATA_TYPES: readonly string[] = ['FormData'];
export const FORM_DATA_LOOKUPS: readonly string[] = ['get', 'getAll'];

/**
 * Declared types of request-like objects: type name and the modules that
 * may declare it (`null`: also accepted as a global, like the Fetch API's
 * `Request`).
 */
export const REQUEST_TYPES: readonly { readonly name: string; readonly modules: readonly string[] | null }[] = [
  { name: 'Request', modules: null },
  { name: 'IncomingMessage', modules: ['http', 'node:http', 'http2', 'node:http2'] },
  { name: 'Http2ServerRequest', modules: ['http2', 'node:http2'] },
  { name: 'FastifyRequest', modules: ['fastify'] },
  { name: 'Context', modules: ['koa'] },
  { name: 'ParameterizedContext', modules: ['koa'] },
  { name: 'DefaultContext', modules: ['koa'] },
  { name: 'NextRequest', modules: ['next/server', 'next'] },
  { name: 'NextApiRequest', modules: ['next'] },
  { name: 'APIGatewayProxyEvent', modules: ['aws-lambda'] },
  { name: 'APIGatewayProxyEventV2', modules: ['aws-lambda'] },
  { name: 'ALBEvent', modules: ['aws-lambda'] },
];

/** Modules whose exports define request types, for the type-aware check of where a type was declared. */
export const REQUEST_TYPE_MODULES: readonly string[] = [
  'express', 'express-serve-static-core', 'http', 'http2', 'node:http', 'fastify', 'koa', '@hapi/hapi',
  'hapi', 'next', 'next/server', 'aws-lambda', 'undici-types', 'undici', 'lib.dom',
];

/** NestJS parameter decorators and what the decorated parameter holds. */
export const DECORATOR_SOURCES: readonly { readonly name: string; readonly kind: Kind | 'request-like' | 'header' }[] = [
  { name: 'Ip', kind: 'ip' },
  { name: 'RealIP', kind: 'ip' },
  { name: 'ClientIp', kind: 'ip' },
  { name: 'Session', kind: 'session' },
  { name: 'Cookies', kind: 'cookie' },
  { name: 'SignedCookies', kind: 'cookie' },
  // `@Headers('user-agent')` resolves the header by name; `@Headers()` is all of them.
  { name: 'Headers', kind: 'header' },
  { name: 'Req', kind: 'request-like' },
  { name: 'Request', kind: 'request-like' },
];

/**
 * Imported functions whose results are identifiers: `request-ip`'s
 * `getClientIp(req)`, Next.js `cookies()` / `headers()` (awaited or not),
 * js-cookie's `Cookies.get()`.
 */
export const CALL_SOURCES: readonly {
  readonly module: string;
  /** Export name; `default` for the default export or the module object itself. */
  readonly export: string;
  /** Method called on the export, if any (`Cookies.get`). */
  readonly method?: string;
  readonly kind: Kind;
  /** `headers`: the result is a header bag (`.get(name)` looks a header up). */
  readonly result?: 'headers' | 'cookies';
  /** The kind comes from the header named by this argument instead (h3 `getHeader(event, 'user-agent')`). */
  readonly headerArgument?: number;
  /** Where in the result the identifier sits (`getConnInfo(c).remote.address`, jose `jwtVerify(…).payload`): other members carry nothing. */
  readonly path?: readonly string[];
  /** Which properties of the identifier carry it on (default: all). */
  readonly deep?: readonly string[];
  /** The first argument must be a handler's request or event (auto-imported helpers in Nuxt / Nitro). */
  readonly autoImported?: boolean;
}[] = [
  { module: 'request-ip', export: 'getClientIp', kind: 'ip' },
  { module: 'request-ip', export: 'default', method: 'getClientIp', kind: 'ip' },
  { module: 'next/headers', export: 'cookies', kind: 'cookie', result: 'cookies' },
  { module: 'next/headers', export: 'headers', kind: 'request', result: 'headers' },
  { module: 'js-cookie', export: 'default', method: 'get', kind: 'cookie' },
  { module: 'js-cookie', export: 'get', kind: 'cookie' },
  // Hono
  ...['hono/cookie'].flatMap((module) => [
    { module, export: 'getCookie', kind: 'cookie' as const },
    { module, export: 'getSignedCookie', kind: 'cookie' as const },
  ]),
  ...['hono/conninfo', 'hono/bun', 'hono/deno', 'hono/cloudflare-workers', 'hono/aws-lambda', 'hono/vercel', '@hono/node-server/conninfo'].map(
    (module) => ({ module, export: 'getConnInfo', kind: 'ip' as const, path: ['remote', 'address'] }),
  ),
  // h3 / Nuxt / Nitro (auto-imported in Nuxt server routes and Nitro handlers)
  ...['h3', '#imports', 'nitropack/runtime', 'vinxi/http'].flatMap((module) => [
    { module, export: 'getRequestIP', kind: 'ip' as const, autoImported: true },
    { module, export: 'getCookie', kind: 'cookie' as const, autoImported: true },
    { module, export: 'parseCookies', kind: 'cookie' as const, autoImported: true },
    { module, export: 'getHeader', kind: 'request' as const, headerArgument: 1, autoImported: true },
    { module, export: 'getRequestHeader', kind: 'request' as const, headerArgument: 1, autoImported: true },
    { module, export: 'getHeaders', kind: 'request' as const, result: 'headers' as const, autoImported: true },
    { module, export: 'getRequestHeaders', kind: 'request' as const, result: 'headers' as const, autoImported: true },
    { module, export: 'getUserSession', kind: 'user' as const, path: ['user'], autoImported: true },
  ]),
  // JWT payloads: the claims name the person (`sub`, `email`)
  ...['jsonwebtoken'].flatMap((module) => [
    { module, export: 'verify', kind: 'user' as const, deep: PERSON_FIELDS },
    { module, export: 'decode', kind: 'user' as const, deep: PERSON_FIELDS },
    { module, export: 'default', method: 'verify', kind: 'user' as const, deep: PERSON_FIELDS },
    { module, export: 'default', method: 'decode', kind: 'user' as const, deep: PERSON_FIELDS },
  ]),
  { module: 'jose', export: 'jwtVerify', kind: 'user', path: ['payload'], deep: PERSON_FIELDS },
  { module: 'jose', export: 'decodeJwt', kind: 'user', deep: PERSON_FIELDS },
];

/** The frameworks the catalog models, each a row of the rule doc's framework table (checked by test/docs-catalog.test.ts). */
export const FRAMEWORKS: readonly string[] = [
  'Express / Node http', 'Koa', 'Fastify', 'hapi', 'NestJS', 'AWS Lambda', 'Next.js', 'Remix / React Router', 'SvelteKit',
  'Astro', 'Hono', 'h3 / Nuxt / Nitro', 'Cloudflare Workers', 'Deno', 'Bun', 'socket.io', 'ws', 'GraphQL (Apollo, Yoga, Mercurius)',
  'passport', 'express-basic-auth', 'JWT (jsonwebtoken, jose)', 'Person records (ORMs)', 'Browser',
];

/** Browser globals (optionally reached through `window.` / `globalThis.` / `self.`). */
export const GLOBAL_SOURCES: readonly { readonly path: string; readonly kind: Kind; readonly deep: boolean }[] = [
  { path: 'document.cookie', kind: 'cookie', deep: true },
  { path: 'localStorage', kind: 'storage', deep: true },
  { path: 'sessionStorage', kind: 'storage', deep: true },
  { path: 'indexedDB', kind: 'storage', deep: true },
  { path: 'navigator.userAgent', kind: 'device', deep: true },
  { path: 'navigator.userAgentData', kind: 'device', deep: true },
  { path: 'navigator.platform', kind: 'device', deep: true },
  { path: 'navigator.hardwareConcurrency', kind: 'device', deep: true },
  { path: 'navigator.deviceMemory', kind: 'device', deep: true },
  { path: 'navigator.language', kind: 'device', deep: true },
  { path: 'navigator.languages', kind: 'device', deep: true },
  { path: 'screen.width', kind: 'device', deep: true },
  { path: 'screen.height', kind: 'device', deep: true },
];

/** Prefixes that reach the browser's global object. */
export const GLOBAL_OBJECT_NAMES: readonly string[] = ['window', 'globalThis', 'self'];

/** Storage methods that write or clear rather than read: their result carries nothing. */
export const STORAGE_WRITE_METHODS: readonly string[] = ['setItem', 'removeItem', 'clear'];

/** Words before an address that make it the service's own or a configured list, not a person's (`allowIpList`, `serverIp`). */
const CONFIGURED_ADDRESS_WORDS = [
  'allow', 'allowed', 'deny', 'denied', 'block', 'blocked', 'trusted', 'whitelist', 'blacklist', 'allowlist',
  'denylist', 'private', 'internal', 'server', 'bind', 'listen', 'local', 'proxy', 'upstream', 'dns',
];

/**
 * Words in names that mark an identifier. Each phrase is a sequence of
 * whole words (names are split on camelCase, snake_case, kebab-case).
 */
export interface NamePhrase {
  readonly words: readonly string[];
  readonly kind: Kind;
  /** Words that, right before the phrase, make it something else (`nextPageToken`). */
  readonly notAfter?: readonly string[];
}

export const NAME_PHRASES: readonly NamePhrase[] = [
  { words: ['ip'], kind: 'ip', notAfter: CONFIGURED_ADDRESS_WORDS },
  { words: ['ips'], kind: 'ip', notAfter: CONFIGURED_ADDRESS_WORDS },
  { words: ['ipv4'], kind: 'ip', notAfter: CONFIGURED_ADDRESS_WORDS },
  { words: ['ipv6'], kind: 'ip', notAfter: CONFIGURED_ADDRESS_WORDS },
  { words: ['ipaddress'], kind: 'ip', notAfter: CONFIGURED_ADDRESS_WORDS },
  { words: ['remote', 'addr'], kind: 'ip' },
  { words: ['remote', 'address'], kind: 'ip' },
  { words: ['remoteaddr'], kind: 'ip' },
  { words: ['remoteaddress'], kind: 'ip' },
  { words: ['forwarded', 'for'], kind: 'ip' },
  { words: ['cookie'], kind: 'cookie' },
  { words: ['cookies'], kind: 'cookie' },
  { words: ['session', 'id'], kind: 'session' },
  { words: ['sessionid'], kind: 'session' },
  { words: ['session', 'token'], kind: 'session' },
  { words: ['session', 'key'], kind: 'session' },
  { words: ['sid'], kind: 'session' },
  {
    words: ['token'],
    kind: 'token',
    notAfter: [
      'page', 'next', 'prev', 'previous', 'continuation', 'cursor', 'pagination', 'cancellation', 'cancel',
      'sync', 'resume', 'lexer', 'parser', 'syntax', 'design', 'css', 'color', 'theme', 'max', 'num', 'total',
    ],
  },
  { words: ['jwt'], kind: 'token' },
  { words: ['bearer'], kind: 'token' },
  { words: ['authorization'], kind: 'token' },
  { words: ['api', 'key'], kind: 'token' },
  { words: ['apikey'], kind: 'token' },
  { words: ['access', 'key'], kind: 'token' },
  { words: ['accesstoken'], kind: 'token' },
  { words: ['refreshtoken'], kind: 'token' },
  { words: ['user', 'id'], kind: 'user' },
  { words: ['userid'], kind: 'user' },
  { words: ['username'], kind: 'user' },
  { words: ['user', 'name'], kind: 'user' },
  { words: ['uid'], kind: 'user' },
  { words: ['email'], kind: 'user' },
  { words: ['e', 'mail'], kind: 'user' },
  { words: ['emails'], kind: 'user' },
  { words: ['account', 'id'], kind: 'user' },
  { words: ['customer', 'id'], kind: 'user' },
  { words: ['member', 'id'], kind: 'user' },
  { words: ['user', 'agent'], kind: 'device' },
  { words: ['useragent'], kind: 'device' },
  { words: ['device', 'id'], kind: 'device' },
  { words: ['deviceid'], kind: 'device' },
  {
    words: ['fingerprint'],
    kind: 'device',
    notAfter: ['cert', 'certificate', 'issuer', 'x509', 'tls', 'ssl', 'ssh', 'key', 'pubkey', 'public', 'ca', 'pem', 'gpg', 'pgp', 'file', 'build', 'content', 'asset', 'cache', 'module', 'schema', 'config'],
  },
  { words: ['visitor', 'id'], kind: 'device' },
  { words: ['visitorid'], kind: 'device' },
  { words: ['advertising', 'id'], kind: 'device' },
  { words: ['idfa'], kind: 'device' },
  // Push and device tokens single out a device, not a login
  { words: ['device', 'token'], kind: 'device' },
  { words: ['push', 'token'], kind: 'device' },
  { words: ['fcm', 'token'], kind: 'device' },
  { words: ['apns', 'token'], kind: 'device' },
  { words: ['registration', 'token'], kind: 'device' },
  // Credentials by their whole words (passwords stay out of scope: not online identifiers)
  { words: ['secret', 'key'], kind: 'token' },
  { words: ['secretkey'], kind: 'token' },
  { words: ['client', 'secret'], kind: 'token' },
  { words: ['api', 'secret'], kind: 'token' },
  { words: ['app', 'secret'], kind: 'token' },
  { words: ['private', 'key'], kind: 'token' },
  { words: ['privatekey'], kind: 'token' },
  { words: ['secret', 'token'], kind: 'token' },
  { words: ['secret', 'access', 'key'], kind: 'token' },
];

/**
 * Words that may follow an identifier phrase without changing what the name
 * holds: the head of a compound is its last word (`clientIp`, `accessToken`),
 * and these only spell the same value out (`ipAddress`, `tokenValue`,
 * `cookieHeader`, `userIdList`). Any other last word names something else
 * (`apikeyFilename`, `sessionTimeout`, `emailProvider`).
 */
export const NAME_HEAD_PRESERVING: readonly string[] = [
  'address', 'addresses', 'addr', 'value', 'values', 'val', 'str', 'string', 'strings', 'raw', 'list', 'array', 'arr',
  'header', 'headers', 'text', 'param', 'params', 'data', 'info', 'obj', 'object', 'hash', 'hashed', 'encoded', 'full',
  'original', 'orig', 'b64', 'base64', 'hex', 'bytes', 'buf', 'buffer', 'v4', 'v6', 'in', 'out', 'from', 'to',
];

/**
 * Object names whose members are the service's own configuration, not a
 * person's values (`config.apiKey`, `settings.ip`, `options.host`), as
 * `process.env` is.
 */
export const CONFIG_OBJECT_WORDS: readonly string[] = [
  'config', 'configs', 'configuration', 'settings', 'setting', 'options', 'opts', 'conf', 'cfg', 'env', 'defaults',
  'preferences', 'prefs', 'argv', 'flags', 'endpoints', 'urls', 'routes', 'url', 'uri', 'proxy',
];

/**
 * A word in a name that means something else next to these object words:
 * a certificate's `fingerprint` is not a device fingerprint.
 */
export const NAME_CONTEXT_EXCLUSIONS: readonly { readonly word: string; readonly objectWords: readonly string[] }[] = [
  {
    word: 'fingerprint',
    objectWords: ['cert', 'certificate', 'certs', 'issuer', 'x509', 'tls', 'ssl', 'ssh', 'key', 'pubkey', 'public', 'peer', 'ca', 'sha256', 'sha1', 'pem', 'der', 'gpg', 'pgp'],
  },
];

/** Words right before any phrase that turn the name into a test or a count (`hasToken`, `numCookies`). */
export const NAME_NOT_AFTER: readonly string[] = [
  'is', 'has', 'have', 'should', 'can', 'num', 'count', 'total', 'no', 'missing', 'invalid', 'without', 'max', 'min',
];

/** Words right after any phrase that make the name describe it rather than hold it (`cookieName`, `tokenType`). */
export const NAME_NOT_BEFORE: readonly string[] = [
  'name', 'names', 'type', 'types', 'count', 'counts', 'length', 'size', 'expiry', 'expires', 'expiration', 'ttl',
  'max', 'min', 'limit', 'url', 'uri', 'endpoint', 'field', 'fields', 'column', 'format', 'pattern', 'regex',
  're', 'schema', 'label', 'enabled', 'disabled', 'required', 'version', 'options', 'opts', 'config', 'domain',
  'path', 'parser', 'policy', 'secure', 'exists', 'present', 'valid', 'set', 'missing', 'error', 'errors',
  'status', 'provider', 'kind', 'keys', 'len', 'index', 'idx',
  // Things that handle identifiers rather than hold one: `tokenCache`, `ipClient`, `sessionIdGenerator`.
  'cache', 'client', 'manager', 'service', 'store', 'measurement', 'metrics', 'timer', 'span', 'handler',
  'callback', 'factory', 'builder', 'validator', 'generator', 'lifetime', 'regexp', 'matcher', 'middleware',
];

/**
 * Last words of a storage key that name app state rather than anything about
 * the person or device: `postLoginRedirectPath`, `theme`, `sidebarCollapsed`.
 */
export const APP_STATE_KEY_WORDS: readonly string[] = [
  'path', 'url', 'uri', 'route', 'redirect', 'theme', 'mode', 'locale', 'language', 'lang', 'tab', 'layout',
  'collapsed', 'expanded', 'dismissed', 'seen', 'version', 'width', 'height', 'zoom', 'sort', 'order', 'filter',
  'filters', 'view', 'page', 'draft', 'scroll', 'position',
];
