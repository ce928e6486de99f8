// Issue 8, "Real code": the flows, sinks and logger setups of real
// applications. Each group pins the right answer for one kind of gap,
// including the small inputs the issue lists.
import type { Kind } from '../../src/catalog';
import type { Expect, InvalidSpec, ValidSpec } from './helpers';

function f(at: string, kind: Kind, origin: string, sink: string, extra: Partial<Expect> = {}): Expect {
  return { at, kind, origin, sink, ...extra };
}

function route(body: string): string {
  return `app.get('/', (req, res) => { ${body} });`;
}

// ── flows real code takes ────────────────────────────────────────────────
export const FLOWS: InvalidSpec[] = [
  {
    name: 'JSON.parse keeps what its input carried',
    code: "console.log(JSON.parse(localStorage.getItem('tokens')));",
    findings: [f("localStorage.getItem('tokens')", 'storage', 'localStorage', 'console.log')],
  },
  {
    name: 'AsyncLocalStorage: run(store) comes back from getStore()',
    code: [
      "import { AsyncLocalStorage } from 'node:async_hooks';",
      'const s = new AsyncLocalStorage();',
      'app.use((req, res, next) => s.run({ ip: req.ip }, next));',
      'function where() { console.log(s.getStore()); }',
    ].join('\n'),
    findings: [f('s.getStore()', 'ip', 'req.ip', 'console.log')],
  },
  {
    name: 'AsyncLocalStorage: enterWith(store)',
    code: [
      "import { AsyncLocalStorage } from 'node:async_hooks';",
      'const als = new AsyncLocalStorage();',
      "app.use((req, res, next) => { als.enterWith({ session: req.sessionID }); next(); });",
      'export function current() { logger.info(als.getStore().session); }',
    ].join('\n'),
    findings: [f('als.getStore()', 'session', 'req.sessionID', 'logger.info')],
  },
  {
    name: 'cls-hooked: ns.set(key, value) comes back from ns.get(key)',
    code: [
      "import { createNamespace, getNamespace } from 'cls-hooked';",
      "const ns = createNamespace('request');",
      "app.use((req, res, next) => ns.run(() => { ns.set('user', req.user); next(); }));",
      "export function who() { const other = getNamespace('request'); logger.info(other.get('user')); }",
    ].join('\n'),
    findings: [f("other.get('user')", 'user', 'req.user', 'logger.info')],
  },
  {
    name: 'a rest-parameter wrapper is a sink at its call sites',
    code: "function log3(...args) { console.log(...args); }\napp.get('/', (req) => log3('a', req.ip));",
    findings: [f('req.ip', 'ip', 'req.ip', 'log3')],
  },
  {
    name: 'an `arguments` wrapper is a sink at its call sites',
    code: "function log2() { console.log(arguments); } log2('a', document.cookie);",
    findings: [f('document.cookie', 'cookie', 'document.cookie', 'log2')],
  },
  {
    name: 'apply forwards arguments to the sink',
    code: "function log4() { console.log.apply(console, arguments); }\nlog4('a', document.cookie);",
    findings: [f('document.cookie', 'cookie', 'document.cookie', 'log4')],
  },
  {
    name: 'call forwards the rest of its arguments',
    code: "const trace = (...parts) => logger.info.call(logger, 'trace', ...parts);\napp.get('/', (req) => trace(req.sessionID));",
    findings: [f('req.sessionID', 'session', 'req.sessionID', 'trace')],
  },
  {
    name: 'a wrapper forwarding from its second parameter on',
    code: "function tagged(tag, ...rest) { logger.warn(tag, ...rest); }\napp.get('/', (req) => tagged('auth', req.headers.authorization));",
    findings: [f('req.headers.authorization', 'token', 'req.headers.authorization', 'tagged')],
  },
  {
    name: 'rest parameter read by index inside the function',
    code: "function first(...values) { return values[0]; }\napp.get('/', (req) => logger.info(first(req.ip)));",
    findings: [f('req.ip', 'ip', 'req.ip', 'logger.info')],
  },
  {
    name: 'a method assigned onto requests reads this',
    code: [
      'app.use((req, res, next) => { req.describe = function () { return { ip: this.ip }; }; next(); });',
      "app.get('/', (req) => console.log(req.describe()));",
    ].join('\n'),
    findings: [f('req.describe()', 'ip', 'this.ip', 'console.log')],
  },
  {
    name: 'Object.values of a carrying object',
    code: route('logger.info(Object.values({ ip: req.ip }));'),
    findings: [f('req.ip', 'ip', 'req.ip', 'logger.info')],
  },
  {
    name: 'Object.entries and flat keep what they carry',
    code: route('const pairs = Object.entries({ who: req.user }).flat(); logger.info(pairs);'),
    findings: [f('pairs', 'user', 'req.user', 'logger.info')],
  },
  {
    name: 'concat keeps the carried array',
    code: route('logger.info([1].concat(req.ips));'),
    findings: [f('req.ips', 'ip', 'req.ips', 'logger.info')],
  },
  {
    name: 'an optional chain is wrapped whole (its parentheses are the call\'s)',
    code: route('logger.info(req?.ip); logger.warn(req?.user?.email);'),
    findings: [f('req?.ip', 'ip', 'req?.ip', 'logger.info'), f('req?.user?.email', 'user', 'req?.user', 'logger.warn')],
  },
  {
    name: 'filter keeps elements',
    code: route('logger.info(req.ips.filter(Boolean));'),
    findings: [f('req.ips.filter(Boolean)', 'ip', 'req.ips', 'logger.info')],
  },
];

