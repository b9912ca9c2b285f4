import { describe, expect, it } from 'vitest';
import { feedShard } from '#adapters/common/store-keys.ts';
import { ConflictError, StaleWriteError } from '#core/errors.ts';
import type { CalendarFeedStore } from '#ports/calendar-feed-store.ts';
import { feed, idOutsideShard, idsInShard, reread } from './feed-fixtures.ts';
import { day } from './fixtures.ts';
import { exactlyOneWins, freshPerTest, type Start } from './harness.ts';

// What every CalendarFeedStore does alike (R10): versioned writes, a property's feeds, host isolation
// (R9.3) and the due shards the scheduled reading queries (R10.1).

const ids = (feeds: { calendarId: string }[]) => feeds.map((f) => f.calendarId);

/** Registers the feed store contract against the adapter `start` makes on empty state for each test. */
export function feedStoreContract(adapter: string, start: Start<CalendarFeedStore>): void {
  describe(`${adapter}: feed store contract`, () => {
    const store = freshPerTest(start);
    writeContract(store);
    listContract(store);
    dueContract(store);
  });
}

function writeContract(store: () => CalendarFeedStore): void {
  describe('R10.1 versioned feed writes', () => {
    it('stores a feed with every field, its URL as given, and reads it back', async () => {
      const s = store();
      await s.createFeed(feed('h1', 'c1'));

      expect(await s.getFeed('h1', 'c1')).toEqual(feed('h1', 'c1'));
      expect((await s.getFeed('h1', 'c1'))?.url).toBe(feed('h1', 'c1').url);
      expect(await s.getFeed('h1', 'c2')).toBeUndefined();
    });

    it('refuses to create a feed twice, keeping the first', async () => {
      const s = store();
      await s.createFeed(feed('h1', 'c1', { channel: 'vrbo' }));

      const again = s.createFeed(feed('h1', 'c1', { channel: 'booking' }));

      await expect(again).rejects.toBeInstanceOf(ConflictError);
      await expect(again).rejects.toMatchObject({ code: 'conflict' });
      expect((await s.getFeed('h1', 'c1'))?.channel).toBe('vrbo');
    });

    it('lets exactly one of two concurrent creations win', async () => {
      const s = store();
      const creators = (['vrbo', 'booking'] as const).map((channel) => feed('h1', 'c1', { channel }));

      const { winner, rejections } = await exactlyOneWins(creators.map((c) => () => s.createFeed(c)));

      expect(rejections[0]).toBeInstanceOf(ConflictError);
      expect(await s.getFeed('h1', 'c1')).toEqual(creators[winner]);
    });

    it('saves from the version read and refuses a stale save, keeping the stored feed', async () => {
      const s = store();
      await s.createFeed(feed('h1', 'c1'));
      const second = reread(feed('h1', 'c1'), day(3));
      await s.saveFeed(second, 1);

      const stale = s.saveFeed({ ...reread(feed('h1', 'c1'), day(4)), channel: 'other' }, 1);

      await expect(stale).rejects.toBeInstanceOf(StaleWriteError);
      await expect(stale).rejects.toMatchObject({ code: 'stale_write' });
      expect(await s.getFeed('h1', 'c1')).toEqual(second);
    });

    it('goes to exactly one of many parallel savers from the same version', async () => {
      const s = store();
      await s.createFeed(feed('h1', 'c1'));
      const savers = Array.from({ length: 12 }, (_, n) => reread(feed('h1', 'c1'), day(3, n)));

      const { winner, rejections } = await exactlyOneWins(savers.map((f) => () => s.saveFeed(f, 1)));

      expect(rejections).toHaveLength(11);
      for (const rejection of rejections) expect(rejection).toBeInstanceOf(StaleWriteError);
      expect(await s.getFeed('h1', 'c1')).toEqual(savers[winner]);
    });

    it('never creates a feed through a save, nor brings a deleted one back', async () => {
      const s = store();
      await s.createFeed(feed('h1', 'c1'));
      await s.deleteFeed('h1', 'c1');

      await expect(s.saveFeed(reread(feed('h1', 'c1'), day(3)), 1)).rejects.toBeInstanceOf(StaleWriteError);
      await expect(s.saveFeed(reread(feed('h1', 'c2'), day(3)), 1)).rejects.toBeInstanceOf(StaleWriteError);
      expect(await s.getFeed('h1', 'c1')).toBeUndefined();
      expect(await s.getFeed('h1', 'c2')).toBeUndefined();
    });

    it('R10.7 names no URL in a refused write', async () => {
      const s = store();
      await s.createFeed(feed('h1', 'c1'));

      const created = await s.createFeed(feed('h1', 'c1')).catch((e: unknown) => e);
      const saved = await s.saveFeed(reread(feed('h1', 'c1'), day(3)), 7).catch((e: unknown) => e);

      expect(created).toBeInstanceOf(ConflictError);
      expect(saved).toBeInstanceOf(StaleWriteError);
      expect(`${String(created)} ${String(saved)}`).not.toContain('secret-c1');
    });

    it('deletes a feed idempotently, from every listing, leaving the others', async () => {
      const s = store();
      await s.createFeed(feed('h1', 'c1'));
      await s.createFeed(feed('h1', 'c2'));

      await s.deleteFeed('h1', 'c1');
      await s.deleteFeed('h1', 'c1');
      await s.deleteFeed('h1', 'never-was');

      expect(await s.getFeed('h1', 'c1')).toBeUndefined();
      expect(ids(await s.listFeeds('h1', 'p1'))).toEqual(['c2']);
      expect(ids(await s.listDueFeeds(feedShard('h1', 'c1'), day(30), 10))).not.toContain('c1');
      expect(await s.getFeed('h1', 'c2')).toEqual(feed('h1', 'c2'));
    });
  });
}

