import type { Kind } from '../../src/catalog';
import type { Expect, InvalidSpec, ValidSpec } from './helpers';

/** A flow finding: the message names the sink as `<vendor> (<call>)`. */
function f(at: string, kind: Kind, origin: string, vendor: string, call: string, extra: Partial<Expect> = {}): Expect {
  return { at, kind, origin, sink: `${vendor} (${call})`, ...extra };
}

/** Intercom data naming the user without user_hash: reported at the key, no suggestion. */
function unverified(key: string, nth: number): Expect {
  return {
    at: key,
    nth,
    kind: 'user',
    origin: key,
    sink: 'Intercom',
    message: `Intercom option ${key} without user_hash lets anyone who sets that value in a browser read the user's Intercom conversations (identity verification is off)`,
    noSuggestions: true,
  };
}

/** `app.get('/', (req, res) => { BODY });` */
function route(body: string): string {
  return `app.get('/', (req, res) => { ${body} });`;
}

// ── Sentry: the SDK, scopes, spans ───────────────────────────────────────
const sentry: InvalidSpec[] = [
  {
    name: 'Sentry.setUser with the IP address (namespace import)',
    code: `import * as Sentry from '@sentry/node';\n${route('Sentry.setUser({ id: 42, ip_address: req.ip });')}`,
    findings: [f('req.ip', 'ip', 'req.ip', 'Sentry', 'Sentry.setUser')],
  },
  {
    name: 'Sentry.setTag with a user id (require)',
    code: `const Sentry = require('@sentry/node');\n${route("Sentry.setTag('user', req.user.id);")}`,
    findings: [f('req.user.id', 'user', 'req.user', 'Sentry', 'Sentry.setTag')],
  },
  {
    name: 'setUser imported by name from @sentry/browser',
    code: "import { setUser } from '@sentry/browser';\nsetUser({ email: localStorage.getItem('email') });",
    findings: [f("localStorage.getItem('email')", 'storage', 'localStorage', 'Sentry', 'setUser')],
  },
  {
    name: 'Sentry.setTags',
    code: `import * as Sentry from '@sentry/react';\n${route("Sentry.setTags({ ua: req.get('user-agent') });")}`,
    findings: [f("req.get('user-agent')", 'device', "req.get('user-agent')", 'Sentry', 'Sentry.setTags')],
  },
  {
    name: 'Sentry.setExtra with the session id',
    code: `import * as Sentry from '@sentry/node';\n${route("Sentry.setExtra('session', req.sessionID);")}`,
    findings: [f('req.sessionID', 'session', 'req.sessionID', 'Sentry', 'Sentry.setExtra')],
  },
  {
    name: 'Sentry.setExtras with cookies',
    code: `import * as Sentry from '@sentry/node';\n${route('Sentry.setExtras({ cookies: req.cookies });')}`,
    findings: [f('req.cookies', 'cookie', 'req.cookies', 'Sentry', 'Sentry.setExtras')],
  },
  {
    name: 'Sentry.setContext with the authorization header',
    code: `import * as Sentry from '@sentry/node';\n${route("Sentry.setContext('auth', { header: req.headers.authorization });")}`,
    findings: [f('req.headers.authorization', 'token', 'req.headers.authorization', 'Sentry', 'Sentry.setContext')],
  },
  {
    name: 'Sentry.addBreadcrumb with data',
    code: `import * as Sentry from '@sentry/node';\n${route("Sentry.addBreadcrumb({ category: 'auth', data: { ip: req.ip } });")}`,
    findings: [f('req.ip', 'ip', 'req.ip', 'Sentry', 'Sentry.addBreadcrumb')],
  },
  {
    name: 'Sentry.captureMessage with context',
    code: `import * as Sentry from '@sentry/node';\n${route("Sentry.captureMessage('login failed', { user: { email: req.body.email } });")}`,
    findings: [f('req.body.email', 'user', 'req.body.email', 'Sentry', 'Sentry.captureMessage')],
  },
  {
    name: 'Sentry.captureException with extra',
    code: `import * as Sentry from '@sentry/node';\n${route('Sentry.captureException(new Error(), { extra: { headers: req.headers } });')}`,
    findings: [f('req.headers', 'request', 'req.headers', 'Sentry', 'Sentry.captureException')],
  },
  {
    name: 'withScope: scope.setUser',
    code: `import * as Sentry from '@sentry/node';\n${route('Sentry.withScope((scope) => { scope.setUser({ ip_address: req.ip }); Sentry.captureException(new Error()); });')}`,
    findings: [f('req.ip', 'ip', 'req.ip', 'Sentry', 'scope.setUser')],
  },
  {
    name: 'getCurrentScope().setTag',
    code: `import * as Sentry from '@sentry/node';\n${route("Sentry.getCurrentScope().setTag('sid', req.sessionID);")}`,
    findings: [f('req.sessionID', 'session', 'req.sessionID', 'Sentry', 'Sentry.getCurrentScope().setTag')],
  },
  {
    name: 'a scope held in a variable',
    code: `import * as Sentry from '@sentry/node';\n${route("const scope = Sentry.getIsolationScope(); scope.setExtra('cookie', req.headers.cookie);")}`,
    findings: [f('req.headers.cookie', 'cookie', 'req.headers.cookie', 'Sentry', 'scope.setExtra')],
  },
  {
    name: 'configureScope (Sentry 7)',
    code: `const Sentry = require('@sentry/browser');\nSentry.configureScope((scope) => scope.setUser({ id: document.cookie }));`,
    findings: [f('document.cookie', 'cookie', 'document.cookie', 'Sentry', 'scope.setUser')],
  },
  {
    name: 'Sentry.startSpan attributes and the span in its callback',
    code: `import * as Sentry from '@sentry/node';\n${route("Sentry.startSpan({ name: 'checkout', attributes: { ip: req.ip } }, (span) => { span.setAttribute('user', req.user.id); });")}`,
    findings: [f('req.ip', 'ip', 'req.ip', 'Sentry', 'Sentry.startSpan'), f('req.user.id', 'user', 'req.user', 'Sentry', 'span.setAttribute')],
  },
  {
    name: 'the browser snippet global Sentry',
    code: "Sentry.setUser({ id: localStorage.getItem('uid') });",
    findings: [f("localStorage.getItem('uid')", 'storage', 'localStorage', 'Sentry', 'Sentry.setUser')],
  },
];