export const FLOWS_VALID: ValidSpec[] = [
  { name: 'map(sanitizer) sanitises every element', code: "app.get('/', (req) => console.log(...[req.ip].map(redactArg)));" },
  { name: 'map with a runtime sanitizer', code: "import { redact } from '@online-identifiers/redact';\napp.get('/', (req) => logger.info(req.ips.map(redact.ip)));" },
  { name: 'map with a local function that sanitizes', code: "const clean = (v) => maskIp(v);\napp.get('/', (req) => logger.info(req.ips.map(clean)));" },
  { name: 'a wrapper whose forwarded values are harmless', code: "function log3(...args) { console.log(...args); }\nlog3('started', 42);" },
  { name: 'a local function that writes nothing is not a sink', code: "function keep(...args) { return args.length; }\napp.get('/', (req) => keep(req.ip));" },
  { name: 'getStore of a store that never holds identifiers', code: "import { AsyncLocalStorage } from 'node:async_hooks';\nconst s = new AsyncLocalStorage();\ns.run({ requestId: 'abc' }, () => {});\nconsole.log(s.getStore());" },
  { name: 'an anonymous callback forwarding arguments keeps the inner sink quiet for harmless values', code: "emitter.on('tick', function () { console.log(arguments); });" },
];

// ── sinks real code uses ─────────────────────────────────────────────────
export const SINKS: InvalidSpec[] = [
  {
    name: 'node-red: log.audit writes an audit record',
    code: "const log = require('@node-red/util').log;\napp.post('/auth/token', (req) => { log.audit({ event: 'auth.login', username: req.user.username, ip: req.ip }); });",
    sourceType: 'commonjs',
    findings: [f('req.user.username', 'user', 'req.user', 'log.audit'), f('req.ip', 'ip', 'req.ip', 'log.audit')],
  },
  {
    name: 'consola by import',
    code: "import { consola } from 'consola';\napp.get('/', (req) => consola.info(req.ip));",
    findings: [f('req.ip', 'ip', 'req.ip', 'consola.info')],
  },
  {
    name: 'consola instance from createConsola',
    code: "import { createConsola } from 'consola';\nconst out = createConsola({ level: 4 });\napp.get('/', (req) => out.success(req.cookies));",
    findings: [f('req.cookies', 'cookie', 'req.cookies', 'out.success')],
  },
  {
    name: 'signale default object',
    code: "const signale = require('signale');\napp.get('/', (req) => signale.pending(req.sessionID));",
    sourceType: 'commonjs',
    findings: [f('req.sessionID', 'session', 'req.sessionID', 'signale.pending')],
  },
  {
    name: 'signale instance',
    code: "import { Signale } from 'signale';\nconst out = new Signale({ scope: 'auth' });\napp.get('/', (req) => out.note(req.user));",
    findings: [f('req.user', 'user', 'req.user', 'out.note')],
  },
  {
    name: 'loglevel getLogger',
    code: "import loglevel from 'loglevel';\nconst out = loglevel.getLogger('http');\napp.get('/', (req) => out.warn(req.get('user-agent')));",
    findings: [f("req.get('user-agent')", 'device', "req.get('user-agent')", 'out.warn')],
  },
  {
    name: 'tslog Logger',
    code: "import { Logger } from 'tslog';\nconst out = new Logger();\napp.get('/', (req) => out.silly(req.ip));",
    findings: [f('req.ip', 'ip', 'req.ip', 'out.silly')],
  },
  {
    name: 'npmlog',
    code: "const npmlog = require('npmlog');\napp.get('/', (req) => npmlog.http('req', req.headers.authorization));",
    sourceType: 'commonjs',
    findings: [f('req.headers.authorization', 'token', 'req.headers.authorization', 'npmlog.http')],
  },
  {
    name: 'roarr',
    code: "import { Roarr } from 'roarr';\napp.get('/', (req) => Roarr.info({ ip: req.ip }, 'request'));",
    findings: [f('req.ip', 'ip', 'req.ip', 'Roarr.info')],
  },
  {
    name: 'OpenTelemetry logs API emit',
    code: "import { logs } from '@opentelemetry/api-logs';\nconst otel = logs.getLogger('app');\napp.get('/', (req) => otel.emit({ body: 'hit', attributes: { ip: req.ip } }));",
    findings: [f('req.ip', 'ip', 'req.ip', 'otel.emit')],
  },
  {
    name: 'Powertools Logger',
    code: "import { Logger } from '@aws-lambda-powertools/logger';\nconst out = new Logger({ serviceName: 'api' });\nexport const handler = async (event) => { out.info('in', { ip: event.requestContext.identity.sourceIp }); };",
    findings: [f('event.requestContext.identity.sourceIp', 'ip', 'event.requestContext.identity.sourceIp', 'out.info')],
  },
  {
    name: 'Google Cloud Logging log.write',
    code: "import { Logging } from '@google-cloud/logging';\nconst logging = new Logging();\nconst log = logging.log('requests');\napp.get('/', (req) => log.write(log.entry({}, { ip: req.ip })));",
    findings: [f('req.ip', 'ip', 'req.ip', 'log.write')],
  },
  {
    name: 'electron-log',
    code: "import log from 'electron-log/main';\nexport function onLogin(session) { log.info(session.cookies); }",
    findings: [f('session.cookies', 'cookie', 'session.cookies', 'log.info')],
  },
  {
    name: 'Nest ConsoleLogger',
    code: "import { ConsoleLogger } from '@nestjs/common';\nconst out = new ConsoleLogger('Auth');\napp.get('/', (req) => out.verbose(req.user.email));",
    findings: [f('req.user.email', 'user', 'req.user', 'out.verbose')],
  },
  {
    name: 'console.table and console.dir',
    code: route('console.table(req.cookies); console.dir(req.headers);'),
    findings: [f('req.cookies', 'cookie', 'req.cookies', 'console.table'), f('req.headers', 'request', 'req.headers', 'console.dir')],
  },
  {
    name: 'an imported project log function',
    code: "import { auditLog } from './audit';\napp.post('/login', (req) => auditLog('login', req.body.email));",
    findings: [f('req.body.email', 'user', 'req.body.email', 'auditLog')],
  },
  {
    name: 'a required project logger function',
    code: "const log = require('../lib/log');\napp.post('/login', (req) => log('login', req.ip));",
    sourceType: 'commonjs',
    findings: [f('req.ip', 'ip', 'req.ip', 'log')],
  },
  {
    name: 'an object exported from a module named like a logger',
    code: "import trail from './audit-log';\napp.post('/login', (req) => trail.write({ who: req.user }));",
    findings: [f('req.user', 'user', 'req.user', 'trail.write')],
  },
  {
    name: 'an audit client records an event',
    code: route('auditClient.log({ action: "login", user: req.user.id });'),
    findings: [f('req.user.id', 'user', 'req.user', 'auditClient.log')],
  },
];

