import { beforeAll, describe, expect, it } from 'vitest';
import type { Report, ReservationReport } from '../../simulator/report.ts';
import { byId, runExample } from '../support/examples.ts';

// examples/changes-and-cancellations.json: stays extended, shortened, moved in time and moved to
// another property; cancellations before and after the code was set; a lock offline when a code
// was due to leave it (R7.1–R7.3). flat-door and studio-door schedule natively; flat-lobby does not.

const HOUR = 3_600_000;
const CONFIRMATION = 20_000; // the sandbox confirms a change 20 s after it is requested
const t = (iso: string | null | undefined) => Date.parse(iso ?? 'invalid');
const lock = (r: ReservationReport, lockId: string) => r.locks.find((l) => l.lockId === lockId);
const events = (r: ReservationReport, event: string) =>
  r.timeline.filter((e) => e.event === event).map((e) => [e.at, e.lockId ?? e.detail]);

describe('examples/changes-and-cancellations.json', () => {
  let report: Report;
  beforeAll(async () => {
    report = await runExample('changes-and-cancellations');
  });

  it('accepts every change and cancellation the channel sends', () => {
    expect(report.notes).toEqual([]);
    expect(report.reservations.map((r) => [r.id, r.status])).toEqual([
      ['extended', 'accepted'],
      ['shortened', 'accepted'],
      ['moved', 'accepted'],
      ['relocated', 'accepted'],
      ['cancelled-early', 'cancelled'],
      ['cancelled-late', 'cancelled'],
    ]);
  });

  it('R7.1 gives an extended stay its new window on the lock that holds one, confirmed by the lock', () => {
    const r = byId(report, 'extended');
    expect(r.activeUntil).toBe('2026-12-06T10:00:00.000Z');
    expect(events(r, 'code.window_update_requested')).toEqual([['2026-12-04T12:00:00.000Z', 'flat-door']]);
    expect(lock(r, 'flat-door')?.setAt).toBe('2026-12-04T12:00:20.000Z');
    // The lobby cannot hold a window: its code, set before the stay, stays as it is.
    expect(lock(r, 'flat-lobby')?.setAt).toBe('2026-12-03T14:50:20.000Z');
  });

  it('R7.1 gives a shortened stay its new window, and its codes leave at the new times', () => {
    const r = byId(report, 'shortened');
    expect(r.activeUntil).toBe('2026-12-08T10:00:00.000Z');
    expect(lock(r, 'flat-door')?.setAt).toBe('2026-12-08T09:00:20.000Z');
    expect(lock(r, 'flat-lobby')?.removedAt).toBe('2026-12-08T10:00:20.000Z');
  });

  it('R7.1 moves every entry of a stay moved in time: programming, message and deletion (R2.4)', () => {
    const r = byId(report, 'moved');
    expect(events(r, 'schedule.provision').at(-1)).toEqual([
      '2026-12-05T12:00:00.000Z',
      '2026-12-09T15:00:00.000Z',
    ]);
    expect(lock(r, 'flat-door')?.setAt).toBe('2026-12-09T15:00:20.000Z'); // new activeFrom − 3 days
    expect(lock(r, 'flat-lobby')?.setAt).toBe('2026-12-12T14:50:20.000Z'); // new activeFrom − 10 minutes
    expect(r.guestMessages.map((m) => m.at)).toEqual(['2026-12-12T14:50:00.000Z']);
    expect(r.workingCodeAtActiveFrom).toBe(true);
  });

  it('R7.1 takes the code off the old property’s locks and sets it on the new property’s', () => {
    const r = byId(report, 'relocated');
    expect(r.locks).toEqual([
      {
        lockId: 'flat-door',
        setAt: '2026-12-02T15:00:20.000Z',
        removedAt: '2026-12-03T12:00:20.000Z',
        attempts: 1,
      },
      {
        lockId: 'studio-door',
        setAt: '2026-12-03T12:00:20.000Z',
        removedAt: '2026-12-08T10:00:20.000Z',
        attempts: 1,
      },
    ]);
    expect(events(r, 'code.lock_dropped')).toEqual([['2026-12-03T12:00:00.000Z', 'flat-lobby']]); // never programmed there
    expect(r.workingCodeAtActiveFrom).toBe(true);
  });

  it('R7.2 deletes from natively-scheduling locks 24 hours after activeUntil, and from the lobby at activeUntil', () => {
    const removals = (id: string) => {
      const r = byId(report, id);
      return r.locks.map((l) => [l.lockId, (t(l.removedAt) - t(r.activeUntil) - CONFIRMATION) / HOUR]);
    };
    expect(removals('extended')).toEqual([
      ['flat-door', 24],
      ['flat-lobby', 0], // it cannot enforce the window itself (docs/decisions.md)
    ]);
    expect(removals('moved')).toEqual([
      ['flat-door', 24],
      ['flat-lobby', 0],
    ]);
    expect(removals('relocated').at(-1)).toEqual(['studio-door', 24]);
  });

  it('R7.2 deletes a cancelled reservation’s code 24 hours after the cancellation', () => {
    const r = byId(report, 'cancelled-late');
    const cancelledAt = t(events(r, 'reservation.cancelled')[0]?.[0]);
    expect(cancelledAt).toBe(t('2026-12-03T09:00:00Z'));
    expect(t(lock(r, 'flat-door')?.removedAt)).toBe(cancelledAt + 24 * HOUR + CONFIRMATION);
    expect(lock(r, 'flat-lobby')).toMatchObject({ setAt: null, attempts: 0 }); // its programming time never came
    expect(r.guestMessages).toEqual([]);
  });

  it('R2.4 fires no entry of a reservation cancelled before provisioning', () => {
    const r = byId(report, 'cancelled-early');
    expect(r.locks.every((l) => l.attempts === 0 && l.setAt === null)).toBe(true);
    expect(r.guestMessages).toEqual([]);
    expect(r.timeline.filter((e) => e.event.startsWith('code.') && e.event !== 'code.chosen')).toEqual([]);
  });

  it('R7.3 cleans a lock that was offline when the code was due, as soon as it reconnects', () => {
    const r = byId(report, 'shortened');
    // flat-door was offline 08:00–14:00 on Dec 9; the code was due at 10:00.
    expect(events(r, 'code.removal_requested')).toContainEqual(['2026-12-09T10:00:00.000Z', 'flat-door']);
    expect(lock(r, 'flat-door')?.removedAt).toBe('2026-12-09T14:00:00.000Z');
  });

  it('leaves no code behind and never touches the cleaner’s (R1.3, R7.2)', () => {
    expect(report.kpis.codesLeftAfterDeletionDue).toBe(0);
    expect(report.kpis.foreignCodesTouched).toBe(0);
    expect(report.kpis.workingCodeAtActiveFromRate).toBe(1);
    expect(report.locks.flatMap((l) => l.codesAtEnd)).toEqual([
      { code: '4821', name: 'Cleaner', owner: 'foreign' },
    ]);
  });

  it('replays byte for byte with the same seed', async () => {
    expect(JSON.stringify(await runExample('changes-and-cancellations'))).toBe(JSON.stringify(report));
  });
});
