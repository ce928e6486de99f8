import { KINDS, type Kind } from '../../src/catalog';
import type { Expect, InvalidSpec, ValidSpec } from './helpers';

const WHY =
  'an aggregate is kept indefinitely only when nothing in it identifies a person, and an identifier as a label also makes one time series per person';

type How = 'label' | 'name' | 'labelName';

/** The message the contract spells, per place: a label value, a metric name, a declared label name. */
export function metricMessage(kind: Kind, origin: string, sink: string, how: How): string {
  const label = KINDS[kind].label;
  const head = label.charAt(0).toUpperCase() + label.slice(1);
  if (how === 'labelName') {
    return `${head} from the label name ${origin} reaches ${sink} as a metric label without classification: ${WHY}; drop the label or give it a redacted value under another name`;
  }
  const where = how === 'name' ? 'in a metric name' : 'as a metric label';
  return `${head} from ${origin} reaches ${sink} ${where} without classification: ${WHY}`;
}

function f(at: string, kind: Kind, origin: string, sink: string, how: How = 'label', extra: Partial<Expect> = {}): Expect {
  return { at, kind, origin, sink, message: metricMessage(kind, origin, sink, how), ...(how === 'labelName' ? { noSuggestions: true } : {}), ...extra };
}

/** `app.get('/', (req, res) => { BODY });` */
function route(body: string): string {
  return `app.get('/', (req, res) => { ${body} });`;
}

const PROM = "import client from 'prom-client';\n";
const COUNTER = "const logins = new client.Counter({ name: 'logins_total', help: 'Logins', labelNames: ['route', 'user'] });\n";
const OTEL = "import { metrics } from '@opentelemetry/api';\nconst meter = metrics.getMeter('api');\n";
const HOTSHOTS = "import StatsD from 'hot-shots';\nconst stats = new StatsD({ prefix: 'api.' });\n";
const EMF = "import { metricScope, createMetricsLogger } from 'aws-embedded-metrics';\n";

