import type { Property, StaffCode, StaffView } from '../api/types.ts';
import { type DoorState, doorState } from './door-status.ts';
import { type HostData, isOnline, lockName } from './host-data.ts';

// R12.2 on a staff member's page: their codes per property, each door read as a guest's door is
// (same states, same labels), the current and upcoming codes apart from the past ones.

export interface StaffDoor {
  lockId: string;
  lockName: string;
  state: DoorState;
  nextAttemptAt: string | undefined;
  lastError: string | undefined;
}

export interface StaffCodeRow {
  code: StaffCode;
  doors: StaffDoor[];
}

export interface PropertyCodes {
  property: Property;
  current: StaffCodeRow[];
  past: StaffCodeRow[];
}

const isPast = (code: StaffCode) => code.status === 'ended' || code.status === 'removed';

/** A staff code holds no backup or offline code: its door is set, pending, failed, offline or removed. */
export function staffDoors(host: HostData, code: StaffCode): StaffDoor[] {
  return code.locks.map((l) => ({
    lockId: l.lockId,
    lockName: lockName(host, l.lockId),
    state: doorState(l.status, false, isOnline(host, l.lockId), false),
    nextAttemptAt: l.nextAttemptAt,
    lastError: l.lastError,
  }));
}

/** One group per property the member works at (in their order), then any property only past codes name. */
export function codesByProperty(host: HostData, view: StaffView): PropertyCodes[] {
  const ids = [...new Set([...view.propertyIds, ...view.codes.map((c) => c.propertyId)])];
  const byStart = (a: StaffCodeRow, b: StaffCodeRow) =>
    Date.parse(a.code.activeFrom ?? '') - Date.parse(b.code.activeFrom ?? '');
  return ids.flatMap((propertyId) => {
    const property = host.properties.find((p) => p.propertyId === propertyId);
    if (!property) return [];
    const rows = view.codes
      .filter((c) => c.propertyId === propertyId)
      .map((code) => ({ code, doors: staffDoors(host, code) }));
    return [
      {
        property,
        current: rows.filter((r) => !isPast(r.code)).sort(byStart),
        // The most recent past code first.
        past: rows.filter((r) => isPast(r.code)).sort((a, b) => byStart(b, a)),
      },
    ];
  });
}
