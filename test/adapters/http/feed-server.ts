import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { Socket } from 'node:net';
import { expect, vi } from 'vitest';
import { HttpFeedFetcher, type HttpFeedFetcherOptions } from '#adapters/http/feed-fetcher.ts';
import type { FeedRequest, FeedResponse } from '#ports/feed-fetcher.ts';

// For the fetcher's tests (R10.7): a feed server on 127.0.0.1 only, and guards that prove a refused
// read never opened a connection anywhere.

/** The secret part of every test URL: no answer may ever contain it. */
export const SECRET = 's3cr3t-feed-token';

export interface FeedServer {
  /** `http://127.0.0.1:<port><path>` with the secret query appended. */
  url(path: string): string;
  port: number;
  requests: { path: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, server: FeedServer) => void;

/** A server on 127.0.0.1, port 0, answering every request with `handler`. */
export async function feedServer(handler: Handler): Promise<FeedServer> {
  const requests: FeedServer['requests'] = [];
  let self: FeedServer | undefined;
  const server: Server = createServer((req, res) => {
    requests.push({ path: req.url ?? '', headers: req.headers });
    if (self !== undefined) handler(req, res, self);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  self = {
    port,
    url: (path) => `http://127.0.0.1:${port}${path}?s=${SECRET}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return self;
}

/** Reads with a fetcher built from `options`, checking the promise resolves and names no secret. */
export async function read(
  options: HttpFeedFetcherOptions,
  request: FeedRequest | string,
): Promise<FeedResponse> {
  const fetcher = new HttpFeedFetcher(options);
  const answer = await fetcher.fetch(typeof request === 'string' ? { url: request } : request);
  expect(JSON.stringify(answer)).not.toContain(SECRET);
  return answer;
}

/**
 * Replaces every outgoing connection with one that fails at once: a refused read must not have asked
 * for any, and a wrongly allowed one still reaches nothing. Restored by vi.restoreAllMocks().
 */
export function blockConnections() {
  return vi.spyOn(Socket.prototype, 'connect').mockImplementation(function (this: Socket) {
    process.nextTick(() => this.destroy(new Error('connection blocked by the test')));
    return this;
  } as typeof Socket.prototype.connect);
}

/** Counts outgoing connections, letting them through (to the test's loopback server). */
export const countConnections = () => vi.spyOn(Socket.prototype, 'connect');

/** A resolver for the tests: the given names' addresses, and a record of what was asked. */
export function resolver(addresses: Record<string, string[]>) {
  const asked: string[] = [];
  const resolve = async (host: string) => {
    asked.push(host);
    const found = addresses[host];
    if (found === undefined) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    return found;
  };
  return { asked, resolve };
}
