// pino integration: a `redact` preset whose censor applies the treatments
// (not a blanket "[Redacted]"), and serializers for req, res and err. Nothing
// here imports pino: it is an optional peer and the shapes are plain data.
import { redact } from './redact';
import { redactFields, treatField } from './fields';
import { redactFreeText, safePath } from './request';
import { REDACTED } from './types';
import { headersToObject, isHeadersLike, read } from './walk';

// Request headers that carry an identifier, as pino-http and the serializers below write them.
const HEADERS = [
  'authorization', 'proxy-authorization', 'cookie', 'x-api-key', 'x-auth-token', 'x-csrf-token', 'x-xsrf-token',
  'x-forwarded-for', 'x-real-ip', 'cf-connecting-ip', 'true-client-ip', 'x-client-ip', 'forwarded', 'user-agent',
  'sec-ch-ua', 'sec-ch-ua-model', 'sec-ch-ua-full-version-list', 'sec-ch-ua-platform-version', 'referer',
];
// Top-level and request-level fields that hold an address.
const ADDRESS_FIELDS = ['ip', 'ips', 'remoteAddress', 'clientIp'];
// Common top-level field names. pino applies redact paths to child logger
// bindings too, which formatters never see (pino resets the bindings formatter for children).
const TOP_LEVEL_FIELDS = [
  'userId', 'user_id', 'username', 'email', 'sessionId', 'session_id', 'sid', 'token', 'accessToken', 'refreshToken',
  'apiKey', 'password', 'authorization', 'cookie', 'cookies', 'userAgent', 'deviceId', 'xForwardedFor',
];

/** Paths for pino's `redact` option: request and response headers, addresses, the source port, common identifier fields. */
export const redactPaths: readonly string[] = Object.freeze([
  ...HEADERS.map((h) => `req.headers["${h}"]`),
  ...HEADERS.map((h) => `headers["${h}"]`),
  'res.headers["set-cookie"]',
  ...ADDRESS_FIELDS,
  ...TOP_LEVEL_FIELDS,
  ...ADDRESS_FIELDS.map((f) => `req.${f}`),
  'req.remotePort',
]);

/**
 * pino calls this with the value at a redacted path and the path as an array.
 * The last segment names the field; its treatment keeps what is safe to keep
 * (`Bearer [redacted]`, `203.0.113.0`, `Chrome 120`). A source port goes entirely.
 */
export function censor(value: unknown, path: readonly string[]): unknown {
  const key = Array.isArray(path) && path.length > 0 ? String(path[path.length - 1]) : '';
  if (key === 'remotePort') return REDACTED;
  return treatField(key, value);
}

/** Pass as `pino({ redact: redactOptions })`. */
export const redactOptions: { paths: string[]; censor: typeof censor } = {
  paths: [...redactPaths],
  censor,
};


function headersOf(source: unknown): unknown {
  let headers = read(source, 'headers');
  if (headers === undefined) {
    const getHeaders = read(source, 'getHeaders');
    if (typeof getHeaders === 'function') {
      try {
        headers = (getHeaders as () => unknown).call(source);
      } catch {
        headers = undefined;
      }
    }
  }
  if (typeof headers === 'object' && headers !== null && isHeadersLike(headers)) return headersToObject(headers);
  return headers;
}

/** Like pino's request serializer, with every field treated: addresses truncated, headers by name, query values gone. */
function req(value: unknown): unknown {
  try {
    if (typeof value !== 'object' || value === null) return redactFields(value);
    const raw = read(value, 'raw') ?? value;
    const out: Record<string, unknown> = {};
    const id = read(value, 'id');
    if (typeof id === 'string' || typeof id === 'number') out.id = id;
    const method = read(value, 'method') ?? read(raw, 'method');
    if (typeof method === 'string') out.method = method;
    const url = read(raw, 'originalUrl') ?? read(value, 'url') ?? read(raw, 'url');
    if (typeof url === 'string') out.url = safePath(url);
    const headers = headersOf(value) ?? headersOf(raw);
    if (headers !== undefined) out.headers = redactFields(headers);
    const address = read(value, 'remoteAddress') ?? read(read(raw, 'socket'), 'remoteAddress') ?? read(value, 'ip');
    if (typeof address === 'string') out.remoteAddress = redact.ip(address);
    return out;
  } catch {
    return REDACTED;
  }
}