function listContract(store: () => CalendarFeedStore): void {
  describe('R10.1 a property’s feeds', () => {
    it('lists the property’s feeds by calendar id, and no other property’s', async () => {
      const s = store();
      for (const id of ['c-b', 'c-c', 'c-a', 'c-B', 'c-10', 'c-9'])
        await s.createFeed(feed('h1', id, { channel: 'other' }));
      await s.createFeed(feed('h1', 'c-0', { propertyId: 'p2' }));

      const listed = await s.listFeeds('h1', 'p1');

      // DynamoDB's order: by the ids' bytes, so upper case first and '10' before '9'.
      expect(ids(listed)).toEqual(['c-10', 'c-9', 'c-B', 'c-a', 'c-b', 'c-c']);
      expect(listed[0]).toEqual(feed('h1', 'c-10', { channel: 'other' }));
      expect(ids(await s.listFeeds('h1', 'p2'))).toEqual(['c-0']);
      expect(await s.listFeeds('h1', 'p3')).toEqual([]);
    });

    it('lists a feed under its new state after a save', async () => {
      const s = store();
      await s.createFeed(feed('h1', 'c1'));
      const saved = reread(feed('h1', 'c1'), day(3));

      await s.saveFeed(saved, 1);

      expect(await s.listFeeds('h1', 'p1')).toEqual([saved]);
    });
  });

  describe('R9.3 a host’s own feeds only', () => {
    it("never returns or deletes host A's feeds through host B's keys, even when B's id prefixes A's", async () => {
      const s = store();
      await s.createFeed(feed('host-10', 'c1'));
      await s.createFeed(feed('host-1', 'c2'));

      expect(await s.getFeed('host-1', 'c1')).toBeUndefined();
      expect(ids(await s.listFeeds('host-1', 'p1'))).toEqual(['c2']);
      await s.deleteFeed('host-1', 'c1');
      await expect(s.saveFeed(reread(feed('host-1', 'c1'), day(3)), 1)).rejects.toBeInstanceOf(
        StaleWriteError,
      );
      expect(await s.getFeed('host-10', 'c1')).toEqual(feed('host-10', 'c1'));
    });

    it('keeps two hosts’ feeds of the same calendar id apart', async () => {
      const s = store();
      await s.createFeed(feed('h1', 'c1', { channel: 'vrbo' }));

      await s.createFeed(feed('h2', 'c1', { channel: 'booking' }));

      expect((await s.getFeed('h1', 'c1'))?.channel).toBe('vrbo');
      expect((await s.getFeed('h2', 'c1'))?.channel).toBe('booking');
      expect(ids(await s.listFeeds('h2', 'p1'))).toEqual(['c1']);
    });
  });
}

