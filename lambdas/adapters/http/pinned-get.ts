import type { IncomingMessage } from 'node:http';
import * as http from 'node:http';
import * as https from 'node:https';
import { isIPv6, type LookupFunction } from 'node:net';
import type { FeedFetchProblem } from '#ports/feed-fetcher.ts';

// One GET of a feed (R10.7), connected to an address already checked: the URL's name still goes in
// the Host header, the TLS server name and the certificate check, but is never looked up again, so
// DNS cannot swap in another address between the check and the connection (rebinding).

export interface Hop {
  url: URL;
  /** The address checkTarget judged; the only one this request may connect to. */
  address: string;
  headers: Record<string, string>;
  maxBytes: number;
  /** Aborts the request: the caller's deadline. */
  signal: AbortSignal;
}

export type HopOutcome =
  | { kind: 'body'; bytes: Buffer; etag?: string | undefined; lastModified?: string | undefined }
  | { kind: 'not_modified' }
  | { kind: 'redirect'; status: number; location: string | undefined }
  | { kind: 'failed'; problem: FeedFetchProblem; status?: number | undefined };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Answers the checked address for any name, in the form (one or all) the socket asks for. */
function pinnedLookup(address: string): LookupFunction {
  const family = isIPv6(address) ? 6 : 4;
  return (_host, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

/** Sends the GET and reads the answer, at most `maxBytes` of body. Never throws. */
export function pinnedGet(hop: Hop): Promise<HopOutcome> {
  return new Promise((settle) => {
    if (hop.signal.aborted) {
      settle({ kind: 'failed', problem: 'timeout' });
      return;
    }
    let request: http.ClientRequest | undefined;
    let settled = false;
    const finish = (outcome: HopOutcome) => {
      // The first outcome stands: destroying the request below makes it report an error too.
      if (settled) return;
      settled = true;
      hop.signal.removeEventListener('abort', onAbort);
      settle(outcome);
      // A fresh connection per request (no agent): nothing is kept for another feed to reuse.
      request?.destroy();
    };
    const fail = (problem: FeedFetchProblem) => finish({ kind: 'failed', problem });
    const onAbort = () => fail('timeout');
    hop.signal.addEventListener('abort', onAbort, { once: true });
    try {
      const { url } = hop;
      request = (url.protocol === 'https:' ? https : http).request({
        protocol: url.protocol,
        hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
        port: url.port === '' ? undefined : Number(url.port),
        path: `${url.pathname}${url.search}`,
        auth:
          url.username === ''
            ? undefined
            : `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`,
        method: 'GET',
        headers: hop.headers,
        agent: false,
        lookup: pinnedLookup(hop.address),
      });
      request.on('error', () => fail('unreachable'));
      request.on('response', (response) => read(response, hop.maxBytes, finish));
      request.end();
    } catch {
      fail('unreachable');
    }
  });
}

/** The outcome an answer's status and headers decide alone, before any of its body is read. */
function decided(response: IncomingMessage, maxBytes: number): HopOutcome | undefined {
  const status = response.statusCode ?? 0;
  if (status === 304) return { kind: 'not_modified' };
  if (REDIRECTS.has(status)) return { kind: 'redirect', status, location: response.headers.location };
  if (status < 200 || status > 299) return { kind: 'failed', problem: 'http_status', status };
  // A declared length over the cap is refused before any of the body is read.
  if (Number(response.headers['content-length'] ?? 0) > maxBytes)
    return { kind: 'failed', problem: 'too_large' };
  return undefined;
}

function read(response: IncomingMessage, maxBytes: number, finish: (outcome: HopOutcome) => void): void {
  const early = decided(response, maxBytes);
  if (early !== undefined) {
    finish(early);
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  response.on('data', (chunk: Buffer) => {
    size += chunk.length;
    // Counted as it streams: a server that lies about, or omits, its length is cut off at the cap.
    if (size > maxBytes) finish({ kind: 'failed', problem: 'too_large' });
    else chunks.push(chunk);
  });
  response.on('error', () => finish({ kind: 'failed', problem: 'unreachable' }));
  response.on('end', () =>
    finish({
      kind: 'body',
      bytes: Buffer.concat(chunks),
      etag: response.headers.etag,
      lastModified: response.headers['last-modified'],
    }),
  );
}