// ── prom-client ──────────────────────────────────────────────────────────
const prom: InvalidSpec[] = [
  {
    name: 'prom-client: labelNames that name a user id',
    code: `${PROM}new client.Counter({ name: 'logins_total', help: 'Logins', labelNames: ['route', 'user_id'] });`,
    findings: [f("'user_id'", 'user', "'user_id'", 'new client.Counter', 'labelName')],
  },
  {
    name: 'prom-client: named import, labelNames with an IP and a session id',
    code: "import { Histogram } from 'prom-client';\nnew Histogram({ name: 'latency', help: 'x', labelNames: ['client_ip', 'session_id', 'status'] });",
    findings: [
      f("'client_ip'", 'ip', "'client_ip'", 'new Histogram', 'labelName'),
      f("'session_id'", 'session', "'session_id'", 'new Histogram', 'labelName'),
    ],
  },
  {
    name: 'prom-client: labelNames from a constant array',
    code: "const { Gauge } = require('prom-client');\nconst LABELS = ['device_id'];\nnew Gauge({ name: 'g', help: 'x', labelNames: LABELS });",
    sourceType: 'commonjs',
    findings: [f("'device_id'", 'device', "'device_id'", 'new Gauge', 'labelName', { nth: 0 })],
  },
  {
    name: 'prom-client: options object in a constant',
    code: "import { Summary } from 'prom-client';\nconst options = { name: 's', help: 'x', labelNames: ['email'] };\nnew Summary(options);",
    findings: [f("'email'", 'user', "'email'", 'new Summary', 'labelName', { nth: 0 })],
  },
  {
    name: 'prom-client: counter.inc with a user id label value',
    code: `${PROM}${COUNTER}${route("logins.inc({ route: '/login', user: req.user.id });")}`,
    findings: [f('req.user.id', 'user', 'req.user', 'logins.inc')],
  },
  {
    name: 'prom-client: gauge.set with an IP label and a value',
    code: `${PROM}const inflight = new client.Gauge({ name: 'inflight', help: 'x' });\n${route('inflight.set({ ip: req.ip }, 1);')}`,
    findings: [f('req.ip', 'ip', 'req.ip', 'inflight.set')],
  },
  {
    name: 'prom-client: gauge.dec with a token label',
    code: `${PROM}const inflight = new client.Gauge({ name: 'inflight', help: 'x' });\n${route('inflight.dec({ key: req.headers.authorization });')}`,
    findings: [f('req.headers.authorization', 'token', 'req.headers.authorization', 'inflight.dec')],
  },
  {
    name: 'prom-client: histogram.observe with a user agent label',
    code: `${PROM}const latency = new client.Histogram({ name: 'latency', help: 'x' });\n${route("latency.observe({ agent: req.headers['user-agent'] }, 0.2);")}`,
    findings: [f("req.headers['user-agent']", 'device', "req.headers['user-agent']", 'latency.observe')],
  },
  {
    name: 'prom-client: summary.observe with a cookie label',
    code: `${PROM}const sizes = new client.Summary({ name: 'sizes', help: 'x' });\n${route('sizes.observe({ sid: req.cookies.sid }, 10);')}`,
    findings: [f('req.cookies.sid', 'cookie', 'req.cookies', 'sizes.observe')],
  },
  {
    name: 'prom-client: labels(value) positional',
    code: `${PROM}${COUNTER}${route("logins.labels('/login', req.ip).inc();")}`,
    findings: [f('req.ip', 'ip', 'req.ip', 'logins.labels')],
  },
  {
    name: 'prom-client: labels(object)',
    code: `${PROM}${COUNTER}${route('logins.labels({ session: req.sessionID }).inc(2);')}`,
    findings: [f('req.sessionID', 'session', 'req.sessionID', 'logins.labels')],
  },
  {
    name: 'prom-client: startTimer labels',
    code: `${PROM}const latency = new client.Histogram({ name: 'latency', help: 'x' });\n${route('const end = latency.startTimer({ ip: req.ip }); end();')}`,
    findings: [f('req.ip', 'ip', 'req.ip', 'latency.startTimer')],
  },
  {
    name: 'prom-client: labels given when the timer ends',
    code: `${PROM}const latency = new client.Histogram({ name: 'latency', help: 'x' });\n${route('const end = latency.startTimer(); end({ user: req.user.email });')}`,
    findings: [f('req.user.email', 'user', 'req.user', 'end')],
  },
  {
    name: 'prom-client: remove a labelled series by IP',
    code: `${PROM}${COUNTER}${route('logins.remove(req.ip);')}`,
    findings: [f('req.ip', 'ip', 'req.ip', 'logins.remove')],
  },
  {
    name: 'prom-client: metric name built from a user id',
    code: `${PROM}${route("new client.Counter({ name: 'logins_' + req.user.id, help: 'x' });")}`,
    findings: [f('req.user.id', 'user', 'req.user', 'new client.Counter', 'name')],
  },
  {
    name: 'prom-client: a labels object held in a variable',
    code: `${PROM}${COUNTER}${route("const labels = { route: '/x', ip: req.ip };\nlogins.inc(labels);")}`,
    findings: [f('labels', 'ip', 'req.ip', 'logins.inc')],
  },
  {
    name: 'prom-client: CommonJS require and a receiver on this',
    code: "const client = require('prom-client');\nclass Metrics { constructor() { this.loginCounter = new client.Counter({ name: 'l', help: 'x' }); }\n  track(req) { this.loginCounter.inc({ user: req.user }); } }",
    sourceType: 'commonjs',
    findings: [f('req.user', 'user', 'req.user', 'this.loginCounter.inc')],
  },
  {
    name: 'prom-client: instrument known by its name only',
    code: route('httpRequestCounter.inc({ ua: req.get(\'User-Agent\') });'),
    findings: [f("req.get('User-Agent')", 'device', "req.get('User-Agent')", 'httpRequestCounter.inc')],
  },
  {
    name: 'prom-client: TypeScript, a label value through as',
    code: `import { Counter } from 'prom-client';\nconst c = new Counter({ name: 'c', help: 'x', labelNames: ['ip'] as const });\n${route('c.inc({ ip: req.ip as string });')}`,
    ts: true,
    findings: [f("'ip'", 'ip', "'ip'", 'new Counter', 'labelName'), f('req.ip', 'ip', 'req.ip', 'c.inc')],
  },
  {
    name: 'prom-client: label value named by its key (opaque value)',
    code: `${PROM}${COUNTER}export function track(account) { logins.inc({ user_id: account.lookup() }); }`,
    findings: [f('account.lookup()', 'user', 'user_id', 'logins.inc')],
  },
];

