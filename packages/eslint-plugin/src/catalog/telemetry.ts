/**
 * Sinks of the `telemetry` family: third parties that receive data from the
 * code (error trackers, tracing, product analytics, tag managers, APM), and
 * SDK options that switch on collection of identifiers by default.
 * Data, one section per SDK; `analysis/telemetry-sinks.ts` reads it.
 */

/** The arguments of a call that reach the third party: `all` of them or these indices. Callbacks never do. */
export type TelemetryArgs = 'all' | readonly number[];

/**
 * One SDK. A value is "of the SDK" when it is imported from one of its
 * `modules` (ESM or require), is one of its browser `globals`, or is derived
 * from such a value: a member, a call result, a `new` instance, an awaited
 * value, or a parameter of a callback passed to one of its calls
 * (`Sentry.withScope((scope) => …)`, `tracer.startActiveSpan('x', (span) => …)`).
 */
export interface TelemetrySdk {
  /** The vendor as messages name it: `… reaches Sentry (Sentry.setUser) …`. */
  readonly vendor: string;
  /** Module specifiers; a trailing `/*` matches every module of a scope (`@sentry/*`). */
  readonly modules: readonly string[];
  /** Browser globals, also read through `window.`, `globalThis.` or `self.`. */
  readonly globals: readonly string[];
  /** Methods called on the SDK or on a value derived from it, with the arguments that carry data. */
  readonly methods: Readonly<Record<string, TelemetryArgs>>;
  /** When the SDK itself is a function (`gtag(…)`, `Intercom(…)`, `hj(…)`): the arguments that carry data. */
  readonly call?: TelemetryArgs;
  /** When it is constructed with data (`new Rollbar({ payload: { person } })`). */
  readonly construct?: TelemetryArgs;
}

const all = 'all' as const;

function each(names: readonly string[], args: TelemetryArgs = all): Record<string, TelemetryArgs> {
  return Object.fromEntries(names.map((name) => [name, args]));
}

