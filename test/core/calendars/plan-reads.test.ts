import { describe, expect, it } from 'vitest';
import { emptyFeedState, type FeedState } from '#core/calendars/feed-state.ts';
import {
  type FeedPlan,
  type FeedToRead,
  planPropertyReads,
  readFeedBody,
} from '#core/calendars/plan-reads.ts';
import type { FeedChannel } from '#core/calendars/types.ts';
import { at, type FixtureName, fixture, fixtureText } from './fixtures.ts';

const SETTINGS = { timeZone: 'America/New_York' };
const NOW = at('2026-05-01T12:00:00Z');
const body = (text: string) => ({ ok: true as const, body: text, byteLength: Buffer.byteLength(text) });
const feedOf = (
  feedId: string,
  channel: FeedChannel,
  fetched: FeedToRead['fetched'],
  state = emptyFeedState(),
) => ({
  feedId,
  channel,
  state,
  fetched,
});
const fromFixture = (name: FixtureName) => ({ ok: true as const, ...fixture(name) });
const plan = (feeds: FeedToRead[], now = NOW) =>
  planPropertyReads({ propertyId: 'prop-1', settings: SETTINGS, feeds, now });
const uids = (p: FeedPlan | undefined) => p?.commands.map((c) => `${c.kind} ${c.uid}`);
const stateOf = (p: FeedPlan | undefined): FeedState => p?.state ?? emptyFeedState();

describe('R10.2 a property’s feeds read end to end', () => {
  it('turns the Airbnb export’s stays into reservations and leaves its blocks out', () => {
    const [airbnb] = plan([feedOf('airbnb', 'airbnb', fromFixture('airbnb-2022.ics'))]);
    expect(airbnb).toMatchObject({ outcome: 'read', counts: { added: 2, ignored: 2 }, suspicious: false });
    expect(airbnb?.commands[0]).toMatchObject({
      kind: 'accept',
      reservation: {
        channel: 'airbnb',
        confirmationCode: 'HM8KQZ2WXR',
        guest: { name: '', phone: '4417' },
        checkIn: '2026-07-10T16:00',
        checkOut: '2026-07-14T11:00',
      },
    });
  });

  it('reads every fixture of every channel without a problem (the March Airbnb stays are over by May)', () => {
    const names: [FixtureName, FeedChannel][] = [
      ['airbnb-2025.ics', 'airbnb'],
      ['vrbo.ics', 'vrbo'],
      ['abritel.ics', 'vrbo'],
      ['booking.ics', 'booking'],
      ['pms-icloud.ics', 'other'],
      ['outlook-windows-zone.ics', 'other'],
    ];
    const plans = plan(names.map(([name, channel], i) => feedOf(`f${i}`, channel, fromFixture(name))));
    expect(plans.map((p) => (p.outcome === 'read' ? p.counts.added : p.outcome))).toEqual([2, 3, 1, 3, 3, 2]);
  });

  it('says when the PRODID names another channel than the host chose', () => {
    const [read] = plan([feedOf('f', 'vrbo', fromFixture('airbnb-2025.ics'))]);
    expect(read).toMatchObject({ outcome: 'read', channelMismatch: 'airbnb' });
  });
});

describe('R10.4 a failed read changes nothing', () => {
  const known = plan([feedOf('airbnb', 'airbnb', fromFixture('airbnb-2022.ics'))])[0];

  it.each([
    ['an HTTP error', { ok: false as const, error: 'HTTP 503' }],
    ['a JSON error body', fromFixture('error-body.json')],
    ['an HTML page', fromFixture('error-body.html')],
    ['a body cut short', body(fixtureText('airbnb-2022.ics').slice(0, 300))],
    ['a body over 2 MB', { ok: true as const, body: '', byteLength: 3 * 1024 * 1024 }],
  ])('after %s, keeps the state and plans no command', (_, fetched) => {
    const [failed] = plan([feedOf('airbnb', 'airbnb', fetched, stateOf(known))], NOW + 60 * 60_000);
    expect(failed?.outcome).not.toBe('read');
    expect(failed?.commands).toEqual([]);
    expect(failed?.state).toBe(stateOf(known));
  });

  it('holds a stay whose VEVENT broke: a garbled DTSTART cancels nothing', () => {
    const text = fixtureText('airbnb-2022.ics').replace(
      'DTSTART;VALUE=DATE:20260710',
      'DTSTART;VALUE=DATE:2026-7-10',
    );
    const reads = [15, 60, 120].map(
      (m) => plan([feedOf('airbnb', 'airbnb', body(text), stateOf(known))], NOW + m * 60_000)[0],
    );
    expect(reads.flatMap((r) => r?.commands ?? [])).toEqual([]);
    expect(readFeedBody('airbnb', body(text), SETTINGS)).toMatchObject({
      heldUids: ['1418fb94e984-5be0c1d2a3f4e5d6c7b8a9f0e1d2c3b4@airbnb.com'],
    });
  });

  it('counts a header-only read with future stays known as suspicious, not as cancellations (R10.9)', () => {
    const empty = fromFixture('airbnb-header-only.ics');
    const first = plan([feedOf('airbnb', 'airbnb', empty, stateOf(known))], NOW + 15 * 60_000)[0];
    const second = plan([feedOf('airbnb', 'airbnb', empty, stateOf(first))], NOW + 60 * 60_000)[0];
    expect([first, second].map((p) => p?.outcome === 'read' && p.suspicious)).toEqual([true, true]);
    expect(second?.commands).toEqual([]);
  });
});

