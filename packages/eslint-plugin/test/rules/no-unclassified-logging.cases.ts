import type { Kind } from '../../src/catalog';
import type { Expect, InvalidSpec, ValidSpec } from './helpers';
import {
  CONFIGURED, CONFIGURED_VALID, FLOWS, FLOWS_VALID, LABELS, LABELS_VALID, NOISE, NOISE_VALID, SINKS, SINKS_VALID,
} from './no-unclassified-logging.real-code.cases';
import { FRAMEWORK_INVALID, FRAMEWORK_VALID } from './no-unclassified-logging.frameworks.cases';

function f(at: string, kind: Kind, origin: string, sink: string, extra: Partial<Expect> = {}): Expect {
  return { at, kind, origin, sink, ...extra };
}

/** `app.get('/', (req, res) => { BODY });` */
function route(body: string): string {
  return `app.get('/', (req, res) => { ${body} });`;
}

// ── sources: Express / Node http ─────────────────────────────────────────
const express: InvalidSpec[] = [
  { name: 'express req.ip', code: route('logger.info(req.ip);'), findings: [f('req.ip', 'ip', 'req.ip', 'logger.info')] },
  { name: 'express req.ips element', code: route('logger.info(req.ips[0]);'), findings: [f('req.ips[0]', 'ip', 'req.ips', 'logger.info')] },
  {
    name: 'socket.remoteAddress',
    code: route('logger.info(req.socket.remoteAddress);'),
    findings: [f('req.socket.remoteAddress', 'ip', 'req.socket.remoteAddress', 'logger.info')],
  },
  {
    name: 'connection.remoteAddress',
    code: route('console.log(req.connection.remoteAddress);'),
    findings: [f('req.connection.remoteAddress', 'ip', 'req.connection.remoteAddress', 'console.log')],
  },
  {
    name: 'x-forwarded-for header by index',
    code: route("logger.warn(req.headers['x-forwarded-for']);"),
    findings: [f("req.headers['x-forwarded-for']", 'ip', "req.headers['x-forwarded-for']", 'logger.warn')],
  },
  {
    name: 'X-Real-IP header in another letter case',
    code: route("logger.warn(req.headers['X-Real-IP']);"),
    findings: [f("req.headers['X-Real-IP']", 'ip', "req.headers['X-Real-IP']", 'logger.warn')],
  },
  {
    name: 'cf-connecting-ip through req.get',
    code: route("logger.info(req.get('CF-Connecting-IP'));"),
    findings: [f("req.get('CF-Connecting-IP')", 'ip', "req.get('CF-Connecting-IP')", 'logger.info')],
  },
  {
    name: 'true-client-ip through req.header',
    code: route("logger.info(req.header('true-client-ip'));"),
    findings: [f("req.header('true-client-ip')", 'ip', "req.header('true-client-ip')", 'logger.info')],
  },
  {
    name: 'forwarded header',
    code: route('logger.info(req.headers.forwarded);'),
    findings: [f('req.headers.forwarded', 'ip', 'req.headers.forwarded', 'logger.info')],
  },
  {
    name: 'cookie header',
    code: route('logger.info(req.headers.cookie);'),
    findings: [f('req.headers.cookie', 'cookie', 'req.headers.cookie', 'logger.info')],
  },
  {
    name: 'set-cookie header',
    code: route("logger.info(req.headers['set-cookie']);"),
    findings: [f("req.headers['set-cookie']", 'cookie', "req.headers['set-cookie']", 'logger.info')],
  },
  {
    name: 'authorization header',
    code: route('logger.info(req.headers.authorization);'),
    findings: [f('req.headers.authorization', 'token', 'req.headers.authorization', 'logger.info')],
  },
  {
    name: 'Proxy-Authorization header via get',
    code: route("logger.info(req.get('Proxy-Authorization'));"),
    findings: [f("req.get('Proxy-Authorization')", 'token', "req.get('Proxy-Authorization')", 'logger.info')],
  },
  {
    name: 'x-api-key header',
    code: route("logger.info(req.headers['x-api-key']);"),
    findings: [f("req.headers['x-api-key']", 'token', "req.headers['x-api-key']", 'logger.info')],
  },
  {
    name: 'user-agent header',
    code: route("logger.info(req.get('User-Agent'));"),
    findings: [f("req.get('User-Agent')", 'device', "req.get('User-Agent')", 'logger.info')],
  },
  {
    name: 'client hint header sec-ch-ua-platform',
    code: route("logger.info(req.headers['sec-ch-ua-platform']);"),
    findings: [f("req.headers['sec-ch-ua-platform']", 'device', "req.headers['sec-ch-ua-platform']", 'logger.info')],
  },
  { name: 'req.cookies', code: route('logger.info(req.cookies);'), findings: [f('req.cookies', 'cookie', 'req.cookies', 'logger.info')] },
  {
    name: 'one signed cookie',
    code: route('logger.info(req.signedCookies.sid);'),
    findings: [f('req.signedCookies.sid', 'cookie', 'req.signedCookies', 'logger.info')],
  },
  { name: 'req.sessionID', code: route('logger.info(req.sessionID);'), findings: [f('req.sessionID', 'session', 'req.sessionID', 'logger.info')] },
  { name: 'req.session.id', code: route('logger.info(req.session.id);'), findings: [f('req.session.id', 'session', 'req.session.id', 'logger.info')] },
  { name: 'req.session object', code: route('logger.info(req.session);'), findings: [f('req.session', 'session', 'req.session', 'logger.info')] },
  { name: 'req.user', code: route('logger.info(req.user);'), findings: [f('req.user', 'user', 'req.user', 'logger.info')] },
  { name: 'req.user.id', code: route('logger.info(req.user.id);'), findings: [f('req.user.id', 'user', 'req.user', 'logger.info')] },
  { name: 'req.user.email', code: route('logger.info(req.user.email);'), findings: [f('req.user.email', 'user', 'req.user', 'logger.info')] },
  { name: 'whole req', code: route('logger.info(req);'), findings: [f('req', 'request', 'req', 'logger.info')] },
  { name: 'whole headers', code: route('logger.info(req.headers);'), findings: [f('req.headers', 'request', 'req.headers', 'logger.info')] },
  {
    name: 'node http createServer handler with another parameter name',
    code: "http.createServer((incoming, res) => { console.log(incoming.headers); });",
    findings: [f('incoming.headers', 'request', 'incoming.headers', 'console.log')],
  },
  {
    name: 'express error middleware: request is the second parameter',
    code: "app.use((err, r, res, next) => { logger.error(err.message, r.user); });",
    findings: [f('r.user', 'user', 'r.user', 'logger.error')],
  },
  {
    name: 'named handler registered by reference',
    code: "function onHealth(r, res) { logger.info(r.sessionID, r.state); }\napp.get('/health', onHealth);",
    findings: [f('r.sessionID', 'session', 'r.sessionID', 'logger.info'), f('r.state', 'cookie', 'r.state', 'logger.info')],
  },
  {
    name: 'chained route handlers',
    code: "app.route('/book').get((r, res) => { logger.info(r.user); });",
    findings: [f('r.user', 'user', 'r.user', 'logger.info')],
  },
  {
    name: 'a handler after other middleware',
    code: "router.post('/login', limiter, (r, res) => { logger.info(r.headers); });",
    findings: [f('r.headers', 'request', 'r.headers', 'logger.info')],
  },
  {
    name: 'server.on request listener',
    code: "server.on('request', (incoming) => { logger.info(incoming.headers['user-agent']); });",
    findings: [f("incoming.headers['user-agent']", 'device', "incoming.headers['user-agent']", 'logger.info')],
  },
];

