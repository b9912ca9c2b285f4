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

  it('R11.2, R4.4: a stay extended past its offline code gets a new one, and the guest hears of it at once', () => {
    const r3 = byId(report, 'r3');
    expect(r3.timeline.map((e) => e.event)).toContain('offline_code.outgrown');
    const issued = r3.timeline.filter((e) => e.event === 'offline_code.issued');
    expect(issued).toHaveLength(2);
    // The first message gave the first code; the extension's code follows when it is issued.
    const [first, second] = r3.guestMessages;
    expect(first?.at).toBe('2026-12-06T20:20:00.000Z');
    expect(second?.at).toBe(issued[1]?.at);
    expect(second?.code).toMatch(/^\d{6}$/);
    expect(second?.code).not.toBe(first?.code);
    expect(r3.locks.find((l) => l.lockId === 'studio')?.setAt).toBe(issued[1]?.at);
    expect(r3.hostAlerts).toEqual([]);
  });

  it('R11.3: a stay shortened after its offline code was issued alerts the host; the guest keeps the code', () => {
    const r4 = byId(report, 'r4');
    expect(r4.hostAlerts).toEqual([{ at: '2026-12-09T01:00:00.000Z', kind: 'offline_code_stays_valid' }]);
    expect(r4.timeline.filter((e) => e.event === 'offline_code.issued')).toHaveLength(1);
    expect(r4.guestMessages).toHaveLength(1);
  });

  it('R11.2: a lock without offline codes issues none (the other examples are unchanged)', async () => {
    const calm = await runExample('calm-week');
    expect(calm.reservations.flatMap((r) => r.locks).some((l) => l.offlineCode)).toBe(false);
  });
});
