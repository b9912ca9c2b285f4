import type { Deps } from '../deps.ts';
import type { CalendarFeed } from './feed.ts';
import { syncProperty } from './sync-property.ts';

// The scheduled reading (R10.1): every 15 minutes each shard's due feeds are read, one round per
// property so its feeds are merged together (R10.6), a few properties of one host at a time.

export const DUE_PAGE = 100;
/** Reads in flight per host: a host's many listings never hammer one channel at once. */
export const READS_PER_HOST = 4;
/** Pages per run: feeds still due after that are read at the next run, 15 minutes on. */
const MAX_PAGES = 20;

export interface ShardReport {
  shard: number;
  properties: number;
  feeds: number;
  failed: number;
}

const propertyKey = (f: Pick<CalendarFeed, 'hostId' | 'propertyId'>) => `${f.hostId}\u0000${f.propertyId}`;

/** Runs `work` on each item, at most `limit` at a time. */
async function inPool<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      if (item !== undefined) await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export async function readDueFeeds(deps: Deps, shard: number): Promise<ShardReport> {
  const report: ShardReport = { shard, properties: 0, feeds: 0, failed: 0 };
  const done = new Set<string>();
  for (let page = 0; page < MAX_PAGES; page++) {
    const due = await deps.feeds.listDueFeeds(shard, deps.clock.now(), DUE_PAGE);
    const fresh = due.filter((f) => !done.has(propertyKey(f)));
    if (fresh.length === 0) break;
    const byHost = new Map<string, CalendarFeed[]>();
    for (const feed of fresh) {
      const key = propertyKey(feed);
      if (done.has(key)) continue;
      done.add(key);
      byHost.set(feed.hostId, [...(byHost.get(feed.hostId) ?? []), feed]);
    }
    await Promise.all(
      [...byHost.values()].map((properties) =>
        inPool(properties, READS_PER_HOST, async (feed) => {
          report.properties += 1;
          try {
            const result = await syncProperty(deps, feed.hostId, feed.propertyId);
            report.feeds += result.feeds;
            report.failed += result.failed;
          } catch {
            // One property's fault never stops the shard; its feeds stay due for the next run.
            report.failed += 1;
            deps.metrics.count('FeedPropertyReadsFailed', 1);
          }
        }),
      ),
    );
  }
  return report;
}
