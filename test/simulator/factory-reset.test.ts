import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../simulator/report.ts';
import { byId, runExample } from '../support/examples.ts';

// examples/factory-reset.json: a cabin's front door keeps a backup pool; it is offline when Ben's
// code is due, so he is given a backup (R4.3); during his stay the lock is wiped, then resynced.

describe('examples/factory-reset.json', () => {
  let report: Report;
  beforeAll(async () => {
    report = await runExample('factory-reset');
  });
  const front = () => report.locks.find((l) => l.id === 'front');

  it('R6.4 signals the empty pool when the resync finds it gone, and clears it once the lock confirms it again', () => {
    expect(front()?.signals).toEqual([
      { at: '2026-12-01T00:00:00.000Z', signal: 'empty_backup_access_code_pool', active: true },
      { at: '2026-12-01T00:00:20.000Z', signal: 'empty_backup_access_code_pool', active: false },
      { at: '2026-12-08T10:00:00.000Z', signal: 'empty_backup_access_code_pool', active: true },
      { at: '2026-12-08T10:00:20.000Z', signal: 'empty_backup_access_code_pool', active: false },
    ]);
  });

  it('R1.4 R6.3 restores Ben’s issued backup for him at the resync, with his own code', () => {
    const ben = byId(report, 'ben');
    const after = ben.timeline.filter((e) => e.at >= '2026-12-08T10:00:00.000Z').map((e) => e.event);
    expect(after.slice(0, 5)).toEqual([
      'code.missing_on_lock',
      'provisioning.started',
      'code.requested',
      'backup.restored',
      'code.set_on_lock',
    ]);
    expect(ben.guestMessages.map((m) => [m.code, m.isBackup])).toEqual([[ben.backup?.code, true]]);
    expect(ben.workingCodeAtActiveFrom).toBe(true);
  });

  it('R6.1 R6.3 ends with a full pool of five codes, Ben’s used backup retired and replaced', () => {
    const ben = byId(report, 'ben');
    const codes = front()?.codesAtEnd ?? [];
    expect(codes).toHaveLength(5);
    expect(codes.every((c) => c.owner === 'lockstep' && c.name.startsWith('Backup '))).toBe(true);
    expect(codes.map((c) => c.code)).not.toContain(ben.backup?.code);
    expect(codes.map((c) => c.code)).not.toContain(ben.pin);
  });

  it('R1.3 restores nothing Lockstep did not create and touches no foreign code', () => {
    expect(front()?.codesAtEnd.map((c) => c.name)).not.toContain('Cleaner');
    expect(report.kpis.foreignCodesTouched).toBe(0);
    expect(report.kpis.codesLeftAfterDeletionDue).toBe(0);
    expect(report.notes).toEqual([]);
  });

  it('replays byte for byte with the same seed', async () => {
    expect(JSON.stringify(await runExample('factory-reset'))).toBe(JSON.stringify(report));
  });
});