// ── OpenTelemetry: spans, tracers, logs ──────────────────────────────────
const otel: InvalidSpec[] = [
  {
    name: 'span.setAttribute on a span from tracer.startSpan',
    code: `import { trace } from '@opentelemetry/api';\nconst tracer = trace.getTracer('web');\n${route("const span = tracer.startSpan('login'); span.setAttribute('client.address', req.ip); span.end();")}`,
    findings: [f('req.ip', 'ip', 'req.ip', 'OpenTelemetry', 'span.setAttribute')],
  },
  {
    name: 'span.setAttributes on the active span',
    code: `const api = require('@opentelemetry/api');\n${route("api.trace.getActiveSpan()?.setAttributes({ 'user.email': req.user.email });")}`,
    findings: [f('req.user.email', 'user', 'req.user', 'OpenTelemetry', 'api.trace.getActiveSpan()?.setAttributes')],
  },
  {
    name: 'span.addEvent attributes',
    code: `import { trace } from '@opentelemetry/api';\n${route("const span = trace.getActiveSpan(); span.addEvent('auth', { token: req.headers.authorization });")}`,
    findings: [f('req.headers.authorization', 'token', 'req.headers.authorization', 'OpenTelemetry', 'span.addEvent')],
  },
  {
    name: 'tracer.startSpan with attributes',
    code: `import { trace } from '@opentelemetry/api';\nconst tracer = trace.getTracer('web');\n${route("tracer.startSpan('request', { attributes: { 'http.user_agent': req.get('user-agent') } });")}`,
    findings: [f("req.get('user-agent')", 'device', "req.get('user-agent')", 'OpenTelemetry', 'tracer.startSpan')],
  },
  {
    name: 'startActiveSpan: options and the span in its callback',
    code: `import { trace } from '@opentelemetry/api';\nconst tracer = trace.getTracer('web');\n${route("tracer.startActiveSpan('db', { attributes: { sid: req.sessionID } }, (span) => { span.setAttribute('ip', req.ip); span.end(); });")}`,
    findings: [f('req.sessionID', 'session', 'req.sessionID', 'OpenTelemetry', 'tracer.startActiveSpan'), f('req.ip', 'ip', 'req.ip', 'OpenTelemetry', 'span.setAttribute')],
  },
  {
    name: 'a span handed to a helper, known by its name',
    code: 'export function tagUser(span, req) { span.setAttribute(\'enduser.id\', req.user.id); }',
    findings: [f('req.user.id', 'user', 'req.user', 'OpenTelemetry', 'span.setAttribute')],
  },
  {
    name: 'this.tracer.startSpan in a service, known by name',
    code: "export class Checkout { run(req) { this.tracer.startSpan('pay', { attributes: { cookie: req.headers.cookie } }); } }",
    findings: [f('req.headers.cookie', 'cookie', 'req.headers.cookie', 'OpenTelemetry', 'this.tracer.startSpan')],
  },
];

