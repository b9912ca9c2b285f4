import { describe, expect, it } from 'vitest';
import type { StaffCode, StaffView } from '../../web/src/api/types.ts';
import { staffOnLocks } from '../../web/src/data/staff-on-locks.ts';

// R13.4, R12: the staff codes the locks view lists on each lock.

const code = (status: StaffCode['status'], locks: [string, StaffCode['locks'][number]['status']][]) =>
  ({
    status,
    locks: locks.map(([lockId, lockStatus]) => ({ lockId, status: lockStatus })),
  }) as StaffCode;

const member = (staffId: string, codes: StaffCode[]) =>
  ({ staffId, name: `Crew ${staffId}`, codes }) as StaffView;

describe('R13.4 staff codes on each lock', () => {
  it('lists a member once per lock, by their soonest current code', () => {
    const entries = staffOnLocks([
      member('a', [
        code('active', [
          ['front', 'set'],
          ['back', 'failed'],
        ]),
        code('scheduled', [
          ['front', 'pending'],
          ['gate', 'pending'],
        ]),
      ]),
    ]);
    expect(entries.map((e) => [e.lockId, e.status])).toEqual([
      ['front', 'set'],
      ['back', 'failed'],
      ['gate', 'pending'],
    ]);
  });

  it('R12.2 leaves out past codes and codes already off the lock', () => {
    const entries = staffOnLocks([
      member('a', [code('ended', [['front', 'set']]), code('removed', [['back', 'removing']])]),
      member('b', [code('scheduled', [['front', 'removed']])]),
    ]);
    expect(entries).toEqual([]);
  });

  it('names each member and their id for the link', () => {
    const [entry] = staffOnLocks([member('b', [code('scheduled', [['front', 'requested']])])]);
    expect(entry).toEqual({ lockId: 'front', staffId: 'b', name: 'Crew b', status: 'requested' });
  });
});
