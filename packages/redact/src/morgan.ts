// morgan integration: format functions and tokens that write the same access
// log line as morgan's own formats, with the identifying tokens treated. Nothing
// here imports morgan (an optional peer): morgan hands its token table to a
// format function, and `registerTokens` receives the morgan function itself.
import { kindOfField } from './fields';
import { redact } from './redact';
import { safePath } from './request';
import { REDACTED } from './types';

/** A morgan token: `(req, res, arg)` → the text for `:name[arg]`, or undefined for `-`. */
export type MorganToken = (req: unknown, res: unknown, arg?: string) => unknown;

/** What morgan passes to a format function: its token table (the morgan function itself). */
export type MorganTokens = Readonly<Record<string, unknown>>;

/** A morgan format function, as `morgan.compile` returns and `morgan(format)` accepts. */
export type MorganFormat = (tokens: MorganTokens, req: unknown, res: unknown) => string;

/**
 * morgan's predefined string formats (morgan 1.x `index.js`), by name.
 * `dev` is a colored variant of `tiny` and needs no treatment.
 */
export const MORGAN_FORMATS: Readonly<Record<string, string>> = Object.freeze({
  combined:
    ':remote-addr - :remote-user [:date[clf]] ":method :url HTTP/:http-version" :status :res[content-length] ":referrer" ":user-agent"',
  common: ':remote-addr - :remote-user [:date[clf]] ":method :url HTTP/:http-version" :status :res[content-length]',
  default:
    ':remote-addr - :remote-user [:date] ":method :url HTTP/:http-version" :status :res[content-length] ":referrer" ":user-agent"',
  short: ':remote-addr :remote-user :method :url HTTP/:http-version :status :res[content-length] - :response-time ms',
  tiny: ':method :url :status :res[content-length] - :response-time ms',
  dev: ':method :url :status :response-time ms - :res[content-length]',
});

// morgan's own token syntax: `:name` or `:name[arg]`, a name of two or more word characters or dashes.
const TOKEN = /:([-\w]{2,})(?:\[([^\]]+)\])?/g;

/**
 * The treatment of one token's value, by the token's name (and header name
 * for `:req[…]` / `:res[…]`): addresses truncated, the remote user and
 * identifying headers treated by kind, URLs without query values. Tokens that
 * identify nobody (`:method`, `:status`, `:response-time`, custom tokens)
 * pass unchanged.
 */
function treat(name: string, arg: string | undefined, value: unknown): unknown {
  if (value === undefined || value === null || value === '') return value;
  switch (name) {
    case 'remote-addr':
      return redact.ip(value);
    case 'remote-user':
      return redact.user(value);
    case 'user-agent':
      return redact.device(value);
    case 'url':
    case 'referrer':
    case 'referer':
      return typeof value === 'string' ? safePath(value) : value;
    case 'req':
    case 'res': {
      if (arg === undefined) return value;
      const lower = arg.toLowerCase();
      if (lower === 'referer' || lower === 'referrer' || lower === 'location') {
        return typeof value === 'string' ? safePath(value) : value;
      }
      const kind = kindOfField(lower);
      return kind === undefined ? value : kind === 'request' ? REDACTED : redact[kind](value);
    }
    default:
      return value;
  }
}

function call(tokens: MorganTokens, name: string, req: unknown, res: unknown, arg: string | undefined): unknown {
  const fn = tokens[name];
  if (typeof fn !== 'function') return undefined;
  try {
    return (fn as MorganToken)(req, res, arg);
  } catch {
    return REDACTED;
  }
}

/**
 * A morgan format function that writes `format` as `morgan.compile(format)`
 * would, with every identifying token treated: `:remote-addr` → IPv4 /24 or
 * IPv6 /48, `:remote-user` → `[redacted]`, `:user-agent` → browser family and
 * major version, `:req[cookie]` → cookie names, `:req[authorization]` → scheme,
 * `:url` and `:referrer` → no query values. Missing values print `-`, as in morgan.
 *
 * Follows morgan 1.x (`compile` in its `index.js`): same token syntax, same `-`.
 *
 * @param format a predefined format name (`combined`, `common`, `default`,
 *   `short`, `tiny`, `dev`) or a format string (`':remote-addr :method :url'`)
 * @returns `(tokens, req, res) => line`, for `morgan(morganFormat('combined'))`
 *   or in place of `morgan.compile(…)`; the line never throws (a token that
 *   throws prints `[redacted]`)
 * @throws TypeError when `format` is not a string
 */
export function morganFormat(format: string): MorganFormat {
  if (typeof format !== 'string') throw new TypeError('morganFormat: the format must be a string (a format name or a format string)');
  const text = Object.prototype.hasOwnProperty.call(MORGAN_FORMATS, format) ? MORGAN_FORMATS[format] : format;
  const parts: (string | { name: string; arg: string | undefined })[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    parts.push(text.slice(last, match.index), { name: match[1], arg: match[2] });
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return (tokens, req, res) => {
    let line = '';
    for (const part of parts) {
      if (typeof part === 'string') {
        line += part;
        continue;
      }
      const value = treat(part.name, part.arg, call(tokens, part.name, req, res, part.arg));
      // morgan prints `-` for any falsy token value and concatenates the rest as it is
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- as morgan does; a classified value prints its tag
      line += value ? String(value) : '-';
    }
    return line;
  };
}

/** The tokens `registerTokens` adds, by morgan token name, and the morgan token each one treats. */
export const REDACTED_TOKENS: Readonly<Record<string, string>> = Object.freeze({
  'remote-addr-redacted': 'remote-addr',
  'remote-user-redacted': 'remote-user',
  'user-agent-redacted': 'user-agent',
  'referrer-redacted': 'referrer',
  'url-redacted': 'url',
  'req-redacted': 'req',
  'res-redacted': 'res',
});

interface MorganLike {
  token(name: string, fn: MorganToken): unknown;
}

/**
 * Registers the treated tokens on morgan, for hand-written format strings:
 * `:remote-addr-redacted`, `:remote-user-redacted`, `:user-agent-redacted`,
 * `:referrer-redacted`, `:url-redacted`, `:req-redacted[header]`,
 * `:res-redacted[header]`. Each reads morgan's own token of the same name
 * without the suffix, then treats it as `morganFormat` does.
 *
 * @param morgan the morgan module (`require('morgan')`)
 * @returns the same morgan, for chaining
 * @throws TypeError when `morgan` has no `token` function
 */
export function registerTokens<M extends MorganLike>(morgan: M): M {
  if (typeof (morgan as Partial<MorganLike> | null)?.token !== 'function') {
    throw new TypeError('registerTokens: pass the morgan module (require("morgan"))');
  }
  const table = morgan as unknown as MorganTokens;
  for (const [name, base] of Object.entries(REDACTED_TOKENS)) {
    morgan.token(name, (req, res, arg) => treat(base, arg, call(table, base, req, res, arg)));
  }
  return morgan;
}
