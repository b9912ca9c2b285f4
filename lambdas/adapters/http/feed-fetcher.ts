import type { FeedFetcher, FeedFetchProblem, FeedRequest, FeedResponse } from '#ports/feed-fetcher.ts';
import { checkTarget, type Resolve, systemResolve, type TargetPolicy } from './feed-target.ts';
import { type HopOutcome, pinnedGet } from './pinned-get.ts';

// R10.7: a feed is read over https from public addresses only, each redirect's target checked again,
// at most 3 redirects, 2 MB and 10 s. Nothing here logs, and no answer carries the URL: it is a secret.

export const FEED_MAX_BYTES = 2 * 1024 * 1024;
export const FEED_TIMEOUT_MS = 10_000;
export const FEED_MAX_REDIRECTS = 3;

export interface HttpFeedFetcherOptions {
  /** The local runtime's: also plain http to loopback addresses (127.0.0.0/8, ::1). Default false. */
  allowLoopbackHttp?: boolean | undefined;
  /** A host name's addresses; default the system resolver (`dns.promises.lookup`, all addresses). */
  resolve?: Resolve | undefined;
  /** For the whole read, redirects included; default 10 s. */
  timeoutMs?: number | undefined;
  /** The body cap; default 2 MB. */
  maxBytes?: number | undefined;
}

const failed = (problem: FeedFetchProblem, status?: number): FeedResponse =>
  status === undefined ? { kind: 'failed', problem } : { kind: 'failed', problem, status };

export class HttpFeedFetcher implements FeedFetcher {
  private readonly policy: TargetPolicy;
  private readonly timeoutMs: number;
  private readonly maxBytes: number;

  constructor(options: HttpFeedFetcherOptions = {}) {
    this.policy = {
      allowLoopbackHttp: options.allowLoopbackHttp ?? false,
      resolve: options.resolve ?? systemResolve,
    };
    this.timeoutMs = options.timeoutMs ?? FEED_TIMEOUT_MS;
    this.maxBytes = options.maxBytes ?? FEED_MAX_BYTES;
  }

  async fetch(request: FeedRequest): Promise<FeedResponse> {
    const deadline = new AbortController();
    // Cleared when the read ends, so no timer outlives it (the local runtime's virtual clock moves to timers).
    const timer = setTimeout(() => deadline.abort(), this.timeoutMs);
    try {
      return await untilAborted(this.follow(request, deadline.signal), deadline.signal, failed('timeout'));
    } catch {
      return failed('unreachable');
    } finally {
      clearTimeout(timer);
    }
  }

  private async follow(request: FeedRequest, signal: AbortSignal): Promise<FeedResponse> {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return failed('not_https');
    }
    const headers = requestHeaders(request);
    for (let redirects = 0; ; redirects += 1) {
      const target = await checkTarget(url, this.policy);
      if (!target.ok) return failed(target.problem);
      if (signal.aborted) return failed('timeout');
      const hop = await pinnedGet({ url, address: target.address, headers, maxBytes: this.maxBytes, signal });
      if (hop.kind !== 'redirect') return answer(hop);
      if (redirects === FEED_MAX_REDIRECTS) return failed('too_many_redirects');
      if (hop.location === undefined) return failed('http_status', hop.status);
      try {
        url = new URL(hop.location, url);
      } catch {
        return failed('http_status', hop.status);
      }
    }
  }
}

/** The conditional GET's headers: the last answer's validators, when there was one. */
function requestHeaders(request: FeedRequest): Record<string, string> {
  return {
    accept: 'text/calendar, text/plain;q=0.9, */*;q=0.8',
    // Counted and capped as received: a compressed body could expand far past the cap.
    'accept-encoding': 'identity',
    'user-agent': 'Lockstep-Calendar-Reader/1.0',
    ...(request.etag === undefined ? {} : { 'if-none-match': request.etag }),
    ...(request.lastModified === undefined ? {} : { 'if-modified-since': request.lastModified }),
  };
}

function answer(hop: Exclude<HopOutcome, { kind: 'redirect' }>): FeedResponse {
  if (hop.kind !== 'body') return hop;
  return {
    kind: 'body',
    // UTF-8, a byte-order mark dropped, an invalid sequence replaced rather than refused.
    body: new TextDecoder('utf-8').decode(hop.bytes),
    byteLength: hop.bytes.length,
    etag: hop.etag,
    lastModified: hop.lastModified,
  };
}

/** `work`'s answer, or `late` once `signal` aborts, whichever comes first. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal, late: T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => resolve(late);
    if (signal.aborted) abort();
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