describe('R10.6 across the feeds of one property', () => {
  const bookingEcho = fixtureText('booking.ics').replace(
    'DTEND;VALUE=DATE:20260713',
    'DTEND;VALUE=DATE:20260714',
  );

  it('makes one reservation of an Airbnb stay that Booking.com shows as closed nights', () => {
    const [booking, airbnb] = plan([
      feedOf('booking', 'booking', body(bookingEcho)),
      feedOf('airbnb', 'airbnb', fromFixture('airbnb-2022.ics')),
    ]);
    expect(uids(airbnb)).toContain('accept 1418fb94e984-5be0c1d2a3f4e5d6c7b8a9f0e1d2c3b4@airbnb.com');
    expect(uids(booking)).toEqual([
      'accept 6d2f8a41c9e07b35d1a4f6082c9e3b57@booking.com',
      'accept b3e94c07a2d8f1650e7c4b39a81d2f6e@booking.com',
    ]);
    expect(booking).toMatchObject({ mergedAway: [{ uid: '2f7a0c5e9b14d8636a0e2f5c7b9d1e48@booking.com' }] });
  });

  it('still merges while the Airbnb feed fails, from the stays its last good read listed', () => {
    const first = plan([feedOf('airbnb', 'airbnb', fromFixture('airbnb-2022.ics'))])[0];
    const [booking] = plan([
      feedOf('booking', 'booking', body(bookingEcho)),
      feedOf('airbnb', 'airbnb', { ok: false, error: 'timeout' }, stateOf(first)),
    ]);
    expect(uids(booking)).not.toContain('accept 2f7a0c5e9b14d8636a0e2f5c7b9d1e48@booking.com');
  });

  it('cancels the copy a feed made before its twin feed was added, once two reads lack it', () => {
    const before = plan([feedOf('booking', 'booking', body(bookingEcho))])[0];
    const both = (state: FeedState, minutes: number) =>
      plan(
        [
          feedOf('booking', 'booking', body(bookingEcho), state),
          feedOf('airbnb', 'airbnb', fromFixture('airbnb-2022.ics')),
        ],
        NOW + minutes * 60_000,
      )[0];
    const once = both(stateOf(before), 15);
    expect(uids(once)).toEqual([]);
    expect(uids(both(stateOf(once), 45))).toEqual(['cancel 2f7a0c5e9b14d8636a0e2f5c7b9d1e48@booking.com']);
  });
});

describe('R10.4 a 304 answer to a conditional GET', () => {
  it('is the last good read again: a stay it lacked is cancelled at the second read 30 minutes on', () => {
    // Arrange: two stays listed, then a read without the second
    const text = fixtureText('vrbo.ics');
    const first = plan([feedOf('v', 'vrbo', body(text))], at('2026-05-01T12:00:00Z'));
    const without = text.replace(/BEGIN:VEVENT\r?\nUID:0e1d2c3b[\s\S]*?END:VEVENT\r?\n/, '');
    const second = plan([feedOf('v', 'vrbo', body(without), stateOf(first[0]))], at('2026-05-01T12:15:00Z'));
    // Act: the server answers 304 twice
    const unchanged = { ok: true as const, unchanged: true as const };
    const third = plan([feedOf('v', 'vrbo', unchanged, stateOf(second[0]))], at('2026-05-01T12:30:00Z'));
    const fourth = plan([feedOf('v', 'vrbo', unchanged, stateOf(third[0]))], at('2026-05-01T12:45:00Z'));
    // Assert
    expect(uids(third[0])).toEqual([]);
    expect(third[0]).toMatchObject({ outcome: 'read', counts: { cancelled: 0 } });
    expect(uids(fourth[0])).toEqual(['cancel 0e1d2c3b-4a59-4687-a7b6-c5d4e3f2a1b0']);
  });
});