// ── product analytics and tag managers ───────────────────────────────────
const analytics: InvalidSpec[] = [
  {
    name: 'Segment analytics-node identify',
    code: `const Analytics = require('analytics-node');\nconst analytics = new Analytics('key');\n${route("analytics.identify({ userId: req.user.id, traits: { plan: 'pro' } });")}`,
    findings: [f('req.user.id', 'user', 'req.user', 'Segment', 'analytics.identify')],
  },
  {
    name: 'Segment @segment/analytics-node track',
    code: `import { Analytics } from '@segment/analytics-node';\nconst segment = new Analytics({ writeKey: 'k' });\n${route("segment.track({ userId: 'u1', event: 'Login', properties: { ip: req.ip } });")}`,
    findings: [f('req.ip', 'ip', 'req.ip', 'Segment', 'segment.track')],
  },
  {
    name: 'Segment browser global analytics.identify',
    code: "analytics.identify(localStorage.getItem('userId'), { plan: 'pro' });",
    findings: [f("localStorage.getItem('userId')", 'storage', 'localStorage', 'Segment', 'analytics.identify')],
  },
  {
    name: 'Segment window.analytics.page with the user agent',
    code: "window.analytics.page('Home', { ua: navigator.userAgent });",
    findings: [f('navigator.userAgent', 'device', 'navigator.userAgent', 'Segment', 'window.analytics.page')],
  },
  {
    name: 'Segment group and alias',
    code: "export function link(userId, previousId) { analytics.group('acme'); analytics.alias(userId, previousId); }",
    findings: [f('userId', 'user', 'userId', 'Segment', 'analytics.alias')],
  },
  {
    name: 'Mixpanel people.set (mixpanel-browser)',
    code: "import mixpanel from 'mixpanel-browser';\nexport function profile(email) { mixpanel.people.set({ $email: email }); }",
    findings: [f('email', 'user', 'email', 'Mixpanel', 'mixpanel.people.set', { nth: 2 })],
  },
  {
    name: 'Mixpanel Node: init().track with distinct_id',
    code: `const Mixpanel = require('mixpanel');\nconst mp = Mixpanel.init('token');\n${route("mp.track('login', { distinct_id: req.user.id });")}`,
    findings: [f('req.user.id', 'user', 'req.user', 'Mixpanel', 'mp.track')],
  },
  {
    name: 'Amplitude setUserId and init with a user id',
    code: "import * as amplitude from '@amplitude/analytics-browser';\nexport function start(userId) { amplitude.init('KEY', userId); }",
    findings: [f('userId', 'user', 'userId', 'Amplitude', 'amplitude.init')],
  },
  {
    name: 'Amplitude Identify().set',
    code: "import { Identify, identify } from '@amplitude/analytics-browser';\nexport function who(email) { identify(new Identify().set('email', email)); }",
    findings: [f('email', 'user', 'email', 'Amplitude', 'new Identify().set', { nth: 2 })],
  },
  {
    name: 'PostHog identify (posthog-js)',
    code: "import posthog from 'posthog-js';\nposthog.identify(document.cookie);",
    findings: [f('document.cookie', 'cookie', 'document.cookie', 'PostHog', 'posthog.identify')],
  },
  {
    name: 'PostHog Node capture',
    code: `import { PostHog } from 'posthog-node';\nconst client = new PostHog('key');\n${route("client.capture({ distinctId: 'x', event: 'login', properties: { ip: req.ip } });")}`,
    findings: [f('req.ip', 'ip', 'req.ip', 'PostHog', 'client.capture')],
  },
  {
    name: "gtag('config') with user_id",
    code: "export function ga(userId) { gtag('config', 'G-123', { user_id: userId }); }",
    findings: [f('userId', 'user', 'userId', 'Google Analytics', 'gtag')],
  },
  {
    name: "gtag('set') and gtag('event') in the page that declares the snippet",
    code: "window.dataLayer = window.dataLayer || [];\nfunction gtag() { dataLayer.push(arguments); }\ngtag('event', 'login', { ua: navigator.userAgent });",
    findings: [f('navigator.userAgent', 'device', 'navigator.userAgent', 'Google Analytics', 'gtag')],
  },
  {
    name: 'dataLayer.push',
    code: "dataLayer.push({ event: 'login', visitor: localStorage.getItem('visitor') });",
    findings: [f("localStorage.getItem('visitor')", 'storage', 'localStorage', 'Google Analytics', 'dataLayer.push')],
  },
  {
    name: 'window.dataLayer.push',
    code: "window.dataLayer.push({ event: 'login', cookie: document.cookie });",
    findings: [f('document.cookie', 'cookie', 'document.cookie', 'Google Analytics', 'window.dataLayer.push')],
  },
  {
    name: 'ReactGA.set (react-ga4)',
    code: "import ReactGA from 'react-ga4';\nexport function track(userId) { ReactGA.set({ userId }); }",
    findings: [f('userId', 'user', 'userId', 'Google Analytics', 'ReactGA.set', { shorthand: true })],
  },
  {
    name: 'ReactGA.event (react-ga)',
    code: "import ReactGA from 'react-ga';\nReactGA.event({ category: 'auth', action: 'login', label: navigator.userAgent });",
    findings: [f('navigator.userAgent', 'device', 'navigator.userAgent', 'Google Analytics', 'ReactGA.event')],
  },
  {
    name: "Intercom('boot') with e-mail",
    code: "export function chat(email) { Intercom('boot', { app_id: 'abc', email }); }",
    findings: [f('email', 'user', 'email', 'Intercom', 'Intercom', { shorthand: true }), unverified('email', 1)],
  },
  {
    name: "window.Intercom('update')",
    code: "export function chat(userId) { window.Intercom('update', { user_id: userId }); }",
    findings: [f('userId', 'user', 'userId', 'Intercom', 'window.Intercom'), unverified('user_id', 0)],
  },
  {
    name: 'window.intercomSettings',
    code: "export function chat(email) { window.intercomSettings = { app_id: 'abc', email: email }; }",
    findings: [unverified('email', 1), f('email', 'user', 'email', 'Intercom', 'window.intercomSettings', { nth: 2 })],
  },
  {
    name: 'Intercom messenger SDK',
    code: "import Intercom from '@intercom/messenger-js-sdk';\nexport function chat(userId) { Intercom({ app_id: 'abc', user_id: userId }); }",
    findings: [unverified('user_id', 0), f('userId', 'user', 'userId', 'Intercom', 'Intercom', { nth: 1 })],
  },
  {
    name: 'LogRocket.identify',
    code: "import LogRocket from 'logrocket';\nexport function who(userId, email) { LogRocket.identify(userId, { email }); }",
    findings: [f('userId', 'user', 'userId', 'LogRocket', 'LogRocket.identify', { nth: 1 }), f('email', 'user', 'email', 'LogRocket', 'LogRocket.identify', { nth: 1, shorthand: true })],
  },
  {
    name: 'FullStory FS.identify (snippet global)',
    code: "FS.identify(localStorage.getItem('uid'));",
    findings: [f("localStorage.getItem('uid')", 'storage', 'localStorage', 'FullStory', 'FS.identify')],
  },
  {
    name: "FullStory('setIdentity') from @fullstory/browser",
    code: "import { FullStory } from '@fullstory/browser';\nexport function who(userId) { FullStory('setIdentity', { uid: userId }); }",
    findings: [f('userId', 'user', 'userId', 'FullStory', 'FullStory', { nth: 1 })],
  },
  {
    name: "Hotjar hj('identify')",
    code: "export function who(userId) { hj('identify', userId, {}); }",
    findings: [f('userId', 'user', 'userId', 'Hotjar', 'hj', { nth: 1 })],
  },
  {
    name: 'Hotjar.identify from @hotjar/browser',
    code: "import Hotjar from '@hotjar/browser';\nexport function who(email) { Hotjar.identify('x', { email }); }",
    findings: [f('email', 'user', 'email', 'Hotjar', 'Hotjar.identify', { nth: 1, shorthand: true })],
  },
];

