import { afterEach, describe, expect, it, vi } from 'vitest';
import { FEED_MAX_BYTES, FEED_TIMEOUT_MS } from '#adapters/http/feed-fetcher.ts';
import { countConnections, type FeedServer, feedServer, read, resolver, SECRET } from './feed-server.ts';

// R10.7: reading a feed over HTTP: the answer, conditional GET, failures as answers, the body cap,
// the deadline and redirects. Every connection goes to a loopback server the test started.

const ICS = 'BEGIN:VCALENDAR\r\nSUMMARY:Zoë Ångström – 2 nights\r\nEND:VCALENDAR\r\n';
const local = { allowLoopbackHttp: true };

let server: FeedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  vi.restoreAllMocks();
});

const serve = async (handler: Parameters<typeof feedServer>[0]) => {
  server = await feedServer(handler);
  return server;
};

describe('R10.7 reading a feed', () => {
  it('R10.7 answers a 200 with the body decoded as UTF-8, its size and its validators', async () => {
    const s = await serve((_, res) => {
      res.writeHead(200, {
        'content-type': 'text/calendar',
        etag: '"v1"',
        'last-modified': 'Wed, 01 Jul 2026 10:00:00 GMT',
      });
      res.end(`\uFEFF${ICS}`);
    });

    const answer = await read(local, s.url('/calendar.ics'));

    expect(answer).toEqual({
      kind: 'body',
      body: ICS,
      byteLength: Buffer.byteLength(`\uFEFF${ICS}`),
      etag: '"v1"',
      lastModified: 'Wed, 01 Jul 2026 10:00:00 GMT',
    });
    expect(s.requests[0]?.path).toBe(`/calendar.ics?s=${SECRET}`);
    expect(s.requests[0]?.headers['if-none-match']).toBeUndefined();
    expect(s.requests[0]?.headers['if-modified-since']).toBeUndefined();
  });

  it('R10.7 sends the last validators, and a 304 is not_modified', async () => {
    const s = await serve((req, res) => {
      const unchanged = req.headers['if-none-match'] === '"v1"';
      res.writeHead(unchanged ? 304 : 200, { etag: '"v1"' });
      res.end(unchanged ? undefined : ICS);
    });

    const answer = await read(local, {
      url: s.url('/calendar.ics'),
      etag: '"v1"',
      lastModified: 'Wed, 01 Jul 2026 10:00:00 GMT',
    });

    expect(answer).toEqual({ kind: 'not_modified' });
    expect(s.requests[0]?.headers).toMatchObject({
      'if-none-match': '"v1"',
      'if-modified-since': 'Wed, 01 Jul 2026 10:00:00 GMT',
    });
  });

  it.each([404, 410, 500, 503])(
    'R10.7 answers an HTTP %i as http_status with that status',
    async (status) => {
      const s = await serve((_, res) => {
        res.writeHead(status);
        res.end('{"error":"nope"}');
      });

      expect(await read(local, s.url('/calendar.ics'))).toEqual({
        kind: 'failed',
        problem: 'http_status',
        status,
      });
    },
  );

  it('R10.7 answers unreachable when nothing listens on the port', async () => {
    const s = await serve(() => {});
    const url = s.url('/calendar.ics');
    await s.close();
    server = undefined;

    expect(await read(local, url)).toEqual({ kind: 'failed', problem: 'unreachable' });
  });
});

describe('R10.7 the deadline: 10 s for the whole read', () => {
  it('R10.7 defaults to 10 s and 2 MB', () => {
    expect([FEED_TIMEOUT_MS, FEED_MAX_BYTES]).toEqual([10_000, 2 * 1024 * 1024]);
  });

  it('R10.7 gives up on a server that never answers', async () => {
    const s = await serve(() => {});
    const started = performance.now();

    const answer = await read({ ...local, timeoutMs: 200 }, s.url('/calendar.ics'));

    expect(answer).toEqual({ kind: 'failed', problem: 'timeout' });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(s.requests).toHaveLength(1);
  });

  it('R10.7 gives up on a body that stops half way', async () => {
    const s = await serve((_, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('BEGIN:VCALENDAR\r\n');
    });

    expect(await read({ ...local, timeoutMs: 200 }, s.url('/calendar.ics'))).toEqual({
      kind: 'failed',
      problem: 'timeout',
    });
  });

  it('R10.7 gives up on a name lookup that never answers', async () => {
    const hanging = { resolve: () => new Promise<string[]>(() => {}) };

    const answer = await read({ ...local, ...hanging, timeoutMs: 200 }, 'https://calendar.test/ical.ics');

    expect(answer).toEqual({ kind: 'failed', problem: 'timeout' });
  });

  it('R10.7 counts the redirects in the same deadline', async () => {
    const s = await serve((req, res) => {
      if (req.url?.startsWith('/slow')) return;
      res.writeHead(302, { location: '/slow' });
      res.end();
    });

    expect(await read({ ...local, timeoutMs: 200 }, s.url('/calendar.ics'))).toEqual({
      kind: 'failed',
      problem: 'timeout',
    });
    expect(s.requests.map((r) => r.path.split('?')[0])).toEqual(['/calendar.ics', '/slow']);
  });
});

