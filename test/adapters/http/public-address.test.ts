import { describe, expect, it } from 'vitest';
import { isLoopbackAddress, isPublicAddress } from '#adapters/http/public-address.ts';

// R10.7: which addresses a feed may be read from. A pure function: nothing here connects anywhere.

const NOT_PUBLIC = [
  // IPv4: this network, private, carrier-grade NAT, loopback, link-local and the metadata address
  '0.0.0.0',
  '0.255.255.255',
  '10.0.0.1',
  '10.255.255.255',
  '100.64.0.1',
  '100.127.255.254',
  '127.0.0.1',
  '127.255.255.254',
  '169.254.0.1',
  '169.254.169.254',
  '172.16.0.1',
  '172.31.255.255',
  '192.168.0.1',
  '192.168.255.255',
  // multicast, reserved, broadcast; documentation and benchmarking ranges
  '224.0.0.1',
  '239.255.255.250',
  '240.0.0.1',
  '255.255.255.255',
  '192.0.0.8',
  '192.0.2.10',
  '198.18.0.1',
  '198.19.255.255',
  '198.51.100.7',
  '203.0.113.99',
  // IPv6: unspecified, loopback, unique local, link-local (with a zone too), multicast
  '::',
  '::1',
  '0:0:0:0:0:0:0:1',
  'fc00::1',
  'fd12:3456:789a::1',
  'fe80::1',
  'fe80::1%eth0',
  'febf:ffff::1',
  'ff02::1',
  'ff0e::101',
  // IPv4-mapped, in both notations, and NAT64 and 6to4 addresses carrying a private IPv4 address
  '::ffff:127.0.0.1',
  '::ffff:7f00:1',
  '::ffff:169.254.169.254',
  '::ffff:a9fe:a9fe',
  '::ffff:10.0.0.1',
  '::ffff:192.168.1.1',
  '64:ff9b::a9fe:a9fe',
  '64:ff9b::10.1.2.3',
  '2002:a00:1::1',
  '2002:7f00:1::',
  // IPv4-compatible (deprecated), site-local, Teredo, documentation
  '::127.0.0.1',
  '::8.8.8.8',
  'fec0::1',
  '2001::1',
  '2001:0:4136:e378::1',
  '2001:db8::1',
  '3fff::1',
  // not addresses at all
  '',
  'localhost',
  'example.com',
  '1.2.3',
  '256.1.1.1',
  '01.2.3.4',
  '::ffff:1.2.3.4.5',
  'fe80::1::2',
];

const PUBLIC = [
  '1.1.1.1',
  '8.8.8.8',
  '9.255.255.255',
  '11.0.0.1',
  '100.63.255.255',
  '100.128.0.1',
  '126.255.255.255',
  '128.0.0.1',
  '169.253.255.255',
  '169.255.0.1',
  '172.15.255.255',
  '172.32.0.1',
  '192.167.255.255',
  '192.169.0.1',
  '198.17.255.255',
  '198.20.0.1',
  '223.255.255.254',
  '2606:4700:4700::1111',
  '2a00:1450:4001:81b::200e',
  '2001:4860:4860::8888',
  '2001:200::1',
  '::ffff:8.8.8.8',
  '::ffff:808:808',
  '64:ff9b::808:808',
  '2002:808:808::1',
  '3fff:1000::1',
];

describe('R10.7 which addresses are public', () => {
  it.each(NOT_PUBLIC)('refuses %s', (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });

  it.each(PUBLIC)('allows %s', (ip) => {
    expect(isPublicAddress(ip)).toBe(true);
  });
});

describe('R10.7 loopback, which only the local runtime may read from', () => {
  it.each(['127.0.0.1', '127.1.2.3', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', '::ffff:7f00:2'])(
    'knows %s as loopback',
    (ip) => {
      expect(isLoopbackAddress(ip)).toBe(true);
    },
  );

  it.each([
    '128.0.0.1',
    '126.255.255.255',
    '::',
    '::2',
    '::ffff:10.0.0.1',
    'fe80::1',
    'localhost',
    '0.0.0.0',
  ])('knows %s is not loopback', (ip) => {
    expect(isLoopbackAddress(ip)).toBe(false);
  });
});
