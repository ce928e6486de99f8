import assert from 'node:assert/strict';
import fc from 'fast-check';
import { redact } from '../src/index';
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