// ── sources: Koa, Fastify, hapi, NestJS, Next.js, Lambda, request-ip ─────
const frameworks: InvalidSpec[] = [
  { name: 'koa ctx.ip', code: 'app.use(async (ctx, next) => { ctx.log.info(ctx.ip); });', findings: [f('ctx.ip', 'ip', 'ctx.ip', 'ctx.log.info')] },
  { name: 'koa ctx.ips', code: 'app.use(async (ctx) => { logger.info(ctx.ips); });', findings: [f('ctx.ips', 'ip', 'ctx.ips', 'logger.info')] },
  {
    name: 'koa ctx.request.ip',
    code: 'app.use(async (ctx) => { logger.info(ctx.request.ip); });',
    findings: [f('ctx.request.ip', 'ip', 'ctx.request.ip', 'logger.info')],
  },
  {
    name: 'koa ctx.request.headers',
    code: "app.use(async (ctx) => { logger.info(ctx.request.headers['user-agent']); });",
    findings: [f("ctx.request.headers['user-agent']", 'device', "ctx.request.headers['user-agent']", 'logger.info')],
  },
  {
    name: 'koa ctx.cookies.get',
    code: "app.use(async (ctx) => { logger.info(ctx.cookies.get('sid')); });",
    findings: [f("ctx.cookies.get('sid')", 'cookie', "ctx.cookies.get('sid')", 'logger.info')],
  },
  {
    name: 'fastify request.ip through request.log',
    code: "fastify.get('/', async (request, reply) => { request.log.info({ ip: request.ip }); });",
    findings: [f('request.ip', 'ip', 'request.ip', 'request.log.info')],
  },
  {
    name: 'fastify request.ips',
    code: "fastify.get('/', async (request) => { fastify.log.warn(request.ips); });",
    findings: [f('request.ips', 'ip', 'request.ips', 'fastify.log.warn')],
  },
  {
    name: 'fastify request.headers',
    code: "fastify.get('/', async (request) => { fastify.log.info(request.headers); });",
    findings: [f('request.headers', 'request', 'request.headers', 'fastify.log.info')],
  },
  {
    name: 'fastify hook',
    code: "fastify.addHook('onRequest', async (q, reply) => { logger.info(q.headers); });",
    findings: [f('q.headers', 'request', 'q.headers', 'logger.info')],
  },
  {
    name: 'hapi request.info.remoteAddress',
    code: "server.route({ method: 'GET', path: '/', handler: (r, h) => { console.log(r.info.remoteAddress); } });",
    findings: [f('r.info.remoteAddress', 'ip', 'r.info.remoteAddress', 'console.log')],
  },
  {
    name: 'hapi request.state',
    code: "server.route({ method: 'GET', path: '/', handler: (request, h) => { console.log(request.state.session); } });",
    findings: [f('request.state.session', 'cookie', 'request.state', 'console.log')],
  },
  {
    name: 'nest @Ip()',
    ts: true,
    code: "import { Controller, Get, Ip, Logger } from '@nestjs/common';\nclass C { private readonly logger = new Logger('C'); @Get() find(@Ip() ip: string) { this.logger.log(ip); } }",
    findings: [f('ip', 'ip', 'ip', 'this.logger.log')],
  },
  {
    name: "nest @Headers('user-agent') to static Logger",
    ts: true,
    code: "import { Get, Headers, Logger } from '@nestjs/common';\nclass C { @Get() find(@Headers('user-agent') ua: string) { Logger.warn(ua); } }",
    findings: [f('ua', 'device', 'ua', 'Logger.warn')],
  },
  {
    name: 'nest @Headers() is all headers',
    ts: true,
    code: "import { Get, Headers, Logger } from '@nestjs/common';\nclass C { @Get() find(@Headers() all: Record<string, string>) { Logger.log(all); } }",
    findings: [f('all', 'request', 'all', 'Logger.log')],
  },
  {
    name: 'nest @Req()',
    ts: true,
    code: "import { Get, Req, Logger } from '@nestjs/common';\nclass C { private logger = new Logger('C'); @Get() find(@Req() r: any) { this.logger.debug(r.user); } }",
    findings: [f('r.user', 'user', 'r.user', 'this.logger.debug')],
  },
  {
    name: 'nest @Session()',
    ts: true,
    code: "import { Get, Session, Logger } from '@nestjs/common';\nclass C { private logger = new Logger('C'); @Get() find(@Session() sess: any) { this.logger.error(sess); } }",
    findings: [f('sess', 'session', 'sess', 'this.logger.error')],
  },
  {
    name: 'next.js cookies() awaited',
    code: "import { cookies } from 'next/headers';\nexport async function GET() { const jar = await cookies(); console.log(jar.get('sid')); }",
    findings: [f("jar.get('sid')", 'cookie', 'cookies()', 'console.log')],
  },
  {
    name: 'next.js cookies() not awaited',
    code: "import { cookies } from 'next/headers';\nexport function GET() { console.log(cookies().get('cart')); }",
    findings: [f("cookies().get('cart')", 'cookie', 'cookies()', 'console.log')],
  },
  {
    name: 'next.js headers().get',
    code: "import { headers } from 'next/headers';\nexport async function GET() { console.log((await headers()).get('x-forwarded-for')); }",
    findings: [f("(await headers()).get('x-forwarded-for')", 'ip', "(await headers()).get('x-forwarded-for')", 'console.log')],
  },
  {
    name: 'lambda handler by export: headers of its event',
    code: 'export const handler = async (e) => { console.log(e.headers); };',
    findings: [f('e.headers', 'request', 'e.headers', 'console.log')],
  },
  {
    name: 'lambda authorizer claims',
    code: 'export async function handler(e) { console.log(e.requestContext.authorizer.claims); }',
    findings: [f('e.requestContext.authorizer.claims', 'user', 'e.requestContext.authorizer', 'console.log')],
  },
  {
    name: 'lambda event.requestContext.identity.sourceIp',
    code: 'export const handler = async (e) => { console.log(e.requestContext.identity.sourceIp); };',
    findings: [f('e.requestContext.identity.sourceIp', 'ip', 'e.requestContext.identity.sourceIp', 'console.log')],
  },
  {
    name: 'lambda identity.userAgent',
    commonjs: true,
    code: 'exports.handler = async (evt) => { console.log(evt.requestContext.identity.userAgent); };',
    findings: [f('evt.requestContext.identity.userAgent', 'device', 'evt.requestContext.identity.userAgent', 'console.log')],
  },
  {
    name: 'lambda http API sourceIp',
    code: 'async function run(event) { console.info(event.requestContext.http.sourceIp); }',
    findings: [f('event.requestContext.http.sourceIp', 'ip', 'event.requestContext.http.sourceIp', 'console.info')],
  },
  {
    name: 'lambda event.headers',
    code: 'async function run(event) { console.info(event.headers); }',
    findings: [f('event.headers', 'request', 'event.headers', 'console.info')],
  },
  {
    name: 'request-ip getClientIp named import',
    code: "import { getClientIp } from 'request-ip';\nfunction h(req) { logger.info(getClientIp(req)); }",
    findings: [f('getClientIp(req)', 'ip', 'getClientIp(req)', 'logger.info')],
  },
  {
    name: 'request-ip default import',
    code: "import requestIp from 'request-ip';\nfunction h(q) { logger.info(requestIp.getClientIp(q)); }",
    findings: [f('requestIp.getClientIp(q)', 'ip', 'requestIp.getClientIp(q)', 'logger.info')],
  },
  {
    name: 'request-ip through require',
    code: "const { getClientIp } = require('request-ip');\nfunction h(q) { const ip = getClientIp(q); logger.info(`client ${ip}`); }",
    findings: [f('ip', 'ip', 'getClientIp(q)', 'logger.info')],
  },
];

