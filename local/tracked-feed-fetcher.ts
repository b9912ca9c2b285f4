import type { FeedFetcher, FeedRequest, FeedResponse } from '#ports/feed-fetcher.ts';
import type { Activity, Parking } from './activity.ts';

/**
 * The feed fetcher as tracked work: each fetch keeps virtual time still until it is answered, like
 * any other I/O of the runtime. A fetch whose server holds the request (a feed that never answers)
 * is parked on the server's word, so the clock can reach the fetcher's own timeout.
 */
export class TrackedFeedFetcher implements FeedFetcher {
  private readonly inner: FeedFetcher;
  private readonly activity: Activity;
  /** Fetches in flight by the URL's path and query, as the server sees the request. */
  private readonly inFlight = new Map<string, Parking[]>();

  constructor(inner: FeedFetcher, activity: Activity) {
    this.inner = inner;
    this.activity = activity;
  }

  fetch(request: FeedRequest): Promise<FeedResponse> {
    return this.activity.track(async () => {
      const key = requestTarget(request.url);
      const parking = this.activity.parking();
      this.inFlight.set(key, [...(this.inFlight.get(key) ?? []), parking]);
      try {
        return await this.inner.fetch(request);
      } finally {
        parking.release();
        const left = (this.inFlight.get(key) ?? []).filter((p) => p !== parking);
        if (left.length > 0) this.inFlight.set(key, left);
        else this.inFlight.delete(key);
      }
    });
  }

  /** A server holds the request for `target` (path and query) without answering: park its fetches. */
  held(target: string): void {
    for (const parking of this.inFlight.get(target) ?? []) parking.park();
  }
}

/** The request target a server sees for `url`: its path and query. */
export function requestTarget(url: string): string {
  try {
    const { pathname, search } = new URL(url);
    return `${pathname}${search}`;
  } catch {
    return url;
  }
}
