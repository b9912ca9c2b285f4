import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../simulator/report.ts';
import { byId, runExample } from '../support/examples.ts';

// examples/offline-igloohome.json: an igloohome lock offline for the whole scenario, declaring
// offline-code limits (whole hours, first use within 24 hours of the start).

const HOUR = 3_600_000;
const t = (iso: string | null | undefined) => Date.parse(iso ?? 'invalid');

describe('examples/offline-igloohome.json', () => {
  let report: Report;
  beforeAll(async () => {
    report = await runExample('offline-igloohome');
  });

  it('R11.1, R11.2: a guest whose lock never came online holds a working offline code at activeFrom', () => {
    const r1 = byId(report, 'r1');
    expect(r1.workingCodeAtActiveFrom).toBe(true);
    const studio = r1.locks.find((l) => l.lockId === 'studio');
    expect(studio?.offlineCode).toBe(true);
    // Issued at programming time, the lock being offline then; the own code stays requested.
    const requested = r1.timeline.find((e) => e.event === 'code.requested');
    expect(studio?.setAt).toBe(requested?.at);
    expect(t(studio?.setAt)).toBeLessThan(t(r1.activeFrom) - 36 * HOUR);
    expect(r1.guestMessages).toHaveLength(1);
    expect(r1.guestMessages[0]?.code).toMatch(/^\d{6}$/);
    expect(r1.guestMessages[0]?.code).not.toBe(r1.pin);
  });

  it('R11.2: the offline code is preferred to a pool backup, and needs no alert about the code', () => {
    for (const r of report.reservations) expect(r.backup).toBeNull();
    expect(report.kpis.backupCodesIssued).toBe(0);
    expect(byId(report, 'r1').hostAlerts).toEqual([]);
  });

  it('R11.2: the window is rounded outward to whole hours, and first use limited to 24 hours after', () => {
    const r1 = byId(report, 'r1');
    const issued = r1.timeline.find((e) => e.event === 'offline_code.issued');
    // activeFrom 20:30Z rounds down to 20:00Z; first use within 24 hours of that.
    expect(r1.activeFrom).toBe('2026-12-03T20:30:00.000Z');
    expect(issued?.detail).toBe('first use before 2026-12-04T20:00:00.000Z');
  });

  it('R11.3: a cancellation alerts the host that the offline code stays valid', () => {
    const r2 = byId(report, 'r2');
    expect(r2.status).toBe('cancelled');
    expect(r2.locks.find((l) => l.lockId === 'studio')?.offlineCode).toBe(true);
    expect(r2.hostAlerts).toEqual([{ at: '2026-12-05T12:00:00.000Z', kind: 'offline_code_stays_valid' }]);
  });

  it('R11.2: a lock without offline codes issues none (the other examples are unchanged)', async () => {
    const calm = await runExample('calm-week');
    expect(calm.reservations.flatMap((r) => r.locks).some((l) => l.offlineCode)).toBe(false);
  });
});
