// Issue 8 §1 and §6: the frameworks real Node and web applications use.
// One group per row of the rule doc's framework table, each with the
// shapes that framework hands its handlers, and the look-alikes that are
// not requests (precision).
import type { Kind } from '../../src/catalog';
import type { Expect, InvalidSpec, ValidSpec } from './helpers';

function f(at: string, kind: Kind, origin: string, sink: string, extra: Partial<Expect> = {}): Expect {
  return { at, kind, origin, sink, ...extra };
}

// ── request-likeness by use (§6) ─────────────────────────────────────────
export const REQUEST_BY_USE: InvalidSpec[] = [
  {
    name: 'a parameter named request that reads headers is a request',
    code: "export function audit(request) { logger.info(request.headers.get('user-agent')); }",
    findings: [f("request.headers.get('user-agent')", 'device', "request.headers.get('user-agent')", 'logger.info')],
  },
  {
    name: 'a parameter named req that reads req.ip is a request, and its whole is one too',
    code: 'export function audit(req) { logger.info(req.ip); logger.debug(req); }',
    findings: [f('req.ip', 'ip', 'req.ip', 'logger.info'), f('req', 'request', 'req', 'logger.debug')],
  },
  {
    name: 'a ctx that calls ctx.get(…) is a request',
    code: "export function audit(ctx) { logger.info(ctx.get('x-real-ip')); }",
    findings: [f("ctx.get('x-real-ip')", 'ip', "ctx.get('x-real-ip')", 'logger.info')],
  },
];
export const REQUEST_BY_USE_VALID: ValidSpec[] = [
  {
    name: 'an MSAL token request named request is not an HTTP request',
    code: "export async function acquire(request) { logger.info('acquiring', request); return pca.acquireTokenSilent({ ...request, scopes: request.scopes }); }",
  },
  { name: 'a bare req logged by a helper that reads no request member', code: 'export function describe(req) { logger.info(req); }' },
  { name: 'a ctx of a state machine', code: 'export function step(ctx) { logger.info(ctx.value, ctx.done, ctx); }' },
];

// ── Next.js ──────────────────────────────────────────────────────────────
export const NEXT_JS: InvalidSpec[] = [
  {
    name: 'Next.js route handler: the first parameter of an exported GET',
    code: "export async function GET(incoming) { console.log(incoming.headers.get('x-forwarded-for')); }",
    findings: [f("incoming.headers.get('x-forwarded-for')", 'ip', "incoming.headers.get('x-forwarded-for')", 'console.log')],
  },
  {
    name: 'Next.js route handler as an exported const',
    code: "export const POST = async (r) => { console.log(r.cookies.get('session')); };",
    findings: [f("r.cookies.get('session')", 'cookie', "r.cookies.get('session')", 'console.log')],
  },
  {
    name: 'Next.js middleware: request.ip and request.geo',
    code: 'export function middleware(r) { console.log(r.ip, r.geo); }',
    findings: [f('r.ip', 'ip', 'r.ip', 'console.log'), f('r.geo', 'ip', 'r.geo', 'console.log')],
  },
  {
    name: 'Next.js server action: FormData fields by name',
    ts: true,
    code: "export async function signup(data: FormData) { console.log(data.get('email'), data.get('plan')); }",
    findings: [f("data.get('email')", 'user', "data.get('email')", 'console.log')],
  },
  {
    name: 'Next.js route handler: await request.formData()',
    code: "export async function POST(request) { const form = await request.formData(); console.log(form.get('password'), form.get('username')); }",
    findings: [f("form.get('username')", 'user', "request.formData().get('username')", 'console.log')],
  },
];
export const NEXT_JS_VALID: ValidSpec[] = [
  { name: 'an exported function that is not a route handler', code: 'export function format(r) { console.log(r.headers, r); }' },
  { name: 'a non-exported GET', code: 'function GET(r) { console.log(r.headers); }\nGET({});' },
  { name: 'FormData fields that name no person', ts: true, code: "export async function save(data: FormData) { console.log(data.get('title'), data.get('plan')); }" },
];