// ── OpenTelemetry metrics ────────────────────────────────────────────────
const otel: InvalidSpec[] = [
  {
    name: 'otel: counter.add attributes with a user id',
    code: `${OTEL}const logins = meter.createCounter('logins');\n${route("logins.add(1, { 'enduser.id': req.user.id });")}`,
    findings: [f('req.user.id', 'user', 'req.user', 'logins.add')],
  },
  {
    name: 'otel: histogram.record attributes with the client address',
    code: `${OTEL}const latency = meter.createHistogram('latency');\n${route("latency.record(12, { 'client.address': req.ip });")}`,
    findings: [f('req.ip', 'ip', 'req.ip', 'latency.record')],
  },
  {
    name: 'otel: up-down counter with a session id',
    code: `${OTEL}const active = meter.createUpDownCounter('active');\n${route('active.add(-1, { session: req.sessionID });')}`,
    findings: [f('req.sessionID', 'session', 'req.sessionID', 'active.add')],
  },
  {
    name: 'otel: gauge.record with a user agent',
    code: `${OTEL}const g = meter.createGauge('g');\n${route("g.record(1, { ua: req.headers['user-agent'] });")}`,
    findings: [f("req.headers['user-agent']", 'device', "req.headers['user-agent']", 'g.record')],
  },
  {
    name: 'otel: instrument name built from a user id',
    code: `${OTEL}${route('meter.createCounter(`logins.${req.user.id}`);')}`,
    findings: [f('req.user.id', 'user', 'req.user', 'meter.createCounter', 'name')],
  },
  {
    name: 'otel: meter from a chained getMeter call',
    code: `${OTEL}${route("metrics.getMeter('x').createCounter('c').add(1, { ip: req.ip });")}`,
    findings: [f('req.ip', 'ip', 'req.ip', "metrics.getMeter('x').createCounter('c').add")],
  },
  {
    name: 'otel: observable callback observe(value, attributes)',
    code: `${OTEL}const gauge = meter.createObservableGauge('g');\n${route('gauge.addCallback((result) => { result.observe(1, { ip: req.ip }); });')}`,
    findings: [f('req.ip', 'ip', 'req.ip', 'result.observe')],
  },
  {
    name: 'otel: batch observable callback observe(instrument, value, attributes)',
    code: `${OTEL}const gauge = meter.createObservableGauge('g');\n${route('meter.addBatchObservableCallback((batch) => { batch.observe(gauge, 1, { user: req.user.id }); }, [gauge]);')}`,
    findings: [f('req.user.id', 'user', 'req.user', 'batch.observe')],
  },
  {
    name: 'otel: attributes with a spread and a whole user',
    code: `${OTEL}const logins = meter.createCounter('logins');\n${route("logins.add(1, { ...{ route: '/x' }, who: req.user });")}`,
    findings: [f('req.user', 'user', 'req.user', 'logins.add')],
  },
  {
    name: 'otel: instrument on this, known by name',
    code: route("this.requestCounter.add(1, { ua: req.get('User-Agent') });"),
    findings: [f("req.get('User-Agent')", 'device', "req.get('User-Agent')", 'this.requestCounter.add')],
  },
  {
    name: 'otel: attributes in a variable built from a token',
    code: `${OTEL}const calls = meter.createCounter('calls');\n${route("const attrs = { key: req.headers['x-api-key'] };\ncalls.add(1, attrs);")}`,
    findings: [f('attrs', 'token', "req.headers['x-api-key']", 'calls.add')],
  },
  {
    name: 'otel: TypeScript instrument',
    code: `import { metrics, type Counter } from '@opentelemetry/api';\nconst c: Counter = metrics.getMeter('a').createCounter('c');\n${route('c.add(1, { ip: req.ip! });')}`,
    ts: true,
    findings: [f('req.ip', 'ip', 'req.ip', 'c.add')],
  },
];

