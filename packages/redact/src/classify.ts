import { inspect } from 'node:util';
import { CLASSIFIED } from './mark';
import type { Classified, ClassifiedJSON, Kind } from './types';
import { walk } from './walk';

const KNOWN: ReadonlySet<string> = new Set(['ip', 'cookie', 'session', 'token', 'user', 'storage', 'device', 'request']);

// JSON.stringify cannot write bigints and throws on cycles; the mark must not
// make logging fail, so toJSON hands over a copy that serialises.
const jsonSafe = {
  text: (s: string) => s,
  scalar: (v: number | bigint) => (typeof v === 'bigint' ? v.toString() : v),
};

class ClassifiedValue<T> {
  readonly value: T;
  readonly kind: Kind;
  readonly purpose: string;
  declare readonly [CLASSIFIED]: true;

  constructor(value: T, kind: Kind, purpose: string) {
    this.value = value;
    this.kind = kind;
    this.purpose = purpose;
    Object.defineProperty(this, CLASSIFIED, { value: true, enumerable: false });
    Object.freeze(this);
  }

  /** `{"$classified":{"kind":"ip","purpose":"security"},"value":"203.0.113.9"}` */
  toJSON(): ClassifiedJSON {
    return { $classified: { kind: this.kind, purpose: this.purpose }, value: walk(this.value, jsonSafe) };
  }

  /** `[classified ip/security: 203.0.113.9]`: the raw value, with the mark that lets a text pipeline route it. */
  toString(): string {
    return `[classified ${this.kind}/${this.purpose}: ${textOf(this.value)}]`;
  }

  [Symbol.toPrimitive](): string {
    return this.toString();
  }

  [inspect.custom](): string {
    return this.toString();
  }
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(walk(value, jsonSafe)) ?? '[unserializable]';
    } catch {
      return '[unserializable]';
    }
  }
  try {
    return String(value);
  } catch {
    return '[unserializable]';
  }
}

/**
 * Keep the raw value on purpose and mark it as personal data: "classify for
 * security" in the policy. The mark travels with the value into JSON logs and
 * text, so the pipeline can route it to the access-controlled store.
 */
export function classify<T>(value: T, kind: Kind, purpose = 'security'): Classified<T> {
  const k = typeof kind === 'string' && KNOWN.has(kind) ? kind : (safeString(kind) as Kind);
  const p = typeof purpose === 'string' && purpose !== '' ? purpose : safeString(purpose) || 'security';
  return new ClassifiedValue(value, k, p) as unknown as Classified<T>;
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return '';
  }
}
