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
  // AWS Lambda (API Gateway REST and HTTP APIs)
  { path: 'requestContext.identity.sourceIp', kind: 'ip', deep: true },
  { path: 'requestContext.identity.userAgent', kind: 'device', deep: true },
  { path: 'requestContext.http.sourceIp', kind: 'ip', deep: true },
  { path: 'requestContext.http.userAgent', kind: 'device', deep: true },
  { path: 'requestContext.authorizer', kind: 'user', deep: true },
  { path: 'multiValueHeaders', kind: 'request', deep: false },
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
];

/** Property names whose function value is a request handler (`server.route({ handler })`, Fastify route options). */
export const HANDLER_PROPERTY_NAMES: readonly string[] = ['handler', 'preHandler', 'onRequest', 'preValidation'];

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
}[] = [
  { module: 'request-ip', export: 'getClientIp', kind: 'ip' },
  { module: 'request-ip', export: 'default', method: 'getClientIp', kind: 'ip' },
  { module: 'next/headers', export: 'cookies', kind: 'cookie', result: 'cookies' },
  { module: 'next/headers', export: 'headers', kind: 'request', result: 'headers' },
  { module: 'js-cookie', export: 'default', method: 'get', kind: 'cookie' },
  { module: 'js-cookie', export: 'get', kind: 'cookie' },
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
  { words: ['ip'], kind: 'ip' },
  { words: ['ips'], kind: 'ip' },
  { words: ['ipv4'], kind: 'ip' },
  { words: ['ipv6'], kind: 'ip' },
  { words: ['ipaddress'], kind: 'ip' },
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
  'preferences', 'prefs', 'argv', 'flags',
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