export const SINKS_VALID: ValidSpec[] = [
  { name: 'a logarithm is not a log', code: "import { log } from 'mathjs';\napp.get('/', (req) => log(req.query.n));" },
  { name: 'Math.log', code: route('res.json(Math.log(req.ip.length));') },
  { name: 'an emit on an event emitter is not a log', code: route("bus.emit('login', req.ip);") },
  { name: 'write on a response is not a log', code: route('res.write(req.cookies.theme);') },
  { name: 'an audit client told nothing identifying', code: route("auditClient.log({ action: 'login', ok: true });") },
];

// ── treatment configured on the logger ───────────────────────────────────
export const CONFIGURED: InvalidSpec[] = [
  {
    name: 'pino redact paths cover the cookie header, not the address',
    code: "import pino from 'pino';\nconst logger = pino({ redact: ['req.headers.cookie'] });\napp.get('/', (req) => logger.info({ req, ip: req.ip }, 'served'));",
    findings: [f('req', 'request', 'req', 'logger.info', { shorthand: true }), f('req.ip', 'ip', 'req.ip', 'logger.info')],
  },
  {
    name: 'pino redact paths (object form) cover nested fields they name',
    code: "import pino from 'pino';\nconst logger = pino({ redact: { paths: ['ip', 'user.email'], censor: '[x]' } });\napp.get('/', (req) => logger.info({ ip: req.ip, user: { email: req.user.email }, c: req.cookies }));",
    findings: [f('req.cookies', 'cookie', 'req.cookies', 'logger.info')],
  },
  {
    name: "the runtime's serializers and hooks leave other fields raw",
    code: "const pino = require('pino');\nconst { serializers, hooks } = require('@online-identifiers/redact/pino');\nconst logger = pino({ serializers, hooks });\napp.get('/', (req) => logger.child({ svc: 'a' }).info({ req, sid: req.sessionID }, 'from ' + req.ip));",
    sourceType: 'commonjs',
    findings: [f('req.sessionID', 'session', 'req.sessionID', "logger.child({ svc: 'a' }).info")],
  },
  {
    name: "the runtime's winston format treats fields by name, not a neutral key",
    code: "import winston from 'winston';\nimport { redactFormat } from '@online-identifiers/redact/winston';\nconst logger = winston.createLogger({ format: winston.format.combine(redactFormat(), winston.format.json()) });\napp.get('/', (req) => logger.info('login', { ip: req.ip, client: req.ip }));",
    findings: [f('req.ip', 'ip', 'req.ip', 'logger.info', { nth: 1 })],
  },
  {
    name: "bunyan's standard serializers keep the address and headers",
    code: "import bunyan from 'bunyan';\nconst logger = bunyan.createLogger({ name: 'api', serializers: bunyan.stdSerializers });\napp.get('/', (req) => logger.info({ req }));",
    findings: [f('req', 'request', 'req', 'logger.info', { shorthand: true })],
  },
];