// ── request-like by declared type (syntax: the annotation and its import) ─
const declared: InvalidSpec[] = [
  {
    name: 'parameter typed FastifyRequest',
    ts: true,
    code: "import type { FastifyRequest } from 'fastify';\nexport function audit(r: FastifyRequest) { logger.info(r.headers); }",
    findings: [f('r.headers', 'request', 'r.headers', 'logger.info')],
  },
  {
    name: 'parameter typed express.Request',
    ts: true,
    code: "import express from 'express';\nexport function audit(r: express.Request) { logger.info(r.cookies); }",
    findings: [f('r.cookies', 'cookie', 'r.cookies', 'logger.info')],
  },
  {
    name: 'parameter typed http.IncomingMessage',
    ts: true,
    code: "import * as http from 'node:http';\nexport function audit(m: http.IncomingMessage) { logger.info(m.socket.remoteAddress); }",
    findings: [f('m.socket.remoteAddress', 'ip', 'm.socket.remoteAddress', 'logger.info')],
  },
  {
    name: 'parameter typed Koa Context',
    ts: true,
    code: "import type { Context } from 'koa';\nexport function audit(c: Context) { logger.info(c.cookies.get('sid')); }",
    findings: [f("c.cookies.get('sid')", 'cookie', "c.cookies.get('sid')", 'logger.info')],
  },
  {
    name: 'Fetch API request headers.get (Next.js route handler)',
    ts: true,
    code: "export async function POST(incoming: Request) { console.log(incoming.headers.get('authorization')); }",
    findings: [f("incoming.headers.get('authorization')", 'token', "incoming.headers.get('authorization')", 'console.log')],
  },
  {
    name: 'Next.js request.cookies.get',
    code: 'export async function GET(request) { console.log(request.cookies.get(\'sid\')); }',
    findings: [f("request.cookies.get('sid')", 'cookie', "request.cookies.get('sid')", 'console.log')],
  },
  {
    name: 'Koa ctx.get header lookup',
    code: "app.use(async (ctx) => { logger.info(ctx.get('X-Forwarded-For')); });",
    findings: [f("ctx.get('X-Forwarded-For')", 'ip', "ctx.get('X-Forwarded-For')", 'logger.info')],
  },
];

