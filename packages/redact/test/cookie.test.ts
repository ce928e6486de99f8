import assert from 'node:assert/strict';
import { redact } from '../src/index';

describe('redact.cookie', () => {
  it('a cookie header keeps names and drops values', () => {
    assert.equal(redact.cookie('sid=s%3Aabc.def; theme=dark;_ga=GA1.2.3.4'), 'sid=[redacted]; theme=[redacted]; _ga=[redacted]');
  });

  it('a set-cookie line keeps its attributes', () => {
    assert.equal(
      redact.cookie('sid=abc123; Path=/; Domain=example.com; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Max-Age=3600; HttpOnly; Secure; SameSite=Lax; Partitioned'),
      'sid=[redacted]; Path=/; Domain=example.com; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Max-Age=3600; HttpOnly; Secure; SameSite=Lax; Partitioned',
    );
  });

  it('a set-cookie array, including a cleared cookie', () => {
    assert.deepEqual(redact.cookie(['sid=abc; HttpOnly', 'theme=; Max-Age=0', 'lang=en']), [
      'sid=[redacted]; HttpOnly',
      'theme=; Max-Age=0',
      'lang=[redacted]',
    ]);
  });

  it('a single cookie value, also base64 with padding', () => {
    assert.equal(redact.cookie('s:abc.def'), '[redacted]');
    assert.equal(redact.cookie('YWJjZA=='), '[redacted]');
    assert.equal(redact.cookie(''), '');
  });

  it('a cookie map (req.cookies) keeps the names', () => {
    assert.deepEqual(redact.cookie({ sid: 'abc', theme: 'dark', count: 3 }), { sid: '[redacted]', theme: '[redacted]', count: '[redacted]' });
  });

  it('cookie objects keep name and attributes', () => {
    const expires = new Date('2026-10-21T07:28:00Z');
    assert.deepEqual(
      redact.cookie({ name: 'sid', value: 'abc', domain: 'example.com', path: '/', expires: -1, httpOnly: true, secure: true, sameSite: 'Lax' }),
      { name: 'sid', value: '[redacted]', domain: 'example.com', path: '/', expires: -1, httpOnly: true, secure: true, sameSite: 'Lax' },
    );
    assert.deepEqual(redact.cookie([{ name: 'a', value: '' }, { name: 'b', value: 'x', expires }]), [
      { name: 'a', value: '' },
      { name: 'b', value: '[redacted]', expires: '2026-10-21T07:28:00.000Z' },
    ]);
  });
});