// ── Remix / React Router ─────────────────────────────────────────────────
export const REMIX: InvalidSpec[] = [
  {
    name: 'Remix loader: the request destructured from its argument',
    code: "export async function loader({ request }) { console.log(request.headers.get('Cookie')); }",
    findings: [f("request.headers.get('Cookie')", 'cookie', "request.headers.get('Cookie')", 'console.log')],
  },
  {
    name: 'React Router action as an exported const, whole request',
    code: 'export const action = async ({ request, params }) => { logger.info(request, params.id); };',
    findings: [f('request', 'request', 'request', 'logger.info')],
  },
  {
    name: 'Remix loader: args.request',
    code: "export async function loader(args) { logger.info(args.request.headers.get('user-agent')); }",
    findings: [f("args.request.headers.get('user-agent')", 'device', "args.request.headers.get('user-agent')", 'logger.info')],
  },
];
export const REMIX_VALID: ValidSpec[] = [
  { name: 'loader params and url are not identifiers', code: 'export async function loader({ request, params }) { console.log(params.slug, request.url); }' },
  { name: 'a local function named loader is not a route module export', code: 'function loader({ request }) { console.log(request); }\nloader({ request: 1 });' },
];

// ── SvelteKit ────────────────────────────────────────────────────────────
export const SVELTEKIT: InvalidSpec[] = [
  {
    name: 'SvelteKit +server handler: getClientAddress destructured',
    code: 'export async function GET({ getClientAddress }) { console.log(getClientAddress()); }',
    findings: [f('getClientAddress()', 'ip', 'getClientAddress()', 'console.log')],
  },
  {
    name: 'SvelteKit +server handler: event.getClientAddress() and event.cookies.get',
    code: "export const POST = async (event) => { logger.info(event.getClientAddress(), event.cookies.get('sessionid')); };",
    findings: [
      f('event.getClientAddress()', 'ip', 'event.getClientAddress()', 'logger.info'),
      f("event.cookies.get('sessionid')", 'cookie', "event.cookies.get('sessionid')", 'logger.info'),
    ],
  },
  {
    name: 'SvelteKit handle hook: event destructured, locals.user',
    code: "export const handle = async ({ event, resolve }) => { logger.info(event.locals.user); return resolve(event); };",
    findings: [f('event.locals.user', 'user', 'event.locals.user', 'logger.info')],
  },
  {
    name: 'SvelteKit handler: cookies and locals destructured',
    code: "export const PUT = async ({ cookies, locals }) => { console.log(cookies.get('sid'), locals.user.email); };",
    findings: [
      f("cookies.get('sid')", 'cookie', "cookies.get('sid')", 'console.log'),
      f('locals.user.email', 'user', 'locals.user', 'console.log'),
    ],
  },
];
SVELTEKIT.push(
  {
    name: 'SvelteKit server load: destructured getClientAddress and locals',
    code: 'export async function load({ getClientAddress, locals }) { logger.info(getClientAddress(), locals.session); return {}; }',
    findings: [
      f('getClientAddress()', 'ip', 'getClientAddress()', 'logger.info'),
      f('locals.session', 'session', 'locals.session', 'logger.info'),
    ],
  },
  {
    name: 'SvelteKit server load: the event used as one, logged whole',
    code: "export const load = async (event) => { logger.info(event); return { path: event.url.pathname }; };",
    findings: [f('event', 'request', 'event', 'logger.info')],
  },
);
export const SVELTEKIT_VALID: ValidSpec[] = [
  { name: 'an exported load that is not SvelteKit (a config loader)', code: 'export function load(file) { logger.info(file); return parse(file); }' },
  { name: 'a handle hook reading the url and the route', code: 'export const handle = async ({ event, resolve }) => { logger.info(event.url.pathname, event.route.id); return resolve(event); };' },
  { name: 'event in a non-handler function', code: 'export function onClick(event) { console.log(event.target, event.getClientAddress); }' },
];

