import * as z from 'zod';
import { toE164 } from '#core/messages/phone.ts';
import { STAFF_SCHEDULES } from '#core/staff/staff-member.ts';
import { id } from './host-api.ts';

// Request bodies of the staff routes (docs/staff.md, R12).

const phone = z
  .string()
  .max(32)
  .refine((p) => toE164(p) !== undefined, 'must be an E.164 phone number, such as +15551234567')
  .transform((p) => toE164(p) ?? p);

const fields = {
  name: z.string().trim().min(1, 'must not be empty').max(80),
  email: z.email('must be an email address').max(254),
  phone,
  propertyIds: z
    .array(id)
    .min(1, 'must name at least one property')
    .max(50, 'must name at most 50 properties')
    .refine((ids) => new Set(ids).size === ids.length, 'must not name a property twice'),
  schedule: z.enum(STAFF_SCHEDULES),
  hoursWhenNoNextStay: z.number().int().min(1).max(72),
};

/** `hoursWhenNoNextStay` with `always` is refused by name (R9.2). */
const onlyWithTurnovers = (body: {
  schedule?: string | undefined;
  hoursWhenNoNextStay?: number | undefined;
}) => !(body.schedule === 'always' && body.hoursWhenNoNextStay !== undefined);
const ONLY_WITH_TURNOVERS = {
  message: 'applies only to the "turnovers" schedule',
  path: ['hoursWhenNoNextStay'],
};

export const CreateStaffBody = z
  .strictObject({
    id: id.optional(),
    name: fields.name,
    email: fields.email.optional(),
    phone: fields.phone.optional(),
    propertyIds: fields.propertyIds,
    schedule: fields.schedule,
    hoursWhenNoNextStay: fields.hoursWhenNoNextStay.optional(),
  })
  .refine(onlyWithTurnovers, ONLY_WITH_TURNOVERS);

export const UpdateStaffBody = z
  .strictObject({
    name: fields.name.optional(),
    email: fields.email.optional(),
    phone: fields.phone.optional(),
    propertyIds: fields.propertyIds.optional(),
    schedule: fields.schedule.optional(),
    hoursWhenNoNextStay: fields.hoursWhenNoNextStay.optional(),
  })
  .refine(onlyWithTurnovers, ONLY_WITH_TURNOVERS);

export const StaffPath = z.object({ staffId: id });
