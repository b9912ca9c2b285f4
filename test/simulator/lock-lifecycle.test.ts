import { beforeAll, describe, expect, it } from 'vitest';
import type { Report, ReservationReport } from '../../simulator/report.ts';
import { byId, runExample } from '../support/examples.ts';

// examples/lock-lifecycle.json: a garage matched mid-run, a shared side gate unmatched from one
// property and then from the other, a front door wiped and resynced (R1.2–R1.4).

const lock = (r: ReservationReport, lockId: string) => r.locks.find((l) => l.lockId === lockId);
const events = (r: ReservationReport, lockId?: string) =>
  r.timeline.filter((e) => lockId === undefined || e.lockId === lockId).map((e) => [e.at, e.event]);

describe('examples/lock-lifecycle.json', () => {
  let report: Report;
  beforeAll(async () => {
    report = await runExample('lock-lifecycle');
  });

  it('matches the garage to every stay still to come, and not to one already over (R1.2)', () => {
    expect(lock(byId(report, 'lake-1'), 'garage')).toBeUndefined();
    expect(lock(byId(report, 'lake-2'), 'garage')?.setAt).toBe('2026-12-03T12:00:20.000Z'); // at once: due
    expect(lock(byId(report, 'lake-3'), 'garage')?.setAt).toBe('2026-12-05T15:00:20.000Z'); // activeFrom − 3 days
    expect(events(byId(report, 'lake-3'), 'garage')[0]).toEqual([
      '2026-12-03T12:00:00.000Z',
      'code.lock_added',
    ]);
  });

  it('replaces a PIN the garage already holds on every lock of the property, leaving the gardener’s code (R1.2, R3.3)', () => {
    const marta = byId(report, 'lake-2');
    expect(marta.pin).not.toBe('487316'); // her phone's digits, taken by the gardener on the garage
    expect(marta.timeline).toContainEqual({
      at: '2026-12-03T12:00:00.000Z',
      event: 'code.pin_replaced',
      detail: 'PIN not valid or already taken on newly matched lock garage',
    });
    for (const lockId of ['front', 'side-gate', 'garage']) {
      expect(lock(marta, lockId)?.setAt).toBe('2026-12-03T12:00:20.000Z');
    }
    expect(marta.guestMessages.map((m) => m.code)).toEqual([marta.pin]);
    expect(report.locks.find((l) => l.id === 'garage')?.codesAtEnd).toEqual([
      { code: '487316', name: 'Gardener', owner: 'foreign' },
    ]);
  });

  it('takes the lake house’s codes off the side gate when unmatched there, keeping the boathouse’s (R1.3)', () => {
    expect(lock(byId(report, 'lake-2'), 'side-gate')?.removedAt).toBe('2026-12-05T09:00:20.000Z');
    expect(lock(byId(report, 'lake-3'), 'side-gate')).toBeUndefined(); // never programmed there
    expect(events(byId(report, 'lake-3'), 'side-gate')).toEqual([
      ['2026-12-05T09:00:00.000Z', 'code.lock_dropped'],
    ]);
    expect(lock(byId(report, 'boat-1'), 'side-gate')?.removedAt).toBe('2026-12-07T18:00:20.000Z');
  });

  it('deletes every code Lockstep created on the side gate once no property uses it, and nothing else (R1.3)', () => {
    // boat-1 has checked out; its code would otherwise stay until its R7.2 deletion on 2026-12-08.
    expect(byId(report, 'boat-1').timeline).toContainEqual({
      at: '2026-12-07T18:00:00.000Z',
      event: 'code.removal_requested',
      lockId: 'side-gate',
      detail: 'lock matched to no property',
    });
    expect(lock(byId(report, 'boat-2'), 'side-gate')?.removedAt).toBe('2026-12-07T18:00:20.000Z');
    expect(report.locks.find((l) => l.id === 'side-gate')?.codesAtEnd).toEqual([
      { code: '2580', name: 'Pool service', owner: 'foreign' },
    ]);
    expect(report.kpis.foreignCodesTouched).toBe(0);
  });

  it('puts the codes back on the front door after a factory reset and a resync (R1.4)', () => {
    const noor = byId(report, 'lake-3');
    expect(events(noor, 'front')).toEqual([
      ['2026-12-05T15:00:00.000Z', 'code.requested'],
      ['2026-12-05T15:00:20.000Z', 'code.set_on_lock'],
      ['2026-12-06T13:00:00.000Z', 'code.missing_on_lock'],
      ['2026-12-06T13:00:00.000Z', 'code.requested'],
      ['2026-12-06T13:00:20.000Z', 'code.set_on_lock'],
      ['2026-12-11T10:00:00.000Z', 'code.removal_requested'],
      ['2026-12-11T10:00:20.000Z', 'code.removed_from_lock'],
    ]);
    expect(noor.workingCodeAtActiveFrom).toBe(true);
  });

  it('gives every guest a working code and leaves no Lockstep code behind', () => {
    expect(report.kpis.workingCodeAtActiveFromRate).toBe(1);
    expect(report.kpis.codesLeftAfterDeletionDue).toBe(0);
    expect(report.locks.flatMap((l) => l.codesAtEnd).filter((c) => c.owner === 'lockstep')).toEqual([]);
    expect(report.notes).toEqual([]);
  });

  it('replays byte for byte with the same seed', async () => {
    expect(JSON.stringify(await runExample('lock-lifecycle'))).toBe(JSON.stringify(report));
  });
});