// ── StatsD: hot-shots, node-statsd, dogstatsd ─────────────────────────────
const statsd: InvalidSpec[] = [
  {
    name: 'hot-shots: tags object with a user id',
    code: `${HOTSHOTS}${route("stats.increment('login', 1, { user: req.user.id });")}`,
    findings: [f('req.user.id', 'user', 'req.user', 'stats.increment')],
  },
  {
    name: 'hot-shots: key:value tag by concatenation',
    code: `${HOTSHOTS}${route("stats.increment('login', ['ip:' + req.ip]);")}`,
    findings: [f('req.ip', 'ip', 'req.ip', 'stats.increment')],
  },
  {
    name: 'hot-shots: key:value tag in a template',
    code: `${HOTSHOTS}${route('stats.histogram(\'latency\', 12, [`session:${req.sessionID}`]);')}`,
    findings: [f('req.sessionID', 'session', 'req.sessionID', 'stats.histogram')],
  },
  {
    name: 'hot-shots: stat name built from a user id',
    code: `${HOTSHOTS}${route("stats.increment('login.' + req.user.id);")}`,
    findings: [f('req.user.id', 'user', 'req.user', 'stats.increment', 'name')],
  },
  {
    name: 'hot-shots: gauge with sample rate and a token tag',
    code: `${HOTSHOTS}${route("stats.gauge('cart', 3, 1, ['auth:' + req.headers.authorization]);")}`,
    findings: [f('req.headers.authorization', 'token', 'req.headers.authorization', 'stats.gauge')],
  },
  {
    name: 'hot-shots: set counts unique visitors by IP',
    code: `${HOTSHOTS}${route("stats.set('visitors', req.ip);")}`,
    findings: [f('req.ip', 'ip', 'req.ip', 'stats.set')],
  },
  {
    name: 'hot-shots: { StatsD } from require, distribution with a callback',
    code: "const { StatsD } = require('hot-shots');\nconst c = new StatsD();\n" + route("c.distribution('size', 1, { ua: req.headers['user-agent'] }, () => {});"),
    sourceType: 'commonjs',
    findings: [f("req.headers['user-agent']", 'device', "req.headers['user-agent']", 'c.distribution')],
  },
  {
    name: 'hot-shots: globalTags in the constructor',
    code: "import { StatsD } from 'hot-shots';\nexport function make(userId) { return new StatsD({ globalTags: { user_id: userId } }); }",
    findings: [f('userId', 'user', 'userId', 'new StatsD')],
  },
  {
    name: 'hot-shots: childClient globalTags',
    code: `${HOTSHOTS}${route('const child = stats.childClient({ globalTags: { session: req.sessionID } }); child.increment(\'x\');')}`,
    findings: [f('req.sessionID', 'session', 'req.sessionID', 'stats.childClient')],
  },
  {
    name: 'hot-shots: key names an opaque value',
    code: `${HOTSHOTS}function track(who) { stats.increment('login', ['user_id:' + who]); }\nexport { track };`,
    findings: [f('who', 'user', "'user_id'", 'stats.increment')],
  },
  {
    name: 'node-statsd: timing with a user agent tag',
    code: "const StatsD = require('node-statsd');\nconst c = new StatsD();\n" + route("c.timing('response', 12, ['ua:' + req.headers['user-agent']]);"),
    sourceType: 'commonjs',
    findings: [f("req.headers['user-agent']", 'device', "req.headers['user-agent']", 'c.timing')],
  },
  {
    name: 'node-dogstatsd: increment with tags',
    code: "import { StatsD } from 'node-dogstatsd';\nconst dd = new StatsD();\n" + route("dd.increment('page.views', ['email:' + req.user.email]);"),
    findings: [f('req.user.email', 'user', 'req.user', 'dd.increment')],
  },
  {
    name: 'dogstatsd receiver by name: histogram with an IP tag object',
    code: route("dogstatsd.histogram('latency', 3, { client_ip: req.ip });"),
    findings: [f('req.ip', 'ip', 'req.ip', 'dogstatsd.histogram')],
  },
  {
    name: 'statsd receiver on this: decrement with a cookie',
    code: route("this.statsd.decrement('carts', 1, ['cart:' + req.cookies.cart]);"),
    findings: [f('req.cookies.cart', 'cookie', 'req.cookies', 'this.statsd.decrement')],
  },
];

