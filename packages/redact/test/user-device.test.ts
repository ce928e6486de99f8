import assert from 'node:assert/strict';
import { redact } from '../src/index';

describe('redact.user', () => {
  const cases: [unknown, unknown][] = [
    ['alice', '[redacted]'],
    ['u_8f3a2c', '[redacted]'],
    [12345, '[redacted]'],
    [12345n, '[redacted]'],
    ['alice.smith+news@example.co.uk', '[redacted]@example.co.uk'],
    ['login failed for alice@example.com from the app', 'login failed for [redacted]@example.com from the app'],
    ['user=alice action=login', 'user=[redacted] action=login'],
    ['{"userId": "42", "plan": "pro"} saved', '{"userId": "[redacted]", "plan": "pro"} saved'],
    ['', ''],
    [null, null],
    [undefined, undefined],
  ];
  for (const [input, expected] of cases) {
    it(`${String(input)} → ${String(expected)}`, () => {
      assert.deepEqual(redact.user(input), expected);
    });
  }

  it('applies to user objects', () => {
    assert.deepEqual(redact.user({ id: 7, email: 'bob@example.org', name: 'Bob', admin: true }), {
      id: '[redacted]',
      email: '[redacted]@example.org',
      name: '[redacted]',
      admin: true,
    });
  });
});

describe('redact.device', () => {
  const agents: [string, string][] = [
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.130 Safari/537.36', 'Chrome 120'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1', 'Chrome 120'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0', 'Firefox 121'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15', 'Safari 17'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91', 'Edge 120'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 OPR/106.0.0.0', 'Opera 106'],
    ['Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko', 'Internet Explorer 11'],
    ['curl/8.4.0', 'curl 8'],
    ['something/1.0 (device 7f3e9a)', '[redacted]'],
    ['"Chromium";v="120", "Google Chrome";v="120", "Not?A_Brand";v="99"', 'Chrome 120'],
    ['"Not_A Brand";v="8", "Chromium";v="120", "Microsoft Edge";v="120"', 'Edge 120'],
    ['"Google Chrome";v="120.0.6099.130", "Chromium";v="120.0.6099.130", "Not?A_Brand";v="99.0.0.0"', 'Chrome 120'],
    ['"Windows"', '"Windows"'],
    ['?1', '?1'],
    ['"Pixel 7"', '[redacted]'],
    ['Chrome 120', 'Chrome 120'],
  ];
  for (const [input, expected] of agents) {
    it(`${input.slice(0, 50)}… → ${expected}`, () => {
      assert.equal(redact.device(input), expected);
    });
  }

  it('masks numbers (hardwareConcurrency, screen sizes) and applies to objects', () => {
    assert.deepEqual(redact.device({ userAgent: 'curl/8.4.0', hardwareConcurrency: 8, platform: 'MacIntel' }), {
      userAgent: 'curl 8',
      hardwareConcurrency: '[redacted]',
      platform: 'MacIntel',
    });
  });
});

describe('redact.session and redact.storage', () => {
  for (const kind of ['session', 'storage'] as const) {
    it(`redact.${kind} says nothing about length`, () => {
      assert.equal(redact[kind]('a'), '[redacted]');
      assert.equal(redact[kind]('x'.repeat(500)), '[redacted]');
      assert.equal(redact[kind](''), '');
      assert.deepEqual(redact[kind]({ id: 'abc', cookie: { maxAge: 3600 }, fresh: true }), {
        id: '[redacted]',
        cookie: { maxAge: '[redacted]' },
        fresh: true,
      });
    });
  }
});
