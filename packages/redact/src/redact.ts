import { cookieObject, redactCookieText } from './cookie';
import { redactDeviceText } from './device';
import { redactIpText } from './ip';
import { redactRequest } from './request';
import { redactTokenText } from './token';
import { REDACTED, type Redacted, type SafeRequest } from './types';
import { redactUserText } from './user';
import { walk, type Treatment } from './walk';

const masked = (): string => REDACTED;
const maskNonEmpty = (s: string): string => (s === '' ? s : REDACTED);

const TREATMENTS = {
  // numbers are not addresses in any notation we read; they pass
  ip: { text: redactIpText, scalar: (v) => v },
  cookie: { text: redactCookieText, scalar: masked, object: cookieObject },
  session: { text: maskNonEmpty, scalar: masked },
  token: { text: redactTokenText, scalar: masked },
  user: { text: redactUserText, scalar: masked },
  storage: { text: maskNonEmpty, scalar: masked },
  device: { text: redactDeviceText, scalar: masked },
} satisfies Record<string, Treatment>;

type Redactor = <T>(value: T) => Redacted<T>;

function redactor(treatment: Treatment): Redactor {
  return <T>(value: T) => walk(value, treatment) as Redacted<T>;
}

/**
 * The "redact" treatment for each kind of online identifier. Every function
 * takes a single value, text containing such values, arrays and objects
 * (applied to the values; keys stay), never throws, never changes its
 * argument, and is idempotent: redacting twice equals redacting once.
 */
export const redact: {
  /** IPv4 → /24, IPv6 → /48 (IPv4-mapped → /24 of the IPv4), ports and zone ids dropped, in place in text. */
  readonly ip: Redactor;
  /** Names stay, values go: `cookie` headers, `set-cookie` lines, cookie maps and cookie objects. */
  readonly cookie: Redactor;
  /** `[redacted]`, whatever the length. */
  readonly session: Redactor;
  /** The scheme or type stays: `Bearer [redacted]`, `JWT [redacted]`, `sk_live_[redacted]`. */
  readonly token: Redactor;
  /** `[redacted]` for ids and names, `[redacted]@example.com` for e-mail addresses. */
  readonly user: Redactor;
  /** `[redacted]`, whatever the length. */
  readonly storage: Redactor;
  /** Browser family and major version: `Chrome 120`; anything else `[redacted]`. */
  readonly device: Redactor;
  /** Method, path (query keys only), status and the headers that identify nobody. */
  readonly request: <T>(value: T) => Redacted<T extends string ? string : SafeRequest | Record<string, string | string[]>>;
} = Object.freeze({
  ip: redactor(TREATMENTS.ip),
  cookie: redactor(TREATMENTS.cookie),
  session: redactor(TREATMENTS.session),
  token: redactor(TREATMENTS.token),
  user: redactor(TREATMENTS.user),
  storage: redactor(TREATMENTS.storage),
  device: redactor(TREATMENTS.device),
  request: <T>(value: T) =>
    redactRequest(value) as Redacted<T extends string ? string : SafeRequest | Record<string, string | string[]>>,
});
