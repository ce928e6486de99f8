// winston integration: a logform-compatible format. A format is any object
// with a `transform(info)` method, so nothing here loads winston or logform
// (both are optional peers); only their types are referenced.
import type { Format, TransformableInfo } from 'logform';
import { redactFields } from './fields';

/**
 * Treats the fields of every log record by name (`ip`, `authorization`,
 * `cookie`, `userId`, `user-agent`, `req`, …) and the message text. Put it
 * before the final format: `format.combine(redactFormat(), format.json())`.
 * Classified values and pseudonyms made in this process are kept as they are.
 */
export function redactFormat(): Format {
  return {
    options: {},
    transform(info: TransformableInfo): TransformableInfo {
      // logform formats update info in place: its symbol keys (level, splat,
      // message) must survive. The user's nested objects are replaced, not changed.
      let treated: Record<string, unknown>;
      try {
        treated = redactFields<Record<string, unknown>>({ ...info });
      } catch {
        return info;
      }
      for (const key of Object.keys(treated)) {
        if (key === 'level') continue;
        (info as Record<string, unknown>)[key] = treated[key];
      }
      return info;
    },
  };
}