// ── error trackers and APM ───────────────────────────────────────────────
const apm: InvalidSpec[] = [
  {
    name: 'dd-trace: the active span setTag',
    code: `const tracer = require('dd-trace').init();\n${route("tracer.scope().active().setTag('usr.ip', req.ip);")}`,
    findings: [f('req.ip', 'ip', 'req.ip', 'Datadog', 'tracer.scope().active().setTag')],
  },
  {
    name: 'dd-trace: tracer.setUser',
    code: `import tracer from 'dd-trace';\n${route('tracer.setUser({ id: req.user.id });')}`,
    findings: [f('req.user.id', 'user', 'req.user', 'Datadog', 'tracer.setUser')],
  },
  {
    name: 'a span handed to a helper: addTags',
    code: "export function tag(rootSpan, req) { rootSpan.addTags({ cookie: req.headers.cookie }); }",
    findings: [f('req.headers.cookie', 'cookie', 'req.headers.cookie', 'Datadog', 'rootSpan.addTags')],
  },
  {
    name: 'datadogRum.setUser',
    code: "import { datadogRum } from '@datadog/browser-rum';\nexport function who(email) { datadogRum.setUser({ id: '1', email }); }",
    findings: [f('email', 'user', 'email', 'Datadog', 'datadogRum.setUser', { nth: 1, shorthand: true })],
  },
  {
    name: 'datadogRum.setGlobalContextProperty',
    code: "import { datadogRum } from '@datadog/browser-rum';\ndatadogRum.setGlobalContextProperty('ua', navigator.userAgent);",
    findings: [f('navigator.userAgent', 'device', 'navigator.userAgent', 'Datadog', 'datadogRum.setGlobalContextProperty')],
  },
  {
    name: 'datadogLogs.setGlobalContextProperty (@datadog/browser-logs)',
    code: "import { datadogLogs } from '@datadog/browser-logs';\ndatadogLogs.setGlobalContextProperty('visitor', localStorage.getItem('visitor'));",
    findings: [f("localStorage.getItem('visitor')", 'storage', 'localStorage', 'Datadog', 'datadogLogs.setGlobalContextProperty')],
  },
  {
    name: 'New Relic addCustomAttribute',
    code: `const newrelic = require('newrelic');\n${route("newrelic.addCustomAttribute('ip', req.ip);")}`,
    findings: [f('req.ip', 'ip', 'req.ip', 'New Relic', 'newrelic.addCustomAttribute')],
  },
  {
    name: 'New Relic addCustomAttributes and setUserID',
    code: `const newrelic = require('newrelic');\n${route('newrelic.addCustomAttributes({ sid: req.sessionID }); newrelic.setUserID(req.user.id);')}`,
    findings: [f('req.sessionID', 'session', 'req.sessionID', 'New Relic', 'newrelic.addCustomAttributes'), f('req.user.id', 'user', 'req.user', 'New Relic', 'newrelic.setUserID')],
  },
  {
    name: 'New Relic noticeError attributes',
    code: `import newrelic from 'newrelic';\n${route('newrelic.noticeError(new Error(), { cookies: req.cookies });')}`,
    findings: [f('req.cookies', 'cookie', 'req.cookies', 'New Relic', 'newrelic.noticeError')],
  },
  {
    name: 'New Relic browser agent global',
    code: "newrelic.setCustomAttribute('visitor', localStorage.getItem('visitor'));",
    findings: [f("localStorage.getItem('visitor')", 'storage', 'localStorage', 'New Relic', 'newrelic.setCustomAttribute')],
  },
  {
    name: 'Bugsnag.setUser',
    code: "import Bugsnag from '@bugsnag/js';\nexport function who(userId, email) { Bugsnag.setUser(userId, email); }",
    findings: [f('userId', 'user', 'userId', 'Bugsnag', 'Bugsnag.setUser', { nth: 1 }), f('email', 'user', 'email', 'Bugsnag', 'Bugsnag.setUser', { nth: 1 })],
  },
  {
    name: 'Bugsnag.notify: the event in its callback',
    code: `import Bugsnag from '@bugsnag/js';\n${route("Bugsnag.notify(new Error(), (event) => { event.addMetadata('request', { ip: req.ip }); });")}`,
    findings: [f('req.ip', 'ip', 'req.ip', 'Bugsnag', 'event.addMetadata')],
  },
  {
    name: 'Bugsnag.addMetadata',
    code: `import Bugsnag from '@bugsnag/js';\n${route("Bugsnag.addMetadata('auth', { token: req.get('authorization') });")}`,
    findings: [f("req.get('authorization')", 'token', "req.get('authorization')", 'Bugsnag', 'Bugsnag.addMetadata')],
  },
  {
    name: 'Rollbar: person payload in the constructor',
    code: "import Rollbar from 'rollbar';\nexport function start(email) { return new Rollbar({ accessToken: 't', payload: { person: { id: '1', email } } }); }",
    findings: [f('email', 'user', 'email', 'Rollbar', 'Rollbar', { nth: 1, shorthand: true })],
  },
  {
    name: 'Rollbar: configure person',
    code: `const Rollbar = require('rollbar');\nconst rollbar = new Rollbar({ accessToken: 't' });\n${route('rollbar.configure({ payload: { person: { id: req.user.id } } });')}`,
    findings: [f('req.user.id', 'user', 'req.user', 'Rollbar', 'rollbar.configure')],
  },
  {
    name: 'Rollbar: error with the whole request',
    code: `const Rollbar = require('rollbar');\nconst rollbar = new Rollbar({ accessToken: 't' });\n${route('rollbar.error(new Error(), req);')}`,
    findings: [f('req', 'request', 'req', 'Rollbar', 'rollbar.error', { nth: 2 })],
  },
  {
    name: 'Rollbar: info with extra',
    code: `const Rollbar = require('rollbar');\nconst rollbar = new Rollbar({ accessToken: 't' });\n${route("rollbar.info('login', { ip: req.ip });")}`,
    findings: [f('req.ip', 'ip', 'req.ip', 'Rollbar', 'rollbar.info')],
  },
  {
    name: 'Honeybadger.setContext',
    code: `const Honeybadger = require('@honeybadger-io/js');\n${route('Honeybadger.setContext({ user_email: req.user.email });')}`,
    findings: [f('req.user.email', 'user', 'req.user', 'Honeybadger', 'Honeybadger.setContext')],
  },
  {
    name: 'Honeybadger.notify context',
    code: `import Honeybadger from '@honeybadger-io/js';\n${route("Honeybadger.notify('denied', { context: { ip: req.ip } });")}`,
    findings: [f('req.ip', 'ip', 'req.ip', 'Honeybadger', 'Honeybadger.notify')],
  },
  {
    name: 'Airbrake notify params and context',
    code: `import { Notifier } from '@airbrake/node';\nconst airbrake = new Notifier({ projectId: 1, projectKey: 'k' });\n${route('airbrake.notify({ error: new Error(), params: { cookies: req.cookies }, context: { ua: req.headers[\'user-agent\'] } });')}`,
    findings: [
      f('req.cookies', 'cookie', 'req.cookies', 'Airbrake', 'airbrake.notify'),
      f("req.headers['user-agent']", 'device', "req.headers['user-agent']", 'Airbrake', 'airbrake.notify'),
    ],
  },
];

