import type { StaffInput, StaffSchedule, StaffSummary } from '../api/types.ts';
import { DEFAULT_HOURS_WHEN_NO_NEXT_STAY } from './staff-words.ts';

// What the staff form sends. The API validates (R9.2) and writes phones as E.164: the page sends what
// the host typed, shaped only so that an empty optional field means "none" and the hours go only
// with turnovers.

export type StaffField = keyof StaffInput;

/** The form as the host left it. */
export interface StaffFormValues {
  name: string;
  email: string;
  phone: string;
  propertyIds: string[];
  schedule: StaffSchedule;
  hours: string;
}

/** A number when it reads as one; otherwise the text, for the API to say what is wrong with it. */
const numberOrText = (value: string): number | string =>
  value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;

/** The body of `POST /v1/staff`. */
export function staffBody(values: StaffFormValues): StaffInput {
  const body: StaffInput = {
    name: values.name.trim(),
    propertyIds: values.propertyIds,
    schedule: values.schedule,
  };
  if (values.email.trim()) body.email = values.email.trim();
  if (values.phone.trim()) body.phone = values.phone.trim();
  if (values.schedule === 'turnovers' && values.hours.trim())
    body.hoursWhenNoNextStay = numberOrText(values.hours) as number;
  return body;
}

/** The form's values for a member being edited. */
export function formValuesOf(s: StaffSummary): StaffFormValues {
  return {
    name: s.name,
    email: s.email ?? '',
    phone: s.phone ?? '',
    propertyIds: [...s.propertyIds],
    schedule: s.schedule,
    hours: String(s.hoursWhenNoNextStay ?? DEFAULT_HOURS_WHEN_NO_NEXT_STAY),
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id) => b.includes(id));

/**
 * The body of `PATCH /v1/staff/{id}`: only what changed; the hours go with a turnovers schedule
 * only. An emptied email or phone is sent empty, so the API's refusal shows at that field: a
 * contact can be changed but not removed (docs/decisions.md, "The staff screens").
 */
export function staffChanges(before: StaffSummary, values: StaffFormValues): Partial<StaffInput> {
  const after = staffBody(values);
  const changes: Record<string, unknown> = {};
  if (after.name !== before.name) changes.name = after.name;
  for (const field of ['email', 'phone'] as const)
    if (after[field] !== before[field]) changes[field] = after[field] ?? '';
  if (!sameSet(after.propertyIds, before.propertyIds)) changes.propertyIds = after.propertyIds;
  if (after.schedule !== before.schedule) changes.schedule = after.schedule;
  const hoursBefore =
    before.schedule === 'turnovers'
      ? (before.hoursWhenNoNextStay ?? DEFAULT_HOURS_WHEN_NO_NEXT_STAY)
      : undefined;
  if (after.schedule === 'turnovers' && after.hoursWhenNoNextStay !== undefined)
    if (after.hoursWhenNoNextStay !== hoursBefore || after.schedule !== before.schedule)
      changes.hoursWhenNoNextStay = after.hoursWhenNoNextStay;
  return changes as Partial<StaffInput>;
}

const FIELDS: readonly StaffField[] = [
  'name',
  'email',
  'phone',
  'propertyIds',
  'schedule',
  'hoursWhenNoNextStay',
];

/** The form field an API error names: `propertyIds.2` or `propertyIds[2]` is the properties list. */
export function formFieldOf(apiField: string | undefined): StaffField | undefined {
  const head = apiField?.split(/[.[]/)[0];
  return FIELDS.find((f) => f === head);
}

/** Which entry of a list an API error names: 2 for `propertyIds[2]` or `propertyIds.2`. */
export function entryIndexOf(apiField: string | undefined): number | undefined {
  const match = /(?:\[(\d+)\]|\.(\d+))$/.exec(apiField ?? '');
  const index = match?.[1] ?? match?.[2];
  return index === undefined ? undefined : Number(index);
}
