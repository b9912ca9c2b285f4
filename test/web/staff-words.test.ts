import { describe, expect, it } from 'vitest';
import type { Property, StaffSummary } from '../../web/src/api/types.ts';
import {
  contactInWords,
  nextCodeInWords,
  propertyNames,
  scheduleInWords,
  windowInWords,
} from '../../web/src/data/staff-words.ts';
import { formatTime, formatWhen } from '../../web/src/format.ts';

// R12.1 as the staff screens say it: the schedule, the contact, the properties and a code's window.

const property = (propertyId: string, name: string, timeZone: string) =>
  ({ propertyId, name, settings: { timeZone } }) as Property;
const properties = [
  property('beach-house', 'Beach House', 'America/New_York'),
  property('chalet', 'Alpine Chalet', 'Europe/Zurich'),
];

const member = (overrides: Partial<StaffSummary>): StaffSummary => ({
  staffId: 's-1',
  name: 'Maria Lopez',
  email: undefined,
  phone: undefined,
  propertyIds: ['beach-house'],
  schedule: 'turnovers',
  hoursWhenNoNextStay: undefined,
  createdAt: '2026-12-01T10:00:00.000Z',
  nextCode: undefined,
  ...overrides,
});

describe('R12.1 the schedule in words', () => {
  it('says “Always” for an always schedule', () => {
    expect(scheduleInWords({ schedule: 'always' })).toBe('Always');
  });

  it('says between stays with the hours used when no stay follows', () => {
    expect(scheduleInWords({ schedule: 'turnovers', hoursWhenNoNextStay: 6 })).toBe(
      'Between stays, 6 h when no stay follows',
    );
  });

  it('uses the API’s default of 4 hours when a turnovers schedule names none', () => {
    expect(scheduleInWords({ schedule: 'turnovers' })).toBe('Between stays, 4 h when no stay follows');
  });
});

describe('a staff member’s contact and properties', () => {
  it('lists the email and the phone', () => {
    expect(contactInWords({ email: 'maria@example.com', phone: '+15551230000' })).toBe(
      'maria@example.com · +15551230000',
    );
  });

  it('tells the host their codes come to them when Lockstep has no way to reach the member', () => {
    expect(contactInWords({})).toBe('No email or phone: their codes come to you, to pass on');
  });

  it('names properties by their names, and an unknown one by its id', () => {
    expect(propertyNames(properties, ['chalet', 'beach-house', 'gone'])).toBe(
      'Alpine Chalet, Beach House, gone',
    );
  });
});

describe('a code’s window, in the property’s time', () => {
  it('gives the end as a time alone when the window ends the same local day', () => {
    const from = '2026-12-03T16:30:00.000Z'; // 11:30 in New York
    const until = '2026-12-03T20:00:00.000Z'; // 15:00 in New York
    expect(windowInWords(from, until, 'America/New_York')).toBe(
      `${formatWhen(from, 'America/New_York')} → ${formatTime(until, 'America/New_York')}`,
    );
  });

  it('gives both ends in full when the window crosses a local midnight', () => {
    const from = '2026-12-03T22:00:00.000Z'; // 17:00 in New York
    const until = '2026-12-04T06:00:00.000Z'; // 01:00 the next day in New York
    expect(windowInWords(from, until, 'America/New_York')).toBe(
      `${formatWhen(from, 'America/New_York')} → ${formatWhen(until, 'America/New_York')}`,
    );
  });

  it('reads the same instants on one day in one zone and across days in another', () => {
    const from = '2026-12-03T14:00:00.000Z'; // 09:00 in New York, 23:00 in Tokyo
    const until = '2026-12-03T16:00:00.000Z'; // 11:00 in New York, 01:00 the next day in Tokyo
    expect(windowInWords(from, until, 'America/New_York')).not.toContain(
      formatWhen(until, 'America/New_York'),
    );
    expect(windowInWords(from, until, 'Asia/Tokyo')).toContain(formatWhen(until, 'Asia/Tokyo'));
  });

  it('R12.1 says an always code, which ends years ahead, has no end date', () => {
    const from = '2026-12-03T16:30:00.000Z';
    expect(windowInWords(from, '2036-12-01T16:30:00.000Z', 'America/New_York')).toBe(
      `From ${formatWhen(from, 'America/New_York')}, no end date`,
    );
  });

  it('R12.1 places the next code at its property, in that property’s zone', () => {
    const nextCode = {
      propertyId: 'chalet',
      activeFrom: '2026-12-05T09:00:00.000Z',
      activeUntil: '2026-12-05T14:00:00.000Z',
      status: 'scheduled' as const,
    };
    expect(nextCodeInWords(member({ nextCode }), properties)).toBe(
      `${windowInWords(nextCode.activeFrom, nextCode.activeUntil, 'Europe/Zurich')} at Alpine Chalet`,
    );
    expect(nextCodeInWords(member({}), properties)).toBeUndefined();
  });
});