// ── AWS embedded metric format ───────────────────────────────────────────
const emf: InvalidSpec[] = [
  {
    name: 'aws-embedded-metrics: putDimensions with an IP in metricScope',
    code: `${EMF}app.get('/', metricScope((metrics) => async (req, res) => { metrics.putDimensions({ Service: 'api', SourceIp: req.ip }); }));`,
    findings: [f('req.ip', 'ip', 'req.ip', 'metrics.putDimensions')],
  },
  {
    name: 'aws-embedded-metrics: setProperty with a user id',
    code: `${EMF}app.get('/', metricScope((m) => async (req) => { m.setProperty('UserId', req.user.id); }));`,
    findings: [f('req.user.id', 'user', 'req.user', 'm.setProperty')],
  },
  {
    name: 'aws-embedded-metrics: setProperty key names an opaque value',
    code: `${EMF}export const handler = metricScope((m) => async (event) => { m.setProperty('UserId', lookup(event)); });`,
    findings: [f('lookup(event)', 'user', "'UserId'", 'm.setProperty')],
  },
  {
    name: 'aws-embedded-metrics: createMetricsLogger and a user agent',
    code: `${EMF}${route("const log = createMetricsLogger(); log.setProperty('Agent', req.get('user-agent'));")}`,
    findings: [f("req.get('user-agent')", 'device', "req.get('user-agent')", 'log.setProperty')],
  },
  {
    name: 'aws-embedded-metrics: setDimensions with a cookie',
    code: `${EMF}${route('const m = createMetricsLogger(); m.setDimensions({ Cart: req.cookies.cart });')}`,
    findings: [f('req.cookies.cart', 'cookie', 'req.cookies', 'm.setDimensions')],
  },
  {
    name: 'aws-embedded-metrics: metric name built from a user id',
    code: `${EMF}${route('const m = createMetricsLogger(); m.putMetric(`login_${req.user.id}`, 1);')}`,
    findings: [f('req.user.id', 'user', 'req.user', 'm.putMetric', 'name')],
  },
  {
    name: 'aws-embedded-metrics: Lambda source IP as a dimension',
    code: `${EMF}export const handler = metricScope((metrics) => async (event) => { metrics.putDimensions({ Ip: event.requestContext.identity.sourceIp }); });`,
    findings: [f('event.requestContext.identity.sourceIp', 'ip', 'event.requestContext.identity.sourceIp', 'metrics.putDimensions')],
  },
];

export const INVALID: InvalidSpec[] = [...prom, ...otel, ...statsd, ...emf];

export const OPTION_INVALID: InvalidSpec[] = [
  {
    name: 'option sources: a custom name marks a label',
    code: `${PROM}new client.Counter({ name: 'c', help: 'x', labelNames: ['msisdn'] });`,
    options: [{ sources: [{ kind: 'user', name: 'msisdn' }] }],
    findings: [f("'msisdn'", 'user', "'msisdn'", 'new client.Counter', 'labelName')],
  },
  {
    name: 'option redactModule: the fixes import from it',
    code: `${PROM}${COUNTER}${route('logins.inc({ ip: req.ip });')}`,
    options: [{ redactModule: '@acme/privacy' }],
    module: '@acme/privacy',
    findings: [f('req.ip', 'ip', 'req.ip', 'logins.inc')],
  },
];