// ── Astro ────────────────────────────────────────────────────────────────
export const ASTRO: InvalidSpec[] = [
  {
    name: 'Astro component script: Astro.clientAddress',
    code: 'console.log(Astro.clientAddress);',
    findings: [f('Astro.clientAddress', 'ip', 'Astro.clientAddress', 'console.log')],
  },
  {
    name: 'Astro component script: Astro.cookies.get and Astro.request.headers',
    code: "console.log(Astro.cookies.get('sid'), Astro.request.headers);",
    findings: [
      f("Astro.cookies.get('sid')", 'cookie', "Astro.cookies.get('sid')", 'console.log'),
      f('Astro.request.headers', 'request', 'Astro.request.headers', 'console.log'),
    ],
  },
  {
    name: 'Astro API route: clientAddress destructured',
    code: 'export const GET = ({ clientAddress, params }) => { console.log(clientAddress, params.id); return new Response(); };',
    findings: [f('clientAddress', 'ip', 'clientAddress', 'console.log')],
  },
  {
    name: 'Astro middleware: context.locals.user',
    code: 'export function onRequest(context, next) { logger.info(context.locals.user.id); return next(); }',
    findings: [f('context.locals.user.id', 'user', 'context.locals.user', 'logger.info')],
  },
];
export const ASTRO_VALID: ValidSpec[] = [
  { name: 'Astro.url and Astro.params', code: 'console.log(Astro.url.pathname, Astro.params.slug);' },
  { name: 'a local Astro object', code: "const Astro = { clientAddress: 'n/a' };\nconsole.log(Astro.clientAddress);" },
];

// ── Hono ─────────────────────────────────────────────────────────────────
export const HONO: InvalidSpec[] = [
  {
    name: 'Hono c.req.header(name)',
    code: "app.get('/', (c) => { console.log(c.req.header('x-forwarded-for')); return c.text('ok'); });",
    findings: [f("c.req.header('x-forwarded-for')", 'ip', "c.req.header('x-forwarded-for')", 'console.log')],
  },
  {
    name: 'Hono c.req.header() is every header',
    code: "app.use(async (c, next) => { logger.info(c.req.header()); await next(); });",
    findings: [f('c.req.header()', 'request', 'c.req.header()', 'logger.info')],
  },
  {
    name: 'Hono getConnInfo(c).remote.address',
    code: "import { getConnInfo } from 'hono/bun';\napp.get('/', (c) => { const info = getConnInfo(c); console.log(info.remote.address, info.remote.port); });",
    findings: [f('info.remote.address', 'ip', 'getConnInfo(c).remote.address', 'console.log')],
  },
  {
    name: 'Hono hono/cookie getCookie',
    code: "import { getCookie } from 'hono/cookie';\napp.get('/', (c) => { console.log(getCookie(c, 'sid')); });",
    findings: [f("getCookie(c, 'sid')", 'cookie', "getCookie(c, 'sid')", 'console.log')],
  },
  {
    name: "Hono c.get('jwtPayload') is the person",
    code: "app.get('/me', (c) => { const payload = c.get('jwtPayload'); logger.info(payload.sub); });",
    findings: [f('payload.sub', 'user', "c.get('jwtPayload')", 'logger.info')],
  },
  {
    name: 'Hono createMiddleware',
    code: "import { createMiddleware } from 'hono/factory';\nexport const audit = createMiddleware(async (c, next) => { logger.info(c.req.raw.headers); await next(); });",
    findings: [f('c.req.raw.headers', 'request', 'c.req.raw.headers', 'logger.info')],
  },
];
export const HONO_VALID: ValidSpec[] = [
  { name: 'c that is not a Hono context', code: 'export function paint(c) { console.log(c.req, c.get("fill")); }' },
  { name: 'getConnInfo port only', code: "import { getConnInfo } from 'hono/bun';\napp.get('/', (c) => { console.log(getConnInfo(c).remote.port); });" },
  { name: 'a getCookie that is not Hono', code: "import { getCookie } from './cookies';\nconsole.log(getCookie.name);" },
];

