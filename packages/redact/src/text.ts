import { REDACTED } from './types';

// Small linear scanners shared by the text treatments. No regular expressions:
// every loop moves forward, so a 10 MB string costs one pass per scanner.

export function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
export function isAlnum(c: number): boolean {
  return isAsciiLetter(c) || (c >= 48 && c <= 57);
}
export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
}
export function hasSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isSpace(text.charCodeAt(i))) return true;
  return false;
}
function isNameChar(c: number): boolean {
  return isAlnum(c) || c === 95 || c === 45 || c === 46; /* _ - . */
}
/** Ends an unquoted value: whitespace and the usual separators of query strings, headers and JSON. */
function endsValue(c: number): boolean {
  return (
    isSpace(c) || c === 38 || c === 59 || c === 44 || c === 34 || c === 39 || c === 60 || c === 62 || c === 41 || c === 125 || c === 93
  ); /* & ; , " ' < > ) } ] */
}

/** Lower case without `-`, `_`, `.` and spaces: `X-Api-Key`, `x_api_key` and `xApiKey` meet. */
export function normalizeName(name: string): string {
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 45 || c === 95 || c === 46 || c === 32) continue;
    out += name[i];
  }
  return out.toLowerCase();
}

const MAX_NAME = 64;

/**
 * Mask the values of `name=value` and `name: value` pairs (also quoted, as in
 * JSON or query strings) whose name is one of `names`. `skipValue` lets the
 * caller leave a value to another scanner (an auth scheme word).
 */
export function maskKeyValues(text: string, names: ReadonlySet<string>, skipValue?: (value: string) => boolean): string {
  const n = text.length;
  let out = '';
  let copied = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c !== 61 /* = */ && c !== 58 /* : */) continue;
    let j = i - 1;
    const quote = text.charCodeAt(j);
    if (quote === 34 || quote === 39) j--;
    const nameEnd = j + 1;
    while (j >= 0 && nameEnd - j <= MAX_NAME && isNameChar(text.charCodeAt(j))) j--;
    if (nameEnd - j > MAX_NAME || nameEnd === j + 1) continue;
    if (!names.has(normalizeName(text.slice(j + 1, nameEnd)))) continue;
    let k = i + 1;
    while (k < n && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
    const open = text.charCodeAt(k);
    const quoted = open === 34 || open === 39;
    if (quoted) k++;
    const start = k;
    if (quoted) {
      while (k < n && text.charCodeAt(k) !== open && text.charCodeAt(k) !== 10) k++;
    } else {
      while (k < n && !endsValue(text.charCodeAt(k))) k++;
    }
    const value = text.slice(start, k);
    if (value === '' || text.startsWith(REDACTED, start) || skipValue?.(value)) continue;
    out += text.slice(copied, start) + REDACTED;
    copied = k;
    i = k - 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * Run a text treatment until it changes nothing, so that redacting twice
 * equals redacting once even where one replacement exposes another reading
 * of its neighbours. Each step is linear; in practice two or three run.
 */
export function fixpoint(step: (text: string) => string): (text: string) => string {
  return (text) => {
    let current = text;
    for (let i = 0; i < 8; i++) {
      const next = step(current);
      if (next === current) return next;
      current = next;
    }
    return current;
  };
}