export const TELEMETRY_SDKS: readonly TelemetrySdk[] = [
  // ── Sentry: the SDK, its scopes (withScope, getCurrentScope(), configureScope) and spans ──
  {
    vendor: 'Sentry',
    modules: ['@sentry/*'],
    globals: ['Sentry'],
    methods: each([
      'setUser', 'setTag', 'setTags', 'setExtra', 'setExtras', 'setContext', 'addBreadcrumb', 'captureMessage',
      'captureException', 'captureEvent', 'startSpan', 'startInactiveSpan', 'startSpanManual', 'setAttribute',
      'setAttributes',
    ]),
  },
  // ── OpenTelemetry: spans (setAttribute(s), addEvent), tracers (startSpan, startActiveSpan), logs API emit ──
  {
    vendor: 'OpenTelemetry',
    modules: ['@opentelemetry/*'],
    globals: [],
    methods: each(['setAttribute', 'setAttributes', 'addEvent', 'startSpan', 'startActiveSpan', 'emit', 'recordException']),
  },
  // ── Segment: analytics-node, @segment/analytics-node, analytics.js (browser global, analytics-next) ──
  {
    vendor: 'Segment',
    modules: ['analytics-node', '@segment/analytics-node', '@segment/analytics-next'],
    globals: ['analytics'],
    methods: each(['identify', 'track', 'page', 'screen', 'group', 'alias']),
  },
  // ── Mixpanel: mixpanel (Node), mixpanel-browser, the snippet's global; people.* profiles ──
  {
    vendor: 'Mixpanel',
    modules: ['mixpanel', 'mixpanel-browser'],
    globals: ['mixpanel'],
    methods: each(['identify', 'alias', 'track', 'register', 'register_once', 'set', 'set_once', 'union', 'append', 'track_charge']),
  },
  // ── Amplitude: init(apiKey, userId, options), setUserId, track/logEvent, Identify ──
  {
    vendor: 'Amplitude',
    modules: [
      '@amplitude/analytics-browser', '@amplitude/analytics-node', '@amplitude/analytics-react-native', '@amplitude/node',
      'amplitude-js',
    ],
    globals: ['amplitude'],
    methods: {
      ...each(['setUserId', 'setDeviceId', 'track', 'logEvent', 'identify', 'setUserProperties', 'setGroup', 'groupIdentify', 'set', 'setOnce', 'append']),
      // The API key comes first; a user id may follow it.
      init: [1, 2],
    },
  },
  // ── PostHog: posthog-js (and its global), posthog-node ──
  {
    vendor: 'PostHog',
    modules: ['posthog-js', 'posthog-node', 'posthog-js/react'],
    globals: ['posthog'],
    methods: each(['identify', 'capture', 'alias', 'group', 'register', 'register_once', 'setPersonProperties', 'groupIdentify', 'set']),
  },
  // ── Google Analytics and Tag Manager: gtag(…), ga(…), dataLayer.push, ReactGA, Next.js third-parties ──
  {
    vendor: 'Google Analytics',
    modules: ['react-ga', 'react-ga4', '@next/third-parties/google'],
    globals: ['gtag', 'ga', 'dataLayer'],
    methods: each(['push', 'set', 'event', 'send', 'gtag', 'initialize', 'sendGAEvent', 'sendGTMEvent']),
    call: all,
  },
  // ── Intercom: Intercom('boot' | 'update', {…}), the messenger SDK; window.intercomSettings (see INTERCOM_SETTINGS) ──
  {
    vendor: 'Intercom',
    modules: ['@intercom/messenger-js-sdk'],
    globals: ['Intercom'],
    methods: each(['boot', 'update', 'trackEvent', 'Intercom']),
    call: all,
  },
  // ── LogRocket, FullStory, Hotjar: session recording with identify calls ──
  {
    vendor: 'LogRocket',
    modules: ['logrocket'],
    globals: ['LogRocket'],
    methods: each(['identify', 'track', 'captureMessage', 'captureException']),
  },
  {
    vendor: 'FullStory',
    modules: ['@fullstory/browser', '@fullstory/snippet'],
    globals: ['FS'],
    methods: each(['identify', 'setUserVars', 'setVars', 'event', 'FullStory']),
    call: all,
  },
  {
    vendor: 'Hotjar',
    modules: ['@hotjar/browser', 'react-hotjar'],
    globals: ['hj'],
    methods: each(['identify', 'event']),
    call: all,
  },
  // ── Datadog: dd-trace span tags and user, RUM user and global context, browser logs context ──
  {
    vendor: 'Datadog',
    modules: ['dd-trace', '@datadog/browser-rum', '@datadog/browser-logs', '@datadog/browser-rum-core'],
    globals: ['DD_RUM', 'DD_LOGS'],
    methods: each([
      'setTag', 'addTags', 'setUser', 'setUserProperty', 'setGlobalContext', 'setGlobalContextProperty', 'setAccount',
      'setAccountProperty', 'addAction', 'addError', 'trace', 'startSpan', 'setContextProperty', 'setContext',
    ]),
  },
  // ── New Relic: the Node agent and the browser agent ──
  {
    vendor: 'New Relic',
    modules: ['newrelic', '@newrelic/browser-agent'],
    globals: ['newrelic', 'NREUM'],
    methods: each([
      'addCustomAttribute', 'addCustomAttributes', 'addCustomSpanAttribute', 'addCustomSpanAttributes', 'setUserID',
      'setUserId', 'setCustomAttribute', 'noticeError', 'addPageAction', 'recordCustomEvent', 'log',
    ]),
  },
  // ── Bugsnag: setUser, addMetadata, notify (and the event in its callback) ──
  {
    vendor: 'Bugsnag',
    modules: ['@bugsnag/js', '@bugsnag/browser', '@bugsnag/node', '@bugsnag/react-native'],
    globals: ['Bugsnag'],
    methods: each(['setUser', 'addMetadata', 'notify', 'leaveBreadcrumb', 'start', 'createClient']),
  },
  // ── Rollbar: person payload, configure, the level methods with extra data (and a whole request) ──
  {
    vendor: 'Rollbar',
    modules: ['rollbar'],
    globals: ['Rollbar'],
    methods: each(['configure', 'init', 'log', 'debug', 'info', 'warn', 'warning', 'error', 'critical', 'captureEvent']),
    construct: all,
  },
  // ── Honeybadger: setContext, notify ──
  {
    vendor: 'Honeybadger',
    modules: ['@honeybadger-io/js', '@honeybadger-io/react', 'honeybadger'],
    globals: ['Honeybadger'],
    methods: each(['setContext', 'notify', 'addBreadcrumb']),
  },
  // ── Airbrake: notify({ error, params, context, session }) ──
  {
    vendor: 'Airbrake',
    modules: ['@airbrake/node', '@airbrake/browser', 'airbrake-js'],
    globals: [],
    methods: each(['notify']),
  },
];

/**
 * Receivers known by name when their origin is out of sight (a span handed
 * to a helper, `this.tracer`): the last word of the receiver's name, the
 * methods, and the vendor those methods belong to.
 */
export const TELEMETRY_RECEIVER_NAMES: readonly {
  readonly word: string;
  readonly vendor: string;
  readonly methods: Readonly<Record<string, TelemetryArgs>>;
}[] = [
  { word: 'span', vendor: 'OpenTelemetry', methods: each(['setAttribute', 'setAttributes', 'addEvent']) },
  { word: 'span', vendor: 'Datadog', methods: each(['setTag', 'addTags']) },
  { word: 'tracer', vendor: 'OpenTelemetry', methods: each(['startSpan', 'startActiveSpan']) },
];

/**
 * Intercom's settings object: everything assigned to it is sent when the
 * messenger boots. Settings (or `boot`/`update` data) that name the user
 * without `user_hash` (identity verification, an HMAC of the user id made on
 * the server) let anyone who sets that id or e-mail in a browser read the
 * user's conversations.
 */
export const INTERCOM_SETTINGS = {
  vendor: 'Intercom',
  global: 'intercomSettings',
  identityKeys: ['user_id', 'email'],
  hashKey: 'user_hash',
  /** The commands of `Intercom(command, data)` that identify the user. */
  identityCommands: ['boot', 'update'] as readonly string[],
} as const;