// ── h3 / Nuxt / Nitro ────────────────────────────────────────────────────
export const H3: InvalidSpec[] = [
  {
    name: 'h3 getRequestIP imported',
    code: "import { defineEventHandler, getRequestIP } from 'h3';\nexport default defineEventHandler((event) => { console.log(getRequestIP(event, { xForwardedFor: true })); });",
    findings: [f('getRequestIP(event, { xForwardedFor: true })', 'ip', 'getRequestIP(event, { xForwardedFor: true })', 'console.log')],
  },
  {
    name: 'Nuxt server route: auto-imported getCookie and getHeader',
    code: "export default defineEventHandler((event) => { logger.info(getCookie(event, 'sid'), getHeader(event, 'user-agent'), getHeader(event, 'accept')); });",
    findings: [
      f("getCookie(event, 'sid')", 'cookie', "getCookie(event, 'sid')", 'logger.info'),
      f("getHeader(event, 'user-agent')", 'device', "getHeader(event, 'user-agent')", 'logger.info'),
    ],
  },
  {
    name: 'Nitro: getRequestHeaders and its authorization',
    code: "import { eventHandler, getRequestHeaders } from 'h3';\nexport default eventHandler((event) => { const headers = getRequestHeaders(event); logger.info(headers.authorization); logger.debug(headers); });",
    findings: [
      f('headers.authorization', 'token', 'getRequestHeaders(event).authorization', 'logger.info'),
      f('headers', 'request', 'getRequestHeaders(event)', 'logger.debug'),
    ],
  },
  {
    name: 'h3 readBody: fields judged by their names',
    code: "import { readBody } from 'h3';\nexport default defineEventHandler(async (event) => { const body = await readBody(event); logger.info(body.email); });",
    findings: [f('body.email', 'user', 'readBody(event).email', 'logger.info')],
  },
  {
    name: 'h3 event.node.req',
    code: "export default defineEventHandler((event) => { logger.info(event.node.req.socket.remoteAddress); });",
    findings: [f('event.node.req.socket.remoteAddress', 'ip', 'event.node.req.socket.remoteAddress', 'logger.info')],
  },
];
export const H3_VALID: ValidSpec[] = [
  { name: 'an undeclared getCookie called outside a handler', code: "export function read(row) { console.log(getHeader(row, 'user-agent')); }" },
  { name: 'h3 readBody fields that name no person', code: "import { readBody } from 'h3';\nexport default defineEventHandler(async (event) => { const body = await readBody(event); logger.info(body.title); });" },
];

// ── Cloudflare Workers ───────────────────────────────────────────────────
export const CLOUDFLARE: InvalidSpec[] = [
  {
    name: 'Cloudflare Worker fetch: CF-Connecting-IP and request.cf',
    code: "export default { async fetch(r, env, ctx) { console.log(r.headers.get('CF-Connecting-IP'), r.cf.city); return new Response('ok'); } };",
    findings: [
      f("r.headers.get('CF-Connecting-IP')", 'ip', "r.headers.get('CF-Connecting-IP')", 'console.log'),
      f('r.cf.city', 'ip', 'r.cf', 'console.log'),
    ],
  },
];
export const CLOUDFLARE_VALID: ValidSpec[] = [
  { name: 'a fetch option of an HTTP client is not a handler', code: 'const client = createClient({ fetch: (input) => { console.log(input.headers); return fetch(input); } });' },
  { name: 'a Worker reading its env and the url', code: 'export default { async fetch(r, env) { console.log(r.url, env.API_HOST); return new Response(); } };' },
];

// ── Deno and Bun ─────────────────────────────────────────────────────────
export const DENO: InvalidSpec[] = [
  {
    name: 'Deno.serve handler: info.remoteAddr',
    code: "Deno.serve((r, info) => { console.log(info.remoteAddr.hostname, r.headers.get('user-agent')); return new Response(); });",
    findings: [
      f('info.remoteAddr.hostname', 'ip', 'info.remoteAddr', 'console.log'),
      f("r.headers.get('user-agent')", 'device', "r.headers.get('user-agent')", 'console.log'),
    ],
  },
  {
    name: 'Deno.serve with options and a destructured info',
    code: 'Deno.serve({ port: 8000 }, (r, { remoteAddr }) => { console.log(remoteAddr); return new Response(); });',
    findings: [f('remoteAddr', 'ip', 'remoteAddr', 'console.log')],
  },
];
export const DENO_VALID: ValidSpec[] = [
  { name: 'Deno info.completed', code: 'Deno.serve((r, info) => { info.completed.then(() => console.log(r.method)); return new Response(); });' },
];
export const BUN: InvalidSpec[] = [
  {
    name: 'Bun.serve fetch: server.requestIP(req)',
    code: 'Bun.serve({ fetch(r, server) { console.log(server.requestIP(r)); return new Response(); } });',
    findings: [f('server.requestIP(r)', 'ip', 'server.requestIP(r)', 'console.log')],
  },
];
export const BUN_VALID: ValidSpec[] = [
  { name: 'Bun server port', code: 'Bun.serve({ fetch(r, server) { console.log(server.port, r.url); return new Response(); } });' },
];

