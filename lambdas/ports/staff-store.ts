import type { StaffMember } from '#core/staff/staff-member.ts';

/** A host's staff members (R12). Every key carries the host id (R9.3). */
export interface StaffStore {
  /** Writes version 1; fails with ConflictError when the staff member exists. */
  createStaff(member: StaffMember): Promise<void>;
  getStaff(hostId: string, staffId: string): Promise<StaffMember | undefined>;
  /** Writes `member` (its version already bumped) only if the stored version is `expectedVersion`. */
  saveStaff(member: StaffMember, expectedVersion: number): Promise<void>;
  /** Every staff member of the host, ordered by id. */
  listStaff(hostId: string): Promise<StaffMember[]>;
  /** Idempotent: a staff member already gone is not an error. */
  deleteStaff(hostId: string, staffId: string): Promise<void>;
}