export const CONFIGURED_VALID: ValidSpec[] = [
  {
    name: "pino with the runtime's preset spread into its options (issue 8's small input)",
    code: "import { redact } from '@online-identifiers/redact';\nimport { pinoOptions } from '@online-identifiers/redact/pino';\nimport pino from 'pino';\nconst logger = pino({ ...pinoOptions });\napp.get('/', (req) => logger.info({ req }, 'served'));",
  },
  {
    name: "pino with the runtime's preset passed whole, through a child logger",
    code: "const pino = require('pino');\nconst { pinoOptions } = require('@online-identifiers/redact/pino');\nconst base = pino(pinoOptions);\nconst logger = base.child({ module: 'auth' });\napp.get('/', (req) => logger.warn({ ip: req.ip, userId: req.user.id }, `login from ${req.ip}`));",
  },
  {
    name: 'pino options object held in a constant',
    code: "import pino from 'pino';\nimport { pinoOptions } from '@online-identifiers/redact/pino';\nconst options = { ...pinoOptions, level: 'info' };\nconst logger = pino(options);\napp.get('/', (req) => logger.info({ req, cookies: req.cookies }));",
  },
  {
    name: 'explicit redact paths that cover what is logged',
    code: "import pino from 'pino';\nconst logger = pino({ redact: ['ip', 'headers.authorization'] });\napp.get('/', (req) => logger.info({ ip: req.ip, headers: { authorization: req.headers.authorization } }));",
  },
  {
    name: "bunyan with the runtime's serializers",
    code: "import bunyan from 'bunyan';\nimport { serializers } from '@online-identifiers/redact/pino';\nconst logger = bunyan.createLogger({ name: 'api', serializers });\napp.get('/', (req) => logger.info({ req }));",
  },
  {
    name: "winston with the runtime's format",
    code: "const winston = require('winston');\nconst { redactFormat } = require('@online-identifiers/redact/winston');\nconst logger = winston.createLogger({ format: winston.format.combine(redactFormat(), winston.format.json()) });\napp.get('/', (req) => logger.info('login', { ip: req.ip, cookie: req.headers.cookie }));",
  },
];