/**
 * Places each finding on the occurrence of its text inside the sink call
 * (after `<call>(`), unless the case says which occurrence.
 */
function anchored(spec: InvalidSpec): InvalidSpec {
  const findings = spec.findings.map((expect) => {
    if (expect.nth !== undefined) return expect;
    const call = /\((.*)\)$/.exec(expect.sink)?.[1] ?? '';
    const anchor = spec.code.indexOf(`${call}(`);
    let nth = 0;
    for (let at = spec.code.indexOf(expect.at); at >= 0 && at < anchor; at = spec.code.indexOf(expect.at, at + 1)) nth++;
    return { ...expect, nth };
  });
  return { ...spec, findings };
}

// ── how SDKs are reached: renames, dynamic imports, optional calls, TypeScript ──
const reach: InvalidSpec[] = [
  {
    name: 'a renamed named import',
    code: `import { setTag as tag } from '@sentry/node';\n${route("tag('client', req.ip);")}`,
    findings: [f('req.ip', 'ip', 'req.ip', 'Sentry', 'tag')],
  },
  {
    name: 'an awaited dynamic import',
    code: "export async function report(userId) { const Sentry = await import('@sentry/browser'); Sentry.setUser({ id: userId }); }",
    findings: [f('userId', 'user', 'userId', 'Sentry', 'Sentry.setUser')],
  },
  {
    name: 'an optional call on the snippet global',
    code: 'export function who(userId) { window.analytics?.identify(userId); }',
    findings: [f('userId', 'user', 'userId', 'Segment', 'window.analytics?.identify')],
  },
  {
    name: 'TypeScript: a cast SDK and a cast value',
    ts: true,
    code: `import * as Sentry from '@sentry/node';\n${route('(Sentry as any).setUser({ ip_address: req.ip as string });')}`,
    findings: [f('req.ip', 'ip', 'req.ip', 'Sentry', '(Sentry as any).setUser')],
  },
  {
    name: 'dd-trace: tracer.trace options tags',
    code: `const tracer = require('dd-trace').init();\n${route("tracer.trace('checkout', { tags: { sid: req.sessionID } }, () => {});")}`,
    findings: [f('req.sessionID', 'session', 'req.sessionID', 'Datadog', 'tracer.trace')],
  },
];

export const INVALID: readonly InvalidSpec[] = [...sentry, ...otel, ...analytics, ...apm, ...reach].map(anchored);

// ── SDK options that switch on collection ────────────────────────────────
/** An option finding: the property's text, the message tail, and the suggestion's replacement. */
export interface OptionSpec {
  readonly name: string;
  readonly code: string;
  /** The reported node's text (a property, or a header literal), its first occurrence. */
  readonly at: string;
  readonly message: string;
  readonly suggestion: { readonly message: string; readonly output: string };
}