// ── sources: browser ─────────────────────────────────────────────────────
const browser: InvalidSpec[] = [
  { name: 'document.cookie', code: 'console.log(document.cookie);', findings: [f('document.cookie', 'cookie', 'document.cookie', 'console.log')] },
  {
    name: 'localStorage.getItem',
    code: "console.log(localStorage.getItem('visitor'));",
    findings: [f("localStorage.getItem('visitor')", 'storage', 'localStorage', 'console.log')],
  },
  {
    name: 'sessionStorage property read',
    code: 'console.log(sessionStorage.cart);',
    findings: [f('sessionStorage.cart', 'storage', 'sessionStorage', 'console.log')],
  },
  {
    name: 'window.localStorage index read',
    code: "console.debug(window.localStorage['prefs']);",
    findings: [f("window.localStorage['prefs']", 'storage', 'window.localStorage', 'console.debug')],
  },
  { name: 'navigator.userAgent', code: 'console.log(navigator.userAgent);', findings: [f('navigator.userAgent', 'device', 'navigator.userAgent', 'console.log')] },
  {
    name: 'navigator.userAgentData',
    code: 'console.log(navigator.userAgentData.brands);',
    findings: [f('navigator.userAgentData.brands', 'device', 'navigator.userAgentData', 'console.log')],
  },
  {
    name: 'window.navigator.platform',
    code: 'console.log(window.navigator.platform);',
    findings: [f('window.navigator.platform', 'device', 'window.navigator.platform', 'console.log')],
  },
  {
    name: 'navigator.hardwareConcurrency',
    code: 'console.log(`cores ${navigator.hardwareConcurrency}`);',
    findings: [f('navigator.hardwareConcurrency', 'device', 'navigator.hardwareConcurrency', 'console.log')],
  },
  {
    name: 'js-cookie Cookies.get',
    code: "import Cookies from 'js-cookie';\nconsole.log(Cookies.get('sid'));",
    findings: [f("Cookies.get('sid')", 'cookie', "Cookies.get('sid')", 'console.log')],
  },
  {
    name: 'js-cookie all cookies',
    code: "import Cookies from 'js-cookie';\nconsole.log(Cookies.get());",
    findings: [f('Cookies.get()', 'cookie', 'Cookies.get()', 'console.log')],
  },
];

// ── sources: names ───────────────────────────────────────────────────────
const NAMES: [string, Kind][] = [
  ['clientIp', 'ip'], ['ip_address', 'ip'], ['remoteAddr', 'ip'], ['accessToken', 'token'], ['refresh_token', 'token'],
  ['jwt', 'token'], ['apiKey', 'token'], ['sessionId', 'session'], ['sid', 'session'], ['userId', 'user'],
  ['username', 'user'], ['email', 'user'], ['userAgent', 'device'], ['deviceId', 'device'], ['fingerprint', 'device'],
  ['visitorId', 'device'], ['x_forwarded_for', 'ip'], ['csrfToken', 'token'],
];
const names: InvalidSpec[] = NAMES.map(([name, kind]) => ({
  name: `name ${name}`,
  code: `export function audit(${name}) { logger.info('seen', ${name}); }`,
  findings: [f(name, kind, name, 'logger.info')],
}));
names.push(
  {
    name: 'property name on an unknown object',
    code: 'export function audit(account) { logger.info(account.email); }',
    findings: [f('account.email', 'user', 'account.email', 'logger.info')],
  },
  {
    name: 'object and property names together: user.id',
    code: 'export function audit(user) { logger.info(`user ${user.id}`); }',
    findings: [f('user.id', 'user', 'user.id', 'logger.info')],
  },
  {
    name: 'object and property names together: this.visitor.id',
    code: 'class A { m() { logger.info(this.visitor.id); } }',
    findings: [f('this.visitor.id', 'device', 'this.visitor.id', 'logger.info')],
  },
  {
    name: 'a property of a value known by its name',
    code: 'export function audit(accessToken) { logger.info(accessToken.value); }',
    findings: [f('accessToken', 'token', 'accessToken', 'logger.info')],
  },
  {
    name: 'object key names an opaque value',
    code: 'logger.info({ userId: lookup() });',
    findings: [f('lookup()', 'user', 'userId', 'logger.info')],
  },
  {
    name: 'function result named by the callee',
    code: 'logger.info(getUserId());',
    findings: [f('getUserId()', 'user', 'getUserId()', 'logger.info')],
  },
  {
    name: 'request body field named email',
    code: route('logger.info(req.body.email);'),
    findings: [f('req.body.email', 'user', 'req.body.email', 'logger.info')],
  },
  {
    name: 'kebab-case custom header named like a user id',
    code: route("logger.info(req.headers['x-user-id']);"),
    findings: [f("req.headers['x-user-id']", 'user', "req.headers['x-user-id']", 'logger.info')],
  },
  {
    name: 'imported value named like a token',
    code: "import { apiKey } from './config';\nlogger.debug(apiKey);",
    findings: [f('apiKey', 'token', 'apiKey', 'logger.debug')],
  },
);

