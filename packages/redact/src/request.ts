import { redactIpText, scanIp } from './ip';
import { tokenTextMode } from './token';
import { maskEmails } from './user';
import { isClassified } from './mark';
import { REDACTED, type SafeRequest } from './types';
import { fixpoint } from './text';
import { headersToObject, isHeadersLike, read } from './walk';

// Headers that describe the exchange, not the person. Everything else
// (cookies, authorization, forwarding addresses, user agent and client hints,
// referer, accept-language, ETags that can act as trackers) is left out.
const SAFE_HEADERS = new Set([
  'accept', 'accept-encoding', 'accept-ranges', 'access-control-allow-credentials', 'access-control-allow-headers',
  'access-control-allow-methods', 'access-control-allow-origin', 'access-control-max-age',
  'access-control-request-headers', 'access-control-request-method', 'age', 'cache-control', 'connection',
  'content-encoding', 'content-language', 'content-length', 'content-range', 'content-type', 'date', 'expect', 'expires',
  'host', 'if-modified-since', 'if-unmodified-since', 'keep-alive', 'last-modified', 'origin', 'pragma', 'range',
  'retry-after', 'sec-fetch-dest', 'sec-fetch-mode', 'sec-fetch-site', 'sec-fetch-user', 'server',
  'strict-transport-security', 'te', 'traceparent', 'tracestate', 'transfer-encoding', 'upgrade',
  'upgrade-insecure-requests', 'vary', 'x-content-type-options', 'x-correlation-id', 'x-forwarded-host',
  'x-forwarded-port', 'x-forwarded-proto', 'x-frame-options', 'x-powered-by', 'x-request-id',
]);

const treatText = fixpoint((text) => maskEmails(tokenTextMode(scanIp(text))));
const TAG = '[classified ';

/**
 * Free text through every text treatment: addresses, credentials, e-mail
 * local parts. A classified value written into the text
 * (`[classified ip/security: 203.0.113.9]`) is kept on purpose and left alone.
 */
export function redactFreeText(text: string): string {
  let at = text.indexOf(TAG);
  if (at === -1) return treatText(text);
  let out = '';
  let copied = 0;
  while (at !== -1) {
    // the tag ends at its matching "]": the value may hold brackets ("[2001:db8::1]:443")
    let depth = 0;
    let end = -1;
    for (let i = at; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 91) depth++;
      else if (c === 93 && --depth === 0) {
        end = i + 1;
        break;
      }
    }
    if (end === -1) break;
    out += treatText(text.slice(copied, at)) + text.slice(at, end);
    copied = end;
    at = text.indexOf(TAG, end);
  }
  return out + treatText(text.slice(copied));
}

/**
 * A URL or path without what identifies anyone: origin and fragment dropped,
 * query keys kept without their values (`/search?q&page`), and addresses,
 * tokens and e-mail local parts in the path itself treated.
 */
export const safePath: (url: string) => string = fixpoint(pathStep);

// No HTTP server accepts a request line this long (Node's limit for all headers is 16 KB): it is not a URL.
const MAX_URL = 64 * 1024;

function pathStep(url: string): string {
  if (url.length > MAX_URL) return REDACTED;
  let rest = url.trim();
  const scheme = rest.indexOf('://');
  if (scheme !== -1 && scheme < 16 && !rest.slice(0, scheme).includes('/')) {
    const slash = rest.indexOf('/', scheme + 3);
    rest = slash === -1 ? '/' : rest.slice(slash);
  }
  const hash = rest.indexOf('#');
  if (hash !== -1) rest = rest.slice(0, hash);
  const q = rest.indexOf('?');
  const path = redactFreeText(q === -1 ? rest : rest.slice(0, q));
  if (q === -1) return path;
  const keys: string[] = [];
  for (const pair of rest.slice(q + 1).split('&')) {
    const eq = pair.indexOf('=');
    const key = (eq === -1 ? pair : pair.slice(0, eq)).trim();
    if (key !== '') keys.push(redactFreeText(key));
  }
  return keys.length === 0 ? path : `${path}?${keys.join('&')}`;
}