// ── socket.io ────────────────────────────────────────────────────────────
export const SOCKET_IO: InvalidSpec[] = [
  {
    name: 'socket.io handshake address, headers and auth',
    code: "import { Server } from 'socket.io';\nconst io = new Server(3000);\nio.on('connection', (s) => { logger.info(s.handshake.address, s.handshake.headers, s.handshake.auth.token); });",
    findings: [
      f('s.handshake.address', 'ip', 's.handshake.address', 'logger.info'),
      f('s.handshake.headers', 'request', 's.handshake.headers', 'logger.info'),
      f('s.handshake.auth.token', 'token', 's.handshake.auth', 'logger.info'),
    ],
  },
  {
    name: 'socket.io conn.remoteAddress on a namespace',
    code: "const io = require('socket.io')(server);\nio.of('/chat').on('connection', (s) => { logger.info(s.conn.remoteAddress); });",
    findings: [f('s.conn.remoteAddress', 'ip', 's.conn.remoteAddress', 'logger.info')],
  },
  {
    name: 'a socket read through its handshake, wherever the server was made',
    code: "export function onConnect(socket) { logger.info(socket.handshake.headers['user-agent']); }",
    findings: [f("socket.handshake.headers['user-agent']", 'device', "socket.handshake.headers['user-agent']", 'logger.info')],
  },
];
export const SOCKET_IO_VALID: ValidSpec[] = [
  { name: 'a net server socket', code: "import net from 'node:net';\nnet.createServer().on('connection', (s) => { logger.info(s.bytesRead, s); });" },
  { name: 'a socket.io socket id and rooms', code: "import { Server } from 'socket.io';\nconst io = new Server();\nio.on('connection', (s) => { logger.info(s.id, s.rooms); });" },
];

// ── ws ───────────────────────────────────────────────────────────────────
export const WS: InvalidSpec[] = [
  {
    name: 'ws connection: the upgrade request',
    code: "import { WebSocketServer } from 'ws';\nconst wss = new WebSocketServer({ port: 8080 });\nwss.on('connection', (sock, upgrade) => { logger.info(upgrade.socket.remoteAddress, upgrade.headers['sec-websocket-key']); });",
    findings: [f('upgrade.socket.remoteAddress', 'ip', 'upgrade.socket.remoteAddress', 'logger.info')],
  },
  {
    name: "http server 'upgrade' event",
    code: "server.on('upgrade', (incoming, socket, head) => { logger.info(incoming.headers.cookie); });",
    findings: [f('incoming.headers.cookie', 'cookie', 'incoming.headers.cookie', 'logger.info')],
  },
];
export const WS_VALID: ValidSpec[] = [
  { name: 'a ws message handler', code: "import { WebSocketServer } from 'ws';\nconst wss = new WebSocketServer({ port: 8080 });\nwss.on('connection', (sock) => { sock.on('message', (data) => logger.info(data.length)); });" },
];