export const OPTION_FINDINGS: readonly OptionSpec[] = [
  {
    name: 'Sentry.init sendDefaultPii: true',
    code: "import * as Sentry from '@sentry/node';\nSentry.init({ dsn: 'x', sendDefaultPii: true });",
    at: 'sendDefaultPii: true',
    message: 'Sentry option sendDefaultPii: true sends IP addresses, cookies and user data to Sentry by default',
    suggestion: { message: 'Set sendDefaultPii to false', output: "import * as Sentry from '@sentry/node';\nSentry.init({ dsn: 'x', sendDefaultPii: false });" },
  },
  {
    name: 'Sentry.init from a const options object (require)',
    code: "const Sentry = require('@sentry/nextjs');\nconst options = { sendDefaultPii: true };\nSentry.init(options);",
    at: 'sendDefaultPii: true',
    message: 'Sentry option sendDefaultPii: true sends IP addresses, cookies and user data to Sentry by default',
    suggestion: { message: 'Set sendDefaultPii to false', output: "const Sentry = require('@sentry/nextjs');\nconst options = { sendDefaultPii: false };\nSentry.init(options);" },
  },
  {
    name: 'requestDataIntegration include.ip',
    code: "import * as Sentry from '@sentry/node';\nSentry.init({ integrations: [Sentry.requestDataIntegration({ include: { ip: true } })] });",
    at: 'ip: true',
    message: 'Sentry option ip: true sends the IP address of every request to Sentry',
    suggestion: { message: 'Set ip to false', output: "import * as Sentry from '@sentry/node';\nSentry.init({ integrations: [Sentry.requestDataIntegration({ include: { ip: false } })] });" },
  },
  {
    name: 'requestDataIntegration include.cookies',
    code: "import { requestDataIntegration } from '@sentry/node';\nrequestDataIntegration({ include: { cookies: true, url: true } });",
    at: 'cookies: true',
    message: 'Sentry option cookies: true sends the cookies of every request to Sentry',
    suggestion: { message: 'Set cookies to false', output: "import { requestDataIntegration } from '@sentry/node';\nrequestDataIntegration({ include: { cookies: false, url: true } });" },
  },
  {
    name: 'Sentry 7 RequestData integration include.user',
    code: "import * as Sentry from '@sentry/node';\nnew Sentry.Integrations.RequestData({ include: { user: true } });",
    at: 'user: true',
    message: 'Sentry option user: true sends the signed-in user (id, username, e-mail) of every request to Sentry',
    suggestion: { message: 'Set user to false', output: "import * as Sentry from '@sentry/node';\nnew Sentry.Integrations.RequestData({ include: { user: false } });" },
  },
  {
    name: 'replayIntegration maskAllInputs: false',
    code: "import * as Sentry from '@sentry/browser';\nSentry.replayIntegration({ maskAllInputs: false });",
    at: 'maskAllInputs: false',
    message: 'Sentry option maskAllInputs: false records what users type in Sentry session replays',
    suggestion: { message: 'Set maskAllInputs to true', output: "import * as Sentry from '@sentry/browser';\nSentry.replayIntegration({ maskAllInputs: true });" },
  },
  {
    name: "setUser ip_address: '{{auto}}'",
    code: "import * as Sentry from '@sentry/browser';\nSentry.setUser({ id: 'anon', ip_address: '{{auto}}' });",
    at: "ip_address: '{{auto}}'",
    message: "Sentry option ip_address: '{{auto}}' makes Sentry record the client's IP address from the connection",
    suggestion: { message: "Remove ip_address: '{{auto}}'", output: "import * as Sentry from '@sentry/browser';\nSentry.setUser({ id: 'anon' });" },
  },
  {
    name: 'Rollbar captureIp: true',
    code: "import Rollbar from 'rollbar';\nnew Rollbar({ accessToken: 't', captureIp: true });",
    at: 'captureIp: true',
    message: 'Rollbar option captureIp: true sends the full client IP address to Rollbar with every item',
    suggestion: { message: "Set captureIp to 'anonymize'", output: "import Rollbar from 'rollbar';\nnew Rollbar({ accessToken: 't', captureIp: 'anonymize' });" },
  },
  {
    name: 'Rollbar.configure captureEmail: true (browser global)',
    code: 'Rollbar.configure({ captureEmail: true });',
    at: 'captureEmail: true',
    message: "Rollbar option captureEmail: true sends the person's e-mail address to Rollbar with every item",
    suggestion: { message: 'Set captureEmail to false', output: 'Rollbar.configure({ captureEmail: false });' },
  },
  {
    name: 'Bugsnag.start collectUserIp: true',
    code: "import Bugsnag from '@bugsnag/js';\nBugsnag.start({ apiKey: 'k', collectUserIp: true });",
    at: 'collectUserIp: true',
    message: 'Bugsnag option collectUserIp: true sends the client IP address to Bugsnag with every error',
    suggestion: { message: 'Set collectUserIp to false', output: "import Bugsnag from '@bugsnag/js';\nBugsnag.start({ apiKey: 'k', collectUserIp: false });" },
  },
  {
    name: "datadogRum.init defaultPrivacyLevel: 'allow'",
    code: "import { datadogRum } from '@datadog/browser-rum';\ndatadogRum.init({ applicationId: 'a', defaultPrivacyLevel: 'allow' });",
    at: "defaultPrivacyLevel: 'allow'",
    message: "Datadog option defaultPrivacyLevel: 'allow' records all text and inputs, personal data included, in Datadog session replays",
    suggestion: { message: "Set defaultPrivacyLevel to 'mask-user-input'", output: "import { datadogRum } from '@datadog/browser-rum';\ndatadogRum.init({ applicationId: 'a', defaultPrivacyLevel: 'mask-user-input' });" },
  },
  {
    name: 'Amplitude trackingOptions.ipAddress: true',
    code: "import * as amplitude from '@amplitude/analytics-browser';\namplitude.init('KEY', { trackingOptions: { ipAddress: true } });",
    at: 'ipAddress: true',
    message: 'Amplitude option ipAddress: true sends the IP address of every event to Amplitude',
    suggestion: { message: 'Set ipAddress to false', output: "import * as amplitude from '@amplitude/analytics-browser';\namplitude.init('KEY', { trackingOptions: { ipAddress: false } });" },
  },
  {
    name: 'OpenTelemetry HttpInstrumentation copies the authorization header',
    code: "import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';\nnew HttpInstrumentation({ headersToSpanAttributes: { server: { requestHeaders: ['content-type', 'authorization'] } } });",
    at: "'authorization'",
    message: 'OpenTelemetry option headersToSpanAttributes copies the authorization header (authentication token) into span attributes',
    suggestion: {
      message: 'Stop copying the authorization header',
      output: "import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';\nnew HttpInstrumentation({ headersToSpanAttributes: { server: { requestHeaders: ['content-type'] } } });",
    },
  },
  {
    name: 'getNodeAutoInstrumentations: the http instrumentation copies cookies',
    code: "const { getNodeAutoInstrumentations } = require('@opentelemetry/auto-instrumentations-node');\ngetNodeAutoInstrumentations({ '@opentelemetry/instrumentation-http': { headersToSpanAttributes: { client: { responseHeaders: ['set-cookie', 'etag'] } } } });",
    at: "'set-cookie'",
    message: 'OpenTelemetry option headersToSpanAttributes copies the set-cookie header (cookie) into span attributes',
    suggestion: {
      message: 'Stop copying the set-cookie header',
      output: "const { getNodeAutoInstrumentations } = require('@opentelemetry/auto-instrumentations-node');\ngetNodeAutoInstrumentations({ '@opentelemetry/instrumentation-http': { headersToSpanAttributes: { client: { responseHeaders: ['etag'] } } } });",
    },
  },
];

