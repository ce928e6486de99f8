import assert from 'node:assert/strict';
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { redact } from '../src/index';
import { anyString, separator } from './helpers';

function hostBitsSet(address: string): boolean {
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') return (parsed as ipaddr.IPv4).octets[3] !== 0;
  const v6 = parsed as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().octets[3] !== 0;
  return v6.parts.slice(3).some((p) => p !== 0);
}

describe('redact.ip', () => {
  describe('examples', () => {
    const cases: [string, string][] = [
      ['203.0.113.9', '203.0.113.0'],
      ['2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3::'],
      ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::'],
      ['::1', '::'],
      ['::ffff:192.0.2.128', '::ffff:192.0.2.0'],
      ['::FFFF:192.0.2.128', '::ffff:192.0.2.0'],
      ['203.0.113.9:8080', '203.0.113.0'],
      ['[2001:db8::1]:443', '[2001:db8::]'],
      ['[2001:db8::1]', '[2001:db8::]'],
      ['fe80::1%eth0', 'fe80::'],
      ['fe80::1ff:fe23:4567:890a%25en0', 'fe80::'],
      ['[fe80::1%eth0]:8080', '[fe80::]'],
      ['203.0.113.9, 198.51.100.7, 10.0.0.1', '203.0.113.0, 198.51.100.0, 10.0.0.0'],
      ['2001:db8::1,203.0.113.9', '2001:db8::,203.0.113.0'],
      [
        'for=192.0.2.60;proto=http;by=203.0.113.43, for="[2001:db8:cafe::17]:4711"',
        'for=192.0.2.0;proto=http;by=203.0.113.0, for="[2001:db8:cafe::]"',
      ],
      ['for=unknown;proto=https', 'for=unknown;proto=https'],
      ['login from 203.0.113.9 at 12:30:45.123', 'login from 203.0.113.0 at 12:30:45.123'],
      ['peer ip:203.0.113.9.', 'peer ip:203.0.113.0.'],
      ['client 2001:db8::1: closed', 'client 2001:db8::: closed'],
      ['GET http://203.0.113.9:3000/x', 'GET http://203.0.113.0/x'],
      ['192.168.001.010', '192.168.1.0'],
      ['src_ip_203.0.113.9', 'src_ip_203.0.113.0'],
      ['', ''],
    ];
    for (const [input, expected] of cases) {
      it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
        assert.equal(redact.ip(input), expected);
      });
    }

    it('leaves words, versions, times and MAC addresses alone', () => {
      for (const text of ['std::map Foo::bar Error::fatal', 'v1.2.3.4', 'release 1.2.3', '12:30:45', '00:1a:2b:3c:4d:5e', 'deadbeef', '1.2.3.456']) {
        assert.equal(redact.ip(text), text);
      }
    });

    it('applies to arrays and to the values of objects, keeping keys and numbers', () => {
      assert.deepEqual(redact.ip(['203.0.113.9', null, 8080]), ['203.0.113.0', null, 8080]);
      assert.deepEqual(redact.ip({ ip: '203.0.113.9', nested: { ips: ['2001:db8::1'] }, port: 443 }), {
        ip: '203.0.113.0',
        nested: { ips: ['2001:db8::'] },
        port: 443,
      });
    });
  });

  describe('properties', () => {
    it('never returns a whole valid IPv4 address, and keeps its /24', () => {
      fc.assert(
        fc.property(fc.ipV4(), (address) => {
          const out = redact.ip(address);
          if (hostBitsSet(address)) assert.ok(!out.includes(address), `${address} → ${out}`);
          const [a, b, c] = address.split('.').map(Number);
          assert.equal(out, `${a}.${b}.${c}.0`);
        }),
        { numRuns: 2000 },
      );
    });

    it('never returns a whole valid IPv6 address, and keeps its /48', () => {
      fc.assert(
        fc.property(fc.ipV6(), (address) => {
          const out = redact.ip(address);
          if (hostBitsSet(address)) assert.ok(!out.includes(address), `${address} → ${out}`);
          const before = ipaddr.IPv6.parse(address);
          const after = ipaddr.IPv6.parse(out);
          if (before.isIPv4MappedAddress()) {
            assert.deepEqual(after.toIPv4Address().octets, [...before.toIPv4Address().octets.slice(0, 3), 0]);
          } else {
            assert.deepEqual(after.parts, [...before.parts.slice(0, 3), 0, 0, 0, 0, 0]);
          }
        }),
        { numRuns: 2000 },
      );
    });

    it('truncates every address inside text, whatever surrounds it', () => {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(anyString, separator, fc.oneof(fc.ipV4(), fc.ipV6()), separator), { minLength: 1, maxLength: 4 }),
          (parts) => {
            const text = parts.map(([prefix, left, address, right]) => `${prefix}${left}${address}${right}`).join('');
            const out = redact.ip(text);
            for (const [, left, address, right] of parts) {
              if (hostBitsSet(address)) assert.ok(!out.includes(`${left}${address}${right}`), `${text} → ${out}`);
            }
          },
        ),
        { numRuns: 1000 },
      );
    });

    it('drops ports and zone ids with the host part', () => {
      fc.assert(
        fc.property(fc.ipV4(), fc.integer({ min: 0, max: 65535 }), (address, port) => {
          assert.equal(redact.ip(`${address}:${port}`), redact.ip(address));
        }),
      );
      fc.assert(
        fc.property(fc.ipV6(), fc.integer({ min: 0, max: 65535 }), fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/), (address, port, zone) => {
          assert.equal(redact.ip(`[${address}]:${port}`), `[${redact.ip(address)}]`);
          assert.equal(redact.ip(`${address}%${zone}`), redact.ip(address));
        }),
      );
    });
  });
});
