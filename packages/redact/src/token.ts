import { REDACTED } from './types';
import { fixpoint, hasSpace, isAlnum, isSpace, maskKeyValues } from './text';

// Authentication schemes (IANA HTTP Authentication Scheme Registry and common
// vendor ones). The scheme is the token's type and survives; the credential does not.
const SCHEMES = new Set([
  'basic', 'bearer', 'digest', 'negotiate', 'ntlm', 'hoba', 'mutual', 'token', 'dpop', 'gnap', 'mac',
  'oauth', 'apikey', 'api-key', 'privatetoken', 'vapid', 'scram-sha-1', 'scram-sha-256', 'aws4-hmac-sha256',
  'sharedkey', 'sharedkeylite', 'hawk', 'signature', 'concealed', 'kerberos', 'sso-key', 'splunk', 'geniekey',
]);
// Schemes whose credentials are comma-separated parameters: everything after the scheme goes.
const PARAM_SCHEMES = new Set(['digest', 'hoba', 'mutual', 'aws4-hmac-sha256', 'signature', 'oauth', 'hawk', 'sharedkey', 'sharedkeylite']);

// Scheme words that are not also English words.
const UNAMBIGUOUS_SCHEMES = new Set(['bearer', 'dpop', 'ntlm', 'negotiate', 'gnap', 'privatetoken', 'vapid', 'apikey', 'api-key']);

// Well-known API key prefixes name the key's issuer and type; the rest is secret.
const KEY_PREFIXES = [
  'sk_live_', 'sk_test_', 'rk_live_', 'rk_test_', 'pk_live_', 'pk_test_', 'whsec_', 'ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_',
  'github_pat_', 'glpat-', 'xoxb-', 'xoxp-', 'xoxa-', 'xoxe-', 'xapp-', 'npm_', 'pypi-', 'AKIA', 'ASIA', 'AIza', 'sk-proj-',
  'sk-ant-', 'hf_', 'shpat_', 'SG.', 'dop_v1_',
];
const PREFIX_FIRST = new Set(KEY_PREFIXES.map((p) => p.charCodeAt(0)));
const MIN_KEY_BODY = 8;

// Names whose values are credentials in query strings, JSON text and key=value logs.
const SECRET_NAMES = new Set([
  'token', 'accesstoken', 'refreshtoken', 'idtoken', 'authtoken', 'apikey', 'xapikey', 'apitoken', 'secret', 'clientsecret',
  'password', 'passwd', 'pwd', 'authorization', 'proxyauthorization', 'csrftoken', 'xcsrftoken', 'xsrftoken',
  'xxsrftoken', 'jwt', 'bearer', 'signature', 'sig', 'privatekey', 'sessiontoken',
]);
// Not "code" or "auth": "error code: 500" and "auth: ok" are common in messages, and
// in URLs every query value goes anyway.

function isCredentialChar(c: number): boolean {
  return isAlnum(c) || c === 46 || c === 95 || c === 126 || c === 43 || c === 47 || c === 61 || c === 45; /* . _ ~ + / = - */
}
function isB64Url(c: number): boolean {
  return isAlnum(c) || c === 95 || c === 45;
}

/** `Bearer abc` → `Bearer [redacted]`; a bare JWT → `JWT [redacted]`; `sk_live_…` → `sk_live_[redacted]`. */
export const redactTokenText: (value: string) => string = fixpoint(tokenStep);

function tokenStep(value: string): string {
  const trimmed = value.trim();
  if (trimmed === '') return value;
  if (!hasSpace(trimmed)) {
    if (!looksBare(trimmed)) return tokenTextMode(value);
    if (jwtEnd(trimmed, 0) === trimmed.length) return `JWT ${REDACTED}`;
    const prefix = KEY_PREFIXES.find((p) => trimmed.startsWith(p));
    return prefix === undefined ? REDACTED : prefix + REDACTED;
  }
  let w = 0;
  while (w < trimmed.length && !isSpace(trimmed.charCodeAt(w))) w++;
  const first = trimmed.slice(0, w);
  const scheme = first.toLowerCase();
  // "Bearer abc" is one header value; "token expired at noon" is a sentence
  if (SCHEMES.has(scheme) && (PARAM_SCHEMES.has(scheme) || !hasSpace(trimmed.slice(w).trim()))) return `${first} ${REDACTED}`;
  return tokenTextMode(value);
}

/** Free text: credentials after scheme words, JWTs, prefixed API keys and `token=…` pairs. */
export function tokenTextMode(text: string): string {
  let out = maskKeyValues(text, SECRET_NAMES, (v) => SCHEMES.has(v.toLowerCase()));
  out = maskSchemeCredentials(out);
  out = maskJwts(out);
  return maskPrefixedKeys(out);
}