// ── valid ────────────────────────────────────────────────────────────────
export const VALID: ValidSpec[] = [
  { name: 'prom-client: route and status labels', code: `${PROM}${COUNTER}${route("logins.inc({ route: '/login', status: 200 });")}` },
  { name: 'prom-client: inc without labels', code: `${PROM}${COUNTER}logins.inc(); logins.inc(5);` },
  { name: 'prom-client: labelNames without identifiers', code: `${PROM}new client.Counter({ name: 'c', help: 'x', labelNames: ['route', 'method', 'status_code'] });` },
  { name: 'prom-client: redacted IP label', code: `import { redact } from '@online-identifiers/redact';\n${PROM}${COUNTER}${route('logins.inc({ subnet: redact.ip(req.ip) });')}` },
  { name: 'prom-client: pseudonymized user label', code: `import { pseudonymize } from '@online-identifiers/redact';\n${PROM}${COUNTER}${route('logins.inc({ user: pseudonymize(req.user.id) });')}` },
  { name: 'prom-client: labels with the method and path template', code: `${PROM}${COUNTER}${route("logins.labels(req.method, '/users/:id').inc();")}` },
  { name: 'prom-client: bound labels then a value', code: `${PROM}${COUNTER}${route("logins.labels('GET').inc(req.body.count);")}` },
  { name: 'prom-client: gauge set to a count', code: `${PROM}const g = new client.Gauge({ name: 'g', help: 'x' });\nconst sessions = new Map();\ng.set(sessions.size);` },
  { name: 'prom-client: timer ended without labels', code: `${PROM}const h = new client.Histogram({ name: 'h', help: 'x' });\n${route('const end = h.startTimer(); end();')}` },
  { name: 'a local Counter class is not prom-client', code: "class Counter { constructor(o) { this.o = o; } }\nnew Counter({ labelNames: ['user_id'] });" },
  { name: 'a Map keyed by IP is not a metric', code: route('seen.set(req.ip, Date.now());') },
  { name: 'a Set of IPs is not a metric', code: route('const visitors = new Set(); visitors.add(req.ip);') },
  { name: 'IntersectionObserver.observe is not a metric', code: 'const observer = new IntersectionObserver(() => {}); observer.observe(document.body);' },
  { name: 'CSS setProperty is not EMF', code: route("element.style.setProperty('--ip', req.ip);") },
  { name: 'otel: route attribute', code: `${OTEL}const c = meter.createCounter('c');\n${route("c.add(1, { 'http.method': req.method, 'http.status_code': 200 });")}` },
  { name: 'otel: a constant instrument name', code: `${OTEL}meter.createCounter('logins', { description: 'Logins' });` },
  { name: 'otel: observable result with a constant attribute', code: `${OTEL}const g = meter.createObservableGauge('g');\nconst queue = [];\ng.addCallback((result) => { result.observe(queue.length, { queue: 'jobs' }); });` },
  { name: 'otel: the value of record is a number, not a label', code: `${OTEL}const h = meter.createHistogram('h');\n${route('h.record(req.body.length);')}` },
  { name: 'hot-shots: constant tags', code: `${HOTSHOTS}${route("stats.increment('login', 1, ['route:/login', 'status:200']);")}` },
  { name: 'hot-shots: stat name from a status', code: `${HOTSHOTS}${route('stats.increment(`login.${res.statusCode}`);')}` },
  { name: 'hot-shots: timing a duration', code: `${HOTSHOTS}const start = Date.now();\nstats.timing('db', Date.now() - start);` },
  { name: 'hot-shots: redacted key:value tag', code: `import { redact } from '@online-identifiers/redact';\n${HOTSHOTS}${route("stats.increment('login', ['net:' + redact.ip(req.ip)]);")}` },
  { name: 'hot-shots: globalTags with the environment', code: "import { StatsD } from 'hot-shots';\nnew StatsD({ globalTags: { env: process.env.NODE_ENV } });" },
  { name: 'hot-shots: a key that names nothing', code: `${HOTSHOTS}function track(kind) { stats.increment('job', ['kind:' + kind]); }\nexport { track };` },
  { name: 'aws-embedded-metrics: service dimension', code: `${EMF}export const handler = metricScope((metrics) => async () => { metrics.putDimensions({ Service: 'api' }); metrics.putMetric('Latency', 12, 'Milliseconds'); });` },
  { name: 'aws-embedded-metrics: request id property', code: `${EMF}export const handler = metricScope((metrics) => async (event, context) => { metrics.setProperty('RequestId', context.awsRequestId); });` },
  { name: 'statsd client methods on an unrelated object', code: route('counterparty.increment(req.ip);') },
  { name: 'classified for security', code: `import { classify } from '@online-identifiers/redact';\n${PROM}${COUNTER}${route("logins.inc({ user: classify(req.user.id, 'user') });")}` },
];

export const OPTION_VALID: ValidSpec[] = [
  { name: 'option kinds: only IP addresses are checked', code: `${PROM}${COUNTER}${route('logins.inc({ user: req.user.id });')}`, options: [{ kinds: ['ip'] }] },
  { name: 'option ignoreNames: a label name read otherwise', code: `${PROM}new client.Counter({ name: 'c', help: 'x', labelNames: ['session_id'] });`, options: [{ ignoreNames: ['session_id'] }] },
  { name: 'option sanitizers: a project helper classifies', code: `${PROM}${COUNTER}${route('logins.inc({ ip: anonymizeIp(req.ip) });')}`, options: [{ sanitizers: ['anonymizeIp'] }] },
];
