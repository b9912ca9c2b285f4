import type { Stay } from './types.ts';

// R10.6: one stay that shows up in several feeds of a property is one reservation. Channel sync
// copies each channel's bookings into the others as closed dates, and a feed may be added twice.
//
// The rule:
// - Blocks are never reservations, so a block in one feed beside a stay in another changes nothing.
// - The same UID in several feeds is one stay: the feed that tells most about it keeps it (a guest
//   name or a confirmation code from the feed), then the feed whose id sorts first.
// - A stay with nothing about its guest (Booking.com's `CLOSED - Not available` runs, which also
//   hold the nights Booking.com closed for another channel's booking) is the copy of a stay from
//   another feed with the very same dates, and gives way to it. Two such copies with the same dates
//   are one, kept by the feed whose id sorts first. Runs that only overlap are kept: closed nights
//   of two bookings can run together, and nothing tells them apart.

export interface FeedStays {
  feedId: string;
  stays: Stay[];
}

/** A stay left out because another feed's stay is the same one. */
export interface MergedAway {
  feedId: string;
  uid: string;
  keptBy: { feedId: string; uid: string };
  rule: 'same_uid' | 'same_dates';
}

export interface MergedStays {
  feeds: FeedStays[];
  mergedAway: MergedAway[];
}

/** The stay tells who the guest is, or which booking it is. */
export const hasDetails = (stay: Stay): boolean =>
  stay.guestName !== '' || stay.confirmationCode !== undefined;

interface Entry {
  feedId: string;
  stay: Stay;
}

/** Most detailed first, then by feed id: the order in which copies give way. */
const rank = (a: Entry, b: Entry): number =>
  Number(hasDetails(b.stay)) - Number(hasDetails(a.stay)) ||
  (a.feedId < b.feedId ? -1 : a.feedId > b.feedId ? 1 : 0);

function groupBy(entries: readonly Entry[], key: (e: Entry) => string): Entry[][] {
  const groups = new Map<string, Entry[]>();
  for (const e of entries) {
    const group = groups.get(key(e));
    if (group) group.push(e);
    else groups.set(key(e), [e]);
  }
  return [...groups.values()];
}

/** Within each group across feeds, the entries that give way to the group's first by rank. */
function givingWay(groups: readonly Entry[][], yields: (e: Entry, kept: Entry) => boolean): [Entry, Entry][] {
  const pairs: [Entry, Entry][] = [];
  for (const group of groups) {
    const [kept, ...others] = [...group].sort(rank);
    if (!kept) continue;
    for (const other of others)
      if (other.feedId !== kept.feedId && yields(other, kept)) pairs.push([other, kept]);
  }
  return pairs;
}

/** Each feed's stays with the copies of other feeds' stays taken out, and what was taken out. */
export function mergePropertyStays(feeds: readonly FeedStays[]): MergedStays {
  const all = feeds.flatMap((f) => f.stays.map((stay) => ({ feedId: f.feedId, stay })));
  const sameUid = givingWay(
    groupBy(all, (e) => e.stay.uid),
    () => true,
  );
  const away = new Set(sameUid.map(([e]) => e));
  const sameDates = givingWay(
    groupBy(
      all.filter((e) => !away.has(e)),
      (e) => `${e.stay.startDate}/${e.stay.endDate}`,
    ),
    (e) => !hasDetails(e.stay),
  );
  const mergedAway: MergedAway[] = [];
  for (const [rule, pairs] of [
    ['same_uid', sameUid],
    ['same_dates', sameDates],
  ] as const) {
    for (const [e, kept] of pairs) {
      away.add(e);
      mergedAway.push({
        feedId: e.feedId,
        uid: e.stay.uid,
        keptBy: { feedId: kept.feedId, uid: kept.stay.uid },
        rule,
      });
    }
  }
  const awayStays = new Set([...away].map((e) => e.stay));
  return {
    feeds: feeds.map((f) => ({ feedId: f.feedId, stays: f.stays.filter((stay) => !awayStays.has(stay)) })),
    mergedAway,
  };
}
