import type { Deps } from '../deps.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import type { Property } from '../model.ts';
import { isCurrent, type StaffFields, type StaffMember } from './staff-member.ts';
import { syncStaffCodes } from './sync-staff-codes.ts';

// R12: a host adds, changes and removes staff; their codes follow at once on every property touched.

/**
 * Every property must be the host's own; another host's is answered as unknown (R9.3), naming the
 * entry. Checked before anything is written (R9.2).
 */
async function ownProperties(
  deps: Deps,
  hostId: string,
  propertyIds: readonly string[],
): Promise<Property[]> {
  const properties = await Promise.all(propertyIds.map((id) => deps.properties.getProperty(hostId, id)));
  return properties.map((p, i) => {
    if (!p) throw new NotFoundError('property', `propertyIds[${i}]`);
    return p;
  });
}

/** `hoursWhenNoNextStay` means something only for turnovers (R12.1). */
function checkSchedule(fields: Pick<StaffFields, 'schedule' | 'hoursWhenNoNextStay'>): void {
  if (fields.schedule === 'always' && fields.hoursWhenNoNextStay !== undefined)
    throw new ValidationError('hoursWhenNoNextStay', 'applies only to the "turnovers" schedule');
}

/**
 * Adds a staff member. The same request again (a host retrying after a timeout whose write had
 * succeeded, R9.5) finishes what the first left undone and answers the stored member; the same id
 * with other fields is a conflict, and nothing is written.
 */
export async function createStaff(
  deps: Deps,
  hostId: string,
  staffId: string,
  fields: StaffFields,
): Promise<{ member: StaffMember; created: boolean }> {
  checkSchedule(fields);
  const properties = await ownProperties(deps, hostId, fields.propertyIds);
  const wanted = withoutUndefined(fields);
  const member: StaffMember = { hostId, staffId, ...wanted, createdAt: deps.clock.now(), version: 1 };
  try {
    await deps.staff.createStaff(member);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const stored = await deps.staff.getStaff(hostId, staffId);
    if (!stored || !sameFields(stored, wanted)) throw error;
    await follow(deps, stored, properties, []);
    return { member: stored, created: false };
  }
  await follow(deps, member, properties, []);
  return { member, created: true };
}

function sameFields(stored: StaffMember, fields: StaffFields): boolean {
  const { hostId: _h, staffId: _s, createdAt: _c, version: _v, ...storedFields } = stored;
  return JSON.stringify(storedFields) === JSON.stringify(fields);
}

/** The fields given replace the stored ones; switching to `always` drops `hoursWhenNoNextStay`. */
export async function updateStaff(
  deps: Deps,
  hostId: string,
  staffId: string,
  patch: Partial<StaffFields>,
): Promise<StaffMember> {
  const current = await deps.staff.getStaff(hostId, staffId);
  if (!isCurrent(current)) throw new NotFoundError('staff member', 'staffId');
  if (patch.schedule === 'always' || (patch.schedule === undefined && current.schedule === 'always'))
    checkSchedule({ schedule: 'always', hoursWhenNoNextStay: patch.hoursWhenNoNextStay });
  const properties = await ownProperties(deps, hostId, patch.propertyIds ?? current.propertyIds);
  const next: StaffMember = { ...current, ...withoutUndefined(patch), version: current.version + 1 };
  if (next.schedule === 'always') delete next.hoursWhenNoNextStay;
  await deps.staff.saveStaff(next, current.version);
  const left = current.propertyIds.filter((id) => !next.propertyIds.includes(id));
  await follow(deps, next, properties, left);
  return next;
}

/** R12.2: removing a staff member removes their codes from every lock at once. */
export async function removeStaff(deps: Deps, hostId: string, staffId: string): Promise<void> {
  let member = await deps.staff.getStaff(hostId, staffId);
  if (!member) throw new NotFoundError('staff member', 'staffId');
  if (member.removedAt === undefined) {
    const marked = { ...member, removedAt: deps.clock.now(), version: member.version + 1 };
    await deps.staff.saveStaff(marked, member.version);
    member = marked;
  }
  await follow(deps, member, [], member.propertyIds);
  await deps.staff.deleteStaff(hostId, staffId);
}

/**
 * Each property lists its staff (so a guest change there re-plans their windows); then the codes of
 * every property the member serves or left are brought in line.
 */
async function follow(
  deps: Deps,
  member: StaffMember,
  serving: readonly Property[],
  left: readonly string[],
): Promise<void> {
  for (const property of serving) {
    if (property.staffIds?.includes(member.staffId)) continue;
    await deps.properties.putProperty({
      ...property,
      staffIds: [...(property.staffIds ?? []), member.staffId],
    });
  }
  for (const propertyId of left) {
    const property = await deps.properties.getProperty(member.hostId, propertyId);
    if (!property?.staffIds?.includes(member.staffId)) continue;
    await deps.properties.putProperty({
      ...property,
      staffIds: property.staffIds.filter((id) => id !== member.staffId),
    });
  }
  for (const propertyId of [...serving.map((p) => p.propertyId), ...left])
    await syncStaffCodes(deps, member.hostId, propertyId);
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
