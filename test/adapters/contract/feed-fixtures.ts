import { feedShard } from '#adapters/common/store-keys.ts';
import type { CalendarFeed } from '#core/calendars/feed.ts';
import { day } from './fixtures.ts';

// Calendar feeds for the feed store contract (R10), with every field set, non-ASCII text included.

export function feed(hostId: string, calendarId: string, more: Partial<CalendarFeed> = {}): CalendarFeed {
  return {
    hostId,
    propertyId: 'p1',
    calendarId,
    channel: 'airbnb',
    url: `https://www.airbnb.com/calendar/ical/4711.ics?s=secret-${calendarId}`,
    createdAt: day(1),
    nextReadAt: day(2),
    validators: { etag: 'W/"feed-1"', lastModified: 'Wed, 01 Jul 2026 00:00:00 GMT' },
    health: {
      reads: 3,
      failedReads: 1,
      lastReadAt: day(1, 12),
      staysSeen: 1,
      lastError: { at: day(1, 11), problem: 'timeout' },
    },
    state: {
      lastGoodReadAt: day(1, 12),
      stays: [
        {
          uid: `uid-${calendarId}@airbnb.com`,
          reservationId: `ical-${calendarId}`,
          stay: {
            uid: `uid-${calendarId}@airbnb.com`,
            checkIn: '2026-07-10T16:00',
            checkOut: '2026-07-12T11:00',
            checkInAt: day(10, 14),
            checkOutAt: day(12, 9),
            startDate: '2026-07-10',
            endDate: '2026-07-12',
            guestName: 'Zoë Ångström',
            confirmationCode: 'HMABC123',
            phoneLast4: '4242',
          },
          missingFrom: [],
        },
      ],
      cancelled: [{ uid: 'gone@airbnb.com', generation: 1, checkOutAt: day(20) }],
    },
    version: 1,
    ...more,
  };
}

const candidates = Array.from({ length: 1000 }, (_, i) => `cal-${String(i).padStart(3, '0')}`);

/** `count` calendar ids of `hostId` that fall in `shard`, in id order. */
export function idsInShard(hostId: string, shard: number, count: number): string[] {
  const ids = candidates.filter((id) => feedShard(hostId, id) === shard).slice(0, count);
  if (ids.length < count) throw new Error(`fewer than ${count} ids in shard ${shard}`);
  return ids;
}

/** A calendar id of `hostId` outside `shard`. */
export function idOutsideShard(hostId: string, shard: number): string {
  const id = candidates.find((c) => feedShard(hostId, c) !== shard);
  if (id === undefined) throw new Error(`every id is in shard ${shard}`);
  return id;
}

/** The feed saved from `stored` as a read would: its version bumped, `nextReadAt` moved. */
export const reread = (stored: CalendarFeed, nextReadAt: number): CalendarFeed => ({
  ...stored,
  nextReadAt,
  health: { ...stored.health, reads: stored.health.reads + 1 },
  version: stored.version + 1,
});
