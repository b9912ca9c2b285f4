import { describe, expect, it } from 'vitest';
import { unfoldLines } from '#core/calendars/feed-lines.ts';
import {
  type GoodFeed,
  MAX_EVENT_CHARS,
  MAX_FEED_BYTES,
  MAX_FEED_EVENTS,
  parseFeed,
} from '#core/calendars/parse-feed.ts';
import { at, fixture, fixtureText } from './fixtures.ts';

const parsed = (text: string) => parseFeed(text, Buffer.byteLength(text));
const good = (text: string): GoodFeed => {
  const result = parsed(text);
  if (!result.ok) throw new Error(`expected a good feed, got ${result.problem.problem}`);
  return result;
};
const calendar = (...lines: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', ...lines, 'END:VCALENDAR'].join('\r\n');
const event = (uid: string, start = '20260901', end = '20260904') => [
  'BEGIN:VEVENT',
  `UID:${uid}`,
  `DTSTART;VALUE=DATE:${start}`,
  `DTEND;VALUE=DATE:${end}`,
  'SUMMARY:Reserved',
  'END:VEVENT',
];

describe('R10.4 parse: real export shapes', () => {
  it('reads the 2022 Airbnb shape: LF, a PRODID with a parameter, DTEND first, DESCRIPTION folded mid-URL', () => {
    expect(fixtureText('airbnb-2022.ics')).not.toContain('\r');
    const feed = good(fixtureText('airbnb-2022.ics'));
    expect(feed.prodId).toBe('-//Airbnb Inc//Hosting Calendar 0.8.8//EN');
    expect(feed.events).toHaveLength(4);
    expect(feed.events[0]).toEqual({
      uid: '1418fb94e984-5be0c1d2a3f4e5d6c7b8a9f0e1d2c3b4@airbnb.com',
      start: { kind: 'date', date: '2026-07-10' },
      end: { kind: 'date', date: '2026-07-14' },
      summary: 'Reserved',
      description:
        'Reservation URL: https://www.airbnb.com/hosting/reservations/details/HM8KQZ2WXR\nPhone Number (Last 4 Digits): 4417',
    });
    expect(feed.events[2]).toMatchObject({ summary: 'Airbnb (Not available)', description: '' });
    expect(feed.skipped).toEqual([]);
  });

  it('reads the 2025 Airbnb shape: CRLF, DTSTAMP first, DESCRIPTION last and folded inside "details"', () => {
    expect(fixtureText('airbnb-2025.ics')).toContain('/de\r\n tails/');
    const feed = good(fixtureText('airbnb-2025.ics'));
    expect(feed.events.map((e) => e.description.split('\n')[0])).toContain(
      'Reservation URL: https://www.airbnb.com/hosting/reservations/details/HMZ7RC4KQA',
    );
    expect(feed.events).toHaveLength(5);
  });

  it('reads Vrbo, Abritel and Booking.com exports, whose text values carry escapes and accents', () => {
    expect(good(fixtureText('vrbo.ics')).events.map((e) => e.summary)).toEqual([
      'Reserved - Ines Marlow',
      'Blocked',
      'Reserved - Tomasz Weir',
      'Reserved',
    ]);
    expect(good(fixtureText('abritel.ics')).events[0]?.summary).toBe('Réservée - Odile Brun');
    const booking = good(fixtureText('booking.ics'));
    expect(booking.prodId).toContain('admin.booking.com');
    expect(booking.events.every((e) => e.summary === 'CLOSED - Not available')).toBe(true);
  });

  it('resolves TZID times with the tz database, UTC times as given, DURATION, and keeps floating times floating', () => {
    const [paris, utc, floating, allDay, marker] = good(fixtureText('pms-icloud.ics')).events;
    expect(paris?.start).toEqual({ kind: 'instant', at: at('2026-04-30T13:00:00Z') });
    expect(utc?.end).toEqual({ kind: 'instant', at: at('2026-05-15T09:00:00Z') });
    expect(utc?.description).toBe('2 adults, 1 child\nArrives by train');
    expect(floating?.start).toEqual({ kind: 'floating', local: '2026-05-20T17:00:00' });
    expect(floating?.end).toEqual({ kind: 'floating', local: '2026-05-23T10:00:00' });
    expect(allDay?.start).toEqual({ kind: 'date', date: '2026-05-25' });
    expect(marker?.summary).toBe('Check-in Amara Osei');
  });

  it("resolves a zone the tz database lacks from the feed's own VTIMEZONE, and floats an unknown one", () => {
    const [outlook, unknown] = good(fixtureText('outlook-windows-zone.ics')).events;
    expect(outlook?.start).toEqual({ kind: 'instant', at: at('2026-07-06T14:00:00Z') });
    expect(outlook?.summary).toBe('Henrik Dahl');
    expect(unknown?.start).toEqual({ kind: 'floating', local: '2026-08-01T16:00:00' });
  });
});

describe('R10.4 parse: bodies that are no good read', () => {
  it.each([
    ['error-body.json', 'json'],
    ['error-body.html', 'html'],
  ] as const)('names %s as not iCal (%s), as channels answer errors with status 200', (name, shape) => {
    const { body, byteLength } = fixture(name);
    expect(parseFeed(body, byteLength)).toEqual({
      ok: false,
      problem: { problem: 'not_ical', looksLike: shape },
    });
  });

  it.each([
    ['', 'empty'],
    ['   \r\n', 'empty'],
    ['Service Unavailable', 'text'],
    ['END:VCALENDAR', 'text'],
  ])('names %j as not iCal', (text, shape) => {
    expect(parsed(text)).toEqual({ ok: false, problem: { problem: 'not_ical', looksLike: shape } });
  });

  it('refuses a body over 2 MB by the byte length the caller passes, and by its own length', () => {
    const text = calendar(...event('a'));
    expect(parseFeed(text, MAX_FEED_BYTES + 1)).toEqual({
      ok: false,
      problem: { problem: 'too_large', bytes: MAX_FEED_BYTES + 1 },
    });
    const padded = calendar(`X-PAD:${'x'.repeat(MAX_FEED_BYTES)}`);
    expect(parseFeed(padded, 10)).toMatchObject({ ok: false, problem: { problem: 'too_large' } });
  });

  it('names a body cut short (no END:VCALENDAR) truncated: events may be missing from it', () => {
    const text = fixtureText('airbnb-2025.ics');
    expect(parsed(text.slice(0, text.lastIndexOf('END:VCALENDAR')))).toEqual({
      ok: false,
      problem: { problem: 'truncated' },
    });
  });

  it(`stops at ${MAX_FEED_EVENTS} events: a runaway export is a problem, not a crash`, () => {
    const lines = Array.from({ length: MAX_FEED_EVENTS + 1 }, (_, i) => event(`u${i}`)).flat();
    expect(parsed(calendar(...lines))).toEqual({
      ok: false,
      problem: { problem: 'too_many_events', limit: MAX_FEED_EVENTS },
    });
    expect(good(calendar(...lines.slice(0, -6))).events).toHaveLength(MAX_FEED_EVENTS);
  });

  it('reads a header-only calendar as a good read with nothing in it (R10.9), and says so', () => {
    expect(good(fixtureText('airbnb-header-only.ics'))).toMatchObject({ events: [], headerOnly: true });
  });
});

describe('R10.4 parse: a broken VEVENT is skipped and counted, never thrown', () => {
  const feed = good(fixtureText('broken-events.ics'));

  it('keeps the good events', () => {
    expect(feed.events.map((e) => e.uid)).toEqual([
      'good-1@airbnb.com',
      'twice@airbnb.com',
      'good-2@airbnb.com',
    ]);
  });

  it('names each skipped event by its place, its reason and, where it could be read, its UID', () => {
    expect(feed.skipped).toEqual([
      { index: 1, reason: 'missing_start', uid: 'no-start@airbnb.com' },
      { index: 2, reason: 'end_not_after_start', uid: 'end-before-start@airbnb.com' },
      { index: 3, reason: 'end_not_after_start', uid: 'zero-length@airbnb.com' },
      { index: 4, reason: 'year_out_of_range', uid: 'year-1970@airbnb.com' },
      { index: 5, reason: 'year_out_of_range', uid: 'year-2199@airbnb.com' },
      { index: 6, reason: 'missing_uid' },
      { index: 7, reason: 'invalid_date', uid: 'garbled@airbnb.com' },
      { index: 8, reason: 'invalid_date', uid: 'month-13@airbnb.com' },
      { index: 9, reason: 'unparsable', uid: 'junk-line@airbnb.com' },
      { index: 10, reason: 'cancelled_status', uid: 'cancelled@airbnb.com' },
      { index: 11, reason: 'recurring', uid: 'weekly@airbnb.com' },
      { index: 12, reason: 'mismatched_value_types', uid: 'mixed@airbnb.com' },
      { index: 13, reason: 'unterminated', uid: 'unterminated@airbnb.com' },
    ]);
  });

  it('keeps one of a duplicated UID, the higher SEQUENCE, and says which', () => {
    expect(feed.duplicates).toEqual([{ uid: 'twice@airbnb.com', kept: 15, dropped: [14] }]);
    expect(feed.events[1]?.start).toEqual({ kind: 'date', date: '2026-11-06' });
  });

  it('on equal SEQUENCE keeps the later DTSTAMP, then the first in the file', () => {
    const stamped = (uid: string, stamp: string, start: string) => [
      'BEGIN:VEVENT',
      `UID:${uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${start}`,
      'END:VEVENT',
    ];
    const later = good(
      calendar(
        ...stamped('d', '20260101T000000Z', '20260901'),
        ...stamped('d', '20260102T000000Z', '20260902'),
      ),
    );
    expect(later.events[0]?.start).toEqual({ kind: 'date', date: '2026-09-02' });
    const tie = good(calendar(...event('d', '20260901', '20260903'), ...event('d', '20260905', '20260907')));
    expect(tie.duplicates).toEqual([{ uid: 'd', kept: 0, dropped: [1] }]);
  });

  it(`skips a VEVENT over ${MAX_EVENT_CHARS} characters before ical.js reads it`, () => {
    const huge = [...event('huge').slice(0, -1), `DESCRIPTION:${'x'.repeat(MAX_EVENT_CHARS)}`, 'END:VEVENT'];
    expect(good(calendar(...huge, ...event('fine'))).skipped).toEqual([
      { index: 0, reason: 'oversized', uid: 'huge' },
    ]);
  });

  it('gives an all-day event without DTEND one day, and skips a timed one without an end', () => {
    const feed = good(
      calendar(
        'BEGIN:VEVENT',
        'UID:one-day',
        'DTSTART;VALUE=DATE:20261231',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:no-end',
        'DTSTART:20261231T100000Z',
        'END:VEVENT',
      ),
    );
    expect(feed.events[0]?.end).toEqual({ kind: 'date', date: '2027-01-01' });
    expect(feed.skipped).toEqual([{ index: 1, reason: 'end_not_after_start', uid: 'no-end' }]);
  });

  it('reads extra and unknown properties, nested components and lower-case keywords without complaint', () => {
    const feed = good(
      calendar(
        'begin:vevent',
        'UID:extra',
        'X-AIRBNB-SOMETHING;X-PARAM="a:b":value',
        'DTSTART;VALUE=DATE:20260901',
        'DTEND;VALUE=DATE:20260903',
        'BEGIN:VALARM',
        'TRIGGER:-PT15M',
        'ACTION:DISPLAY',
        'END:VALARM',
        'end:vevent',
      ),
    );
    expect(feed.events.map((e) => e.uid)).toEqual(['extra']);
  });
});

describe('line unfolding', () => {
  it('joins a continuation after CRLF, LF or CR, dropping the one space or tab that marks it', () => {
    expect(unfoldLines('A:1\r\n 2\n\t3\r 4\r\nB:5')).toEqual(['A:1234', 'B:5']);
  });

  it('keeps a space that belongs to the value after the fold', () => {
    expect(unfoldLines('SUMMARY:Reserved -\r\n  Ines')).toEqual(['SUMMARY:Reserved - Ines']);
  });
});
