import { REDACTED } from './types';
import { fixpoint } from './text';
import { PASS } from './walk';

// Set-Cookie attributes describe the cookie, not the person: they stay.
const VALUED_ATTRIBUTES = new Set(['path', 'domain', 'expires', 'max-age', 'samesite', 'priority']);
const FLAG_ATTRIBUTES = new Set(['secure', 'httponly', 'partitioned']);
// Keys of cookie objects (tough-cookie, Next.js, Playwright, Puppeteer) that are attributes.
const OBJECT_ATTRIBUTES = new Set([
  'name', 'domain', 'path', 'expires', 'maxage', 'max-age', 'httponly', 'secure', 'samesite', 'partitioned', 'priority',
  'hostonly', 'session', 'size', 'sameparty', 'sourcescheme', 'sourceport',
]);

/**
 * A `cookie` header, one `set-cookie` line, or a single cookie value. Names
 * and attributes stay; values become `[redacted]` (an empty value stays empty:
 * a cleared cookie says nothing about anyone).
 */
export const redactCookieText: (value: string) => string = fixpoint(cookieStep);

function cookieStep(value: string): string {
  const trimmed = value.trim();
  if (trimmed === '') return value;
  const eq = trimmed.indexOf('=');
  // no pair at all, or only base64 padding after the "=": a bare value
  if ((eq === -1 && !trimmed.includes(';')) || (eq !== -1 && isPadding(trimmed, eq) && !trimmed.includes(';'))) {
    return REDACTED;
  }
  const out: string[] = [];
  let first = true;
  for (const raw of trimmed.split(';')) {
    const segment = raw.trim();
    if (segment === '') continue;
    const at = segment.indexOf('=');
    if (at === -1) {
      out.push(!first && FLAG_ATTRIBUTES.has(segment.toLowerCase()) ? segment : REDACTED);
    } else {
      const name = segment.slice(0, at).trim();
      const val = segment.slice(at + 1).trim();
      if (!first && VALUED_ATTRIBUTES.has(name.toLowerCase())) out.push(`${name}=${val}`);
      else out.push(val === '' ? `${name}=` : `${name}=${REDACTED}`);
    }
    first = false;
  }
  return out.join('; ');
}

function isPadding(text: string, eq: number): boolean {
  for (let i = eq; i < text.length; i++) if (text.charCodeAt(i) !== 61) return false;
  return eq > 0;
}

/** Cookie objects (`{ name, value, path, … }`) keep name and attributes. */
export function cookieObject(obj: object, recurse: (child: unknown) => unknown): unknown {
  if (Array.isArray(obj)) return PASS;
  const record = obj as Record<string, unknown>;
  if (typeof record.name !== 'string' || !('value' in record)) return PASS;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    if (key === '__proto__') continue;
    let child: unknown;
    try {
      child = record[key];
    } catch {
      out[key] = REDACTED;
      continue;
    }
    if (key === 'value') out.value = child === '' || child === undefined || child === null ? child : REDACTED;
    else if (OBJECT_ATTRIBUTES.has(key.toLowerCase())) out[key] = recurseAttribute(child, recurse);
    else out[key] = recurse(child);
  }
  return out;
}

function recurseAttribute(value: unknown, recurse: (child: unknown) => unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  const t = typeof value;
  return t === 'string' || t === 'number' || t === 'boolean' || value === null || value === undefined ? value : recurse(value);
}