// ── sinks ────────────────────────────────────────────────────────────────
const sinks: InvalidSpec[] = [
  ...['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table'].map((method) => ({
    name: `console.${method}`,
    code: route(`console.${method}(req.ip);`),
    findings: [f('req.ip', 'ip' as Kind, 'req.ip', `console.${method}`)],
  })),
  {
    name: 'console.assert prints what follows the test',
    code: route('console.assert(ok, req.ip);'),
    findings: [f('req.ip', 'ip', 'req.ip', 'console.assert')],
  },
  ...['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silly', 'verbose', 'http'].map((method) => ({
    name: `logger.${method}`,
    code: route(`logger.${method}('client', req.ip);`),
    findings: [f('req.ip', 'ip' as Kind, 'req.ip', `logger.${method}`)],
  })),
  { name: 'log receiver', code: route('log.info(req.ip);'), findings: [f('req.ip', 'ip', 'req.ip', 'log.info')] },
  { name: 'this.logger receiver', code: route('this.logger.warn(req.ip);'), findings: [f('req.ip', 'ip', 'req.ip', 'this.logger.warn')] },
  { name: '*Logger receiver', code: route('auditLogger.info(req.ip);'), findings: [f('req.ip', 'ip', 'req.ip', 'auditLogger.info')] },
  { name: 'req.log receiver', code: route('req.log.info(req.ip);'), findings: [f('req.ip', 'ip', 'req.ip', 'req.log.info')] },
  {
    name: 'pino() origin',
    code: "import pino from 'pino';\nconst out = pino();\napp.get('/', (req) => { out.info(req.ip); });",
    findings: [f('req.ip', 'ip', 'req.ip', 'out.info')],
  },
  {
    name: 'require(pino) then pino() origin (CommonJS)',
    code: "const pino = require('pino');\nconst out = pino();\napp.get('/', (req) => { out.warn(req.ip); });",
    findings: [f('req.ip', 'ip', 'req.ip', 'out.warn')],
  },
  {
    name: 'a CommonJS file: the fixes add a require',
    sourceType: 'commonjs',
    code: "module.exports = function handle(req, res) { console.log(req.ip); };",
    findings: [f('req.ip', 'ip', 'req.ip', 'console.log')],
  },
  {
    name: 'TypeScript import-equals require of pino',
    ts: true,
    code: "import pino = require('pino');\nconst out = pino();\napp.get('/', (req) => { out.info(req.ip); });",
    findings: [f('req.ip', 'ip', 'req.ip', 'out.info')],
  },
  {
    name: 'winston.createLogger() origin',
    code: "import winston from 'winston';\nconst w = winston.createLogger({});\napp.get('/', (req) => { w.error(req.ip); });",
    findings: [f('req.ip', 'ip', 'req.ip', 'w.error')],
  },
  {
    name: 'default winston logger',
    code: "import winston from 'winston';\napp.get('/', (req) => { winston.info(req.ip); });",
    findings: [f('req.ip', 'ip', 'req.ip', 'winston.info')],
  },
  {
    name: "winston log(level, msg, meta)",
    code: "import winston from 'winston';\nconst w = winston.createLogger({});\napp.get('/', (req) => { w.log('info', 'hit', { ip: req.ip }); });",
    findings: [f('req.ip', 'ip', 'req.ip', 'w.log')],
  },
  {
    name: 'winston log({ … })',
    code: "import { createLogger } from 'winston';\nconst w = createLogger({});\napp.get('/', (req) => { w.log({ level: 'info', message: req.ip }); });",
    findings: [f('req.ip', 'ip', 'req.ip', 'w.log')],
  },
  {
    name: 'bunyan.createLogger() origin',
    code: "import bunyan from 'bunyan';\nconst b = bunyan.createLogger({ name: 'x' });\napp.get('/', (req) => { b.info(req.ip); });",
    findings: [f('req.ip', 'ip', 'req.ip', 'b.info')],
  },
  {
    name: 'log4js.getLogger() origin',
    code: "import log4js from 'log4js';\nconst l = log4js.getLogger();\napp.get('/', (req) => { l.info(req.ip); });",
    findings: [f('req.ip', 'ip', 'req.ip', 'l.info')],
  },
  {
    name: 'nest new Logger() instance',
    code: "import { Logger } from '@nestjs/common';\nconst n = new Logger('x');\napp.get('/', (req) => { n.log(req.ip); });",
    findings: [f('req.ip', 'ip', 'req.ip', 'n.log')],
  },
  {
    name: 'debug(ns) function',
    code: "import debug from 'debug';\nconst trace = debug('app:http');\napp.get('/', (req) => { trace('ip %s', req.ip); });",
    findings: [f('req.ip', 'ip', 'req.ip', 'trace')],
  },
  {
    name: 'util.debuglog() function',
    code: "import util from 'node:util';\nconst dl = util.debuglog('http');\napp.get('/', (req) => { dl(req.ip); });",
    findings: [f('req.ip', 'ip', 'req.ip', 'dl')],
  },
  {
    name: '.child(bindings) is a sink and its result a logger',
    code: "import pino from 'pino';\nconst base = pino();\napp.get('/', (req) => { const scoped = base.child({ ip: req.ip }); scoped.info(req.cookies); });",
    findings: [f('req.ip', 'ip', 'req.ip', 'base.child'), f('req.cookies', 'cookie', 'req.cookies', 'scoped.info')],
  },
  { name: 'process.stdout.write', code: route('process.stdout.write(req.ip);'), findings: [f('req.ip', 'ip', 'req.ip', 'process.stdout.write')] },
  {
    name: 'process.stderr.write',
    code: route('process.stderr.write(`${req.ip}\\n`);'),
    findings: [f('req.ip', 'ip', 'req.ip', 'process.stderr.write')],
  },
  {
    name: 'fs.appendFileSync to a .log file',
    code: "import fs from 'fs';\napp.get('/', (req) => { fs.appendFileSync('access.log', req.ip); });",
    findings: [f('req.ip', 'ip', 'req.ip', 'fs.appendFileSync')],
  },
  {
    name: 'named appendFile to a logs directory',
    code: "import { appendFile } from 'node:fs';\napp.get('/', (req) => { appendFile(path.join(__dirname, 'logs', 'app.txt'), req.ip, done); });",
    findings: [f('req.ip', 'ip', 'req.ip', 'appendFile')],
  },
  {
    name: 'fs/promises writeFile to /var/log',
    code: "import fsp from 'fs/promises';\napp.get('/', async (req) => { await fsp.writeFile('/var/log/app.log', req.ip); });",
    findings: [f('req.ip', 'ip', 'req.ip', 'fsp.writeFile')],
  },
  {
    name: 'write stream to a log file',
    code: "import fs from 'fs';\nconst out = fs.createWriteStream('./logs/access.log');\napp.get('/', (req) => { out.write(`${req.ip}\\n`); });",
    findings: [f('req.ip', 'ip', 'req.ip', 'out.write')],
  },
];

