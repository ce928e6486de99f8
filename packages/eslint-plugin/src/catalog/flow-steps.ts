/**
 * Flow steps: calls and members that pass data through, or that only test
 * or measure it. The analysis follows values through the first and stops
 * at the second. Each list is a `ReadonlySet` of method, property or
 * global function names.
 */
import { STORAGE_WRITE_METHODS } from './sources';

/** Methods whose result is (part of) the receiver: string and array reshaping. */
export const TRANSPARENT_METHODS: ReadonlySet<string> = new Set<string>([
  'toString', 'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase', 'trim', 'trimStart', 'trimEnd',
  'split', 'slice', 'substring', 'substr', 'replace', 'replaceAll', 'concat', 'padStart', 'padEnd', 'at', 'charAt',
  'normalize', 'join', 'map', 'filter', 'flat', 'flatMap', 'reverse', 'sort', 'toSorted', 'toReversed', 'find',
  'findLast', 'pop', 'shift', 'valueOf', 'toJSON', 'repeat', 'match', 'matchAll', 'values', 'entries', 'then',
  'toLocaleString', 'get', 'getAll',
  // A log entry built from its data (`log.entry(metadata, data)`, Google Cloud Logging)
  'entry',
]);
/** Transparent methods whose arguments flow into the result too. */
export const ARGUMENT_METHODS: ReadonlySet<string> = new Set<string>(['concat', 'join', 'replace', 'replaceAll', 'padStart', 'padEnd', 'entry']);
/** Methods whose result only tests the receiver: a boolean or a position. */
export const TEST_METHODS: ReadonlySet<string> = new Set<string>([
  'includes', 'startsWith', 'endsWith', 'has', 'test', 'indexOf', 'lastIndexOf', 'localeCompare', 'some', 'every',
  'findIndex', 'findLastIndex', 'hasOwnProperty', 'isValid', 'equals', 'search', 'codePointAt', 'charCodeAt',
  'delete', 'set', 'add', 'forEach', 'keys', ...STORAGE_WRITE_METHODS,
]);

/** Properties that measure rather than hold. */
export const MEASURE_PROPERTIES: ReadonlySet<string> = new Set<string>(['length', 'size', 'status', 'statusCode', 'statusText']);
/** Global functions whose result carries their arguments. */
export const TRANSPARENT_FUNCTIONS: ReadonlySet<string> = new Set<string>([
  'JSON.stringify', 'JSON.parse', 'String', 'Number', 'encodeURIComponent', 'encodeURI', 'escape', 'structuredClone', 'Array.from',
  'Array.of', 'Object.values', 'Object.entries', 'Object.fromEntries', 'Object.assign', 'Promise.resolve',
  'Buffer.from', 'Error', 'TypeError', 'RangeError', 'AggregateError', 'String.raw',
]);
/** Global functions whose result only tests or measures. */
export const TEST_FUNCTIONS: ReadonlySet<string> = new Set<string>([
  'Boolean', 'isNaN', 'isFinite', 'Array.isArray', 'Number.isInteger', 'Number.isNaN', 'Number.isFinite',
  'Number.isSafeInteger', 'Object.keys', 'Object.getOwnPropertyNames', 'Reflect.has', 'Date', 'Date.now',
]);
/** `util` exports that format their arguments into a string. */
export const UTIL_FORMATTERS: ReadonlySet<string> = new Set<string>(['format', 'formatWithOptions', 'inspect']);
/** Array methods whose callback's first parameter is an element of the receiver. */
export const ELEMENT_CALLBACK_METHODS: ReadonlySet<string> = new Set<string>(['map', 'forEach', 'filter', 'find', 'findLast', 'some', 'every', 'flatMap']);


/**
 * Context stores: a value put in comes back out elsewhere. Node's
 * `AsyncLocalStorage` (`store.run(value, fn)`, `store.enterWith(value)` →
 * `store.getStore()`) and cls-hooked namespaces (`ns.set(key, value)` →
 * `ns.get(key)`).
 */
export const CONTEXT_STORE_WRITES: readonly { readonly method: string; readonly value: number; readonly key?: number }[] = [
  { method: 'run', value: 0 },
  { method: 'enterWith', value: 0 },
];
export const CONTEXT_STORE_READS: readonly string[] = ['getStore'];
/** Modules whose namespaces keep keyed values (`createNamespace(name)`, `getNamespace(name)`). */
export const CONTEXT_NAMESPACE_MODULES: readonly string[] = ['cls-hooked', 'continuation-local-storage', 'cls-rtracer'];
export const CONTEXT_NAMESPACE_FACTORIES: readonly string[] = ['createNamespace', 'getNamespace'];

/** Methods that call a function with arguments: `fn.apply(thisArg, args)` passes the array, `fn.call(thisArg, …args)` the rest. */
export const FORWARDING_METHODS: readonly string[] = ['apply', 'call'];
