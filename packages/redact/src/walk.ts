import { isClassified } from './mark';
import { CIRCULAR, REDACTED } from './types';

/**
 * How one kind treats the leaves of whatever it is given. The walker owns the
 * shape (arrays, objects, cycles, odd values); a treatment only sees leaves.
 */
export interface Treatment {
  /** Strings: a single value or text that may contain values. */
  text(value: string): string;
  /** Numbers and bigints. */
  scalar(value: number | bigint): unknown;
  /** Optional hook for objects with a meaning of their own (cookie objects). */
  object?(value: object, recurse: (child: unknown) => unknown): unknown;
  /** Optional hook for a property by name (the logger integrations); PASS to walk it as usual. */
  field?(key: string, value: unknown, recurse: (child: unknown) => unknown): unknown;
  /** Leave classified values as they are (their mark serialises itself) instead of treating the raw value. */
  keepClassified?: boolean;
}

/** Returned by `Treatment.object` to let the walker handle the object. */
export const PASS: unique symbol = Symbol('pass');

// Deeper than any real log payload; beyond it we cannot look, so we do not pass.
const MAX_DEPTH = 64;
const IN_PROGRESS: unique symbol = Symbol('in-progress');

/**
 * Apply a treatment to every leaf of `value`, returning a new structure.
 * Never throws, never mutates its argument, terminates on cycles (a back
 * reference becomes "[Circular]") and shares the output of shared subtrees,
 * so a DAG costs linear time.
 */
export function walk(value: unknown, treatment: Treatment): unknown {
  const memo = new Map<object, unknown>();
  const visit = (current: unknown, depth: number): unknown => {
    try {
      return visitUnsafe(current, depth);
    } catch {
      return REDACTED; // something we could not read is not passed on
    }
  };
  const visitUnsafe = (current: unknown, depth: number): unknown => {
    switch (typeof current) {
      case 'string':
        return treatment.text(current);
      case 'number':
      case 'bigint':
        return treatment.scalar(current);
      case 'boolean':
      case 'undefined':
        return current;
      case 'symbol':
      case 'function':
        return REDACTED;
    }
    if (current === null) return null;
    const obj = current as object;
    if (depth > MAX_DEPTH) return REDACTED;
    const seen = memo.get(obj);
    if (seen === IN_PROGRESS) return CIRCULAR;
    if (seen !== undefined || memo.has(obj)) return seen;
    memo.set(obj, IN_PROGRESS);
    const out = visitObject(obj, depth);
    memo.set(obj, out);
    return out;
  };
  const visitObject = (obj: object, depth: number): unknown => {
    const next = (child: unknown): unknown => visit(child, depth + 1);
    if (isClassified(obj)) return treatment.keepClassified ? obj : next(obj.value);
    // new String('203.0.113.9') is the string, not an object with indexed characters
    if (obj instanceof String || obj instanceof Number || obj instanceof Boolean || obj instanceof BigInt) return next(obj.valueOf());
    // a date is text to the treatments, as it is to a logger
    if (obj instanceof Date) return Number.isNaN(obj.getTime()) ? null : treatment.text(obj.toISOString());
    if (ArrayBuffer.isView(obj) || obj instanceof ArrayBuffer || obj instanceof SharedArrayBuffer) {
      return REDACTED; // bytes could hold anything and cannot be inspected as text
    }
    if (treatment.object) {
      const handled = treatment.object(obj, next);
      if (handled !== PASS) return handled;
    }
    if (Array.isArray(obj)) {
      const length = obj.length;
      const out: unknown[] = new Array<unknown>(length);
      for (let i = 0; i < length; i++) out[i] = readAndVisit(obj, i, next);
      return out;
    }
    if (obj instanceof Map) {
      const out = new Map<unknown, unknown>();
      for (const [k, v] of obj) out.set(k, next(v));
      return out;
    }
    if (obj instanceof Set) {
      const out = new Set<unknown>();
      for (const v of obj) out.add(next(v));
      return out;
    }
    if (isHeadersLike(obj)) return next(headersToObject(obj));
    const out: Record<string, unknown> = {};
    const setField = (key: string): void => {
      if (key === '__proto__') return; // copying it would set the prototype
      if (!treatment.field) {
        out[key] = readAndVisit(obj, key, next);
        return;
      }
      let child: unknown;
      try {
        child = (obj as Record<string, unknown>)[key];
      } catch {
        out[key] = REDACTED;
        return;
      }
      const handled = treatment.field(key, child, next);
      out[key] = handled === PASS ? next(child) : handled;
    };
    if (obj instanceof Error) {
      setField('name');
      setField('message');
      if (typeof obj.stack === 'string') setField('stack');
    } else if (!isPlainObject(obj) && hasToJSON(obj)) {
      // URL, Decimal, ORM documents: their JSON form is what a logger would write
      const json = (obj as { toJSON(): unknown }).toJSON();
      if (json !== obj) return next(json);
    }
    for (const key of Object.keys(obj)) setField(key);
    return out;
  };
  return visit(value, 0);
}

/** A property of anything, or undefined: never throws, even on a throwing getter. */
export function read(obj: unknown, key: string): unknown {
  if (typeof obj !== 'object' || obj === null) return undefined;
  try {
    return (obj as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

function readAndVisit(obj: object, key: PropertyKey, next: (v: unknown) => unknown): unknown {
  let child: unknown;
  try {
    child = (obj as Record<PropertyKey, unknown>)[key];
  } catch {
    return REDACTED; // a getter that throws
  }
  return next(child);
}

export function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype;
}

function hasToJSON(value: object): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

/** WHATWG `Headers` and look-alikes (undici, node-fetch): entries behind methods. */
export function isHeadersLike(value: object): value is HeadersLike {
  const h = value as Partial<Record<'get' | 'append' | 'forEach', unknown>>;
  return !(value instanceof Map) && typeof h.get === 'function' && typeof h.append === 'function' && typeof h.forEach === 'function';
}

interface HeadersLike {
  forEach(cb: (value: string, name: string) => void): void;
  getSetCookie?: () => string[];
}

export function headersToObject(headers: HeadersLike): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  headers.forEach((value, name) => {
    if (typeof name === 'string' && name !== '__proto__') out[name.toLowerCase()] = String(value);
  });
  // fetch's Headers joins set-cookie with commas, which corrupts Expires dates
  if (typeof headers.getSetCookie === 'function' && 'set-cookie' in out) {
    const list = headers.getSetCookie();
    if (Array.isArray(list)) out['set-cookie'] = list.map(String);
  }
  return out;
}