// ── dataflow ─────────────────────────────────────────────────────────────
const dataflow: InvalidSpec[] = [
  { name: 'variable', code: route('const ip = req.ip; logger.info(ip);'), findings: [f('ip', 'ip', 'req.ip', 'logger.info')] },
  {
    name: 'reassignment',
    code: route("let who = 'anonymous'; who = req.ip; logger.info(who);"),
    findings: [f('who', 'ip', 'req.ip', 'logger.info')],
  },
  {
    name: 'destructuring',
    code: route('const { ip } = req; logger.info(ip);'),
    findings: [f('ip', 'ip', 'req.ip', 'logger.info')],
  },
  {
    name: 'destructuring with rename',
    code: route('const { ip: addr } = req; logger.info(addr);'),
    findings: [f('addr', 'ip', 'req.ip', 'logger.info')],
  },
  {
    name: 'nested destructuring with a default',
    code: route("const { headers: { 'user-agent': ua = 'none' } } = req; logger.info(ua);"),
    findings: [f('ua', 'device', "req.headers['user-agent']", 'logger.info')],
  },
  {
    name: 'template literal',
    code: route('logger.info(`client ${req.ip} connected`);'),
    findings: [f('req.ip', 'ip', 'req.ip', 'logger.info')],
  },
  { name: 'concatenation', code: route("logger.info('client ' + req.ip);"), findings: [f('req.ip', 'ip', 'req.ip', 'logger.info')] },
  {
    name: 'object literal',
    code: route("logger.info({ path: req.path, ip: req.ip });"),
    findings: [f('req.ip', 'ip', 'req.ip', 'logger.info')],
  },
  {
    name: 'shorthand property',
    code: route('const ip = req.ip; logger.info({ ip });'),
    findings: [f('ip', 'ip', 'req.ip', 'logger.info', { shorthand: true })],
  },
  { name: 'array literal', code: route('logger.info([req.path, req.ip]);'), findings: [f('req.ip', 'ip', 'req.ip', 'logger.info')] },
  {
    name: 'spread of a local object',
    code: route('const meta = { ip: req.ip }; logger.info({ ...meta });'),
    findings: [f('meta', 'ip', 'req.ip', 'logger.info')],
  },
  {
    name: 'spread of headers',
    code: route('logger.info({ ...req.headers });'),
    findings: [f('req.headers', 'request', 'req.headers', 'logger.info')],
  },
  {
    name: 'property write onto a local object',
    code: route('const meta = {}; meta.client = req.ip; logger.info(meta);'),
    findings: [f('meta', 'ip', 'req.ip', 'logger.info')],
  },
  {
    name: 'read back a property of a local object',
    code: route('const o = { a: req.ip, b: 1 }; logger.info(o.a);'),
    findings: [f('o.a', 'ip', 'req.ip', 'logger.info')],
  },
  {
    name: 'conditional branches',
    code: route("logger.info(ok ? req.ip : 'none');"),
    findings: [f('req.ip', 'ip', 'req.ip', 'logger.info')],
  },
  { name: 'logical or', code: route("logger.info(req.ip || 'unknown');"), findings: [f('req.ip', 'ip', 'req.ip', 'logger.info')] },
  { name: 'nullish coalescing', code: route("logger.info(req.ip ?? 'unknown');"), findings: [f('req.ip', 'ip', 'req.ip', 'logger.info')] },
  { name: 'logical and yields the right side', code: route('logger.info(debugOn && req.ip);'), findings: [f('req.ip', 'ip', 'req.ip', 'logger.info')] },
  {
    name: 'await',
    code: "app.get('/', async (req) => { const ip = await Promise.resolve(req.ip); logger.info(ip); });",
    findings: [f('ip', 'ip', 'req.ip', 'logger.info')],
  },
  { name: 'TS as', ts: true, code: route('logger.info(req.ip as string);'), findings: [f('req.ip', 'ip', 'req.ip', 'logger.info')] },
  { name: 'TS non-null', ts: true, code: route('logger.info(req.ip!);'), findings: [f('req.ip', 'ip', 'req.ip', 'logger.info')] },
  {
    name: 'TS satisfies',
    ts: true,
    code: route('logger.info(req.ip satisfies string);'),
    findings: [f('req.ip', 'ip', 'req.ip', 'logger.info')],
  },
  {
    name: 'string method chain',
    code: route("logger.info(req.ip.trim().toLowerCase().split(',')[0]);"),
    findings: [f("req.ip.trim().toLowerCase().split(',')[0]", 'ip', 'req.ip', 'logger.info')],
  },
  {
    name: 'join',
    code: route("logger.info(req.ips.join(', '));"),
    findings: [f("req.ips.join(', ')", 'ip', 'req.ips', 'logger.info')],
  },
  {
    name: 'JSON.stringify',
    code: route('logger.info(JSON.stringify(req.cookies));'),
    findings: [f('req.cookies', 'cookie', 'req.cookies', 'logger.info')],
  },
  { name: 'String()', code: route('logger.info(String(req.ip));'), findings: [f('req.ip', 'ip', 'req.ip', 'logger.info')] },
  {
    name: 'util.format',
    code: "import util from 'node:util';\napp.get('/', (req) => { logger.info(util.format('%s', req.ip)); });",
    findings: [f('req.ip', 'ip', 'req.ip', 'logger.info')],
  },
  {
    name: 'local function: argument in, return out',
    code: "function describe(x) { return `client=${x}`; }\napp.get('/', (req) => { logger.info(describe(req.ip)); });",
    findings: [f('req.ip', 'ip', 'req.ip', 'logger.info')],
  },
  {
    name: 'local arrow function',
    code: "const mask2 = (x) => x;\napp.get('/', (req) => { logger.info(mask2(req.ip)); });",
    findings: [f('req.ip', 'ip', 'req.ip', 'logger.info')],
  },
  {
    name: 'local function: sink inside, argument from the caller',
    code: "function audit(who) { logger.info({ who }); }\napp.get('/', (req) => { audit(req.ip); });",
    findings: [f('who', 'ip', 'req.ip', 'logger.info', { shorthand: true })],
  },
  {
    name: 'for-of over ips',
    code: route('for (const each of req.ips) logger.info(each);'),
    findings: [f('each', 'ip', 'req.ips', 'logger.info')],
  },
  {
    name: 'forEach callback',
    code: route('req.ips.forEach((each) => logger.info(each));'),
    findings: [f('each', 'ip', 'req.ips', 'logger.info')],
  },
  {
    name: 'push into a local array',
    code: route('const parts = []; parts.push(req.ip); logger.info(parts);'),
    findings: [f('parts', 'ip', 'req.ip', 'logger.info')],
  },
  {
    name: 'alias of the request',
    code: route('const r = req; logger.info(r.ip);'),
    findings: [f('r.ip', 'ip', 'req.ip', 'logger.info')],
  },
  {
    name: 'alias of headers',
    code: route("const h = req.headers; logger.info(h['user-agent']);"),
    findings: [f("h['user-agent']", 'device', "req.headers['user-agent']", 'logger.info')],
  },
  {
    name: 'Object.assign onto a local object',
    code: route('const meta = { path: req.path }; Object.assign(meta, { ip: req.ip }); logger.info(meta);'),
    findings: [f('meta', 'ip', 'req.ip', 'logger.info')],
  },
  {
    name: 'util.inspect of the whole request',
    code: "import { inspect } from 'util';\napp.get('/', (req) => { logger.debug(inspect(req)); });",
    findings: [f('req', 'request', 'req', 'logger.debug')],
  },
  {
    name: 'JSON.stringify of all headers',
    code: route('console.log(JSON.stringify(req.headers, null, 2));'),
    findings: [f('req.headers', 'request', 'req.headers', 'console.log')],
  },
  {
    name: 'promise then callback',
    code: "app.get('/', (req) => { lookup(req).then(({ email }) => logger.info(email)); });",
    findings: [f('email', 'user', 'lookup(req).email', 'logger.info')],
  },
  {
    name: 'new Error message',
    code: route('logger.error(new Error(`bad client ${req.ip}`));'),
    findings: [f('req.ip', 'ip', 'req.ip', 'logger.error')],
  },
  {
    name: 'two kinds in one call, one finding each',
    code: route("logger.info({ ip: req.ip, ua: req.get('user-agent') });"),
    findings: [f('req.ip', 'ip', 'req.ip', 'logger.info'), f("req.get('user-agent')", 'device', "req.get('user-agent')", 'logger.info')],
  },
  {
    name: 'same origin twice in one call: one finding',
    repeats: true,
    code: route('logger.info(req.ip, `${req.ip}`);'),
    findings: [f('req.ip', 'ip', 'req.ip', 'logger.info')],
  },
];

