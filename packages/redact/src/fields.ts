import { redact } from './redact';
import { isClassified } from './mark';
import { isRecentPseudonym } from './pseudonymize';
import { redactFreeText, redactRequest, safePath } from './request';
import { normalizeName } from './text';
import { REDACTED, type Kind } from './types';
import { PASS, walk, type Treatment } from './walk';

// Field names (normalised: lower case, no "-", "_", ".") that carry one kind
// of identifier, as request headers, framework properties or common log keys.
const FIELD_KINDS = new Map<string, Kind>();
function add(kind: Kind, names: string[]): void {
  for (const name of names) FIELD_KINDS.set(name, kind);
}
add('ip', [
  'ip', 'ips', 'ipaddress', 'ipaddr', 'clientip', 'clientaddress', 'remoteaddress', 'remoteaddr', 'remoteip', 'sourceip',
  'srcip', 'sourceaddress', 'xforwardedfor', 'xrealip', 'cfconnectingip', 'trueclientip', 'xclientip', 'forwarded',
  'forwardedfor', 'fastlyclientip', 'xclusterclientip', 'xoriginalforwardedfor',
]);
add('cookie', ['cookie', 'cookies', 'setcookie', 'signedcookies']);
add('session', ['session', 'sessionid', 'sid', 'sessid', 'jsessionid', 'phpsessid', 'connectsid', 'sessiontoken']);
add('token', [
  'authorization', 'proxyauthorization', 'xapikey', 'apikey', 'apitoken', 'token', 'accesstoken', 'refreshtoken',
  'idtoken', 'authtoken', 'xauthtoken', 'bearer', 'jwt', 'csrf', 'csrftoken', 'xcsrftoken', 'xsrftoken', 'xxsrftoken',
  'secret', 'clientsecret', 'password', 'passwd', 'pwd', 'privatekey', 'xamzsecuritytoken',
]);
add('user', [
  'user', 'username', 'userid', 'uid', 'email', 'emailaddress', 'mail', 'login', 'accountid', 'customerid', 'memberid',
  'userprincipalname', 'upn',
]);
add('storage', ['localstorage', 'sessionstorage']);
add('device', [
  'useragent', 'ua', 'secchua', 'secchuamobile', 'secchuaplatform', 'secchuaplatformversion', 'secchuamodel',
  'secchuaarch', 'secchuabitness', 'secchuafullversion', 'secchuafullversionlist', 'secchuawow64', 'deviceid',
  'devicefingerprint', 'fingerprint',
]);
add('request', ['req', 'request', 'res', 'response']);

// Free text (messages, stacks) gets every text treatment; URLs lose query values.
const TEXT_FIELDS = new Set(['message', 'msg', 'stack', 'error', 'errormessage', 'reason', 'description']);
const URL_FIELDS = new Set(['url', 'originalurl', 'path', 'href', 'referer', 'referrer', 'uri', 'location']);

/** The kind a field of this name carries, if its name says so. */
export function kindOfField(name: string): Kind | undefined {
  return FIELD_KINDS.get(normalizeName(name));
}

const fieldTreatment: Treatment = {
  text: (s) => s,
  scalar: (v) => v,
  keepClassified: true,
  field(key, value) {
    // kept on purpose: the mark serialises itself; a pseudonym is already safe
    if (isClassified(value) || (typeof value === 'string' && isRecentPseudonym(value))) return value;
    const name = normalizeName(key);
    const kind = FIELD_KINDS.get(name);
    if (kind === 'request') {
      // an already-serialised request (pino-http's { method, url, headers }) keeps its fields, treated
      return typeof value === 'object' && value !== null && isPlainRecord(value) ? PASS : redactRequest(value);
    }
    if (kind !== undefined) return redact[kind](value);
    if (typeof value === 'string') {
      if (TEXT_FIELDS.has(name)) return redactFreeText(value);
      if (URL_FIELDS.has(name)) return safePath(value);
    }
    return PASS;
  },
};

function isPlainRecord(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype;
}

/**
 * Treat a structured log record by its field names: `ip`, `x-forwarded-for`
 * → addresses truncated; `authorization` → scheme only; `cookie` → names only;
 * `userId`, `email` → masked; `user-agent` → family and major version;
 * `message`, `stack` → every text treatment; `url` → query keys only. Other
 * fields are walked into; classified values and this process's pseudonyms
 * are kept. Returns a new object; never throws.
 */
export function redactFields<T>(value: T): T {
  return walk(value, fieldTreatment) as T;
}

/**
 * The treatment for one field found by path (pino's redact censor): by its
 * name when the name says what it is, else `[redacted]`, since the path was
 * chosen because it holds an identifier.
 */
export function treatField(key: string, value: unknown): unknown {
  try {
    const handled = fieldTreatment.field?.(key, value, (v) => v);
    if (handled !== PASS) return handled;
    return typeof value === 'object' && value !== null ? redactFields(value) : value === undefined ? value : REDACTED;
  } catch {
    return REDACTED;
  }
}
