import { createHash } from 'node:crypto';
import { DUE_SHARDS, FEED_SHARDS } from '#config/table-layout.ts';
import type { CalendarFeed } from '#core/calendars/feed.ts';
import { ValidationError } from '#core/errors.ts';
import type { Instant, Lock, LockProviderName, Reservation } from '#core/model.ts';
import type { DeviceRef } from '#ports/lock-store.ts';

/*
 * The keys Lockstep's items are stored and ordered by (aws/table.ts draws the table they make). Both
 * store adapters key their items with these, so the in-memory store lists in DynamoDB's order and the
 * `byDue` shards, index bounds and page cursors mean the same on both.
 */

export const keys = {
  host: (hostId: string) => `HOST#${hostId}`,
  property: (propertyId: string) => `PROPERTY#${propertyId}`,
  lock: (lockId: string) => `LOCK#${lockId}`,
  reservation: (reservationId: string) => `RES#${reservationId}`,
  device: (provider: LockProviderName, deviceId: string) => `DEVICE#${provider}#${deviceId}`,
  accessCode: (provider: LockProviderName, accessCodeId: string) => `ACCESSCODE#${provider}#${accessCodeId}`,
  propertyReservations: (hostId: string, propertyId: string) => `HOST#${hostId}#PROPERTY#${propertyId}`,
  lockConnection: (lockId: string) => `CONNECTION#${lockId}`,
  due: (day: string, shard: number) => `DUE#${day}#${String(shard).padStart(3, '0')}`,
  lockAccount: (provider: LockProviderName) => `ACCOUNT#${provider}`,
  poolCode: (lockId: string, poolCodeId: string) => `POOL#${lockId}#${poolCodeId}`,
  poolOfLock: (lockId: string) => `POOL#${lockId}#`,
  poolHealth: (lockId: string) => `POOLHEALTH#${lockId}`,
  feed: (calendarId: string) => `FEED#${calendarId}`,
  // Apart from the property's reservations, whose `byProperty` listing reads every key above a date.
  propertyFeeds: (hostId: string, propertyId: string) => `HOST#${hostId}#PROPERTY#${propertyId}#FEEDS`,
  feedDue: (shard: number) => `FEEDDUE#${String(shard).padStart(2, '0')}`,
  staff: (staffId: string) => `STAFF#${staffId}`,
} as const;

/** Sort-key prefixes of the entities listed per host. */
export const sortKeyPrefix = {
  lockAccount: 'ACCOUNT#',
  property: 'PROPERTY#',
  lock: 'LOCK#',
  reservation: 'RES#',
  staff: 'STAFF#',
} as const;

export const DEVICE_SORT_KEY = 'DEVICE';
export const ACCESS_CODE_SORT_KEY = 'ACCESSCODE';
export const CONTACT_SORT_KEY = 'CONTACT';

/** A number from two ids: the same on every machine and run, evenly spread. */
const stableHash = (hostId: string, id: string) =>
  createHash('sha256').update(`${hostId}\u0000${id}`).digest().readUInt32BE(0);

/** The `byDue` shard of a reservation: stable, evenly spread. */
export const dueShard = (hostId: string, reservationId: string): number =>
  stableHash(hostId, reservationId) % DUE_SHARDS;

/** The shard a feed is read in (R10.1): stable, evenly spread over FEED_SHARDS. */
export const feedShard = (hostId: string, calendarId: string): number =>
  stableHash(hostId, calendarId) % FEED_SHARDS;

/** The UTC dates a window [from, to] touches, as `byDue` partition days. */
export function dueDays(from: number, to: number): string[] {
  const days: string[] = [];
  for (let t = Date.parse(new Date(from).toISOString().slice(0, 10)); t <= to; t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

const iso = (at: Instant) => new Date(at).toISOString();

/** A reservation's keys in the two indexes; `byDue` only while it is accepted (sparse, R4.3). */
export function reservationIndexKeys(r: Reservation): {
  byProperty: { pk: string; sk: string };
  byDue?: { pk: string; sk: string } | undefined;
} {
  const activeFrom = iso(r.code.activeFrom);
  return {
    byProperty: {
      pk: keys.propertyReservations(r.hostId, r.propertyId),
      sk: `${iso(r.code.activeUntil)}#${r.reservationId}`,
    },
    byDue:
      r.status === 'accepted'
        ? {
            pk: keys.due(activeFrom.slice(0, 10), dueShard(r.hostId, r.reservationId)),
            sk: `${activeFrom}#${r.hostId}#${r.reservationId}`,
          }
        : undefined,
  };
}

/** A feed's keys in the two indexes: its property's feeds by id, and its shard's feeds by `nextReadAt`. */
export function feedIndexKeys(feed: CalendarFeed): { byProperty: IndexKey; byDue: IndexKey } {
  return {
    byProperty: { pk: keys.propertyFeeds(feed.hostId, feed.propertyId), sk: keys.feed(feed.calendarId) },
    byDue: {
      pk: keys.feedDue(feedShard(feed.hostId, feed.calendarId)),
      sk: `${iso(feed.nextReadAt)}#${feed.hostId}#${feed.calendarId}`,
    },
  };
}

interface IndexKey {
  pk: string;
  sk: string;
}

// '~' sorts after every id character: appended to an instant it stands for "after every id at it".
/** Lowest `byProperty` sort key of windows ending at or after `at`. */
export const endingAtOrAfter = (at: Instant) => iso(at);
/** Lowest `byProperty` sort key of windows ending strictly after `at` (a window ending at `from` does not overlap). */
export const endingAfter = (at: Instant) => `${iso(at)}#~`;
/** `byDue` sort-key bounds of codes due in [from, to], both ends included. */
export const dueBetween = (from: Instant, to: Instant) => ({ from: iso(from), to: `${iso(to)}#~` });
/** Highest `byDue` sort key of feeds due at or before `at`. */
export const feedsDueBy = (at: Instant) => `${iso(at)}#~`;

const CURSOR_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#([A-Za-z0-9_.-]{1,64})$/;
const BAD_CURSOR = 'must be a cursor returned by a previous page';

/** A page cursor: the last `byProperty` sort key read, opaque to callers. */
export const encodeCursor = (sortKey: string) => Buffer.from(sortKey).toString('base64url');

/**
 * The `byProperty` sort key a cursor continues after. One that is no sort key, or lies before the
 * query's lowest key (a cursor of another query), is a ValidationError naming the field (R9.2).
 */
export function decodeCursor(cursor: string, lowest: string): string {
  const sortKey = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!CURSOR_KEY.test(sortKey) || sortKey < lowest) throw new ValidationError('cursor', BAD_CURSOR);
  return sortKey;
}

/** The device reference a lock is stored with, so provider webhooks find the lock's host (R9.3). */
export const deviceRefOf = (lock: Lock): DeviceRef => ({
  provider: lock.provider,
  deviceId: lock.deviceId,
  hostId: lock.hostId,
  lockId: lock.lockId,
});
