import { randomBytes } from 'node:crypto';

export interface Options {
  /**
   * The secret for `pseudonymize`. Rotate it to stop old and new pseudonyms
   * from being linkable. `undefined` goes back to the environment variable or
   * the per-process key.
   */
  key?: string | Uint8Array;
}

export const KEY_ENV = 'ONLINE_IDENTIFIERS_KEY';

let configuredKey: Buffer | undefined;
let processKey: Buffer | undefined;

/**
 * Set process-wide options. A key that is given but empty or not a string or
 * bytes is a configuration mistake, and silently falling back to a random key
 * would break correlation without a word: that throws a TypeError.
 */
export function configure(options: Options): void {
  if (typeof options !== 'object' || options === null) throw new TypeError('configure() expects an options object');
  if (!('key' in options) || options.key === undefined) {
    configuredKey = undefined;
    return;
  }
  configuredKey = toKey(options.key, 'configure({ key })');
}

export function toKey(key: unknown, where: string): Buffer {
  if (typeof key === 'string' && key.length > 0) return Buffer.from(key, 'utf8');
  if (key instanceof Uint8Array && key.length > 0) return Buffer.from(key);
  throw new TypeError(`${where}: the key must be a non-empty string or byte array`);
}

/** The key in force: configured, else the environment, else random for this process. */
export function currentKey(): Buffer {
  if (configuredKey) return configuredKey;
  const fromEnv = process.env[KEY_ENV];
  if (typeof fromEnv === 'string' && fromEnv.length > 0) return Buffer.from(fromEnv, 'utf8');
  processKey ??= randomBytes(32);
  return processKey;
}