// ── sanitizers and unkeyed hashes ────────────────────────────────────────
const hashes: InvalidSpec[] = [
  {
    name: 'unkeyed hash of an IP',
    code: "import { createHash } from 'crypto';\napp.get('/', (req) => { logger.info(createHash('sha256').update(req.ip).digest('hex')); });",
    findings: [
      f("createHash('sha256').update(req.ip).digest('hex')", 'ip', 'req.ip', 'logger.info', { hash: true }),
    ],
  },
  {
    name: 'unkeyed hash through crypto namespace and a variable',
    code: "import crypto from 'node:crypto';\napp.get('/', (req) => { const id = crypto.createHash('md5').update(req.ip).digest('base64'); logger.info({ id }); });",
    findings: [f('id', 'ip', 'req.ip', 'logger.info', { hash: true, shorthand: true })],
  },
];

export const INVALID: readonly InvalidSpec[] = [
  ...FRAMEWORK_INVALID,
  ...express, ...frameworks, ...declared, ...browser, ...names, ...sinks, ...dataflow, ...hashes, ...FLOWS, ...SINKS, ...CONFIGURED, ...LABELS, ...NOISE,
];

// ── valid ────────────────────────────────────────────────────────────────
export const VALID: readonly ValidSpec[] = [
  ...FRAMEWORK_VALID,
  ...FLOWS_VALID,
  ...SINKS_VALID,
  ...CONFIGURED_VALID,
  ...LABELS_VALID,
  ...NOISE_VALID,
  // test-only uses
  { name: 'test position of a conditional', code: route("logger.info(req.ip ? 'has ip' : 'no ip');") },
  { name: 'Boolean()', code: route('logger.info(Boolean(req.ip));') },
  { name: '!!x', code: route('logger.info(!!req.ip);') },
  { name: '.length', code: route('logger.info(req.ips.length);') },
  { name: 'typeof', code: route('logger.info(typeof req.ip);') },
  { name: 'Object.keys(x).length', code: route('logger.info(Object.keys(req.cookies).length);') },
  { name: 'comparison', code: route("logger.info(req.ip === '127.0.0.1');") },
  { name: 'includes test', code: route("logger.info(req.get('user-agent').includes('bot'));") },
  { name: 'tokens.length', code: 'export function f(tokens) { logger.info(tokens.length); }' },
  // names that only look like identifiers
  ...['zip', 'tip', 'ship', 'description', 'skipped', 'ipsum', 'ipc', 'recipient', 'tokenizer', 'nextPageToken', 'tokenType', 'cookieName', 'hasToken'].map(
    (name) => ({ name: `not an identifier: ${name}`, code: `export function f(${name}) { logger.info(${name}); }` }),
  ),
  // declared types that are not requests
  {
    name: 'a Context that is not Koa (AWS Lambda context)',
    ts: true,
    code: "import type { Context } from 'aws-lambda';\nexport function audit(c: Context) { logger.info(c.headers); }",
  },
  { name: 'an untyped parameter with a neutral name', code: 'export function audit(c) { logger.info(c.headers, c.user, c.state); }' },
  { name: 'a callback that is not a handler', code: "items.forEach((r) => { logger.info(r.headers, r.user); });" },
  // harmless request data
  { name: 'method and url', code: route('logger.info(`${req.method} ${req.url}`);') },
  { name: 'a non-identifying header', code: route('logger.info(req.headers.host, req.get(\'content-type\'));') },
  { name: 'req.user.role is not an identifier', code: route('logger.info(req.user.role);') },
  { name: 'order.id and cookie.name are not identifiers', code: 'export function f(order, cookie) { logger.info(order.id, cookie.name); }' },
  { name: 'constants named in SCREAMING_CASE', code: "import { AuthScheme, DEFAULT_SESSION_ID } from './constants';\nlogger.info(AuthScheme.BEARER, DEFAULT_SESSION_ID);" },
  { name: 'the service configuration is not a person', code: "logger.info(process.env.API_TOKEN, process.env['SESSION_SECRET']);" },
  { name: 'literal values', code: "logger.info('user id is missing', { ip: '127.0.0.1' });" },
  { name: 'not a sink', code: route('res.json({ ip: req.ip });') },
  { name: 'Math.log is not a logger', code: route('Math.log(req.ip);') },
  { name: 'a map getter is not a route', code: "cache.get('k', (req) => { logger.info(req.ip); });".replace('req.ip', 'req.path') },
  { name: 'fs write to a data file', code: "import fs from 'fs';\napp.get('/', (req) => { fs.writeFileSync('data.json', req.ip); });" },
  { name: 'local storage write is no read', code: "localStorage.setItem('k', 'v'); console.log(localStorage.length);" },
  { name: 'localStorage mentioned in a string', code: "console.log('localStorage is full');" },
  { name: 'a local function given a constant', code: "function fmt(x) { return `v=${x}`; }\nlogger.info(fmt('hello'));" },
  { name: 'only constants flow into a local function', code: "function fmt(ip) { return 'ip'; }\napp.get('/', (req) => { logger.info(fmt(req.ip)); });" },
  { name: 'a named variable holding a constant', code: "const clientIp = '0.0.0.0';\nlogger.info(clientIp);" },
  { name: 'a local object without identifiers', code: route('const meta = {}; meta.path = req.path; logger.info(meta.path, meta);') },
  // sanitizers
  {
    name: 'runtime named imports',
    code: "import { redact, pseudonymize, classify } from '@online-identifiers/redact';\napp.get('/', (req) => { logger.info(redact.ip(req.ip), pseudonymize(req.ip), classify(req.ip, 'ip')); });",
  },
  {
    name: 'runtime namespace import',
    code: "import * as oi from '@online-identifiers/redact';\napp.get('/', (req) => { logger.info(oi.redact.ip(req.ip), oi.pseudonymize(req.user.id)); });",
  },
  {
    name: 'runtime renamed import',
    code: "import { redact as r, classify as keep } from '@online-identifiers/redact';\napp.get('/', (req) => { logger.info(r.cookie(req.cookies), keep(req.ip, 'ip')); });",
  },
  {
    name: 'runtime require, destructured and renamed',
    code: "const { pseudonymize: p } = require('@online-identifiers/redact');\napp.get('/', (req) => { logger.info(p(req.ip)); });",
  },
  {
    name: 'runtime require, whole module',
    code: "const oi = require('@online-identifiers/redact');\napp.get('/', (req) => { logger.info(oi.redact.request(req)); });",
  },
  {
    name: 'a redacted variable',
    code: "import { redact } from '@online-identifiers/redact';\napp.get('/', (req) => { const ip = redact.ip(req.ip); logger.info({ ip }); });",
  },
  {
    name: 'sanitizer name prefixes',
    code: route(
      'logger.info(maskIp(req.ip), anonymizeIp(req.ip), anonymiseIp(req.ip), scrub(req.cookies), obfuscateToken(req.headers.authorization), truncateIp(req.ip), redactEmail(req.user.email), pseudonymise(req.user.id), utils.maskEmail(req.user.email));',
    ),
  },
  {
    name: 'keyed HMAC chain',
    code: "import crypto from 'crypto';\napp.get('/', (req) => { logger.info(crypto.createHmac('sha256', key).update(req.ip).digest('hex')); });",
  },
  {
    name: 'keyed HMAC through a named import',
    code: "import { createHmac } from 'node:crypto';\napp.get('/', (req) => { const id = createHmac('sha256', key).update(req.user.id).digest('base64url'); logger.info({ id }); });",
  },
  {
    name: 'custom redact module option',
    code: "import { redact } from '~/privacy';\napp.get('/', (req) => { logger.info(redact.ip(req.ip)); });",
    options: [{ redactModule: '~/privacy' }],
  },
];

