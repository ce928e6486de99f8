/**
 * The identifier kinds, as in the policy: each names a family of values that
 * can single out a person across online services.
 */
export type Kind = 'ip' | 'cookie' | 'session' | 'token' | 'user' | 'storage' | 'device' | 'request';

export const KINDS: readonly Kind[] = ['ip', 'cookie', 'session', 'token', 'user', 'storage', 'device', 'request'];

declare const redactedBrand: unique symbol;
declare const pseudonymizedBrand: unique symbol;
declare const classifiedBrand: unique symbol;

/** Leaves that carry no identifier keep their type; other leaves may become a redacted string. */
type RedactedShape<T> = T extends null | undefined | boolean
  ? T
  : T extends string
    ? string
    : T extends number | bigint
      ? T | string
      : T extends symbol | ((...args: never[]) => unknown)
        ? string
        : T extends readonly (infer U)[]
          ? RedactedShape<U>[]
          : T extends Date
            ? string | null
            : T extends object
              ? { [K in keyof T]: RedactedShape<T[K]> }
              : unknown;

/**
 * A value that went through `redact.<kind>()`: the identifying detail is gone.
 * The brand is compile-time only; it lets type-aware analysis accept the value
 * as classified wherever it flows. `null` and `undefined` stay as they are.
 */
export type Redacted<T = unknown> = T extends null | undefined ? T : RedactedShape<T> & { readonly [redactedBrand]: true };

/** A keyed hash (HMAC-SHA-256, base64url) standing in for an identifier. */
export type Pseudonymized = string & { readonly [pseudonymizedBrand]: true };

/**
 * A raw identifier kept on purpose and marked as personal data. The mark
 * survives `JSON.stringify` as `{"$classified":{"kind":…,"purpose":…},"value":…}`.
 */
export interface Classified<T = unknown> {
  readonly value: T;
  readonly kind: Kind;
  readonly purpose: string;
  readonly [classifiedBrand]: true;
  toJSON(): ClassifiedJSON;
  toString(): string;
}

export interface ClassifiedJSON {
  $classified: { kind: Kind; purpose: string };
  value: unknown;
}

/** What `redact.request()` keeps of a request or response. */
export interface SafeRequest {
  method?: string;
  path?: string;
  status?: number;
  headers?: Record<string, string | string[]>;
}

export const REDACTED = '[redacted]';
export const CIRCULAR = '[Circular]';