// ── a value's label names its kind ───────────────────────────────────────
export const LABELS: InvalidSpec[] = [
  {
    name: "a neutral value after an 'email:' label",
    code: "export function notify(value) { console.log('email:', value); }",
    findings: [f('value', 'user', 'value', 'console.log', { nth: 1 })],
  },
  {
    name: 'a template label before the value',
    code: 'export function call(t) { logger.info(`calling with token=${t}`); }',
    findings: [f('`calling with token=${t}`', 'token', 't', 'logger.info')],
  },
  {
    name: 'a two-word label',
    code: "export function who(n) { logger.debug('user id: ', n.toString()); }",
    findings: [f('n.toString()', 'user', 'n.toString()', 'logger.debug')],
  },
  {
    name: 'credential names by their whole words',
    code: 'export function boot(vault) { const { secretKey, clientSecret, privateKey } = vault; logger.info(secretKey, clientSecret, privateKey); }',
    findings: [
      f('secretKey', 'token', 'vault.secretKey', 'logger.info', { nth: 1 }),
      f('clientSecret', 'token', 'vault.clientSecret', 'logger.info', { nth: 1 }),
      f('privateKey', 'token', 'vault.privateKey', 'logger.info', { nth: 1 }),
    ],
  },
];

export const LABELS_VALID: ValidSpec[] = [
  { name: 'a literal after a label is not an identifier', code: "console.log('email:', 'support@example.com');" },
  { name: 'a label that names nothing', code: "export function f(v) { console.log('count:', v); }" },
  { name: 'a label in another call does not reach', code: "export function f(v) { console.log('email:'); console.log(v); }" },
];