// ── GraphQL servers ──────────────────────────────────────────────────────
export const GRAPHQL: InvalidSpec[] = [
  {
    name: 'Apollo: context from the request, read in a resolver',
    code: [
      "import { ApolloServer } from '@apollo/server';",
      "import { startStandaloneServer } from '@apollo/server/standalone';",
      'const resolvers = { Query: { me: (parent, args, { token }) => { logger.info(token); return null; } } };',
      'const server = new ApolloServer({ typeDefs, resolvers });',
      'startStandaloneServer(server, { context: async ({ req }) => ({ token: req.headers.authorization }) });',
    ].join('\n'),
    findings: [f('token', 'token', 'req.headers.authorization', 'logger.info')],
  },
  {
    name: 'Yoga: context built from request, resolver context.user',
    code: [
      "import { createYoga } from 'graphql-yoga';",
      'const yoga = createYoga({ schema, context: async ({ request }) => ({ ip: request.headers.get("x-forwarded-for") }) });',
      'export const resolvers = { Mutation: { login: (_, args, context) => { logger.info(context); } } };',
    ].join('\n'),
    findings: [f('context', 'ip', 'request.headers.get("x-forwarded-for")', 'logger.info')],
  },
  {
    name: 'Mercurius: context (request, reply)',
    code: [
      "import mercurius from 'mercurius';",
      'app.register(mercurius, { schema, resolvers, context: (request, reply) => ({ user: request.user }) });',
      'const resolvers = { Query: { me: async (_, __, { user }) => { logger.info(user.email); return user; } } };',
    ].join('\n'),
    findings: [f('user', 'user', 'request.user', 'logger.info')],
  },
];
export const GRAPHQL_VALID: ValidSpec[] = [
  {
    name: 'a resolver reading only the loaders from its context',
    code: "import { createYoga } from 'graphql-yoga';\nconst yoga = createYoga({ schema, context: () => ({ loaders: makeLoaders() }) });\nconst resolvers = { Query: { posts: (_, args, { loaders }) => { logger.info(loaders); } } };",
  },
];

// ── passport ─────────────────────────────────────────────────────────────
export const PASSPORT: InvalidSpec[] = [
  {
    name: 'passport OAuth verify: profile.emails[0].value, profile, accessToken',
    code: "passport.use(new GoogleStrategy(opts, (accessToken, refreshToken, profile, done) => { logger.info(profile.emails[0].value); logger.debug(profile, accessToken); done(null, profile); }));",
    findings: [
      f('profile.emails[0].value', 'user', 'profile', 'logger.info'),
      f('profile', 'user', 'profile', 'logger.debug'),
      f('accessToken', 'token', 'accessToken', 'logger.debug'),
    ],
  },
  {
    name: 'passport-jwt verify: jwt_payload',
    code: "passport.use(new JwtStrategy(opts, (jwt_payload, done) => { logger.info(jwt_payload.sub); done(null, false); }));",
    findings: [f('jwt_payload.sub', 'user', 'jwt_payload', 'logger.info')],
  },
];
export const PASSPORT_VALID: ValidSpec[] = [
  { name: 'a performance profile', code: 'export function report(profile) { logger.info(profile.duration, profile.samples); }' },
  { name: 'profile.provider in a verify callback', code: "passport.use(new GitHubStrategy(opts, (accessToken, refreshToken, profile, done) => { logger.info(profile.provider); done(null, profile); }));" },
];

// ── express-basic-auth, remote user ──────────────────────────────────────
export const BASIC_AUTH: InvalidSpec[] = [
  {
    name: 'express-basic-auth req.auth.user',
    code: "app.use(basicAuth({ users }));\napp.get('/admin', (req, res) => { logger.info(`admin ${req.auth.user}`); });",
    findings: [f('req.auth.user', 'user', 'req.auth.user', 'logger.info')],
  },
  {
    name: 'req.remote_user and req.remoteUser',
    code: "app.use((req, res, next) => { logger.info(req.remote_user, req.remoteUser); next(); });",
    findings: [f('req.remote_user', 'user', 'req.remote_user', 'logger.info'), f('req.remoteUser', 'user', 'req.remoteUser', 'logger.info')],
  },
];
export const BASIC_AUTH_VALID: ValidSpec[] = [
  { name: 'req.auth.realm is no person', code: "app.get('/admin', (req, res) => { logger.info(req.auth.realm); });" },
];

