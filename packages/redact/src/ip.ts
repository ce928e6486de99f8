import ipaddr from 'ipaddr.js';

// Finding candidates is a plain character scan; deciding what is an address is
// ipaddr.js's job. Nothing here backtracks, so any input costs linear time.

const MAX_V6 = 64; // longer runs cannot be one address (with an embedded IPv4 it is 45)
const MAX_PORT_DIGITS = 5;

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isRunChar(c: number): boolean {
  return isHex(c) || c === 58 /* : */ || c === 46; /* . */
}
/** Letters and digits: an address glued to one is part of a word (v1.2.3.4, Foo::bar). `_` is not: ip_203.0.113.9 is an address. */
function isWordChar(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isZoneChar(c: number): boolean {
  return isWordChar(c) || c === 95 || c === 46 || c === 45 || c === 126 || c === 37; /* _ . - ~ % */
}

/** IPv4 → /24 (last octet zeroed). */
function truncateV4(addr: ipaddr.IPv4): string {
  const [a, b, c] = addr.octets;
  return `${a}.${b}.${c}.0`;
}

/** IPv6 → /48; an IPv4-mapped address is an IPv4 address and gets /24 of it. */
function truncateV6(addr: ipaddr.IPv6): string {
  if (addr.isIPv4MappedAddress()) return `::ffff:${truncateV4(addr.toIPv4Address())}`;
  const parts = addr.parts.map((p, i) => (i < 3 ? p : 0));
  return new ipaddr.IPv6(parts).toRFC5952String();
}

// Logs repeat the same few addresses; remember answers (bounded) so a large
// text costs one ipaddr.js parse per distinct candidate.
const memo = new Map<string, string | null>();
const MAX_MEMO = 20_000;

function remember(candidate: string, result: string | undefined): string | undefined {
  if (memo.size >= MAX_MEMO) memo.clear();
  memo.set(candidate, result ?? null);
  // the truncated form is its own answer: a second pass costs no parse
  if (result !== undefined) memo.set(result, result);
  return result;
}

function v4(candidate: string): string | undefined {
  if (candidate.length < 7 || candidate.length > 15) return undefined;
  const known = memo.get(candidate);
  if (known !== undefined) return known ?? undefined;
  const plain = ipaddr.IPv4.isValidFourPartDecimal(candidate) ? candidate : withoutLeadingZeros(candidate);
  const result = plain !== undefined ? truncateV4(ipaddr.IPv4.parse(plain)) : undefined;
  return remember(candidate, result);
}

/**
 * Zero-padded octets ("192.168.001.010") are an address too; ipaddr.js
 * rightly refuses them (octal or decimal?), but for truncation only the first
 * three groups matter and either reading must not leak: read them as decimal.
 */
function withoutLeadingZeros(candidate: string): string | undefined {
  const groups = candidate.split('.');
  if (groups.length !== 4) return undefined;
  const stripped = groups.map((g) => (g.length > 1 && g.length <= 3 && g.startsWith('0') ? String(Number(g)) : g));
  const plain = stripped.join('.');
  return plain !== candidate && ipaddr.IPv4.isValidFourPartDecimal(plain) ? plain : undefined;
}

function v6(candidate: string): string | undefined {
  if (candidate.length < 2 || candidate.length > MAX_V6 || !candidate.includes(':')) return undefined;
  const known = memo.get(candidate);
  if (known !== undefined) return known ?? undefined;
  let result: string | undefined;
  try {
    result = truncateV6(ipaddr.IPv6.parse(candidate)); // one parse: it throws on anything invalid
  } catch {
    result = undefined;
  }
  return remember(candidate, result);
}

/**
 * Truncate every IP address in `text` in place. Ports and IPv6 zone ids are
 * dropped with the host part: a source port next to a /24 still narrows a
 * carrier-grade-NAT subscriber down, and a zone id names a host's interface.
 */
export function redactIpText(text: string): string {
  // A second pass must change nothing; when the first changed something, run
  // again so the result is a fixed point (ports and zones removed can expose
  // a different reading of the neighbours).
  let current = text;
  for (let i = 0; i < 4; i++) {
    const next = scanIp(current);
    if (next === current) return next;
    current = next;
  }
  return current;
}

/** One pass of the scan; `redactIpText` repeats it to a fixed point. */
export function scanIp(text: string): string {
  const n = text.length;
  let out = '';
  let copied = 0; // text[copied, i) is not yet in out
  let i = 0;
  while (i < n) {
    if (!isRunChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i;
    while (end < n && isRunChar(text.charCodeAt(end))) end++;
    const replaced = replaceRun(text, i, end);
    if (replaced) {
      out += text.slice(copied, replaced.from) + replaced.with;
      copied = replaced.to;
      i = Math.max(end, replaced.to);
    } else {
      i = end;
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

interface Replacement {
  from: number;
  to: number;
  with: string;
}

function gluedBefore(text: string, at: number): boolean {
  return at > 0 && isWordChar(text.charCodeAt(at - 1));
}
function gluedAfter(text: string, at: number): boolean {
  return at < text.length && isWordChar(text.charCodeAt(at));
}

/** The run text[start, end) of hex digits, colons and dots. */
function replaceRun(text: string, start: number, end: number): Replacement | undefined {
  // Whole run as IPv6, also with one stray colon or trailing dots around it ("ip:::1", "at ::1.").
  let s = start;
  let e = end;
  while (e > s && text.charCodeAt(e - 1) === 46) e--;
  const tries: [number, number][] = [[start, end], [s, e]];
  if (text.charCodeAt(s) === 58 && text.charCodeAt(s + 1) !== 58) tries.push([(s = s + 1), e]);
  if (text.charCodeAt(e - 1) === 58 && text.charCodeAt(e - 2) !== 58) tries.push([s, e - 1]);
  for (const [a, b] of tries) {
    if (b - a > MAX_V6 || gluedBefore(text, a) || gluedAfter(text, b)) continue;
    const truncated = v6(text.slice(a, b));
    if (truncated !== undefined) return withV6Context(text, a, b, truncated);
  }
  return replaceV4Pieces(text, start, end);
}

/** Drop a zone id after the address and a port after a bracketed address. */
function withV6Context(text: string, from: number, to: number, truncated: string): Replacement {
  let end = to;
  if (text.charCodeAt(end) === 37 /* % */) {
    end++;
    while (end < text.length && isZoneChar(text.charCodeAt(end))) end++;
  }
  if (text.charCodeAt(from - 1) === 91 /* [ */ && text.charCodeAt(end) === 93 /* ] */) {
    const port = portAt(text, end + 1);
    if (port > end + 1) return { from, to: port, with: `${truncated}]` };
  }
  return { from, to: end, with: truncated };
}

/** If text[at] is ":" followed by 1-5 digits, the index after them; else `at`. */
function portAt(text: string, at: number): number {
  if (text.charCodeAt(at) !== 58) return at;
  let j = at + 1;
  while (j < text.length && j - at - 1 < MAX_PORT_DIGITS + 1 && isDigit(text.charCodeAt(j))) j++;
  const digits = j - at - 1;
  if (digits < 1 || digits > MAX_PORT_DIGITS || gluedAfter(text, j)) return at;
  return j;
}

/** IPv4 addresses inside a run that is not IPv6: "1.2.3.4", "1.2.3.4:8080", "::ffff:1.2.3.4:80". */
function replaceV4Pieces(text: string, start: number, end: number): Replacement | undefined {
  // Pieces between colons; the output is only assembled once something changes.
  let out = '';
  let copied = start;
  let p = start;
  while (p <= end) {
    let q = p;
    while (q < end && text.charCodeAt(q) !== 58) q++;
    // the piece is text[p, q); dots around it are punctuation
    let a = p;
    let b = q;
    while (a < b && text.charCodeAt(a) === 46) a++;
    while (b > a && text.charCodeAt(b - 1) === 46) b--;
    const glued = (a === start && gluedBefore(text, a)) || (b === end && gluedAfter(text, b));
    const truncated = glued || b - a < 7 ? undefined : v4(text.slice(a, b));
    if (truncated !== undefined) {
      out += text.slice(copied, a) + truncated;
      copied = b;
      // a port right after an address goes with it
      const port = q === b ? portAt(text, q) : q;
      if (port > q && (port === end || text.charCodeAt(port) === 58)) {
        copied = port;
        p = port + 1;
        continue;
      }
    }
    p = q + 1;
  }
  if (copied === start) return undefined;
  return { from: start, to: end, with: out + text.slice(copied, end) };
}