function dueContract(store: () => CalendarFeedStore): void {
  describe('R10.1 the feeds due in a shard', () => {
    const shard = 5;
    const [a, b, c, d] = idsInShard('h1', shard, 4) as [string, string, string, string];
    const [ofH2] = idsInShard('h2', shard, 1) as [string];
    const elsewhere = idOutsideShard('h1', shard);

    it('lists only the shard’s feeds due by the instant, its own included, earliest first', async () => {
      const s = store();
      await s.createFeed(feed('h1', a, { nextReadAt: day(3, 9) }));
      await s.createFeed(feed('h1', b, { nextReadAt: day(3, 7) }));
      await s.createFeed(feed('h2', ofH2, { nextReadAt: day(3, 8) }));
      await s.createFeed(feed('h1', c, { nextReadAt: day(3, 10) }));
      await s.createFeed(feed('h1', d, { nextReadAt: day(3, 10) + 1 }));
      await s.createFeed(feed('h1', elsewhere, { nextReadAt: day(3, 1) }));

      const due = await s.listDueFeeds(shard, day(3, 10), 10);

      expect(due.map((f) => [f.hostId, f.calendarId])).toEqual([
        ['h1', b],
        ['h2', ofH2],
        ['h1', a],
        ['h1', c],
      ]);
      expect(due[0]).toEqual(feed('h1', b, { nextReadAt: day(3, 7) }));
      expect(await s.listDueFeeds(shard, day(3, 6), 10)).toEqual([]);
    });

    it('honours the limit, keeping the earliest', async () => {
      const s = store();
      const times = [day(3, 4), day(3, 2), day(3, 3), day(3, 1)];
      for (const [i, id] of [a, b, c, d].entries())
        await s.createFeed(feed('h1', id, { nextReadAt: times[i] }));

      expect(ids(await s.listDueFeeds(shard, day(4), 3))).toEqual([d, b, c]);
      expect(ids(await s.listDueFeeds(shard, day(4), 1))).toEqual([d]);
      expect(ids(await s.listDueFeeds(shard, day(4), 4))).toEqual([d, b, c, a]);
      await expect(s.listDueFeeds(shard, day(4), 0)).rejects.toBeInstanceOf(RangeError);
    });

    it('moves a feed when a save sets its nextReadAt later, or earlier', async () => {
      const s = store();
      await s.createFeed(feed('h1', a, { nextReadAt: day(3, 1) }));
      await s.createFeed(feed('h1', b, { nextReadAt: day(3, 2) }));
      const read = reread(feed('h1', a, { nextReadAt: day(3, 1) }), day(3, 12));

      await s.saveFeed(read, 1);

      expect(ids(await s.listDueFeeds(shard, day(3, 11), 10))).toEqual([b]);
      expect(ids(await s.listDueFeeds(shard, day(3, 12), 10))).toEqual([b, a]);
      await s.saveFeed(reread(read, day(3, 0)), 2);
      expect(ids(await s.listDueFeeds(shard, day(3, 11), 10))).toEqual([a, b]);
      expect(await s.listDueFeeds(shard, day(3, 11), 1)).toEqual([reread(read, day(3, 0))]);
    });
  });
}
