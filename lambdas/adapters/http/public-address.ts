import { isIPv4, isIPv6 } from 'node:net';

// Which IP addresses a feed may be read from (R10.7): public ones only, so a feed URL can never make
// Lockstep reach its own network, the instance metadata or a private service. Pure: no lookups here.

/** IPv4 blocks that are not publicly routable (IANA special-purpose registry), as [base, prefix]. */
const IPV4_REFUSED: readonly [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, the instance metadata address 169.254.169.254 among them
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and the broadcast address
];

/** An IPv4 address as an unsigned 32-bit number; the caller has checked it is dotted decimal. */
const v4Number = (ip: string): number => ip.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);

const inV4Block = (n: number, [base, prefix]: readonly [string, number]): boolean =>
  Math.floor(n / 2 ** (32 - prefix)) === Math.floor(v4Number(base) / 2 ** (32 - prefix));

const v4IsPublic = (n: number): boolean => !IPV4_REFUSED.some((block) => inV4Block(n, block));

/** The eight 16-bit groups of an IPv6 address (zone id dropped, a dotted IPv4 tail expanded). */
function v6Groups(ip: string): number[] {
  let text = ip.split('%')[0] ?? '';
  const dotted = text.match(/(\d+\.\d+\.\d+\.\d+)$/)?.[1];
  if (dotted !== undefined) {
    const n = v4Number(dotted);
    text = `${text.slice(0, -dotted.length)}${Math.floor(n / 65536).toString(16)}:${(n % 65536).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => Number.parseInt(g, 16)));
  const front = parse(head);
  const back = tail === undefined ? [] : parse(tail);
  return [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
}

/** The IPv4 address an IPv6 one carries in its last 32 bits, or in bits 16 to 48 (6to4). */
const embeddedV4 = (g: number[], at: number): number => (g[at] ?? 0) * 65536 + (g[at + 1] ?? 0);

function v6IsPublic(g: number[]): boolean {
  const [a = 0, b = 0] = g;
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  // IPv4-mapped (::ffff:a.b.c.d) and the NAT64 prefix (64:ff9b::/96) reach an IPv4 address: judge that.
  if (zeros(0, 5) && g[5] === 0xffff) return v4IsPublic(embeddedV4(g, 6));
  if (a === 0x64 && b === 0xff9b && zeros(2, 6)) return v4IsPublic(embeddedV4(g, 6));
  if (a === 0x2002) return v4IsPublic(embeddedV4(g, 1));
  // Only global unicast (2000::/3) is public: this leaves out ::, ::1, fc00::/7, fe80::/10, ff00::/8.
  if ((a & 0xe000) !== 0x2000) return false;
  // 2001::/23 protocol assignments (Teredo among them), 2001:db8::/32 and 3fff::/20 documentation.
  if (a === 0x2001 && (b < 0x200 || b === 0xdb8)) return false;
  return !(a === 0x3fff && b < 0x1000);
}

/** Whether `ip` is an IP address a feed may be read from; anything else (a name, junk) is not. */
export function isPublicAddress(ip: string): boolean {
  if (isIPv4(ip)) return v4IsPublic(v4Number(ip));
  return isIPv6(ip) && v6IsPublic(v6Groups(ip));
}

/** Whether `ip` is a loopback address (127.0.0.0/8, ::1, or 127/8 mapped into IPv6). */
export function isLoopbackAddress(ip: string): boolean {
  if (isIPv4(ip)) return inV4Block(v4Number(ip), ['127.0.0.0', 8]);
  if (!isIPv6(ip)) return false;
  const g = v6Groups(ip);
  const zeros = g.slice(0, 5).every((x) => x === 0);
  if (zeros && g[5] === 0xffff) return inV4Block(embeddedV4(g, 6), ['127.0.0.0', 8]);
  return zeros && g[5] === 0 && g[6] === 0 && g[7] === 1;
}
