import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { createNameMatcher, splitWords } from '../../src/analysis/names';

const matcher = createNameMatcher();

describe('name matcher', () => {
  it('splits camelCase, PascalCase, acronyms, snake_case and kebab-case into words', () => {
    assert.deepEqual(splitWords('clientIP'), ['client', 'ip']);
    assert.deepEqual(splitWords('IPAddress'), ['ip', 'address']);
    assert.deepEqual(splitWords('refresh_token'), ['refresh', 'token']);
    assert.deepEqual(splitWords('X-Forwarded-For'), ['x', 'forwarded', 'for']);
    assert.deepEqual(splitWords('clientIPv4'), ['client', 'ipv4']);
    assert.deepEqual(splitWords('nextPageToken'), ['next', 'page', 'token']);
  });

  const positives: [string, string][] = [
    ['clientIp', 'ip'], ['ip_address', 'ip'], ['remoteAddr', 'ip'], ['accessToken', 'token'], ['refresh_token', 'token'],
    ['jwt', 'token'], ['apiKey', 'token'], ['sessionId', 'session'], ['sid', 'session'], ['userId', 'user'],
    ['username', 'user'], ['email', 'user'], ['userAgent', 'device'], ['deviceId', 'device'], ['fingerprint', 'device'],
    ['visitorId', 'device'], ['USER_EMAIL', 'user'], ['x-real-ip', 'ip'],
  ];
  for (const [name, kind] of positives) {
    it(`${name} is ${kind}`, () => assert.equal(matcher.match(name), kind));
  }

  const negatives = [
    'zip', 'tip', 'ship', 'description', 'skipped', 'ipsum', 'ipc', 'recipient', 'tokenizer', 'tokens', 'nextPageToken',
    'cookieName', 'tokenType', 'hasToken', 'isIpValid', 'numCookies', 'tokenCache', 'ipClient',
    'sessionIdGenerator',
  ];
  for (const name of negatives) {
    it(`${name} is not an identifier`, () => assert.equal(matcher.match(name), undefined));
  }

  it('honours extra names and ignored names', () => {
    const custom = createNameMatcher({ extra: [{ name: 'msisdn', kind: 'user' }], ignore: ['sid', 'email'] });
    assert.equal(custom.match('customerMsisdn'), 'user');
    assert.equal(custom.match('sid'), undefined);
    assert.equal(custom.match('contactEmail'), undefined);
    assert.equal(custom.match('clientIp'), 'ip');
  });

  // Words that contain identifier words as substrings but are not them.
  const lookalikes = ['zip', 'tip', 'ship', 'description', 'skipped', 'ipsum', 'ipc', 'recipient', 'tokenizer', 'tokens', 'equipment', 'shipping'];
  const neutral = ['request', 'count', 'total', 'value', 'data', 'item', 'list', 'result', 'status'];
  const joiners: ((words: string[]) => string)[] = [
    (words) => words.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join(''),
    (words) => words.join('_'),
    (words) => words.join('-'),
    (words) => words.map((w) => w.toUpperCase()).join('_'),
  ];

  it('never matches names made only of look-alike and neutral words, in any case style', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...lookalikes, ...neutral), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...joiners),
        (words, join) => matcher.match(join(words)) === undefined,
      ),
    );
  });

  it('matches a whole identifier word among neutral words, in any case style', () => {
    fc.assert(
      fc.property(
        // Not `count`/`total`: before an identifier word they make a count (`totalIps`).
        fc.array(fc.constantFrom('request', 'value', 'data', 'client', 'remote', 'source'), { maxLength: 2 }),
        fc.constantFrom<[string, string]>(['ip', 'ip'], ['email', 'user'], ['jwt', 'token'], ['fingerprint', 'device']),
        fc.constantFrom(...joiners),
        (prefix, [word, kind], join) => matcher.match(join([...prefix, word])) === kind,
      ),
    );
  });
});
