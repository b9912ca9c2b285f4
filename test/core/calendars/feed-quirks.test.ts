import { describe, expect, it } from 'vitest';
import type { FeedCommand } from '#core/calendars/diff-reads.ts';
import { feedReservationId } from '#core/calendars/feed-state.ts';
import { feedOf, MINUTE, readOf, stay, summary } from './diff-support.ts';
import { at } from './fixtures.ts';

const NOW = at('2026-06-01T12:00:00Z');

describe('R10.9 Vrbo gives a stay a fresh UID when its dates change', () => {
  const before = stay('vrbo-old', '2026-07-10', '2026-07-14', { guestName: 'Ines Marlow' });

  it('takes a vanished UID and a new one with overlapping dates and the same guest as one changed stay', () => {
    const feed = feedOf('vrbo');
    feed.read(readOf([before]), NOW);
    const after = stay('vrbo-new', '2026-07-12', '2026-07-16', { guestName: 'ines marlow' });
    const result = feed.read(readOf([after]), NOW + 15 * MINUTE);
    expect(result.commands).toEqual([
      {
        kind: 'modify',
        uid: 'vrbo-new',
        reservation: expect.objectContaining({
          reservationId: feedReservationId('feed-1', 'vrbo-old'),
          checkIn: '2026-07-12T16:00',
          checkOut: '2026-07-16T11:00',
        }),
      },
    ]);
    expect(result.counts).toEqual({ added: 0, changed: 1, cancelled: 0, unchanged: 0, ignored: 0 });
    expect(feed.state.stays.map((k) => [k.uid, k.reservationId])).toEqual([
      ['vrbo-new', feedReservationId('feed-1', 'vrbo-old')],
    ]);
    expect(summary(feed.read(readOf([after]), NOW + 60 * MINUTE))).toEqual([]);
  });

  it('keeps the confirmation code it made, since the code follows the reservation', () => {
    const feed = feedOf('vrbo');
    const code = (c: FeedCommand | undefined) => c?.reservation.confirmationCode;
    const accepted = code(feed.read(readOf([before]), NOW).commands[0]);
    const moved = stay('vrbo-new', '2026-07-11', '2026-07-14', { guestName: 'Ines Marlow' });
    expect(code(feed.read(readOf([moved]), NOW + MINUTE).commands[0])).toBe(accepted);
    expect(accepted).toMatch(/^[0-9A-F]{8}$/);
  });

  it.each([
    ['another guest', stay('vrbo-new', '2026-07-12', '2026-07-16', { guestName: 'Tomasz Weir' })],
    ['dates that do not overlap', stay('vrbo-new', '2026-07-20', '2026-07-22', { guestName: 'Ines Marlow' })],
    ['no guest name to compare', stay('vrbo-new', '2026-07-12', '2026-07-16')],
  ])('takes %s as a new booking, and the vanished UID as missing', (_, fresh) => {
    const feed = feedOf('vrbo');
    feed.read(readOf([before]), NOW);
    expect(summary(feed.read(readOf([fresh]), NOW + 15 * MINUTE))).toEqual(['accept vrbo-new']);
  });

  it('pairs each vanished stay with one new UID only, the longest overlap first', () => {
    const feed = feedOf('vrbo');
    feed.read(readOf([before]), NOW);
    const short = stay('vrbo-a', '2026-07-13', '2026-07-15', { guestName: 'Ines Marlow' });
    const long = stay('vrbo-b', '2026-07-10', '2026-07-13', { guestName: 'Ines Marlow' });
    expect(summary(feed.read(readOf([short, long]), NOW + MINUTE))).toEqual([
      'modify vrbo-b',
      'accept vrbo-a',
    ]);
  });

  it('applies to Vrbo feeds only', () => {
    const feed = feedOf('airbnb');
    feed.read(readOf([before]), NOW);
    const after = stay('vrbo-new', '2026-07-12', '2026-07-16', { guestName: 'Ines Marlow' });
    expect(summary(feed.read(readOf([after]), NOW + MINUTE))).toEqual(['accept vrbo-new']);
  });
});

describe('R10.9 Booking.com re-issues the run in progress each day, from that day, under a fresh UID', () => {
  const run = stay('bdc-1@booking.com', '2026-06-10', '2026-06-15');

  it('keeps the stay as it was: no new booking, no cancellation, no later check-in', () => {
    const feed = feedOf('booking');
    feed.read(readOf([run]), at('2026-06-09T12:00:00Z'));
    const days = ['2026-06-11', '2026-06-12', '2026-06-13'];
    days.forEach((day, i) => {
      const reissued = stay(`bdc-${i + 2}@booking.com`, day, '2026-06-15');
      const result = feed.read(readOf([reissued]), at(`${day}T14:00:00Z`));
      expect(result.commands).toEqual([]);
      expect(result.counts).toEqual({ added: 0, changed: 0, cancelled: 0, unchanged: 1, ignored: 0 });
    });
    expect(feed.state.stays).toEqual([
      expect.objectContaining({
        uid: 'bdc-4@booking.com',
        reservationId: feedReservationId('feed-1', 'bdc-1@booking.com'),
        stay: expect.objectContaining({
          uid: 'bdc-4@booking.com',
          checkIn: '2026-06-10T16:00',
          startDate: '2026-06-10',
        }),
      }),
    ]);
  });

  it('accepts a day-ahead date, as Booking.com need not date its runs in the property’s zone', () => {
    const feed = feedOf('booking');
    feed.read(readOf([run]), at('2026-06-09T12:00:00Z'));
    const early = stay('bdc-2@booking.com', '2026-06-12', '2026-06-15');
    expect(feed.read(readOf([early]), at('2026-06-11T23:00:00Z')).commands).toEqual([]);
  });

  it.each([
    ['another last day', stay('bdc-2@booking.com', '2026-06-11', '2026-06-16')],
    ['a run starting days ahead', stay('bdc-2@booking.com', '2026-06-13', '2026-06-15')],
  ])('takes %s as a new booking', (_, fresh) => {
    const feed = feedOf('booking');
    feed.read(readOf([run]), at('2026-06-09T12:00:00Z'));
    expect(summary(feed.read(readOf([fresh]), at('2026-06-11T14:00:00Z')))).toEqual([
      'accept bdc-2@booking.com',
    ]);
  });
});