// ── noise found in real code ─────────────────────────────────────────────
export const NOISE: InvalidSpec[] = [
  {
    name: 'a key still names an opaque value whose own name says nothing',
    code: 'export function f(x) { logger.info({ sessionId: lookup(x), clientIp: x.value }); }',
    findings: [f('lookup(x)', 'session', 'sessionId', 'logger.info'), f('x.value', 'ip', 'clientIp', 'logger.info')],
  },
  {
    name: 'a storage or cookie key held in a constant that names an identifier is still read',
    code: "import { getCookie } from 'tiny-cookie';\nconst key = 'authToken';\nLogger.info(sessionStorage.getItem(key), getCookie(key));",
    findings: [f('sessionStorage.getItem(key)', 'storage', 'sessionStorage', 'Logger.info'), f('getCookie(key)', 'cookie', 'getCookie(key)', 'Logger.info')],
  },
  {
    name: 'fs writes through a renamed import are sinks for log paths',
    code: "import { appendFileSync as append } from 'fs';\napp.get('/', (req) => append('logs/audit.log', req.ip));",
    findings: [f('req.ip', 'ip', 'req.ip', 'append')],
  },
  {
    name: 'a user handed in with options is still a person (node-red settings.update)',
    code: "export function update(opts) { const username = opts.user.username; runtime.log.audit({ event: 'settings.update', username: username }); }",
    findings: [f('username', 'user', 'opts.user.username', 'runtime.log.audit', { nth: 3 })],
  },
  {
    name: 'Koa: the user auth middleware put in ctx.state (outline)',
    code: 'app.use(async (ctx) => { logger.info(ctx.state.auth.user.id, ctx.state.user); });',
    findings: [f('ctx.state.auth.user.id', 'user', 'ctx.state.auth.user', 'logger.info'), f('ctx.state.user', 'user', 'ctx.state.user', 'logger.info')],
  },
  {
    name: 'a storage key that names an identifier is still one',
    code: "console.log(localStorage.getItem('visitorId'));",
    findings: [f("localStorage.getItem('visitorId')", 'storage', 'localStorage', 'console.log')],
  },
  {
    name: "a record's field in text is still the person's",
    code: 'export function f(auditUser) { logger.info(`by ${auditUser.email}`); }',
    findings: [f('auditUser.email', 'user', 'auditUser.email', 'logger.info')],
  },
  {
    name: 'a push token singles out a device (parse-server)',
    code: 'export function f(deviceToken) { logger.warn(`push failed for ${deviceToken}`); }',
    findings: [f('deviceToken', 'device', 'deviceToken', 'logger.warn', { nth: 1 })],
  },
  {
    name: 'a head that only spells the identifier out keeps it',
    code: 'export function f(clientIpAddress, userIdList) { logger.info(clientIpAddress, userIdList); }',
    findings: [f('clientIpAddress', 'ip', 'clientIpAddress', 'logger.info', { nth: 1 }), f('userIdList', 'user', 'userIdList', 'logger.info', { nth: 1 })],
  },
  {
    name: 'terminal output is checked on request (checkTerminalOutput)',
    code: "#!/usr/bin/env node\nconsole.log('seeded', process.argv[2], require('os').userInfo().username);",
    options: [{ checkTerminalOutput: true }],
    sourceType: 'commonjs',
    findings: [f("require('os').userInfo().username", 'user', "require('os').userInfo().username", 'console.log')],
  },
  {
    name: 'a logger in a command-line program is still a log',
    code: "#!/usr/bin/env node\nconst logger = require('pino')();\nlogger.info({ file: process.argv[2] }, require('os').userInfo().username);",
    sourceType: 'commonjs',
    findings: [f("require('os').userInfo().username", 'user', "require('os').userInfo().username", 'logger.info')],
  },
];

