import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { classify, configure, pseudonymize, type Classified } from '../src/index';
import { anyValue } from './helpers';

describe('pseudonymize', () => {
  afterEach(() => configure({ key: undefined }));

  it('is HMAC-SHA-256 of the UTF-8 value, base64url', () => {
    // RFC 4231 test case 2
    assert.equal(
      pseudonymize('what do ya want for nothing?', { key: 'Jefe' }),
      Buffer.from('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843', 'hex').toString('base64url'),
    );
  });

  it('is deterministic for one key', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), anyValue, (key, value) => {
        assert.equal(pseudonymize(value, { key }), pseudonymize(value, { key }));
      }),
      { numRuns: 300 },
    );
  });

  it('differs across keys', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), fc.string(), (a, b, value) => {
        fc.pre(a !== b);
        assert.notEqual(pseudonymize(value, { key: a }), pseudonymize(value, { key: b }));
      }),
      { numRuns: 500 },
    );
  });

  it('canonicalises non-strings stably: key order, Maps and Sets do not matter; 42 and "42" meet', () => {
    const key = 'k';
    assert.equal(pseudonymize({ a: 1, b: [1, 2] }, { key }), pseudonymize({ b: [1, 2], a: 1 }, { key }));
    assert.equal(pseudonymize(new Map([['x', 1], ['y', 2]]), { key }), pseudonymize(new Map([['y', 2], ['x', 1]]), { key }));
    assert.equal(pseudonymize(new Set([1, 2]), { key }), pseudonymize(new Set([2, 1]), { key }));
    assert.equal(pseudonymize(42, { key }), pseudonymize('42', { key }));
    assert.notEqual(pseudonymize({ a: 1 }, { key }), pseudonymize({ a: '1' }, { key }));
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    assert.match(pseudonymize(cyclic, { key }), /^[A-Za-z0-9_-]{43}$/);
  });

  it('takes the key from configure(), then ONLINE_IDENTIFIERS_KEY, else a per-process key', () => {
    configure({ key: 'one' });
    assert.equal(pseudonymize('x'), pseudonymize('x', { key: 'one' }));
    configure({ key: undefined });
    const previous = process.env.ONLINE_IDENTIFIERS_KEY;
    process.env.ONLINE_IDENTIFIERS_KEY = 'from-env';
    try {
      assert.equal(pseudonymize('x'), pseudonymize('x', { key: 'from-env' }));
    } finally {
      if (previous === undefined) delete process.env.ONLINE_IDENTIFIERS_KEY;
      else process.env.ONLINE_IDENTIFIERS_KEY = previous;
    }
  });

  it('without a key, pseudonyms are stable within a process and differ between processes', () => {
    const script = "const { pseudonymize } = require('./src/index.ts'); console.log(pseudonymize('u1') === pseudonymize('u1') ? pseudonymize('u1') : 'unstable');";
    const run = () => {
      const env = { ...process.env };
      delete env.ONLINE_IDENTIFIERS_KEY;
      const result = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: `${__dirname}/..`, env, encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
      return result.stdout.trim();
    };
    const first = run();
    const second = run();
    assert.match(first, /^[A-Za-z0-9_-]{43}$/);
    assert.notEqual(first, second);
  });

  it('keeps null and undefined, and refuses an empty key with a TypeError', () => {
    assert.equal(pseudonymize(null), null);
    assert.equal(pseudonymize(undefined), undefined);
    assert.throws(() => configure({ key: '' }), TypeError);
    assert.throws(() => pseudonymize('x', { key: '' }), TypeError);
  });
});

describe('classify', () => {
  it('keeps the raw value and marks it; the mark survives JSON.stringify', () => {
    const ip: Classified<string> = classify('203.0.113.9', 'ip');
    assert.equal(ip.value, '203.0.113.9');
    assert.equal(ip.kind, 'ip');
    assert.equal(ip.purpose, 'security');
    assert.equal(JSON.stringify({ ip }), '{"ip":{"$classified":{"kind":"ip","purpose":"security"},"value":"203.0.113.9"}}');
  });

  it('gives a tagged form in template strings, String() and console output', () => {
    const user = classify('alice', 'user', 'fraud');
    assert.equal(`${user}`, '[classified user/fraud: alice]');
    assert.equal(String(user), '[classified user/fraud: alice]');
    assert.equal('x ' + user, 'x [classified user/fraud: alice]');
    assert.match(inspect({ user }), /\[classified user\/fraud: alice\]/);
  });

  it('is frozen and serialises odd values without throwing', () => {
    const cyclic: Record<string, unknown> = { n: 1n };
    cyclic.self = cyclic;
    const c = classify(cyclic, 'request');
    assert.ok(Object.isFrozen(c));
    assert.equal(JSON.stringify(c), '{"$classified":{"kind":"request","purpose":"security"},"value":{"n":"1","self":"[Circular]"}}');
    assert.equal(`${c}`, '[classified request/security: {"n":"1","self":"[Circular]"}]');
  });
});
