import assert from 'node:assert/strict';
import { redact } from '../src/index';

const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

describe('redact.token', () => {
  const cases: [string, string][] = [
    ['Bearer abc.def-123', 'Bearer [redacted]'],
    ['bearer abc', 'bearer [redacted]'],
    ['Basic dXNlcjpwYXNzd29yZA==', 'Basic [redacted]'],
    [`Bearer ${JWT}`, 'Bearer [redacted]'],
    ['Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", response="8ca5"', 'Digest [redacted]'],
    ['AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, Signature=fe5f', 'AWS4-HMAC-SHA256 [redacted]'],
    ['token ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'token [redacted]'],
    [JWT, 'JWT [redacted]'],
    ['sk_live_51H8abcdefghijklmnop', 'sk_live_[redacted]'],
    ['ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'ghp_[redacted]'],
    ['AKIAIOSFODNN7EXAMPLE', 'AKIA[redacted]'],
    ['3f9c1e2a7b', '[redacted]'],
    ['', ''],
    // text: only the credentials go
    [`verify failed for ${JWT} at noon`, 'verify failed for JWT [redacted] at noon'],
    ['retrying with Authorization: Bearer abc123 now', 'retrying with Authorization: Bearer [redacted] now'],
    ['key sk_live_51H8abcdefghijklmnop was revoked', 'key sk_live_[redacted] was revoked'],
    ['https://api.example.com/cb?access_token=abc&state=xyz', 'https://api.example.com/cb?access_token=[redacted]&state=xyz'],
    ['{"token":"abc","ok":true}', '{"token":"[redacted]","ok":true}'],
    ['password="hunter 2" retry', 'password="[redacted]" retry'],
    ['basic auth failed for the token', 'basic auth failed for the token'],
    ['the digest of the day', 'the digest of the day'],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input.slice(0, 60))} → ${JSON.stringify(expected)}`, () => {
      assert.equal(redact.token(input), expected);
    });
  }

  it('applies to header objects and arrays', () => {
    assert.deepEqual(redact.token({ authorization: 'Bearer abc', 'x-api-key': 'k-123456', n: 7 }), {
      authorization: 'Bearer [redacted]',
      'x-api-key': '[redacted]',
      n: '[redacted]',
    });
    assert.deepEqual(redact.token(['Basic eA==', JWT]), ['Basic [redacted]', 'JWT [redacted]']);
  });
});
