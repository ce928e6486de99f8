import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { classify, pseudonymize, redact } from '../src/index';
import { serializers, censor, formatters } from '../src/pino';
import { redactFormat } from '../src/winston';
import { anyValue } from './helpers';

const REDACTORS = Object.entries(redact) as [string, (value: unknown) => unknown][];
const ALL: [string, (value: unknown) => unknown][] = [
  ...REDACTORS.map(([k, f]): [string, (value: unknown) => unknown] => [`redact.${k}`, f]),
  ['pseudonymize', (v) => pseudonymize(v, { key: 'k' })],
  ['classify', (v) => JSON.stringify(classify(v, 'ip')) + String(classify(v, 'user'))],
  ['pino serializers', (v) => [serializers.req(v), serializers.res(v), serializers.err(v)]],
  ['pino censor', (v) => censor(v, ['req', 'headers', 'authorization'])],
  ['pino formatters.log', (v) => formatters.log({ v })],
  ['winston format', (v) => redactFormat().transform({ level: 'info', message: 'm', v })],
];

/** A cyclic structure built from any value: the value points back at its container. */
const cyclic = anyValue.map((value) => {
  const root: Record<string, unknown> = { value, list: [] as unknown[] };
  (root.list as unknown[]).push(root, { up: root });
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    try {
      (value as Record<string, unknown>).back = root;
    } catch {
      // typed arrays and the like refuse; fine
    }
  }
  return root;
});

function hostile(): unknown[] {
  const throwingGetter = Object.defineProperty({ ok: '203.0.113.9' }, 'bad', {
    enumerable: true,
    get() {
      throw new Error('boom');
    },
  });
  const throwingProxy = new Proxy(
    {},
    {
      ownKeys() {
        throw new Error('no keys');
      },
      get() {
        throw new Error('no get');
      },
    },
  );
  const opaqueProxy = new Proxy(
    {},
    {
      getPrototypeOf() {
        throw new Error('no prototype');
      },
      has() {
        throw new Error('no has');
      },
      getOwnPropertyDescriptor() {
        throw new Error('no descriptor');
      },
    },
  );
  class Account {
    constructor(
      public email = 'a@b.co',
      private secret = 'x',
    ) {}
    get upper(): string {
      return this.secret.toUpperCase();
    }
  }
  let deep: unknown = '203.0.113.9';
  for (let i = 0; i < 10_000; i++) deep = { deep };
  let deepArray: unknown = ['x'];
  for (let i = 0; i < 10_000; i++) deepArray = [deepArray];
  const error = Object.assign(new Error('failed for alice@example.com from 203.0.113.9'), { code: 'E1', cause: new Error('inner') });
  return [
    null, undefined, 0, -0, NaN, Infinity, 1n, Symbol('x'), () => 1, true, '', Buffer.from('203.0.113.9'), new Uint8Array(4),
    new ArrayBuffer(8), new Date(), new Date(NaN), new Map<unknown, unknown>([[{}, '203.0.113.9']]), new Set(['a@b.co']),
    new WeakMap(), Promise.resolve(1), /re/g, new Account(), Object.create(null), throwingGetter, throwingProxy, opaqueProxy, deep, deepArray,
    error, new Headers({ cookie: 'a=1' }), new URL('https://x.test/?token=1'), [1, , 3], Object.assign([1, 2], { extra: 'a@b.co' }),
    new String('203.0.113.9'), new Number(1), classify('203.0.113.9', 'ip'),
  ];
}

const SIZE = 10 * 1024 * 1024;
// Repetitions that keep each scanner busy: address runs, ports, zones, JWT and key prefixes, e-mail and key=value shapes.
const FILLS = ['1.2.3.4 ', '[::1]:1', ':', 'f:f:', '1.', 'eyJa.', 'a@', '@a.', 'x=', 'Bearer ', 'sk_live_', ';=', 'a'];

describe('bad input', () => {
  for (const [name, fn] of ALL) {
    describe(name, () => {
      it('never throws on any value', () => {
        fc.assert(fc.property(anyValue, (value) => void fn(value)), { numRuns: 300 });
      });

      it('terminates on cyclic objects', () => {
        fc.assert(fc.property(cyclic, (value) => void fn(value)), { numRuns: 100 });
      });

      it('never throws on hostile values: throwing getters and proxies, deep nesting, class instances', () => {
        for (const value of hostile()) fn(value);
      });

      it('never changes its argument', () => {
        fc.assert(
          fc.property(anyValue, (value) => {
            const before = inspect(value, { depth: Infinity, showHidden: true, getters: false });
            fn(value);
            assert.equal(inspect(value, { depth: Infinity, showHidden: true, getters: false }), before);
          }),
          { numRuns: 200 },
        );
      });

      // No timing threshold: each string must simply finish within mocha's timeout.
      for (const fill of name.startsWith('redact.') ? FILLS : FILLS.slice(0, 4)) {
        it(`finishes on a 10 MB string of ${JSON.stringify(fill)}`, function () {
          // a hang guard, not a speed test: backtracking on 10 MB would take hours; linear work takes seconds
          this.timeout(120_000);
          const text = fill.repeat(Math.ceil(SIZE / fill.length)).slice(0, SIZE);
          assert.notEqual(fn(text), undefined);
        });
      }
    });
  }

  it('treats what it cannot read as redacted, and reads what it can', () => {
    const [, , , , , , , , , , , buffer] = hostile();
    assert.equal(redact.ip(buffer), '[redacted]');
    const obj = Object.defineProperty({ ok: '203.0.113.9' }, 'bad', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    assert.deepEqual(redact.ip(obj), { ok: '203.0.113.0', bad: '[redacted]' });
    const loop: Record<string, unknown> = { ip: '203.0.113.9' };
    loop.self = loop;
    assert.deepEqual(redact.ip(loop), { ip: '203.0.113.0', self: '[Circular]' });
    const shared = { ip: '203.0.113.9' };
    assert.deepEqual(redact.ip([shared, shared]), [{ ip: '203.0.113.0' }, { ip: '203.0.113.0' }]);
    assert.equal(redact.ip(new String('203.0.113.9')), '203.0.113.0');
    assert.deepEqual(redact.ip(new Map([['a', '203.0.113.9']])), new Map([['a', '203.0.113.0']]));
    assert.deepEqual(redact.ip(new Set(['203.0.113.9'])), new Set(['203.0.113.0']));
    assert.deepEqual(redact.user(new Date('2026-01-02T03:04:05Z')), '[redacted]');
    assert.deepEqual(redact.ip({ at: new Date('2026-01-02T03:04:05Z'), u: new URL('http://203.0.113.9/x') }), { at: '2026-01-02T03:04:05.000Z', u: 'http://203.0.113.0/x' });
    const error = redact.ip(Object.assign(new Error('from 203.0.113.9'), { peer: '203.0.113.9' })) as Record<string, unknown>;
    assert.equal(error.message, 'from 203.0.113.0');
    assert.equal(error.peer, '203.0.113.0');
    assert.match(error.stack as string, /^Error: from 203\.0\.113\.0\n/);
  });
});
