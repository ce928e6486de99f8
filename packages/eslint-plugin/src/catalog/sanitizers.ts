/** Sanitizers: calls whose result is classified (redacted, pseudonymised or kept on purpose). */

/** The runtime module; the rule option `redactModule` adds another specifier. */
export const RUNTIME_MODULE = '@online-identifiers/redact';

/** Runtime exports that classify their argument. `redact` is an object with one method per kind. */
export const RUNTIME_SANITIZER_EXPORTS: readonly string[] = ['redact', 'pseudonymize', 'classify'];

/** First words of function names that sanitize (`redactEmail`, `maskToken`, `anonymizeIp`). */
export const SANITIZER_NAME_PREFIXES: readonly string[] = [
  'redact', 'mask', 'anonymize', 'anonymise', 'pseudonymize', 'pseudonymise', 'scrub', 'obfuscate',
];

/** Whole-name prefixes (case-insensitive) that sanitize. */
export const SANITIZER_NAME_STARTS: readonly string[] = ['truncateip'];

/** `crypto` functions that start a keyed chain (`createHmac(alg, key).update(x).digest()`). */
export const KEYED_HASH_FACTORIES: readonly string[] = ['createHmac'];

/** `crypto` functions that start an unkeyed chain: not a sanitizer for IP addresses. */
export const UNKEYED_HASH_FACTORIES: readonly string[] = ['createHash'];

/** Runtime brand types that the type-aware analysis accepts as classified. */
export const BRAND_TYPES: readonly string[] = ['Redacted', 'Pseudonymized', 'Classified'];
