import { describe, expect, it } from 'vitest';
import type { StaffSummary } from '../../web/src/api/types.ts';
import {
  entryIndexOf,
  formFieldOf,
  formValuesOf,
  type StaffFormValues,
  staffBody,
  staffChanges,
} from '../../web/src/data/staff-form.ts';

// R12.1, R9.2: what the staff form sends. The API validates; the page leaves out what is empty,
// sends the hours with turnovers only and, when editing, only what changed.

const values = (overrides: Partial<StaffFormValues> = {}): StaffFormValues => ({
  name: '  Maria Lopez ',
  email: '',
  phone: '',
  propertyIds: ['beach-house'],
  schedule: 'turnovers',
  hours: '',
  ...overrides,
});

const member: StaffSummary = {
  staffId: 's-1',
  name: 'Maria Lopez',
  email: 'maria@example.com',
  phone: undefined,
  propertyIds: ['beach-house', 'chalet'],
  schedule: 'turnovers',
  hoursWhenNoNextStay: 6,
  createdAt: '2026-12-01T10:00:00.000Z',
  nextCode: undefined,
};

describe('R12.1 adding a staff member', () => {
  it('sends the trimmed name, the properties and the schedule, and no empty contact', () => {
    expect(staffBody(values())).toEqual({
      name: 'Maria Lopez',
      propertyIds: ['beach-house'],
      schedule: 'turnovers',
    });
  });

  it('sends the hours as a number with a turnovers schedule', () => {
    expect(staffBody(values({ hours: '6' })).hoursWhenNoNextStay).toBe(6);
  });

  it('R9.2 sends hours that are not a number as typed, for the API to name the field', () => {
    expect(staffBody(values({ hours: 'six' })).hoursWhenNoNextStay).toBe('six');
  });

  it('never sends hours with an always schedule, whatever the hidden field holds', () => {
    expect(staffBody(values({ schedule: 'always', hours: '6' }))).not.toHaveProperty('hoursWhenNoNextStay');
  });

  it('sends the phone as typed, for the API to write as E.164', () => {
    expect(staffBody(values({ phone: ' +1 555 123 0000 ' })).phone).toBe('+1 555 123 0000');
  });
});

describe('R12.1 changing a staff member', () => {
  it('sends nothing when nothing changed', () => {
    expect(staffChanges(member, formValuesOf(member))).toEqual({});
  });

  it('sends only the schedule when it becomes always, without the hours', () => {
    expect(staffChanges(member, { ...formValuesOf(member), schedule: 'always' })).toEqual({
      schedule: 'always',
    });
  });

  it('sends the schedule and the hours when it becomes turnovers', () => {
    const always: StaffSummary = { ...member, schedule: 'always', hoursWhenNoNextStay: undefined };
    expect(staffChanges(always, { ...formValuesOf(always), schedule: 'turnovers', hours: '3' })).toEqual({
      schedule: 'turnovers',
      hoursWhenNoNextStay: 3,
    });
  });

  it('sends the hours alone when only they changed', () => {
    expect(staffChanges(member, { ...formValuesOf(member), hours: '8' })).toEqual({ hoursWhenNoNextStay: 8 });
  });

  it('treats the same properties in another order as unchanged', () => {
    expect(staffChanges(member, { ...formValuesOf(member), propertyIds: ['chalet', 'beach-house'] })).toEqual(
      {},
    );
  });

  it('R9.2 sends an emptied email empty, for the API to refuse at that field, and a new phone', () => {
    expect(staffChanges(member, { ...formValuesOf(member), email: ' ', phone: '+15551230000' })).toEqual({
      email: '',
      phone: '+15551230000',
    });
  });
});

describe('R9.2 the field an API error names', () => {
  it.each([
    ['name', 'name'],
    ['propertyIds', 'propertyIds'],
    ['propertyIds.2', 'propertyIds'],
    ['propertyIds[0]', 'propertyIds'],
    ['hoursWhenNoNextStay', 'hoursWhenNoNextStay'],
  ])('%s is the form’s %s', (apiField, formField) => {
    expect(formFieldOf(apiField)).toBe(formField);
  });

  it.each([
    ['propertyIds[2]', 2],
    ['propertyIds.0', 0],
    ['propertyIds', undefined],
    [undefined, undefined],
  ])('%s names entry %s of the list', (apiField, index) => {
    expect(entryIndexOf(apiField)).toBe(index);
  });

  it('is none for a field the form does not hold', () => {
    expect(formFieldOf('staffId')).toBeUndefined();
    expect(formFieldOf(undefined)).toBeUndefined();
  });
});