// ── the rule's own options ───────────────────────────────────────────────
export const OPTION_INVALID: readonly InvalidSpec[] = ([
  {
    name: 'telemetry: a dotted path',
    code: route('tracker.send(req.ip);'),
    options: [{ telemetry: ['tracker.send'] }],
    findings: [f('req.ip', 'ip', 'req.ip', 'a third party', 'tracker.send')],
  },
  {
    name: 'telemetry: any method of a receiver, with a vendor',
    code: route('this.acme.record({ sid: req.sessionID });'),
    options: [{ telemetry: [{ call: 'this.acme.*', vendor: 'Acme Analytics' }] }],
    findings: [f('req.sessionID', 'session', 'req.sessionID', 'Acme Analytics', 'this.acme.record')],
  },
  {
    name: 'kinds: only cookies',
    code: `import * as Sentry from '@sentry/node';\n${route('Sentry.setExtras({ ip: req.ip, cookies: req.cookies });')}`,
    options: [{ kinds: ['cookie'] }],
    findings: [f('req.cookies', 'cookie', 'req.cookies', 'Sentry', 'Sentry.setExtras')],
  },
  {
    name: 'redactModule: suggestions import from it',
    code: `import * as Sentry from '@sentry/node';\n${route('Sentry.setUser({ ip_address: req.ip });')}`,
    options: [{ redactModule: '~/privacy' }],
    module: '~/privacy',
    findings: [f('req.ip', 'ip', 'req.ip', 'Sentry', 'Sentry.setUser')],
  },
] satisfies InvalidSpec[]).map(anchored);