export const NOISE_VALID: ValidSpec[] = [
  {
    name: 'compound names whose identifier word is only a modifier',
    code: 'export function f(apikeyFilename, emailProvider, tokenExpiry, ipVersion, sessionTimeout) { logger.info(apikeyFilename, emailProvider, tokenExpiry, ipVersion, sessionTimeout); }',
  },
  { name: "configuration objects: the server's own address and keys", code: 'export function f(settings, config, options) { logger.info(settings.ip, config.host, options.ip, config.auth.apiKey, this.config.clientSecret); }' },
  {
    name: "a TLS certificate's fingerprint",
    code: 'export function f(socket) { const cert = socket.getPeerCertificate(); logger.info(cert.fingerprint, cert.fingerprint256, cert.issuerCertificate.fingerprint, socket.getPeerCertificate().fingerprint, certFingerprint); }',
  },
  { name: 'a value read from configuration stays configuration under an identifying key (outline)', code: "import env from './env';\nlogger.info('connecting', { username: env.DATABASE_USER, host: config.db.host });" },
  { name: 'an endpoints object holds URLs, not tokens (outline)', code: 'export class OAuth { fetch() { logger.debug(this.endpoints.token); } }' },
  { name: 'configured address lists and the server\'s own address (outline)', code: 'export function f(resolved, serverIp) { logger.warn(resolved.allowIPAddressList, resolved.denyIPAddressList, serverIp); }' },
  { name: 'a proxy URL\'s user name is configuration (outline)', code: 'export function f(parsedProxyURL) { logger.silly(parsedProxyURL.username); }' },
  { name: 'a status code is not what it is the status of (node-red)', code: "export function f(jqXHR, token) { console.log('token request failed', jqXHR.status, token.statusText); }" },
  { name: 'Koa ctx.state is not a cookie jar (outline)', code: "app.use(async (ctx) => { logger.info(ctx.state.auth.type); });" },
  { name: 'a whole record known by name is "[object Object]" in text (unleash)', code: 'export function f(auditUser) { logger.info(`Addon event by ${auditUser}`); }' },
  { name: 'a storage key that names app state (outline)', code: "console.log(sessionStorage.getItem('postLoginRedirectPath'), localStorage.getItem('theme'));" },
  {
    name: 'a method named for a file, path or measure describes its receiver, not what it holds (node-red)',
    code: 'export function f(req) { const project = Object.assign({}, req.user); logger.trace(project.getFlowFileBackup(), project.getPath(), project.count()); }',
  },
  {
    name: "a value whose own name rules the identifier out keeps that under a key or parameter that names one (outline's configured allow list)",
    code: "function matchIp({ ipAddressList, listName }) {\n  for (const ip of ipAddressList) Logger.warn(`invalid CIDR in ${listName}: ${ip}`);\n}\nexport function check(resolved) {\n  matchIp({ ipAddressList: resolved.allowIPAddressList, listName: 'allowIPAddressList' });\n  logger.info({ sessionId: cookieName, clientIp: config.trustedIp });\n}",
  },
  {
    name: 'a storage or cookie key held in a constant that names app state (outline)',
    code: "import { getCookie } from 'tiny-cookie';\nimport { cookies } from 'next/headers';\nconst key = 'postLoginRedirectPath';\nconst path = sessionStorage.getItem(key) || getCookie(key);\nLogger.info('lifecycle', { path }, cookies().get('theme'));",
  },
  { name: 'an anonymous user is no one (node-red)', code: 'export function f(anonymousUser, guestAccount) { logger.info(anonymousUser, guestAccount); }' },
  { name: 'SCREAMING_CASE members are constants', code: 'logger.info(AuthenticationScheme.BEARER, TokenType.ACCESS_TOKEN, DEFAULT_SESSION_ID);' },
  { name: "a #! program's console output is its interface", code: "#!/usr/bin/env node\nconsole.log('user', require('os').userInfo().username, process.argv.slice(2));" },
];

/** A package bin entry (on disk, beside its package.json): its console output is not checked. */
export const BIN_ENTRY = {
  filename: `${__dirname}/../fixtures/cli-package/bin/seed.js`,
  code: "console.log('created user', require('os').userInfo().username);",
};
