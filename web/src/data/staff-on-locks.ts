import { listStaff, loadStaffMember } from '../api/staff.ts';
import type { StaffView } from '../api/types.ts';

// R13.4: the staff codes Lockstep manages on each lock, for the locks view. Each member's page is
// read once; a member counts once per lock, by their soonest current code there.

export interface StaffOnLock {
  lockId: string;
  staffId: string;
  name: string;
  status: string;
}

const current = (code: StaffView['codes'][number]) => code.status === 'active' || code.status === 'scheduled';

export function staffOnLocks(members: readonly StaffView[]): StaffOnLock[] {
  const entries: StaffOnLock[] = [];
  for (const member of members) {
    const seen = new Set<string>();
    // The API lists current codes soonest first: the first one met on a lock is the one to show.
    for (const code of member.codes.filter(current))
      for (const l of code.locks) {
        if (l.status === 'removed' || seen.has(l.lockId)) continue;
        seen.add(l.lockId);
        entries.push({ lockId: l.lockId, staffId: member.staffId, name: member.name, status: l.status });
      }
  }
  return entries;
}

export async function loadStaffOnLocks(): Promise<StaffOnLock[]> {
  const members = await listStaff();
  return staffOnLocks(await Promise.all(members.map((m) => loadStaffMember(m.staffId))));
}
