import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ConflictError, StaleWriteError } from '#core/errors.ts';
import type { StaffMember } from '#core/staff/staff-member.ts';
import type { StaffStore } from '#ports/staff-store.ts';
import { keys, sortKeyPrefix } from '../common/store-keys.ts';
import { atVersion, type Item, item, n, TableItems } from './table-items.ts';

/**
 * Staff members (R12) on the single table, under their host (`STAFF#id`): a host's staff are one
 * Query of its partition, and a property's are found among them (a host has few), so no index.
 */
export class DynamoStaffStore implements StaffStore {
  private readonly items: TableItems;

  constructor(client: DynamoDBClient, tableName: string) {
    this.items = new TableItems(client, tableName, undefined);
  }

  async createStaff(member: StaffMember): Promise<void> {
    await this.items.putIf(
      staffItem(member),
      { ConditionExpression: 'attribute_not_exists(pk)' },
      () => new ConflictError(`staff member ${member.staffId} exists`),
    );
  }

  getStaff(hostId: string, staffId: string): Promise<StaffMember | undefined> {
    return this.items.get<StaffMember>(keys.host(hostId), keys.staff(staffId));
  }

  async saveStaff(member: StaffMember, expectedVersion: number): Promise<void> {
    // Also refused when the item is missing, so a save never brings back a removed staff member.
    await this.items.putIf(
      staffItem(member),
      atVersion(expectedVersion),
      () => new StaleWriteError(`staff member ${member.staffId} is no longer at version ${expectedVersion}`),
    );
  }

  listStaff(hostId: string): Promise<StaffMember[]> {
    return this.items.query<StaffMember>(keys.host(hostId), sortKeyPrefix.staff);
  }

  async deleteStaff(hostId: string, staffId: string): Promise<void> {
    await this.items.delete(keys.host(hostId), keys.staff(staffId));
  }
}

function staffItem(member: StaffMember): Item {
  return {
    ...item(keys.host(member.hostId), keys.staff(member.staffId), 'staffMember', member),
    version: n(member.version),
  };
}
