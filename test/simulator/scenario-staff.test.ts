import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../simulator/scenario.ts';

// A scenario's `staff` is checked like the rest of it (docs/simulation-contract.md): the first bad
// field is named, and `npm run simulate` exits 2 with it (test/simulator/cli.test.ts).

const example = () => JSON.parse(readFileSync('examples/turnover-crew.json', 'utf8'));
const CREW = { id: 'c', name: 'Crew', propertyIds: ['cottage'], schedule: 'turnovers' };

describe('scenario staff (R12)', () => {
  it('reads examples/turnover-crew.json, removal instant included', () => {
    const scenario = parseScenario(example());
    expect(scenario.staff?.map((s) => [s.id, s.schedule, s.removedAt ?? null])).toEqual([
      ['crew', 'turnovers', null],
      ['handyman', 'always', '2026-12-09T15:00:00Z'],
      ['laundry', 'turnovers', '2026-12-05T12:00:00Z'],
    ]);
  });

  it.each([
    ['an unknown property', { propertyIds: ['cottage', 'castle'] }, 'staff.0.propertyIds.1'],
    ['a schedule that is none', { schedule: 'weekly' }, 'staff.0.schedule'],
    [
      'hoursWhenNoNextStay with `always`',
      { schedule: 'always', hoursWhenNoNextStay: 3 },
      'staff.0.hoursWhenNoNextStay',
    ],
    ['hoursWhenNoNextStay over 72', { hoursWhenNoNextStay: 100 }, 'staff.0.hoursWhenNoNextStay'],
    ['no property', { propertyIds: [] }, 'staff.0.propertyIds'],
    ['a removal that is no instant', { removedAt: 'tomorrow' }, 'staff.0.removedAt'],
    ['an unknown field', { pin: '1234' }, 'staff.0'],
  ])('refuses %s, naming %s', (_, change, field) => {
    const scenario = { ...example(), staff: [{ ...CREW, ...change }] };
    expect(() => parseScenario(scenario)).toThrow(field);
  });

  it('refuses a staff id given twice', () => {
    expect(() => parseScenario({ ...example(), staff: [CREW, CREW] })).toThrow('staff.1.id');
  });

  it('leaves a scenario without staff as it was: no `staff` field appears', () => {
    const { staff: _, ...withoutStaff } = example();
    expect('staff' in parseScenario(withoutStaff)).toBe(false);
  });
});
