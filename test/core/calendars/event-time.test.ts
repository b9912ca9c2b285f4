import { describe, expect, it } from 'vitest';
import { parseFeed } from '#core/calendars/parse-feed.ts';
import { at } from './fixtures.ts';

/** The one event of a calendar made of these VEVENT lines: its times, or why it was skipped. */
function times(...lines: string[]) {
  const text = ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'UID:u', ...lines, 'END:VEVENT', 'END:VCALENDAR'].join(
    '\r\n',
  );
  const feed = parseFeed(text, text.length);
  if (!feed.ok) throw new Error(feed.problem.problem);
  const [event] = feed.events;
  return event ? { start: event.start, end: event.end } : feed.skipped[0]?.reason;
}

describe('R10.4 event times: DURATION instead of DTEND', () => {
  it('adds whole days to an all-day start', () => {
    expect(times('DTSTART;VALUE=DATE:20261101', 'DURATION:P4D')).toEqual({
      start: { kind: 'date', date: '2026-11-01' },
      end: { kind: 'date', date: '2026-11-05' },
    });
  });

  it('adds any length to a timed start', () => {
    expect(times('DTSTART:20261101T150000Z', 'DURATION:P2DT20H')).toEqual({
      start: { kind: 'instant', at: at('2026-11-01T15:00:00Z') },
      end: { kind: 'instant', at: at('2026-11-04T11:00:00Z') },
    });
  });

  it.each([
    ['a negative one', ['DTSTART;VALUE=DATE:20261101', 'DURATION:-P2D'], 'end_not_after_start'],
    ['part of a day on a date', ['DTSTART;VALUE=DATE:20261101', 'DURATION:PT5H'], 'invalid_date'],
    ['one that runs past 2100', ['DTSTART;VALUE=DATE:20261101', 'DURATION:P40000D'], 'year_out_of_range'],
    ['a day after 2100-12-31', ['DTSTART;VALUE=DATE:21001231'], 'year_out_of_range'],
  ])('skips %s', (_, lines, reason) => {
    expect(times(...lines)).toBe(reason);
  });
});

describe('R10.4 event times: values checked strictly', () => {
  it.each([
    ['February 30th', 'DTSTART;VALUE=DATE:20260230'],
    ['hour 24', 'DTSTART:20260301T240000Z'],
    ['minute 60', 'DTSTART:20260301T106000Z'],
    ['a short value', 'DTSTART:2026030'],
    ['a period', 'DTSTART;VALUE=PERIOD:20260301T100000Z/PT1H'],
  ])('refuses %s', (_, line) => {
    expect(times(line, 'DTEND;VALUE=DATE:20260310')).toBe('invalid_date');
  });

  it('reads a TZID written in quotes', () => {
    expect(
      times('DTSTART;TZID="Europe/London":20260701T150000', 'DTEND;TZID="Europe/London":20260703T100000'),
    ).toEqual({
      start: { kind: 'instant', at: at('2026-07-01T14:00:00Z') },
      end: { kind: 'instant', at: at('2026-07-03T09:00:00Z') },
    });
  });
});
