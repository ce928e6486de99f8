import assert from 'node:assert/strict';
import fc from 'fast-check';
import { redact } from '../src/index';
import { censor } from '../src/pino';
import { redactFormat } from '../src/winston';
import { anyString, anyValue } from './helpers';

const KINDS = ['ip', 'cookie', 'session', 'token', 'user', 'storage', 'device', 'request'] as const;

describe('redacting twice equals redacting once', () => {
  for (const kind of KINDS) {
    it(`redact.${kind} on arbitrary strings`, () => {
      fc.assert(
        fc.property(anyString, (text) => {
          const once = redact[kind](text);
          assert.deepEqual(redact[kind](once), once);
        }),
        { numRuns: 2000 },
      );
    });
    it(`redact.${kind} on arbitrary values`, () => {
      fc.assert(
        fc.property(anyValue, (value) => {
          const once = redact[kind](value);
          assert.deepEqual(redact[kind](once), once);
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe('the logger integrations are idempotent too', () => {
  const FIELD_NAMES = ['ip', 'x-forwarded-for', 'authorization', 'cookie', 'set-cookie', 'userId', 'email', 'user-agent', 'sessionId', 'req', 'message', 'url', 'other'];
  const record = fc.dictionary(fc.constantFrom(...FIELD_NAMES), fc.oneof(anyString, anyValue), { maxKeys: 6 });

  it('winston format: applying it to its own output changes nothing', () => {
    fc.assert(
      fc.property(record, (fields) => {
        const once = redactFormat().transform({ level: 'info', message: '', ...fields });
        const twice = redactFormat().transform({ ...(once as Record<string, unknown>) } as never);
        assert.deepEqual(twice, once);
      }),
      { numRuns: 500 },
    );
  });

  it('pino censor: a field treated twice equals treated once', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIELD_NAMES), anyString, (name, value) => {
        const once = censor(value, ['req', 'headers', name]);
        assert.deepEqual(censor(once, ['req', 'headers', name]), once);
      }),
      { numRuns: 2000 },
    );
  });
});