// ── options ──────────────────────────────────────────────────────────────
export const OPTION_INVALID: readonly InvalidSpec[] = [
  {
    name: 'sources: member path',
    code: route('logger.info(req.body.customer);'),
    options: [{ sources: [{ kind: 'user', member: 'body.customer' }] }],
    findings: [f('req.body.customer', 'user', 'req.body.customer', 'logger.info')],
  },
  {
    name: 'sources: header',
    code: route("logger.info(req.get('X-Tenant-Visitor'));"),
    options: [{ sources: [{ kind: 'device', header: 'x-tenant-visitor' }] }],
    findings: [f("req.get('X-Tenant-Visitor')", 'device', "req.get('X-Tenant-Visitor')", 'logger.info')],
  },
  {
    name: 'sources: name',
    code: 'export function f(msisdn) { logger.info(msisdn); }',
    options: [{ sources: [{ kind: 'user', name: 'msisdn' }] }],
    findings: [f('msisdn', 'user', 'msisdn', 'logger.info')],
  },
  {
    name: 'sources: global',
    code: 'console.log(window.analytics.anonymousId);',
    options: [{ sources: [{ kind: 'device', global: 'analytics.anonymousId' }] }],
    findings: [f('window.analytics.anonymousId', 'device', 'window.analytics.anonymousId', 'console.log')],
  },
  {
    name: 'sinks: dotted path',
    code: route('audit.record(req.ip);'),
    options: [{ sinks: ['audit.record'] }],
    findings: [f('req.ip', 'ip', 'req.ip', 'audit.record')],
  },
  {
    name: 'sinks: any method of a receiver',
    code: route('trail.push(req.ip);'),
    options: [{ sinks: ['trail.*'] }],
    findings: [f('req.ip', 'ip', 'req.ip', 'trail.push')],
  },
  {
    name: 'kinds: only cookies are checked',
    code: route('logger.info(req.ip, req.cookies);'),
    options: [{ kinds: ['cookie'] }],
    findings: [f('req.cookies', 'cookie', 'req.cookies', 'logger.info')],
  },
  {
    name: 'redactModule: suggestions import from it',
    code: route('logger.info(req.ip);'),
    options: [{ redactModule: '~/privacy' }],
    module: '~/privacy',
    findings: [f('req.ip', 'ip', 'req.ip', 'logger.info')],
  },
];

export const OPTION_VALID: readonly ValidSpec[] = [
  { name: 'sanitizers: custom name', code: route('logger.info(hashForLogs(req.ip));'), options: [{ sanitizers: ['hashForLogs'] }] },
  { name: 'sanitizers: receiver wildcard', code: route('logger.info(Privacy.strip(req.ip));'), options: [{ sanitizers: ['Privacy.*'] }] },
  { name: 'ignoreNames', code: 'export function f(sid) { logger.info(sid); }', options: [{ ignoreNames: ['sid'] }] },
  { name: 'kinds excludes ip', code: route('logger.info(req.ip);'), options: [{ kinds: ['cookie', 'token'] }] },
];
