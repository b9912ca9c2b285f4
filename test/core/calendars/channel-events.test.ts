import { describe, expect, it } from 'vitest';
import { channelOfProdId, interpretEvent, reservationDetails } from '#core/calendars/channel-events.ts';
import { type GoodFeed, parseFeed } from '#core/calendars/parse-feed.ts';
import type { ChannelEvent, FeedChannel, FeedEvent } from '#core/calendars/types.ts';
import { type FixtureName, fixture } from './fixtures.ts';

const goodFeed = (name: FixtureName): GoodFeed => {
  const { body, byteLength } = fixture(name);
  const feed = parseFeed(body, byteLength);
  if (!feed.ok) throw new Error(feed.problem.problem);
  return feed;
};
const read = (name: FixtureName, channel: FeedChannel) =>
  goodFeed(name).events.map((e) => interpretEvent(channel, e));
/** What each event became, without its times: `stay:<guest>` or `block`. */
const meaning = (e: ChannelEvent) => (e.kind === 'stay' ? `stay:${e.guestName}` : 'block');
const event = (summary: string, description = ''): FeedEvent => ({
  uid: 'u',
  start: { kind: 'date', date: '2026-09-01' },
  end: { kind: 'date', date: '2026-09-03' },
  summary,
  description,
});

describe('R10.2, R10.3 Airbnb', () => {
  it('takes "Reserved" as a stay with the code and phone digits of its DESCRIPTION, "Not available" as a block', () => {
    const events = read('airbnb-2022.ics', 'airbnb');
    expect(events.map(meaning)).toEqual(['stay:', 'stay:', 'block', 'block']);
    expect(events[0]).toMatchObject({ confirmationCode: 'HM8KQZ2WXR', phoneLast4: '4417', guestName: '' });
    expect(read('airbnb-2025.ics', 'airbnb')[3]).toMatchObject({
      confirmationCode: 'HMQ2YH6FMB',
      phoneLast4: '0087',
    });
  });

  it('reads the code from the older itinerary URL, whose code is a query parameter', () => {
    const description =
      'Reservation URL: https://www.airbnb.com/reservation/itinerary?code=HMN4K28J99\nPhone Number (Last 4 Digits): 4235';
    expect(reservationDetails(description)).toEqual({ confirmationCode: 'HMN4K28J99', phoneLast4: '4235' });
  });

  it('reads regional Airbnb domains, and nothing from other hosts or malformed codes', () => {
    expect(
      reservationDetails('Reservation URL: https://www.airbnb.co.uk/hosting/reservations/details/HMAB12CD34'),
    ).toEqual({ confirmationCode: 'HMAB12CD34' });
    expect(
      reservationDetails('Reservation URL: https://example.test/hosting/reservations/details/HMAB12CD34'),
    ).toEqual({});
    expect(
      reservationDetails('Reservation URL: https://www.airbnb.com/hosting/reservations/details/HM-1'),
    ).toEqual({});
    expect(reservationDetails('Phone Number (Last 4 Digits): 12')).toEqual({});
  });

  it('reads a long DESCRIPTION in time proportional to its length', () => {
    const long = `${'https://a'.repeat(100_000)} Reservation URL: https://www.airbnb.com/hosting/reservations/details/HMAB12CD34`;
    const started = performance.now();
    expect(reservationDetails(long)).toEqual({ confirmationCode: 'HMAB12CD34' });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('takes an unknown summary without a reservation URL as a block, not as a stay to make codes for', () => {
    expect(interpretEvent('airbnb', event('Owner stay'))).toEqual({ kind: 'block', uid: 'u' });
    expect(interpretEvent('airbnb', event('Airbnb (Not available)'))).toEqual({ kind: 'block', uid: 'u' });
  });
});

describe('R10.2 Vrbo', () => {
  it('takes "Reserved - <name>" and "Reserved" as stays, "Blocked" as a block', () => {
    expect(read('vrbo.ics', 'vrbo').map(meaning)).toEqual([
      'stay:Ines Marlow',
      'block',
      'stay:Tomasz Weir',
      'stay:',
    ]);
  });

  it('reads the French words of Abritel; a tentative hold is no stay yet', () => {
    expect(read('abritel.ics', 'vrbo').map(meaning)).toEqual(['stay:Odile Brun', 'block', 'block']);
  });

  it('ignores a word that only starts like "Reserved"', () => {
    expect(interpretEvent('vrbo', event('Reservedly blocked')).kind).toBe('block');
  });
});

describe('R10.2, R10.9 Booking.com', () => {
  it('takes every run of closed nights as a stay with no guest details', () => {
    const events = read('booking.ics', 'booking');
    expect(events.map(meaning)).toEqual(['stay:', 'stay:', 'stay:']);
    expect(events[0]).toEqual({
      kind: 'stay',
      uid: '6d2f8a41c9e07b35d1a4f6082c9e3b57@booking.com',
      start: { kind: 'date', date: '2026-05-16' },
      end: { kind: 'date', date: '2026-05-18' },
      guestName: '',
    });
  });

  it('keeps a guest name where an older export put one after CLOSED', () => {
    expect(meaning(interpretEvent('booking', event('CLOSED - Wanjiru Kamau')))).toBe('stay:Wanjiru Kamau');
  });
});

describe('R10.2 other (PMS exports)', () => {
  it('takes the title as the guest name, strips a leading booking word, and leaves holds and markers out', () => {
    expect(read('pms-icloud.ics', 'other').map(meaning)).toEqual([
      'stay:Amara Osei',
      'stay:Jonas Ekberg',
      'stay:Priya Raman',
      'block',
      'block',
    ]);
  });

  it.each([
    ['Not available', 'block'],
    ['CLOSED', 'block'],
    ['Blocked', 'block'],
    ['Checkout cleaning', 'block'],
    ['Reservation', 'stay:'],
    ['Booking: Léa Dubois', 'stay:Léa Dubois'],
    ['Nicht verfügbar', 'block'],
  ])('reads %j as %s', (summary, expected) => {
    expect(meaning(interpretEvent('other', event(summary)))).toBe(expected);
  });

  it('uses an Airbnb code when a PMS passes Airbnb’s DESCRIPTION on', () => {
    const stay = interpretEvent(
      'other',
      event(
        'Mia Svensson',
        'Reservation URL: https://www.airbnb.com/hosting/reservations/details/HMQQ7Z3K2D',
      ),
    );
    expect(stay).toMatchObject({ guestName: 'Mia Svensson', confirmationCode: 'HMQQ7Z3K2D' });
  });
});

describe('PRODID', () => {
  it.each([
    ['airbnb-2022.ics', 'airbnb'],
    ['vrbo.ics', 'vrbo'],
    ['booking.ics', 'booking'],
    ['pms-icloud.ics', 'other'],
  ] as const)('names the channel of %s', (name, channel) => {
    expect(channelOfProdId(goodFeed(name).prodId)).toBe(channel);
  });

  it('names none when the feed has no PRODID', () => {
    expect(channelOfProdId(undefined)).toBeUndefined();
  });
});
