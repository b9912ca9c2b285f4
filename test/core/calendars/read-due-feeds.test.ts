import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEED_SHARDS } from '#config/table-layout.ts';
import { READS_PER_HOST, readDueFeeds } from '#core/calendars/read-due-feeds.ts';
import type { Deps } from '#core/deps.ts';
import type { FeedResponse } from '#ports/feed-fetcher.ts';
import { airbnbFeed } from '../../e2e/calendar-feed-bodies.ts';
import { HOST, LockWorld, MINUTE } from '../lock-world.ts';

// The scheduled reading (R10.1) on the in-memory store: every due feed once per round, a host's
// reads bounded, nothing read before it is due; and a removed feed's stays stay (docs/calendars.md).

const START = Date.parse('2026-12-01T00:00:00Z');
const PROPERTIES = 9;
const STAY = { uid: 's1', start: '2026-12-20', end: '2026-12-22', code: 'HMBBBB2222', phone: '4411' };

describe('R10.1 the scheduled reading of due feeds', () => {
  let world: LockWorld;
  let deps: Deps;
  const reads: string[] = [];
  let inFlight = 0;
  let mostInFlight = 0;

  const allShards = async () => {
    let feeds = 0;
    for (let shard = 0; shard < FEED_SHARDS; shard++) feeds += (await readDueFeeds(deps, shard)).feeds;
    return feeds;
  };

  beforeAll(async () => {
    world = await LockWorld.start(START);
    deps = {
      ...world.runtime.deps,
      feedFetcher: {
        fetch: async ({ url }): Promise<FeedResponse> => {
          reads.push(url);
          mostInFlight = Math.max(mostInFlight, ++inFlight);
          // A few real turns, so reads that may overlap do.
          for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
          inFlight--;
          const body = airbnbFeed([{ ...STAY, uid: `${url.slice(-6)}-s1` }]);
          return { kind: 'body', body, byteLength: body.length };
        },
      },
    };
    for (let p = 0; p < PROPERTIES; p++) {
      await world.property(`home-${p}`);
      const url = `https://calendar.example.com/ical/home-${p}.ics`;
      expect(
        (await world.api('POST', `/v1/properties/home-${p}/calendars`, { url, channel: 'airbnb' })).status,
      ).toBe(201);
    }
  });

  afterAll(() => world.stop());

  it('reads every due feed once, at most READS_PER_HOST of one host at a time', async () => {
    // Act
    const feeds = await allShards();
    // Assert
    expect(feeds).toBe(PROPERTIES);
    expect(new Set(reads).size).toBe(PROPERTIES);
    expect(reads).toHaveLength(PROPERTIES);
    expect(mostInFlight).toBeGreaterThan(1);
    expect(mostInFlight).toBeLessThanOrEqual(READS_PER_HOST);
  });

  it('reads nothing again before 15 minutes have passed, and everything once they have', async () => {
    // Act
    const early = await allShards();
    await world.runUntil(Date.now() + 15 * MINUTE);
    const due = await allShards();
    // Assert
    expect(early).toBe(0);
    expect(due).toBe(PROPERTIES);
  });

  it('keeps the stays of a removed feed, and stops reading it', async () => {
    // Arrange
    const [feed] = await deps.feeds.listFeeds(HOST, 'home-0');
    const before = await deps.reservations.listReservations(HOST, 'home-0');
    // Act
    const removed = await world.api('DELETE', `/v1/properties/home-0/calendars/${feed?.calendarId}`);
    await world.runUntil(Date.now() + 60 * MINUTE);
    reads.length = 0;
    await allShards();
    const after = await deps.reservations.listReservations(HOST, 'home-0');
    // Assert
    expect(removed.status).toBe(204);
    expect(before).toHaveLength(1);
    expect(after).toEqual(before);
    expect(after[0]?.status).toBe('accepted');
    expect(reads.some((url) => url.endsWith('home-0.ics'))).toBe(false);
  });
});
