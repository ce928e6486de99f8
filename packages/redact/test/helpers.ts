import fc from 'fast-check';

/** Pieces that meet at the edges of every scanner: addresses, ports, zones, schemes, JWT parts, cookies, e-mails. */
const FRAGMENTS = [
  '1.2.3.4', '203.0.113.9', '255.255.255.255', '0.0.0.0', '::', '::1', '2001:db8::1', 'fe80::1', '::ffff:', 'ffff',
  '%eth0', '%', '[', ']', ':', '::', '.', '..', ':443', ':8080', '0', '9', '12', '256', 'a', 'f', 'g', 'x', 'Z', '_', '-',
  ' ', '  ', '\t', '\n', ',', ';', '=', '&', '?', '/', '://', '"', "'", '@', 'example.com', 'alice', 'Bearer ', 'Basic ',
  'bearer', 'Digest ', 'token', 'token=', 'password=', 'user=', 'email: ', 'eyJ', 'eyJhbGciOiJIUzI1NiJ9', 'abcd',
  'sk_live_', 'ghp_', 'AKIA', 'ABCDEFGHIJKLMNOP', '[redacted]', 'JWT ', 'sid=', 'Path=/', 'HttpOnly', 'Secure',
  'Chrome/120.0', 'Firefox/121.0', 'Version/17.1 Safari/605', 'Edg/120', ';v="120"', '"Google Chrome"', 'Chrome 120',
  'Windows', '"Windows"', '?0', 'for=', 'proto=http',
];

export const trickyString: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 })
  .map((parts) => parts.join(''));

/** Any string: random text, and strings assembled from the pieces the scanners care about. */
export const anyString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ maxLength: 60 }),
  trickyString,
);

/** Characters that cannot be part of an address or glued to one. */
export const separator: fc.Arbitrary<string> = fc.constantFrom(' ', ', ', ';', '"', '=', '(', ')', '\n', '<', '>', '/', ' for ');

/** Values of every shape, including the odd ones. */
export const anyValue: fc.Arbitrary<unknown> = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
  maxDepth: 4,
});