function maskSchemeCredentials(text: string): string {
  const n = text.length;
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isAsciiWordStart(text, i, c)) {
      i++;
      continue;
    }
    let w = i;
    while (w < n && (isAlnum(text.charCodeAt(w)) || text.charCodeAt(w) === 45)) w++;
    const word = text.slice(i, w).toLowerCase();
    if (w - i > 20 || !SCHEMES.has(word)) {
      i = w;
      continue;
    }
    let k = w;
    while (k < n && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
    if (k === w || k >= n) {
      i = k;
      continue;
    }
    let end = k;
    if (PARAM_SCHEMES.has(word)) {
      while (end < n && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    } else {
      while (end < n && isCredentialChar(text.charCodeAt(end))) end++;
    }
    if (end === k || text.startsWith(REDACTED, k) || !looksLikeCredential(text, k, end, word)) {
      i = Math.max(k, i + 1);
      continue;
    }
    out += text.slice(copied, k) + REDACTED;
    copied = end;
    i = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

function isAsciiWordStart(text: string, i: number, c: number): boolean {
  if (!isAlnum(c)) return false;
  if (i === 0) return true;
  const p = text.charCodeAt(i - 1);
  return !isAlnum(p) && p !== 45 && p !== 95;
}

/** If a JWT (or JWE) starts at `i`, the index after it; else -1. */
function jwtEnd(text: string, i: number): number {
  if (!text.startsWith('eyJ', i)) return -1;
  const n = text.length;
  let segments = 0;
  let k = i;
  for (;;) {
    const start = k;
    while (k < n && isB64Url(text.charCodeAt(k))) k++;
    const length = k - start;
    segments++;
    // header and payload are never tiny; the signature may be empty (alg "none")
    if (segments <= 2 && length < 4) return -1;
    if (k < n && text.charCodeAt(k) === 46 && segments < 5) {
      k++;
      continue;
    }
    break;
  }
  return segments >= 3 ? k : -1;
}

function maskJwts(text: string): string {
  const n = text.length;
  let out = '';
  let copied = 0;
  let i = text.indexOf('eyJ');
  while (i !== -1 && i < n) {
    const p = i > 0 ? text.charCodeAt(i - 1) : 32;
    const end = isB64Url(p) || p === 46 ? -1 : jwtEnd(text, i);
    if (end > 0) {
      out += text.slice(copied, i) + `JWT ${REDACTED}`;
      copied = end;
      i = text.indexOf('eyJ', end);
    } else {
      // an "eyJ" inside the run just scanned would fail the same way: skip the run
      let k = i + 3;
      while (k < n && isB64Url(text.charCodeAt(k))) k++;
      i = text.indexOf('eyJ', k);
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

function maskPrefixedKeys(text: string): string {
  const n = text.length;
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!PREFIX_FIRST.has(c) || (i > 0 && isB64Url(text.charCodeAt(i - 1)))) {
      i++;
      continue;
    }
    const prefix = KEY_PREFIXES.find((p) => text.startsWith(p, i));
    if (prefix === undefined) {
      i++;
      continue;
    }
    const start = i + prefix.length;
    let end = start;
    while (end < n && (isB64Url(text.charCodeAt(end)) || text.charCodeAt(end) === 46)) end++;
    if (end - start < MIN_KEY_BODY) {
      i = Math.max(end, i + 1);
      continue;
    }
    out += text.slice(copied, start) + REDACTED;
    copied = end;
    i = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * One credential rather than text around one: no quotes, no URL or query
 * syntax, and `=` only as base64 padding at the end. Deciding on shape alone
 * keeps the answer stable when the text mode has already masked something.
 */
function looksBare(value: string): boolean {
  if (value.includes('://') || value.includes('?') || value.includes('&')) return false;
  if (value.includes('"') || value.includes("'")) return false;
  let end = value.length;
  while (end > 0 && value.charCodeAt(end - 1) === 61) end--;
  return value.lastIndexOf('=', end - 1) === -1;
}

/**
 * In prose, "basic auth failed" must survive: after a scheme word, only
 * something shaped like a secret (a digit or base64 punctuation, or long) is one.
 */
function looksLikeCredential(text: string, start: number, end: number, scheme: string): boolean {
  if (PARAM_SCHEMES.has(scheme)) {
    // parameters ("username=…", "Credential=…"), not "the digest of the day"
    for (let i = start; i < end && !isSpace(text.charCodeAt(i)); i++) if (text.charCodeAt(i) === 61) return true;
    return false;
  }
  // nobody writes "bearer" in prose before something that is not a credential
  if (UNAMBIGUOUS_SCHEMES.has(scheme) || end - start >= 20) return true;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 43 || c === 47 || c === 61 || c === 95 || c === 126) return true;
    if (i > start && c >= 65 && c <= 90) return true; // mixed case, as base64 is
  }
  return false;
}
