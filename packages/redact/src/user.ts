import { REDACTED } from './types';
import { fixpoint, hasSpace, isAlnum, maskKeyValues } from './text';

// Names whose values identify a user, for `user=alice` and `"email": "…"` in text.
const USER_NAMES = new Set([
  'user', 'username', 'userid', 'uid', 'email', 'emailaddress', 'mail', 'login', 'account', 'accountid', 'customerid',
  'memberid', 'principal', 'subject', 'sub', 'upn', 'nickname', 'handle',
]);

function isLocalChar(c: number): boolean {
  // The characters real local parts use; not "/", "=", "?", "&", so that a path
  // or a query ("/users/a@b.c", "email=a@b.c") keeps what precedes the address.
  return isAlnum(c) || c === 46 || c === 95 || c === 45 || c === 43 || c === 37; /* . _ - + % */
}
function isDomainChar(c: number): boolean {
  return isAlnum(c) || c === 46 || c === 45;
}

/**
 * A user id or name → `[redacted]`; an e-mail address keeps its domain
 * (`[redacted]@example.com`); text keeps its words but loses e-mail local
 * parts and the values of `user=…`, `email: …` pairs.
 */
export const redactUserText: (value: string) => string = fixpoint(userStep);

function userStep(value: string): string {
  const trimmed = value.trim();
  if (trimmed === '') return value;
  if (hasSpace(trimmed)) return maskKeyValues(maskEmails(value), USER_NAMES);
  if (trimmed === REDACTED) return REDACTED;
  if (trimmed.startsWith(`${REDACTED}@`) && isDomain(trimmed, REDACTED.length + 1)) return trimmed;
  const at = trimmed.lastIndexOf('@');
  if (at > 0 && isDomain(trimmed, at + 1)) {
    let local = true;
    for (let i = 0; i < at && local; i++) local = isLocalChar(trimmed.charCodeAt(i));
    if (local) return `${REDACTED}@${trimmed.slice(at + 1)}`;
  }
  return REDACTED;
}

/** text[from…] is a domain with at least one inner dot. */
function isDomain(text: string, from: number): boolean {
  let dot = false;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isDomainChar(c)) return false;
    if (c === 46 && i > from && i < text.length - 1) dot = true;
  }
  return dot;
}

/** Replace the local part of every e-mail address in text. Each character is looked at a bounded number of times. */
export function maskEmails(text: string): string {
  const n = text.length;
  let out = '';
  let copied = 0;
  let at = text.indexOf('@');
  while (at !== -1) {
    let s = at;
    while (s > copied && isLocalChar(text.charCodeAt(s - 1))) s--;
    let e = at + 1;
    let dot = false;
    while (e < n && isDomainChar(text.charCodeAt(e))) {
      if (text.charCodeAt(e) === 46 && e > at + 1 && e + 1 < n && isAlnum(text.charCodeAt(e + 1))) dot = true;
      e++;
    }
    if (s < at && dot) {
      out += text.slice(copied, s) + REDACTED;
      copied = at;
    }
    at = text.indexOf('@', Math.max(at + 1, e));
  }
  return copied === 0 ? text : out + text.slice(copied);
}