// ── valid ────────────────────────────────────────────────────────────────
export const VALID: readonly ValidSpec[] = [
  { name: 'a span attribute that is not an identifier', code: `import { trace } from '@opentelemetry/api';\n${route("trace.getActiveSpan().setAttribute('http.route', req.route.path);")}` },
  { name: 'a span named by name with a harmless value', code: "export function tag(span, route) { span.setAttribute('http.route', route); }" },
  { name: 'Segment track without identifiers', code: "export function signedUp(plan) { analytics.track('Signed Up', { plan }); }" },
  { name: 'a DOM element setAttribute is not a span', code: "export function mark(element, userId) { element.setAttribute('data-user', userId); }" },
  { name: 'an unknown receiver is not a third party', code: route('tracker.identify(req.user.id);') },
  { name: 'a local analytics object that is no SDK', code: `const analytics = createStore();\n${route('analytics.track(req.ip);')}` },
  { name: 'a local dataLayer array', code: "const dataLayer = [];\nexport function f(userId) { dataLayer.push(userId); }" },
  {
    name: 'pseudonymized and redacted values',
    code: `import * as Sentry from '@sentry/node';\nimport { pseudonymize, redact } from '@online-identifiers/redact';\n${route('Sentry.setUser({ id: pseudonymize(req.user.id), ip_address: redact.ip(req.ip) });')}`,
  },
  {
    name: 'classified for security',
    code: `import * as Sentry from '@sentry/node';\nimport { classify } from '@online-identifiers/redact';\n${route("Sentry.setTag('client_ip', classify(req.ip, 'ip'));")}`,
  },
  { name: 'Sentry.captureException(err) alone', code: `import * as Sentry from '@sentry/node';\napp.use((err, req, res, next) => { Sentry.captureException(err); next(err); });` },
  { name: 'a Sentry tag with the route', code: `import * as Sentry from '@sentry/node';\n${route("Sentry.setTag('route', req.path);")}` },
  { name: 'sendDefaultPii: false', code: "import * as Sentry from '@sentry/node';\nSentry.init({ dsn: 'x', sendDefaultPii: false });" },
  { name: 'sendDefaultPii on something that is not Sentry', code: "import config from './config';\nconfig.init({ sendDefaultPii: true });" },
  { name: 'replay with masking on', code: "import * as Sentry from '@sentry/browser';\nSentry.replayIntegration({ maskAllText: true, maskAllInputs: true });" },
  { name: 'requestDataIntegration without ip', code: "import * as Sentry from '@sentry/node';\nSentry.requestDataIntegration({ include: { ip: false, url: true } });" },
  { name: "Rollbar captureIp: 'anonymize'", code: "import Rollbar from 'rollbar';\nnew Rollbar({ accessToken: 't', captureIp: 'anonymize' });" },
  {
    name: 'OpenTelemetry copies only non-identifying headers',
    code: "import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';\nnew HttpInstrumentation({ headersToSpanAttributes: { server: { requestHeaders: ['content-type', 'x-request-id'] } } });",
  },
  { name: 'headersToSpanAttributes outside OpenTelemetry', code: "configure({ headersToSpanAttributes: { server: { requestHeaders: ['authorization'] } } });" },
  { name: "gtag('event') with a value", code: "gtag('event', 'purchase', { value: 12, currency: 'EUR' });" },
  { name: 'dataLayer.push with an event name', code: "window.dataLayer.push({ event: 'page_view', page: location.pathname });" },
  { name: "Intercom('boot') with the app id only", code: "Intercom('boot', { app_id: 'abc' });" },
  { name: 'intercomSettings without identifiers', code: "window.intercomSettings = { app_id: 'abc' };" },
  {
    name: "Intercom('trackEvent') metadata does not identify the user",
    code: "import { pseudonymize } from '@online-identifiers/redact';\nexport function chat(userId) { Intercom('trackEvent', 'upgraded', { user_id: pseudonymize(userId) }); }",
  },
  {
    name: 'Intercom with identity verification and a pseudonymized id',
    code: "import { pseudonymize } from '@online-identifiers/redact';\nexport function chat(userId, userHash) { Intercom('boot', { app_id: 'abc', user_id: pseudonymize(userId), user_hash: userHash }); }",
  },
  { name: "hj('event')", code: "hj('event', 'signup');" },
  { name: 'Mixpanel track without identifiers', code: "import mixpanel from 'mixpanel-browser';\nmixpanel.track('Viewed', { page: 'home' });" },
  { name: 'a user role is not an identifier', code: `import * as Sentry from '@sentry/node';\n${route("Sentry.setTag('role', req.user.role);")}` },
  {
    name: 'a logger call is left to no-unclassified-logging',
    code: "import { datadogLogs } from '@datadog/browser-logs';\ndatadogLogs.logger.info('visit', { ua: navigator.userAgent });",
  },
  {
    name: 'the OpenTelemetry logs API is a logger: left to no-unclassified-logging',
    code: `import { logs } from '@opentelemetry/api-logs';\nconst otelLogs = logs.getLogger('web');\n${route("otelLogs.emit({ body: 'login', attributes: { 'client.address': req.ip } });")}`,
  },
  { name: 'Sentry.logger is a logger', code: `import * as Sentry from '@sentry/node';\n${route("Sentry.logger.info('login', { ip: req.ip });")}` },
  { name: 'a function that is not the SDK shares a name', code: "function identify(x) { return x; }\nexport function f(userId) { identify(userId); }" },
  { name: 'a callback that is the Sentry callback, but sends nothing', code: "import * as Sentry from '@sentry/node';\nSentry.withScope((scope) => { scope.setLevel('warning'); });" },
  { name: 'a computed method cannot be judged', code: `import * as Sentry from '@sentry/node';\n${route('Sentry[method](req.ip);')}` },
  { name: 'spread arguments of unknown content', code: "import * as Sentry from '@sentry/node';\nexport function f(...args) { Sentry.setUser(...args); }" },
  { name: 'a global named like an SDK but declared locally as a parameter', code: 'export function f(gtag, userId) { gtag(userId); }' },
  { name: 'an assignment to some other global', code: "export function f(email) { window.appSettings = { email }; }" },
];

export const OPTION_VALID: readonly ValidSpec[] = [
  { name: 'sanitizers: custom name', code: `import * as Sentry from '@sentry/node';\n${route('Sentry.setUser({ id: hashForVendors(req.user.id) });')}`, options: [{ sanitizers: ['hashForVendors'] }] },
  { name: 'kinds excludes ip', code: `import * as Sentry from '@sentry/node';\n${route('Sentry.setUser({ ip_address: req.ip });')}`, options: [{ kinds: ['cookie'] }] },
  { name: 'kinds excludes tokens: a copied authorization header is fine', code: "import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';\nnew HttpInstrumentation({ headersToSpanAttributes: { server: { requestHeaders: ['authorization'] } } });", options: [{ kinds: ['ip'] }] },
  { name: 'ignoreNames', code: "export function f(sid) { analytics.track('x', { sid }); }", options: [{ ignoreNames: ['sid'] }] },
];
