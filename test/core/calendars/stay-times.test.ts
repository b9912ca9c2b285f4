import { describe, expect, it } from 'vitest';
import { localText, type StayTimeSettings, stayTimes } from '#core/calendars/stay-times.ts';
import type { ChannelStay, EventTime } from '#core/calendars/types.ts';
import { ValidationError } from '#core/errors.ts';
import { stayDetails } from '#core/reservations/accept.ts';
import { at } from './fixtures.ts';

const NEW_YORK = { timeZone: 'America/New_York' };
const SYDNEY = { timeZone: 'Australia/Sydney' };
const date = (d: string): EventTime => ({ kind: 'date', date: d });
const allDay = (start: string, end: string): ChannelStay => ({
  kind: 'stay',
  uid: 'u',
  start: date(start),
  end: date(end),
  guestName: 'Ines Marlow',
});
const iso = (ms: number) => new Date(ms).toISOString();

/** The use cases read the local text back (R2); it must name the instant computed here. */
function expectReadBack(settings: StayTimeSettings, start: EventTime, end: EventTime) {
  const stay = stayTimes({ kind: 'stay', uid: 'u', start, end, guestName: '' }, settings);
  const details = stayDetails(
    {
      reservationId: 'r',
      propertyId: 'p',
      channel: 'airbnb',
      confirmationCode: 'c',
      guest: { name: '' },
      checkIn: stay.checkIn,
      checkOut: stay.checkOut,
    },
    settings.timeZone,
  );
  expect([details.checkIn, details.checkOut]).toEqual([stay.checkInAt, stay.checkOutAt]);
  return stay;
}

describe('R10.2 all-day stays take the property’s check-in and check-out times', () => {
  it('uses 16:00 on DTSTART and 11:00 on DTEND by default, local to the property', () => {
    expect(stayTimes(allDay('2026-07-10', '2026-07-14'), NEW_YORK)).toEqual({
      uid: 'u',
      checkIn: '2026-07-10T16:00',
      checkOut: '2026-07-14T11:00',
      checkInAt: at('2026-07-10T20:00:00Z'),
      checkOutAt: at('2026-07-14T15:00:00Z'),
      startDate: '2026-07-10',
      endDate: '2026-07-14',
      guestName: 'Ines Marlow',
      confirmationCode: undefined,
      phoneLast4: undefined,
    });
  });

  it('uses the property’s own times when set', () => {
    const stay = stayTimes(allDay('2026-07-10', '2026-07-14'), {
      ...NEW_YORK,
      checkInTime: '15:30',
      checkOutTime: '10:00',
    });
    expect([stay.checkIn, stay.checkOut]).toEqual(['2026-07-10T15:30', '2026-07-14T10:00']);
  });

  it.each([
    // America/New_York springs forward on 2026-03-08 at 02:00 and falls back on 2026-11-01 at 02:00.
    ['2026-03-07', '2026-03-08', NEW_YORK, '2026-03-07T21:00:00.000Z', '2026-03-08T15:00:00.000Z'],
    ['2026-03-08', '2026-03-09', NEW_YORK, '2026-03-08T20:00:00.000Z', '2026-03-09T15:00:00.000Z'],
    ['2026-10-31', '2026-11-01', NEW_YORK, '2026-10-31T20:00:00.000Z', '2026-11-01T16:00:00.000Z'],
    ['2026-11-01', '2026-11-04', NEW_YORK, '2026-11-01T21:00:00.000Z', '2026-11-04T16:00:00.000Z'],
    // Australia/Sydney falls back on 2026-04-05 at 03:00 and springs forward on 2026-10-04 at 02:00.
    ['2026-04-04', '2026-04-05', SYDNEY, '2026-04-04T05:00:00.000Z', '2026-04-05T01:00:00.000Z'],
    ['2026-04-05', '2026-04-06', SYDNEY, '2026-04-05T06:00:00.000Z', '2026-04-06T01:00:00.000Z'],
    ['2026-10-03', '2026-10-04', SYDNEY, '2026-10-03T06:00:00.000Z', '2026-10-04T00:00:00.000Z'],
    ['2026-10-04', '2026-10-05', SYDNEY, '2026-10-04T05:00:00.000Z', '2026-10-05T00:00:00.000Z'],
  ])('places %s → %s in %o across the DST change', (start, end, settings, checkIn, checkOut) => {
    const stay = expectReadBack(settings, date(start), date(end));
    expect([iso(stay.checkInAt), iso(stay.checkOutAt)]).toEqual([checkIn, checkOut]);
  });

  it('moves a check-in time that the clocks skip forward by the gap, as the use cases read it', () => {
    const stay = expectReadBack(
      { ...NEW_YORK, checkInTime: '02:30' },
      date('2026-03-08'),
      date('2026-03-10'),
    );
    expect(stay.checkIn).toBe('2026-03-08T02:30');
    expect(iso(stay.checkInAt)).toBe('2026-03-08T07:30:00.000Z');
  });

  it('refuses a check-in or check-out time that is not HH:MM', () => {
    expect(() => stayTimes(allDay('2026-07-10', '2026-07-14'), { ...NEW_YORK, checkInTime: '4pm' })).toThrow(
      ValidationError,
    );
    expect(() =>
      stayTimes(allDay('2026-07-10', '2026-07-14'), { ...NEW_YORK, checkOutTime: '24:00' }),
    ).toThrow('settings.check_out_time');
  });
});

describe('R10.2 stays with times keep their instants', () => {
  it('keeps an instant and writes it as the property’s wall clock', () => {
    const start: EventTime = { kind: 'instant', at: at('2026-05-12T13:00:00Z') };
    const end: EventTime = { kind: 'instant', at: at('2026-05-15T09:00:00Z') };
    const stay = expectReadBack({ timeZone: 'Europe/Paris' }, start, end);
    expect(stay).toMatchObject({
      checkIn: '2026-05-12T15:00',
      checkOut: '2026-05-15T11:00',
      startDate: '2026-05-12',
      endDate: '2026-05-15',
    });
  });

  it('writes the offset for the second pass through a repeated hour, so the instant survives the round trip', () => {
    const second = at('2026-11-01T06:30:00Z'); // 01:30 EST, after 01:30 EDT
    expect(localText(at('2026-11-01T05:30:00Z'), NEW_YORK.timeZone)).toBe('2026-11-01T01:30');
    expect(localText(second, NEW_YORK.timeZone)).toBe('2026-11-01T01:30-05:00');
    expectReadBack(
      NEW_YORK,
      { kind: 'instant', at: second },
      { kind: 'instant', at: at('2026-11-02T16:00:00Z') },
    );
  });

  it('writes seconds when the instant has them, and a positive offset east of UTC', () => {
    expect(localText(at('2026-07-01T10:00:05Z'), 'Asia/Kolkata')).toBe('2026-07-01T15:30:05');
    expect(localText(at('2026-04-04T15:30:00Z'), SYDNEY.timeZone)).toBe('2026-04-05T02:30');
    expect(localText(at('2026-04-04T16:30:00Z'), SYDNEY.timeZone)).toBe('2026-04-05T02:30+10:00');
  });

  it('reads a floating time as the property’s wall clock', () => {
    const stay = expectReadBack(
      NEW_YORK,
      { kind: 'floating', local: '2026-05-20T17:00:00' },
      { kind: 'floating', local: '2026-05-23T10:00:00' },
    );
    expect([stay.checkIn, iso(stay.checkInAt)]).toEqual(['2026-05-20T17:00', '2026-05-20T21:00:00.000Z']);
  });
});