/**
 * An SDK option that switches on collection of identifiers. The check
 * applies to object literals passed to a call or `new` of the vendor's SDK
 * whose callee is named one of `callees`, at `path` below any property
 * (up to a few levels deep, so `getNodeAutoInstrumentations({ '…-http': {…} })`
 * counts).
 */
export interface TelemetryOption {
  readonly vendor: string;
  /** Callee names: a method, an export or a constructor (`init`, `requestDataIntegration`, `Rollbar`). */
  readonly callees: readonly string[];
  /** Property path from the object that holds it (`['include', 'ip']`). */
  readonly path: readonly string[];
  /** The literal value that switches collection on. */
  readonly on: boolean | string;
  /** What it does, as the message ends: `sends IP addresses, cookies and user data to Sentry by default`. */
  readonly effect: string;
  /** The honest fix: a replacement value (source text), or `null` to remove the property. */
  readonly fix: string | null;
}

const SENTRY_CLIENTS = ['init', 'NodeClient', 'BrowserClient'];
const SENTRY_REQUEST_DATA = ['requestDataIntegration', 'RequestData'];
const SENTRY_REPLAY = ['replayIntegration', 'Replay'];
const ROLLBAR_CONFIG = ['Rollbar', 'init', 'configure'];

export const TELEMETRY_OPTIONS: readonly TelemetryOption[] = [
  // Sentry
  { vendor: 'Sentry', callees: SENTRY_CLIENTS, path: ['sendDefaultPii'], on: true, fix: 'false', effect: 'sends IP addresses, cookies and user data to Sentry by default' },
  { vendor: 'Sentry', callees: SENTRY_REQUEST_DATA, path: ['include', 'ip'], on: true, fix: 'false', effect: 'sends the IP address of every request to Sentry' },
  { vendor: 'Sentry', callees: SENTRY_REQUEST_DATA, path: ['include', 'cookies'], on: true, fix: 'false', effect: 'sends the cookies of every request to Sentry' },
  { vendor: 'Sentry', callees: SENTRY_REQUEST_DATA, path: ['include', 'headers'], on: true, fix: 'false', effect: 'sends the headers of every request (user agent, forwarded IP addresses) to Sentry' },
  { vendor: 'Sentry', callees: SENTRY_REQUEST_DATA, path: ['include', 'user'], on: true, fix: 'false', effect: 'sends the signed-in user (id, username, e-mail) of every request to Sentry' },
  { vendor: 'Sentry', callees: ['requestHandler'], path: ['ip'], on: true, fix: 'false', effect: 'sends the IP address of every request to Sentry' },
  { vendor: 'Sentry', callees: SENTRY_REPLAY, path: ['maskAllText'], on: false, fix: 'true', effect: 'records the text users see, names and e-mail addresses included, in Sentry session replays' },
  { vendor: 'Sentry', callees: SENTRY_REPLAY, path: ['maskAllInputs'], on: false, fix: 'true', effect: 'records what users type in Sentry session replays' },
  { vendor: 'Sentry', callees: ['setUser'], path: ['ip_address'], on: '{{auto}}', fix: null, effect: "makes Sentry record the client's IP address from the connection" },
  // Rollbar
  { vendor: 'Rollbar', callees: ROLLBAR_CONFIG, path: ['captureIp'], on: true, fix: "'anonymize'", effect: 'sends the full client IP address to Rollbar with every item' },
  { vendor: 'Rollbar', callees: ROLLBAR_CONFIG, path: ['captureEmail'], on: true, fix: 'false', effect: "sends the person's e-mail address to Rollbar with every item" },
  { vendor: 'Rollbar', callees: ROLLBAR_CONFIG, path: ['captureUsername'], on: true, fix: 'false', effect: "sends the person's username to Rollbar with every item" },
  // Bugsnag
  { vendor: 'Bugsnag', callees: ['start', 'createClient', 'Client'], path: ['collectUserIp'], on: true, fix: 'false', effect: 'sends the client IP address to Bugsnag with every error' },
  // Datadog RUM
  { vendor: 'Datadog', callees: ['init'], path: ['defaultPrivacyLevel'], on: 'allow', fix: "'mask-user-input'", effect: 'records all text and inputs, personal data included, in Datadog session replays' },
  // Amplitude
  { vendor: 'Amplitude', callees: ['init'], path: ['trackingOptions', 'ipAddress'], on: true, fix: 'false', effect: 'sends the IP address of every event to Amplitude' },
];

/**
 * OpenTelemetry HTTP instrumentations copy the request and response headers
 * named here into span attributes
 * (`new HttpInstrumentation({ headersToSpanAttributes: { server: { requestHeaders: [...] } } })`);
 * a header that carries an identifier (by the header catalog) is a finding.
 */
export const OTEL_HEADER_OPTION = {
  vendor: 'OpenTelemetry',
  property: 'headersToSpanAttributes',
  sides: ['server', 'client'],
  lists: ['requestHeaders', 'responseHeaders'],
} as const;