describe('R10.7 the body cap', () => {
  const body = (size: number) => async () =>
    serve((_, res) => {
      res.writeHead(200);
      // In pieces, so the cap is met while streaming.
      for (let sent = 0; sent < size; sent += 100) res.write('x'.repeat(Math.min(100, size - sent)));
      res.end();
    });

  it('R10.7 reads a body of exactly the cap', async () => {
    const s = await body(1000)();

    const answer = await read({ ...local, maxBytes: 1000 }, s.url('/calendar.ics'));

    expect(answer).toMatchObject({ kind: 'body', byteLength: 1000 });
  });

  it('R10.7 stops at the first byte over the cap when no length is declared', async () => {
    const s = await body(1001)();

    expect(await read({ ...local, maxBytes: 1000 }, s.url('/calendar.ics'))).toEqual({
      kind: 'failed',
      problem: 'too_large',
    });
  });

  it('R10.7 refuses a declared length over the cap before reading', async () => {
    // Only the headers are sent: waiting for the body would end in the timeout instead.
    const s = await serve((_, res) => {
      res.writeHead(200, { 'content-length': '5000' });
      res.flushHeaders();
    });

    expect(await read({ ...local, maxBytes: 1000, timeoutMs: 2_000 }, s.url('/calendar.ics'))).toEqual({
      kind: 'failed',
      problem: 'too_large',
    });
  });
});

describe('R10.7 redirects: at most 3', () => {
  /** A server redirecting `/hop/n` to `/hop/n+1` (alternately relative and absolute) until `hops`. */
  const chain = (hops: number, status = 302) =>
    serve((req, res, self) => {
      const n = Number(req.url?.match(/^\/hop\/(\d+)/)?.[1] ?? 0);
      if (n >= hops) {
        res.writeHead(200, { etag: `"after-${n}"` });
        res.end(ICS);
        return;
      }
      const next = `/hop/${n + 1}?s=${SECRET}`;
      res.writeHead(status, { location: n % 2 === 0 ? next : `http://127.0.0.1:${self.port}${next}` });
      res.end();
    });

  it.each([301, 302, 303, 307, 308])(
    'R10.7 follows 3 redirects (%i), keeping the validators',
    async (status) => {
      const s = await chain(3, status);
      const connections = countConnections();

      const answer = await read(local, { url: s.url('/hop/0'), etag: '"v0"' });

      expect(answer).toMatchObject({ kind: 'body', body: ICS, etag: '"after-3"' });
      expect(s.requests.map((r) => r.path.split('?')[0])).toEqual(['/hop/0', '/hop/1', '/hop/2', '/hop/3']);
      expect(s.requests.every((r) => r.headers['if-none-match'] === '"v0"')).toBe(true);
      expect(connections).toHaveBeenCalledTimes(4);
    },
  );

  it('R10.7 refuses the 4th redirect without following it', async () => {
    const s = await chain(4);

    expect(await read(local, s.url('/hop/0'))).toEqual({ kind: 'failed', problem: 'too_many_redirects' });
    expect(s.requests).toHaveLength(4);
  });

  it('R10.7 answers a redirect with no Location as http_status', async () => {
    const s = await serve((_, res) => {
      res.writeHead(302);
      res.end();
    });

    expect(await read(local, s.url('/calendar.ics'))).toEqual({
      kind: 'failed',
      problem: 'http_status',
      status: 302,
    });
  });

  it('R10.7 connects to the address it checked, keeping the name in the Host header', async () => {
    const s = await serve((_, res) => res.end(ICS));
    // No system resolver knows this name: the answer can only come through the pinned address.
    const names = resolver({ 'calendar.test': ['127.0.0.1'] });

    const answer = await read(
      { ...local, resolve: names.resolve },
      `http://calendar.test:${s.port}/calendar.ics?s=${SECRET}`,
    );

    expect(answer).toMatchObject({ kind: 'body', body: ICS });
    expect(s.requests[0]?.headers.host).toBe(`calendar.test:${s.port}`);
    expect(names.asked).toEqual(['calendar.test']);
  });
});
