import { describe, expect, it } from 'vitest';
import { mergePropertyStays } from '#core/calendars/merge-feeds.ts';
import { stay } from './diff-support.ts';

const airbnbStay = stay('a1@airbnb.com', '2026-07-10', '2026-07-14', { confirmationCode: 'HM8KQZ2WXR' });
/** Booking.com closing the same nights, synced from Airbnb. */
const bookingEcho = stay('b1@booking.com', '2026-07-10', '2026-07-14');
const uids = (merged: ReturnType<typeof mergePropertyStays>) =>
  merged.feeds.map((f) => f.stays.map((s) => s.uid));

describe('R10.6 one stay in two feeds of a property is one reservation', () => {
  it('drops a stay without guest details whose dates equal a detailed stay of another feed', () => {
    const merged = mergePropertyStays([
      { feedId: 'booking', stays: [bookingEcho] },
      { feedId: 'airbnb', stays: [airbnbStay] },
    ]);
    expect(uids(merged)).toEqual([[], ['a1@airbnb.com']]);
    expect(merged.mergedAway).toEqual([
      {
        feedId: 'booking',
        uid: 'b1@booking.com',
        keptBy: { feedId: 'airbnb', uid: 'a1@airbnb.com' },
        rule: 'same_dates',
      },
    ]);
  });

  it('keeps runs that only overlap: closed nights of two bookings can run together', () => {
    const longer = stay('b1@booking.com', '2026-07-10', '2026-07-16');
    expect(
      uids(
        mergePropertyStays([
          { feedId: 'b', stays: [longer] },
          { feedId: 'a', stays: [airbnbStay] },
        ]),
      ),
    ).toEqual([['b1@booking.com'], ['a1@airbnb.com']]);
  });

  it('keeps two detailed stays with the same dates in two feeds: a double booking the host must see', () => {
    const vrboStay = stay('v1', '2026-07-10', '2026-07-14', { guestName: 'Ines Marlow' });
    const merged = mergePropertyStays([
      { feedId: 'a', stays: [airbnbStay] },
      { feedId: 'v', stays: [vrboStay] },
    ]);
    expect(merged.mergedAway).toEqual([]);
  });

  it('keeps one of two anonymous stays with the same dates, in the feed whose id sorts first', () => {
    const other = stay('o1', '2026-07-10', '2026-07-14');
    const merged = mergePropertyStays([
      { feedId: 'z-booking', stays: [bookingEcho] },
      { feedId: 'a-other', stays: [other] },
    ]);
    expect(uids(merged)).toEqual([[], ['o1']]);
  });

  it('takes the same UID in two feeds as one stay, kept by the feed that tells more, then by feed id', () => {
    const bare = stay('same-uid', '2026-07-10', '2026-07-14');
    const named = stay('same-uid', '2026-07-10', '2026-07-14', { guestName: 'Ines Marlow' });
    expect(
      uids(
        mergePropertyStays([
          { feedId: 'a', stays: [bare] },
          { feedId: 'b', stays: [named] },
        ]),
      ),
    ).toEqual([[], ['same-uid']]);
    const merged = mergePropertyStays([
      { feedId: 'b', stays: [bare] },
      { feedId: 'a', stays: [{ ...bare }] },
    ]);
    expect(uids(merged)).toEqual([[], ['same-uid']]);
    expect(merged.mergedAway[0]).toMatchObject({ feedId: 'b', rule: 'same_uid' });
  });

  it('never merges stays within one feed', () => {
    const twin = stay('b2@booking.com', '2026-07-10', '2026-07-14');
    expect(uids(mergePropertyStays([{ feedId: 'b', stays: [bookingEcho, twin] }]))).toEqual([
      ['b1@booking.com', 'b2@booking.com'],
    ]);
  });
});
