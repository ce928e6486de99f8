// express-winston integration: the header blacklist and request filter that
// keep identifiers out of its request metadata. Nothing here imports
// express-winston or winston: both options are plain data and a function.
import { kindOfField, redactFields } from './fields';
import { redact } from './redact';
import { safePath } from './request';
import { REDACTED } from './types';
import { read } from './walk';

/**
 * Request headers that carry an identifier (address, cookie, credential,
 * device metadata, referer), lower case as express-winston compares them.
 * Pass as `expressWinston.logger({ headerBlacklist })`.
 */
export const headerBlacklist: readonly string[] = Object.freeze([
  'authorization', 'proxy-authorization', 'cookie', 'x-api-key', 'x-auth-token', 'x-csrf-token', 'x-xsrf-token',
  'x-forwarded-for', 'x-real-ip', 'cf-connecting-ip', 'true-client-ip', 'x-client-ip', 'x-cluster-client-ip',
  'fastly-client-ip', 'forwarded', 'user-agent', 'sec-ch-ua', 'sec-ch-ua-mobile', 'sec-ch-ua-platform',
  'sec-ch-ua-model', 'sec-ch-ua-full-version-list', 'sec-ch-ua-platform-version', 'referer',
]);

const URL_PROPERTIES = new Set(['url', 'originalUrl', 'baseUrl', 'path']);

/**
 * express-winston's `requestFilter(req, propName)`: the value of one
 * whitelisted request property, treated by its name. `ip`, `ips` → truncated
 * addresses; `cookies`, `signedCookies` → cookie names; `sessionID` →
 * `[redacted]`; `user` → `[redacted]`; `headers` → every header treated by
 * name; `url`, `originalUrl` → no query values; `query`, `body` → fields
 * treated by name. Other properties pass unchanged (as express-winston's
 * default filter returns them). Never throws.
 *
 * @param req the Express request
 * @param propName the whitelisted property express-winston asks for
 * @returns the treated value (undefined when the request has none)
 */
export function requestFilter(req: unknown, propName: string): unknown {
  try {
    const value = read(req, propName);
    if (value === undefined || value === null) return value;
    if (URL_PROPERTIES.has(propName)) return typeof value === 'string' ? safePath(value) : value;
    const kind = kindOfField(propName);
    if (kind !== undefined && kind !== 'request') return redact[kind](value);
    if (typeof value === 'object') return redactFields(value);
    return value;
  } catch {
    return REDACTED;
  }
}

/** Both options at once: `expressWinston.logger({ ...expressWinstonOptions, transports })`. */
export const expressWinstonOptions: {
  readonly headerBlacklist: readonly string[];
  readonly requestFilter: typeof requestFilter;
} = Object.freeze({ headerBlacklist, requestFilter });
