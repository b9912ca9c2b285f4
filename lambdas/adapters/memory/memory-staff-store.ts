import { ConflictError, StaleWriteError } from '#core/errors.ts';
import type { StaffMember } from '#core/staff/staff-member.ts';
import type { StaffStore } from '#ports/staff-store.ts';
import { keys, sortKeyPrefix } from '../common/store-keys.ts';
import { type CapacityMeter, unmetered } from './capacity.ts';
import { MemoryTable } from './memory-table.ts';

/**
 * Staff members (R12) in memory, keyed as DynamoStaffStore keys them (store-keys.ts), with the same
 * versioned writes; each read is a fresh copy, as from DynamoDB.
 */
export class MemoryStaffStore implements StaffStore {
  private readonly table: MemoryTable;

  /** `meter` hears of each call DynamoStaffStore would make, with its capacity units. */
  constructor(meter: CapacityMeter = unmetered) {
    this.table = new MemoryTable(meter);
  }

  async createStaff(member: StaffMember): Promise<void> {
    if (!this.table.putIf(staffRow(member), (stored) => stored === undefined))
      throw new ConflictError(`staff member ${member.staffId} exists`);
  }

  async getStaff(hostId: string, staffId: string): Promise<StaffMember | undefined> {
    return this.table.get<StaffMember>(keys.host(hostId), keys.staff(staffId));
  }

  async saveStaff(member: StaffMember, expectedVersion: number): Promise<void> {
    // Also refused when nothing is stored, so a save never brings back a removed staff member.
    if (!this.table.putIf(staffRow(member), (stored) => stored?.version === expectedVersion))
      throw new StaleWriteError(`staff member ${member.staffId} is no longer at version ${expectedVersion}`);
  }

  async listStaff(hostId: string): Promise<StaffMember[]> {
    return this.table.query<StaffMember>(keys.host(hostId), sortKeyPrefix.staff);
  }

  async deleteStaff(hostId: string, staffId: string): Promise<void> {
    this.table.delete(keys.host(hostId), keys.staff(staffId));
  }
}

function staffRow(member: StaffMember) {
  return {
    pk: keys.host(member.hostId),
    sk: keys.staff(member.staffId),
    kind: 'staffMember',
    entity: member,
    version: member.version,
  };
}
