/** A conditional GET of a feed: the validators of the last answer, when there was one. */
export interface FeedRequest {
  url: string;
  etag?: string | undefined;
  lastModified?: string | undefined;
}

/** Why a read failed, in words safe to show and log: never the URL, which is a secret (R10.7). */
export const FEED_FETCH_PROBLEMS = [
  'http_status',
  'timeout',
  'too_large',
  'not_https',
  'address_refused',
  'too_many_redirects',
  'unreachable',
] as const;
export type FeedFetchProblem = (typeof FEED_FETCH_PROBLEMS)[number];

export type FeedResponse =
  | {
      kind: 'body';
      body: string;
      byteLength: number;
      etag?: string | undefined;
      lastModified?: string | undefined;
    }
  | { kind: 'not_modified' }
  | { kind: 'failed'; problem: FeedFetchProblem; status?: number | undefined };

/**
 * Reads a feed over HTTP (R10.7): https to public addresses only (checked again after each of at
 * most 3 redirects), at most 2 MB, 10 s. Failures are answers, never exceptions.
 */
export interface FeedFetcher {
  fetch(request: FeedRequest): Promise<FeedResponse>;
}
