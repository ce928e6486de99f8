// @online-identifiers/redact: the three treatments the policy allows for an
// online identifier before it reaches a log, a metric or a third party.
export { redact } from './redact';
export { pseudonymize } from './pseudonymize';
export { classify } from './classify';
export { configure } from './config';
export type { Redacted, Pseudonymized, Classified, Kind } from './types';
