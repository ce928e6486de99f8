import { createHmac } from 'node:crypto';
import { currentKey, toKey } from './config';
import { isClassified } from './mark';
import type { Pseudonymized } from './types';

export interface PseudonymizeOptions {
  /** A key for this call only (overrides `configure` and the environment). */
  key?: string | Uint8Array;
}

// Pseudonyms produced in this process, so the logger integrations can tell one
// from a raw identifier under the same field name. Bounded: cleared when full.
const recent = new Set<string>();
const MAX_RECENT = 10_000;

export function isRecentPseudonym(value: string): boolean {
  return recent.has(value);
}

/**
 * A keyed hash of the value: HMAC-SHA-256, base64url (43 characters). The same
 * value and key always give the same pseudonym; without the key it cannot be
 * reversed or recomputed. `null` and `undefined` stay as they are: a missing
 * identifier should look missing.
 */
export function pseudonymize<T>(value: T, options?: PseudonymizeOptions): T extends null | undefined ? T : Pseudonymized {
  type Out = T extends null | undefined ? T : Pseudonymized;
  if (value === null || value === undefined) return value as Out;
  let key: Buffer;
  try {
    key = options?.key !== undefined ? toKey(options.key, 'pseudonymize(value, { key })') : currentKey();
  } catch (error) {
    // a bad per-call key is the caller's mistake in code, not bad input: say so
    throw error instanceof TypeError ? error : new TypeError(String(error));
  }
  const hmac = createHmac('sha256', key);
  if (typeof value === 'string') hmac.update(value, 'utf8');
  else if (isBytes(value)) hmac.update(value);
  else hmac.update(canonical(value), 'utf8');
  const out = hmac.digest('base64url');
  if (recent.size >= MAX_RECENT) recent.clear();
  recent.add(out);
  return out as Out;
}

/**
 * A stable text form of any value: numbers and bigints as decimal (so the id
 * 42 and the string "42" meet), objects as JSON with sorted keys, Maps and Sets
 * sorted, cycles as "[Circular]". Never throws.
 */
export function canonical(value: unknown): string {
  const onPath = new Set<object>();
  const visit = (v: unknown, depth: number): string => {
    switch (typeof v) {
      case 'string':
        return JSON.stringify(v);
      case 'number':
      case 'bigint':
        return String(v);
      case 'boolean':
        return v ? 'true' : 'false';
      case 'undefined':
        return 'undefined';
      case 'symbol':
        return `Symbol(${JSON.stringify(v.description ?? '')})`;
      case 'function':
        return '[Function]';
    }
    if (v === null) return 'null';
    const obj = v as object;
    if (depth > 64) return '[Deep]';
    if (onPath.has(obj)) return '[Circular]';
    onPath.add(obj);
    try {
      return visitObject(obj, depth + 1);
    } catch {
      return '[Unreadable]';
    } finally {
      onPath.delete(obj);
    }
  };
  const visitObject = (obj: object, depth: number): string => {
    if (isClassified(obj)) return visit(obj.value, depth);
    if (obj instanceof Date) return `Date(${Number.isNaN(obj.getTime()) ? 'invalid' : obj.toISOString()})`;
    if (obj instanceof Uint8Array) return `Bytes(${Buffer.from(obj).toString('base64')})`;
    if (Array.isArray(obj)) return `[${Array.from(obj, (x) => visit(x, depth)).join(',')}]`;
    if (obj instanceof Map) {
      const entries = Array.from(obj, ([k, x]) => `${visit(k, depth)}:${visit(x, depth)}`);
      return `Map{${entries.sort().join(',')}}`;
    }
    if (obj instanceof Set) return `Set{${Array.from(obj, (x) => visit(x, depth)).sort().join(',')}}`;
    const keys = Object.keys(obj).sort();
    const parts = keys.map((k) => {
      let child: unknown;
      try {
        child = (obj as Record<string, unknown>)[k];
      } catch {
        child = '[Unreadable]';
      }
      return `${JSON.stringify(k)}:${visit(child, depth)}`;
    });
    return `{${parts.join(',')}}`;
  };
  return visit(value, 0);
}

function isBytes(value: unknown): value is Uint8Array {
  try {
    return value instanceof Uint8Array;
  } catch {
    return false; // a Proxy whose getPrototypeOf trap throws; canonical() copes with it
  }
}
