/**
 * Metric sinks: where a value becomes a label, tag, attribute or dimension
 * of an aggregate (POLICY.md §2: aggregates are kept indefinitely only when
 * nothing in them identifies a person). One section per library; the
 * analysis (`analysis/metric-sinks.ts`) reads them.
 */

/** The families of metric clients, each with its own call shapes. */
export type MetricFamily = 'prom' | 'otel' | 'otel-result' | 'otel-batch' | 'statsd' | 'emf';

/** A constructor or factory whose result is a metric client of a family. */
export interface MetricOrigin {
  readonly module: string;
  /** The imported name (`default` for the module itself). */
  readonly export: string;
  /** The member called on the import, if any (`createMetricsLogger`). */
  readonly call?: string;
  readonly family: MetricFamily;
}

// ── prom-client ──────────────────────────────────────────────────────────

/** prom-client metric classes: `new Counter({ name, help, labelNames })`. */
export const PROM_METRIC_CLASSES: readonly string[] = ['Counter', 'Gauge', 'Histogram', 'Summary'];

/** Modules that export them. */
export const PROM_MODULES: readonly string[] = ['prom-client'];

/**
 * prom-client methods whose arguments are label values: `inc(labels, n)`,
 * `set(labels, n)`, `observe(labels, n)`, `startTimer(labels)`,
 * `labels(…values)`, `remove(…)`. A numeric argument carries no identifier.
 */
export const PROM_LABEL_METHODS: readonly string[] = ['inc', 'dec', 'set', 'observe', 'startTimer', 'labels', 'remove', 'setToCurrentTime'];

/** prom-client constructor option properties: the metric name and the declared label names. */
export const PROM_NAME_OPTION = 'name';
export const PROM_LABEL_NAMES_OPTION = 'labelNames';

// ── OpenTelemetry metrics ────────────────────────────────────────────────

/** `@opentelemetry/api`'s `metrics.getMeter(…)`; a `meter.create*` call gives an instrument. */
export const OTEL_MODULES: readonly string[] = ['@opentelemetry/api', '@opentelemetry/sdk-metrics'];

/** Meter methods that create an instrument; their first argument is the metric name. */
export const OTEL_INSTRUMENT_FACTORIES: readonly string[] = [
  'createCounter', 'createUpDownCounter', 'createHistogram', 'createGauge', 'createObservableGauge',
  'createObservableCounter', 'createObservableUpDownCounter',
];

/** Instrument methods `add(value, attributes)` / `record(value, attributes)`: attributes are the second argument. */
export const OTEL_RECORD_METHODS: readonly string[] = ['add', 'record'];

/** Registration of observable callbacks: the callback's first parameter observes `(value, attributes)`. */
export const OTEL_CALLBACK_REGISTRATIONS: readonly string[] = ['addCallback'];

/** Batch callbacks: the parameter observes `(instrument, value, attributes)`. */
export const OTEL_BATCH_REGISTRATIONS: readonly string[] = ['addBatchObservableCallback'];

// ── StatsD (hot-shots, node-statsd, node-dogstatsd, statsd-client) ────────

/** Modules whose export (default or `StatsD`) is a StatsD client class. */
export const STATSD_MODULES: readonly string[] = ['hot-shots', 'node-statsd', 'node-dogstatsd', 'statsd-client', 'dogstatsd-node'];

/**
 * StatsD client methods: the stat name first, then value, sample rate and
 * tags (an object, or `key:value` strings); every argument but a callback
 * can carry data (`'login.' + user.id` as a name is a finding too).
 */
export const STATSD_METHODS: readonly string[] = [
  'increment', 'incr', 'decrement', 'decr', 'gauge', 'gaugeDelta', 'histogram', 'distribution', 'timing', 'timer',
  'asyncTimer', 'asyncDistTimer', 'set', 'unique', 'count', 'event', 'check',
];

/** Constructor and `childClient` options that tag every metric. */
export const STATSD_TAG_OPTIONS: readonly string[] = ['globalTags', 'tags', 'prefix', 'suffix'];

/** Receiver names that are StatsD clients by convention (the last word of the name): `statsd`, `dogstatsd`, `this.statsd`. */
export const STATSD_RECEIVER_WORDS: readonly string[] = ['statsd', 'dogstatsd'];

// ── AWS embedded metric format (aws-embedded-metrics) ─────────────────────

export const EMF_MODULES: readonly string[] = ['aws-embedded-metrics'];

/** `metricScope(metrics => …)`: the callback's parameter is a metrics logger. */
export const EMF_SCOPES: readonly string[] = ['metricScope'];

/** `createMetricsLogger()`: returns a metrics logger. */
export const EMF_FACTORIES: readonly string[] = ['createMetricsLogger'];

/**
 * Metrics logger methods: `putDimensions(dims)` and `setDimensions(…dims)`
 * take dimension sets; `setProperty(key, value)` writes a searchable
 * property into the same record; `putMetric(name, …)` names a metric.
 */
export const EMF_DIMENSION_METHODS: readonly string[] = ['putDimensions', 'setDimensions'];
export const EMF_PROPERTY_METHODS: readonly string[] = ['setProperty'];
export const EMF_NAME_METHODS: readonly string[] = ['putMetric'];

// ── receivers by name ────────────────────────────────────────────────────

/**
 * The last word of a receiver's name that makes it a metric instrument when
 * its origin is not visible (`loginCounter.inc`, `this.latencyHistogram.record`).
 */
export const INSTRUMENT_RECEIVER_WORDS: readonly string[] = ['counter', 'gauge', 'histogram', 'summary', 'metric', 'instrument'];

/** Receiver names of an EMF metrics logger by convention. */
export const EMF_RECEIVER_WORDS: readonly string[] = ['metrics'];