/** Status and response headers, set-cookie reduced to cookie names. */
function res(value: unknown): unknown {
  try {
    if (typeof value !== 'object' || value === null) return redactFields(value);
    const raw = read(value, 'raw') ?? value;
    const out: Record<string, unknown> = {};
    const status = read(value, 'statusCode') ?? read(raw, 'statusCode');
    if (typeof status === 'number') out.statusCode = status;
    const headers = headersOf(value) ?? headersOf(raw);
    if (headers !== undefined) out.headers = redactFields(headers);
    return out;
  } catch {
    return REDACTED;
  }
}

/** pino's error shape (type, message, stack, own fields, cause) with the text treatments applied. */
function err(value: unknown, depth = 0): unknown {
  try {
    if (!(value instanceof Error) || depth > 8) return redactFields(value);
    const plain: Record<string, unknown> = {
      type: value.constructor?.name ?? 'Error',
      message: value.message,
      stack: value.stack,
    };
    for (const key of Object.keys(value)) {
      if (key !== '__proto__' && key !== 'cause') plain[key] = read(value, key);
    }
    const out = redactFields(plain);
    const cause = read(value, 'cause');
    if (cause !== undefined) out.cause = err(cause, depth + 1);
    return out;
  } catch {
    return REDACTED;
  }
}

/** Pass as `pino({ serializers })` (pino-http: `pinoHttp({ serializers })`). */
export const serializers: {
  req: (value: unknown) => unknown;
  res: (value: unknown) => unknown;
  err: (value: unknown) => unknown;
} = Object.freeze({ req, res, err: (value: unknown) => err(value) });

/**
 * `hooks.logMethod`: the message text and its string arguments get the text
 * treatments (addresses, credentials, e-mail local parts). When an Error is logged without a
 * message, pino would copy its raw message into `msg`; the treated one is given instead.
 */
function logMethod(this: unknown, args: unknown[], method: (...args: unknown[]) => void): void {
  let treated: unknown[];
  try {
    // the message and its printf-style string arguments ("login from %s", ip)
    treated = args.map((arg) => (typeof arg === 'string' ? redactFreeText(arg) : arg));
    const first = treated[0];
    if (first instanceof Error && typeof treated[1] !== 'string') treated.splice(1, 0, redactFreeText(first.message));
  } catch {
    treated = args;
  }
  method.apply(this, treated);
}

/** Pass as `pino({ hooks })`. */
export const hooks: { logMethod: typeof logMethod } = Object.freeze({ logMethod });

// pino runs formatters.log before the serializers: these keys are left to them.
const SERIALIZED = ['req', 'res', 'err'] as const;

function log(object: Record<string, unknown>): Record<string, unknown> {
  try {
    const out = redactFields(object);
    for (const key of SERIALIZED) {
      if (Object.prototype.hasOwnProperty.call(object, key)) out[key] = object[key];
    }
    return out;
  } catch {
    return { msg: REDACTED };
  }
}

/**
 * Pass as `pino({ formatters })`: every field of the log object (and of the
 * root logger's base bindings) treated by its name, as the winston format
 * does. Child logger bindings are reached by `redactOptions` instead. `req`, `res` and `err` are left to
 * `serializers`, which pino applies next: use both (or `pinoOptions`).
 */
export const formatters: {
  log: (object: Record<string, unknown>) => Record<string, unknown>;
  bindings: (bindings: Record<string, unknown>) => Record<string, unknown>;
} = Object.freeze({ log, bindings: (bindings: Record<string, unknown>) => redactFields(bindings) });

/** Everything at once: `pino({ ...pinoOptions, level: 'info' }, destination)`. */
export const pinoOptions: {
  redact: typeof redactOptions;
  serializers: typeof serializers;
  hooks: typeof hooks;
  formatters: typeof formatters;
} = Object.freeze({ redact: redactOptions, serializers, hooks, formatters });