function first<T>(candidates: unknown[], test: (v: unknown) => v is T): T | undefined {
  for (const c of candidates) if (test(c)) return c;
  return undefined;
}
const isString = (v: unknown): v is string => typeof v === 'string';
const isStatus = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 100 && v <= 999;
const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;

/** Only the allow-listed headers, values as strings (addresses in them still truncated). */
export function safeHeaders(headers: object): Record<string, string | string[]> {
  let source: object = headers;
  try {
    if (isHeadersLike(headers)) source = headersToObject(headers);
  } catch {
    return {};
  }
  const out: Record<string, string | string[]> = {};
  let keys: string[];
  try {
    keys = Object.keys(source);
  } catch {
    return out;
  }
  for (const key of keys) {
    if (!SAFE_HEADERS.has(key.toLowerCase())) continue;
    const value = read(source, key);
    if (typeof value === 'string' || typeof value === 'number') out[key] = redactIpText(String(value));
    else if (Array.isArray(value)) out[key] = value.map((v) => redactIpText(String(v)));
  }
  return out;
}

// Properties that mark an object as a request, response or framework context rather than a headers map.
const REQUEST_KEYS = ['method', 'url', 'originalUrl', 'headers', 'header', 'statusCode', 'req', 'request', 'raw', 'socket', 'getHeaders'];

function looksLikeRequest(obj: object): boolean {
  return REQUEST_KEYS.some((k) => read(obj, k) !== undefined);
}

/**
 * The safe subset of a request, response or framework context: Node http,
 * Express, Koa `ctx`, Fastify request/reply, fetch `Request`/`Response`. A
 * headers object (plain or `Headers`) gives the safe headers only.
 */
export function redactRequest(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined || typeof value === 'boolean') return value;
  if (typeof value === 'string') return safePath(value);
  if (typeof value !== 'object' || depth > 8) return REDACTED;
  try {
    if (isClassified(value)) return redactRequest(value.value, depth + 1);
    if (Array.isArray(value)) return value.map((v) => redactRequest(v, depth + 1));
    if (isHeadersLike(value) || !looksLikeRequest(value)) return safeHeaders(value);
    return safeRequest(value);
  } catch {
    return REDACTED;
  }
}

function safeRequest(obj: object): SafeRequest {
  // A response (Node, Express, Fastify reply) links back to its request; only its own status and headers count.
  const getHeaders = read(obj, 'getHeaders');
  if (typeof getHeaders === 'function') {
    const out: SafeRequest = {};
    const status = first([read(obj, 'statusCode'), read(read(obj, 'raw'), 'statusCode')], isStatus);
    if (status !== undefined) out.status = status;
    const headers = callSafely(getHeaders, obj);
    if (headers !== undefined) out.headers = safeHeaders(headers);
    return out;
  }
  const koaRequest = read(obj, 'request');
  const nodeReq = read(obj, 'req');
  const raw = read(obj, 'raw');
  const response = read(obj, 'response');
  const nodeRes = read(obj, 'res');
  const inner = [koaRequest, nodeReq, raw];
  const out: SafeRequest = {};
  const method = first([read(obj, 'method'), ...inner.map((o) => read(o, 'method'))], isString);
  if (method !== undefined) out.method = method.slice(0, 32);
  const url = first(
    [read(obj, 'originalUrl'), read(obj, 'url'), ...inner.flatMap((o) => [read(o, 'originalUrl'), read(o, 'url')])],
    isString,
  );
  if (url !== undefined) out.path = safePath(url);
  const status = first(
    [read(obj, 'statusCode'), read(obj, 'status'), read(response, 'status'), read(nodeRes, 'statusCode'), read(raw, 'statusCode')],
    isStatus,
  );
  if (status !== undefined) out.status = status;
  const headers = first([read(obj, 'headers'), read(obj, 'header'), ...inner.map((o) => read(o, 'headers'))], isObject);
  if (headers !== undefined) out.headers = safeHeaders(headers);
  return out;
}

function callSafely(fn: unknown, self: object): object | undefined {
  try {
    const result: unknown = (fn as () => unknown).call(self);
    return isObject(result) ? result : undefined;
  } catch {
    return undefined;
  }
}
