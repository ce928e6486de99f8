// The catalog is data: kinds, sources, sinks and sanitizers. The analysis
// reads it; rule options extend it.
export { KINDS, KIND_IDS, isKind, kindOfMessage } from './kinds';
export type { Kind, KindInfo } from './kinds';
export * from './sources';
export * from './sinks';
export * from './sanitizers';
export * from './flow-steps';
export * from './destinations';
export * from './logger-config';
export * from './access-log';
export * from './telemetry';
export * from './metrics';
export * from './retention';
