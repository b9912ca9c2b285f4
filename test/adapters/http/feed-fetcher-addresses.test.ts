import tls from 'node:tls';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  blockConnections,
  countConnections,
  type FeedServer,
  feedServer,
  read,
  resolver,
  SECRET,
} from './feed-server.ts';

// R10.7: where a feed may be read from. Refusals are proven without connecting anywhere: outgoing
// connections are blocked (and counted) by the test, names are resolved by an injected resolver.

const PRIVATE = [
  '127.0.0.1',
  '10.0.0.7',
  '172.16.3.4',
  '192.168.1.10',
  '100.64.0.1',
  '169.254.169.254',
  '0.0.0.0',
];
const PRIVATE_V6 = ['::1', '::', 'fd00::1', 'fe80::1', 'ff02::1', '::ffff:169.254.169.254', '::ffff:7f00:1'];

let server: FeedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  vi.restoreAllMocks();
});

describe('R10.7 https to public addresses only', () => {
  it.each([...PRIVATE, ...PRIVATE_V6])(
    'R10.7 refuses a name that resolves to %s, connecting nowhere',
    async (ip) => {
      const connect = blockConnections();
      const names = resolver({ 'calendar.example': [ip] });

      const answer = await read({ resolve: names.resolve }, `https://calendar.example/ical.ics?s=${SECRET}`);

      expect(answer).toEqual({ kind: 'failed', problem: 'address_refused' });
      expect(names.asked).toEqual(['calendar.example']);
      expect(connect).not.toHaveBeenCalled();
    },
  );

  it('R10.7 refuses a name when any one of its addresses is not public', async () => {
    const connect = blockConnections();
    const names = resolver({ 'calendar.example': ['93.184.215.14', '2606:2800:21f:cb07::1', '10.0.0.1'] });

    const answer = await read({ resolve: names.resolve }, `https://calendar.example/ical.ics?s=${SECRET}`);

    expect(answer).toEqual({ kind: 'failed', problem: 'address_refused' });
    expect(connect).not.toHaveBeenCalled();
  });

  it.each([
    'https://127.0.0.1/ical.ics',
    'https://127.1/ical.ics',
    'https://2130706433/ical.ics',
    'https://0x7f.0.0.1/ical.ics',
    'https://169.254.169.254/latest/meta-data/',
    'https://[::1]/ical.ics',
    'https://[::ffff:169.254.169.254]/ical.ics',
    'https://[fe80::1]:8443/ical.ics',
    'https://10.1.2.3:443/ical.ics',
  ])('R10.7 refuses the literal address of %s without a lookup or a connection', async (url) => {
    const connect = blockConnections();
    const names = resolver({});

    const answer = await read({ resolve: names.resolve }, `${url}?s=${SECRET}`);

    expect(answer).toEqual({ kind: 'failed', problem: 'address_refused' });
    expect(names.asked).toEqual([]);
    expect(connect).not.toHaveBeenCalled();
  });

  it.each([
    `http://calendar.example/ical.ics?s=${SECRET}`,
    `http://127.0.0.1/ical.ics?s=${SECRET}`,
    `webcal://calendar.example/ical.ics?s=${SECRET}`,
    `ftp://calendar.example/ical.ics?s=${SECRET}`,
    `file:///etc/passwd?s=${SECRET}`,
    `not a url ${SECRET}`,
  ])('R10.7 answers not_https for %s unless the local runtime allows loopback http', async (url) => {
    const connect = blockConnections();
    const names = resolver({ 'calendar.example': ['93.184.215.14'] });

    expect(await read({ resolve: names.resolve }, url)).toEqual({ kind: 'failed', problem: 'not_https' });
    expect(names.asked).toEqual([]);
    expect(connect).not.toHaveBeenCalled();
  });

  it('R10.7 lets the local runtime read plain http from loopback, but from nothing else', async () => {
    const connect = blockConnections();
    const names = resolver({
      public: ['93.184.215.14'],
      private: ['192.168.0.2'],
      loop: ['127.0.0.1', '::1'],
    });
    const local = { allowLoopbackHttp: true, resolve: names.resolve };

    expect(await read(local, `http://public/ical.ics?s=${SECRET}`)).toMatchObject({ problem: 'not_https' });
    expect(await read(local, `http://private/ical.ics?s=${SECRET}`)).toMatchObject({
      problem: 'address_refused',
    });
    expect(await read(local, `http://[fd00::1]/ical.ics?s=${SECRET}`)).toMatchObject({
      problem: 'address_refused',
    });
    expect(connect).not.toHaveBeenCalled();
    // The one allowed target is attempted (and blocked here, so it is unreachable).
    expect(await read(local, `http://loop:9/ical.ics?s=${SECRET}`)).toMatchObject({ problem: 'unreachable' });
    expect(connect).toHaveBeenCalledTimes(1);
  });

  it('R10.7 answers unreachable when the name does not resolve, or resolves to nothing', async () => {
    const connect = blockConnections();
    const names = resolver({ 'empty.example': [] });

    const unknown = await read({ resolve: names.resolve }, `https://unknown.example/ical.ics?s=${SECRET}`);
    const empty = await read({ resolve: names.resolve }, `https://empty.example/ical.ics?s=${SECRET}`);

    expect([unknown, empty]).toEqual([
      { kind: 'failed', problem: 'unreachable' },
      { kind: 'failed', problem: 'unreachable' },
    ]);
    expect(connect).not.toHaveBeenCalled();
  });

  it('R10.7 connects a public name over TLS to the checked address, with the name for SNI and the certificate', async () => {
    const connect = blockConnections();
    const tlsConnect = vi.spyOn(tls, 'connect');
    const names = resolver({ 'calendar.example': ['93.184.215.14', '93.184.215.15'] });

    const answer = await read({ resolve: names.resolve }, `https://calendar.example/ical.ics?s=${SECRET}`);

    // The connection was blocked by the test, so the read failed: what matters is where it went.
    expect(answer).toEqual({ kind: 'failed', problem: 'unreachable' });
    expect(connect).toHaveBeenCalledTimes(1);
    const options = tlsConnect.mock.calls[0]?.[0] as tls.ConnectionOptions;
    expect(options).toMatchObject({ host: 'calendar.example', servername: 'calendar.example', port: 443 });
    expect(options.checkServerIdentity).toBeUndefined();
    expect(options.rejectUnauthorized).not.toBe(false);
    const pinned = await new Promise((resolve) =>
      options.lookup?.('calendar.example', { all: true }, (_e, address) => resolve(address)),
    );
    expect(pinned).toEqual([{ address: '93.184.215.14', family: 4 }]);
    expect(names.asked).toEqual(['calendar.example']);
  });
});

describe('R10.7 each redirect checked again', () => {
  it.each([
    ['the metadata address', 'http://169.254.169.254/latest/meta-data/'],
    ['a private literal', 'http://10.0.0.7/ical.ics'],
    ['a mapped private literal', 'http://[::ffff:192.168.0.1]/ical.ics'],
    ['a name resolving to a private address', 'https://internal.example/ical.ics'],
    ['a public name over http', 'http://calendar.example/ical.ics'],
  ])('R10.7 refuses a redirect from loopback http to %s, connecting only once', async (_, target) => {
    const connections = countConnections();
    const names = resolver({ 'internal.example': ['10.0.0.7'], 'calendar.example': ['93.184.215.14'] });
    server = await feedServer((_req, res) => {
      res.writeHead(302, { location: `${target}?s=${SECRET}` });
      res.end();
    });

    const answer = await read({ allowLoopbackHttp: true, resolve: names.resolve }, server.url('/ical.ics'));

    const problem = target.startsWith('http://calendar') ? 'not_https' : 'address_refused';
    expect(answer).toEqual({ kind: 'failed', problem });
    expect(server.requests).toHaveLength(1);
    expect(connections).toHaveBeenCalledTimes(1);
  });
});