// ── JWT payloads ─────────────────────────────────────────────────────────
export const JWT: InvalidSpec[] = [
  {
    name: 'jsonwebtoken verify: the payload',
    code: "import jwt from 'jsonwebtoken';\nexport function check(t) { const claims = jwt.verify(t, key); logger.info(claims.email, claims.exp); }",
    findings: [f('claims.email', 'user', 'jwt.verify(t, key)', 'logger.info')],
  },
  {
    name: 'jsonwebtoken decode, named import, whole payload',
    code: "import { decode } from 'jsonwebtoken';\nexport function peek(t) { logger.debug(decode(t)); }",
    findings: [f('decode(t)', 'user', 'decode(t)', 'logger.debug')],
  },
  {
    name: 'jose jwtVerify(…).payload',
    code: "import { jwtVerify } from 'jose';\nexport async function check(t) { const { payload, protectedHeader } = await jwtVerify(t, key); logger.info(payload.sub, protectedHeader.alg); }",
    findings: [f('payload.sub', 'user', 'jwtVerify(t, key).payload', 'logger.info')],
  },
];
export const JWT_VALID: ValidSpec[] = [
  { name: 'jsonwebtoken sign result is the token judged by name only', code: "import jwt from 'jsonwebtoken';\nexport function mint(claims) { const signed = jwt.sign(claims, key); logger.info(signed.length); }" },
  { name: 'jose protectedHeader', code: "import { jwtVerify } from 'jose';\nexport async function check(t) { const { protectedHeader } = await jwtVerify(t, key); logger.info(protectedHeader); }" },
];

// ── person records ───────────────────────────────────────────────────────
export const PERSON_RECORDS: InvalidSpec[] = [
  {
    name: 'JSON.stringify(user)',
    code: 'export function audit(user) { logger.info(JSON.stringify(user)); }',
    findings: [f('user', 'user', 'user', 'logger.info')],
  },
  {
    name: '{ ...customer } spread into a log record',
    code: "export function audit(customer) { logger.info({ ...customer, event: 'signup' }); }",
    findings: [f('customer', 'user', 'customer', 'logger.info')],
  },
  {
    name: 'Prisma findUnique on the users table',
    code: "import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\nexport async function show(id) { const found = await prisma.user.findUnique({ where: { id } }); logger.info(found); }",
    findings: [f('found', 'user', 'prisma.user.findUnique({ where: { id } })', 'logger.info')],
  },
  {
    name: 'Mongoose User.findOne through an imported model',
    code: "import User from './models/user';\nexport async function show(id) { logger.info(await User.findOne({ _id: id })); }",
    findings: [f('User.findOne({ _id: id })', 'user', 'User.findOne({ _id: id })', 'logger.info')],
  },
  {
    name: 'TypeORM repository read, one field that names the person',
    code: 'export async function show(ds, id) { const row = await ds.getRepository(Account).findOneBy({ id }); logger.info(row.email, row.createdAt); }',
    findings: [f('row.email', 'user', 'ds.getRepository(Account).findOneBy({ id })', 'logger.info')],
  },
];
export const PERSON_RECORDS_VALID: ValidSpec[] = [
  { name: 'fields that name no person', code: 'export function audit(user, account) { logger.info(user.createdAt, user.role, account.plan); }' },
  { name: 'a user object that is configuration', code: "const user = { role: 'admin', theme: 'dark' };\nlogger.info(user);" },
  { name: 'a DB model class', code: "import User from './models/user';\nlogger.info(User, UserModel);" },
  { name: 'an ORM read of another table', code: "export async function show(prisma) { logger.info(await prisma.order.findUnique({ where: { id: 1 } })); }" },
  { name: 'a user id count', code: 'export function audit(userCount, accountPlan) { logger.info(userCount, accountPlan); }' },
];

export const FRAMEWORK_INVALID: readonly InvalidSpec[] = [
  ...REQUEST_BY_USE, ...NEXT_JS, ...REMIX, ...SVELTEKIT, ...ASTRO, ...HONO, ...H3, ...CLOUDFLARE, ...DENO, ...BUN,
  ...SOCKET_IO, ...WS, ...GRAPHQL, ...PASSPORT, ...BASIC_AUTH, ...JWT, ...PERSON_RECORDS,
];
export const FRAMEWORK_VALID: readonly ValidSpec[] = [
  ...REQUEST_BY_USE_VALID, ...NEXT_JS_VALID, ...REMIX_VALID, ...SVELTEKIT_VALID, ...ASTRO_VALID, ...HONO_VALID, ...H3_VALID,
  ...CLOUDFLARE_VALID, ...DENO_VALID, ...BUN_VALID, ...SOCKET_IO_VALID, ...WS_VALID, ...GRAPHQL_VALID, ...PASSPORT_VALID,
  ...BASIC_AUTH_VALID, ...JWT_VALID, ...PERSON_RECORDS_VALID,
];
