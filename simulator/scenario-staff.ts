import { z } from 'zod';

// Version 2's staff (docs/simulation-contract.md, "Staff codes", R12): created through the host API at
// `start`, removed through it at `removedAt`. Unknown fields are refused like everywhere in a scenario.

const instant = z.iso.datetime({ offset: true, error: 'must be an ISO-8601 instant with an offset' });
const id = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1-64 letters, digits, dot, dash or underscore');

export const StaffMember = z
  .object({
    id,
    name: z.string().trim().min(1).max(80),
    email: z.email().optional(),
    phone: z
      .string()
      .regex(/^\+[0-9]{8,15}$/, 'must be an E.164 phone number')
      .optional(),
    propertyIds: z.array(id).min(1).max(50),
    schedule: z.enum(['always', 'turnovers']),
    hoursWhenNoNextStay: z.number().int().min(1).max(72).optional(),
    /** When the host removes them (DELETE /v1/staff/{id}); kept to the end when absent. */
    removedAt: instant.optional(),
  })
  .strict()
  .refine((s) => !(s.schedule === 'always' && s.hoursWhenNoNextStay !== undefined), {
    message: 'applies only to the "turnovers" schedule',
    path: ['hoursWhenNoNextStay'],
  });

export type ScenarioStaffMember = z.infer<typeof StaffMember>;

/** The paths of staff entries naming a property the scenario does not have, or repeating an id. */
export function staffProblems(
  staff: readonly ScenarioStaffMember[],
  properties: ReadonlySet<string>,
): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const ids = new Set<string>();
  for (const [i, s] of staff.entries()) {
    for (const [j, propertyId] of s.propertyIds.entries()) {
      if (!properties.has(propertyId))
        problems.push({ path: ['staff', i, 'propertyIds', j], message: `unknown property ${propertyId}` });
    }
    if (ids.has(s.id)) problems.push({ path: ['staff', i, 'id'], message: `duplicate staff member ${s.id}` });
    ids.add(s.id);
  }
  return problems;
}
