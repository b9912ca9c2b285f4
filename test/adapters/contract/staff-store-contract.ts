import { describe, expect, it } from 'vitest';
import { ConflictError, StaleWriteError } from '#core/errors.ts';
import type { StaffMember } from '#core/staff/staff-member.ts';
import type { StaffStore } from '#ports/staff-store.ts';
import { freshPerTest, type Start } from './harness.ts';

// What every StaffStore does alike (R12): versioned writes, a host's staff by id, host isolation (R9.3).

const member = (hostId: string, staffId: string, changes: Partial<StaffMember> = {}): StaffMember => ({
  hostId,
  staffId,
  name: `Crew ${staffId}`,
  email: `${staffId}@example.com`,
  propertyIds: ['villa'],
  schedule: 'turnovers',
  hoursWhenNoNextStay: 6,
  createdAt: Date.UTC(2026, 11, 1),
  version: 1,
  ...changes,
});

/** Registers the staff store contract against the adapter `start` makes on empty state for each test. */
export function staffStoreContract(adapter: string, start: Start<StaffStore>): void {
  describe(`${adapter}: staff store contract (R12)`, () => {
    const store = freshPerTest(start);

    it('stores a staff member with every field and reads it back', async () => {
      const s = store();
      await s.createStaff(member('h1', 'crew'));
      expect(await s.getStaff('h1', 'crew')).toEqual(member('h1', 'crew'));
      expect(await s.getStaff('h1', 'nobody')).toBeUndefined();
    });

    it('refuses to create a staff member twice, keeping the first', async () => {
      const s = store();
      await s.createStaff(member('h1', 'crew'));
      await expect(s.createStaff(member('h1', 'crew', { name: 'Other' }))).rejects.toBeInstanceOf(
        ConflictError,
      );
      expect((await s.getStaff('h1', 'crew'))?.name).toBe('Crew crew');
    });

    it('saves only over the version read, and never brings back a removed staff member', async () => {
      const s = store();
      await s.createStaff(member('h1', 'crew'));
      await s.saveStaff(member('h1', 'crew', { name: 'Renamed', version: 2 }), 1);
      await expect(s.saveStaff(member('h1', 'crew', { version: 2 }), 1)).rejects.toBeInstanceOf(
        StaleWriteError,
      );
      expect((await s.getStaff('h1', 'crew'))?.name).toBe('Renamed');
      await s.deleteStaff('h1', 'crew');
      await s.deleteStaff('h1', 'crew');
      await expect(s.saveStaff(member('h1', 'crew', { version: 3 }), 2)).rejects.toBeInstanceOf(
        StaleWriteError,
      );
      expect(await s.getStaff('h1', 'crew')).toBeUndefined();
    });

    it('lists a host’s staff by id and nothing of another host’s (R9.3)', async () => {
      const s = store();
      for (const id of ['b', 'a', 'c']) await s.createStaff(member('h1', id));
      await s.createStaff(member('h2', 'z'));
      expect((await s.listStaff('h1')).map((m) => m.staffId)).toEqual(['a', 'b', 'c']);
      expect((await s.listStaff('h2')).map((m) => m.staffId)).toEqual(['z']);
      expect(await s.getStaff('h2', 'a')).toBeUndefined();
    });
  });
}
