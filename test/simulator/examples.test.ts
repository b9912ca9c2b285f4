import { beforeAll, describe, expect, it } from 'vitest';
import { lockConstraints, pinViolations } from '#core/codes/constraints.ts';
import type { Report, ReservationReport } from '../../simulator/report.ts';
import { byId, runExample } from '../support/examples.ts';

// The example scenarios replayed through the real runtime; each asserts the rules it illustrates.

const HOUR = 3_600_000;
const MINUTE = 60_000;
const t = (iso: string | null) => Date.parse(iso ?? 'invalid');
const attemptsOn = (r: ReservationReport, lockId: string) =>
  r.timeline.filter((e) => e.event === 'code.requested' && e.lockId === lockId).map((e) => e.at);

describe('examples/calm-week.json', () => {
  let report: Report;
  beforeAll(async () => {
    report = await runExample('calm-week');
  });

  it('gives every guest a working code at activeFrom and leaves nothing behind', () => {
    expect(report.kpis.workingCodeAtActiveFromRate).toBe(1);
    expect(report.kpis.codesLeftAfterDeletionDue).toBe(0);
    expect(report.kpis.foreignCodesTouched).toBe(0);
    expect(report.locks.flatMap((l) => l.codesAtEnd)).toEqual([]);
  });

  it('sets one PIN on both locks three days before activeFrom, or at once for later bookings (R1.1, R2.3)', () => {
    for (const r of report.reservations) {
      const due = Math.max(t(r.activeFrom) - 72 * HOUR, t(r.timeline[0]?.at ?? null));
      expect(r.locks.map((l) => l.lockId)).toEqual(['front', 'garage']);
      for (const lock of r.locks) expect(t(lock.setAt) - due).toBe(20_000); // the sandbox confirms in 20 s
    }
  });

  it('messages the code ten minutes before activeFrom by email, and SMS when a phone is known (R5.1, R5.2)', () => {
    for (const r of report.reservations) {
      expect(r.guestMessages).toHaveLength(1);
      expect(t(r.guestMessages[0]?.at ?? null)).toBe(t(r.activeFrom) - 10 * MINUTE);
      expect(r.guestMessages[0]?.code).toBe(r.pin);
    }
    expect(byId(report, 'r1').guestMessages[0]?.via).toEqual(['email', 'sms']);
    expect(byId(report, 'r2').guestMessages[0]?.via).toEqual(['email']);
  });

  it('removes each code from every lock 24 hours after activeUntil (R7.2)', () => {
    for (const r of report.reservations) {
      for (const lock of r.locks) expect(t(lock.removedAt)).toBe(t(r.activeUntil) + 24 * HOUR + 20_000);
    }
  });

  it('replays byte for byte with the same seed', async () => {
    expect(JSON.stringify(await runExample('calm-week'))).toBe(JSON.stringify(report));
  });
});

describe('examples/stormy-weekend.json', () => {
  let report: Report;
  beforeAll(async () => {
    report = await runExample('stormy-weekend');
  });

  it('retries a rejecting lock 4 more times the same local day, then daily, until it takes the code (R4.1)', () => {
    const storm = byId(report, 'storm-1');
    expect(attemptsOn(storm, 'loft-main')).toEqual([
      '2026-12-01T13:30:00.000Z', // activeFrom − 3 days
      '2026-12-01T13:37:00.000Z', // confirmation awaited 2 min, then +5 min
      '2026-12-01T13:54:00.000Z', // +15 min
      '2026-12-01T14:41:00.000Z', // +45 min
      '2026-12-01T16:43:00.000Z', // +2 h: the fourth retry of the day
      '2026-12-02T13:30:00.000Z', // then once a day
      '2026-12-03T13:30:00.000Z',
    ]);
    expect(storm.locks.find((l) => l.lockId === 'loft-main')).toMatchObject({
      attempts: 7,
      setAt: '2026-12-03T13:30:20.000Z',
    });
    expect(storm.workingCodeAtActiveFrom).toBe(true);
  });

  it('counts a code on an offline lock as set only when the lock confirms it after the outage (R4.2)', () => {
    const hut = byId(report, 'storm-3');
    expect(attemptsOn(hut, 'hut-door')).toEqual(['2026-12-06T14:50:00.000Z']);
    expect(hut.locks[0]?.setAt).toBe('2026-12-06T20:00:00.000Z');
  });

  it('gives the guest of a lock offline at the daily healthcheck a backup the code message carries (R4.3, R4.4, R6.2)', () => {
    const hut = byId(report, 'storm-3');
    // 08:00 America/New_York: the local runtime's daily healthcheck, run in virtual time.
    expect(hut.backup).toMatchObject({ lockId: 'hut-door', issuedAt: '2026-12-06T13:00:00.000Z' });
    expect(hut.backup?.code).not.toBe(hut.pin);
    expect(hut.guestMessages.map((m) => [m.at, m.code, m.isBackup])).toEqual([
      ['2026-12-06T14:50:00.000Z', hut.backup?.code, true],
    ]);
    expect(hut.workingCodeAtActiveFrom).toBe(true);
    expect(report.kpis.guestsWithoutWorkingCode).toBe(0);
    expect(report.kpis.backupCodesIssued).toBe(1);
  });

  it('retires the issued backup at activeUntil and programs a fresh pool code in its place (R6.3)', () => {
    const hut = byId(report, 'storm-3');
    expect(hut.timeline.filter((e) => e.event.startsWith('backup.')).map((e) => [e.at, e.event])).toEqual([
      ['2026-12-06T13:00:00.000Z', 'backup.issued'],
      ['2026-12-07T09:00:00.000Z', 'backup.retired'],
    ]);
    const codes = report.locks.find((l) => l.id === 'hut-door')?.codesAtEnd.map((c) => c.code) ?? [];
    expect(codes).toHaveLength(5);
    expect(codes).not.toContain(hut.backup?.code);
  });

  it('raises and clears pool signals as pool codes fail and then get programmed (R6.4)', () => {
    const main = report.locks.find((l) => l.id === 'loft-main');
    expect(main?.signals).toEqual([
      { at: '2026-12-01T00:00:00.000Z', signal: 'empty_backup_access_code_pool', active: true },
      { at: '2026-12-01T00:00:20.000Z', signal: 'partial_backup_access_code_pool', active: true },
      { at: '2026-12-04T13:20:00.000Z', signal: 'partial_backup_access_code_pool', active: false },
      { at: '2026-12-04T13:20:20.000Z', signal: 'empty_backup_access_code_pool', active: false },
    ]);
    // igloohome keeps no pool (R6.1 capability flag).
    expect(report.locks.find((l) => l.id === 'loft-side')?.signals).toEqual([]);
  });

  it('leaves no guest code behind once the locks are back online; only pool codes stay (R7.2, R7.3, R6.1)', () => {
    expect(report.kpis.codesLeftAfterDeletionDue).toBe(0);
    const left = report.locks.flatMap((l) => l.codesAtEnd);
    expect(left.every((c) => c.owner === 'lockstep' && /^Backup \d$/.test(c.name))).toBe(true);
    const guestPins = new Set(report.reservations.map((r) => r.pin));
    expect(left.filter((c) => guestPins.has(c.code))).toEqual([]);
  });
});

describe('examples/last-minute.json', () => {
  let report: Report;
  beforeAll(async () => {
    report = await runExample('last-minute');
  });

  it('requests the code at once when a booking arrives after its programming time (R2.3)', () => {
    const late = byId(report, 'late-1');
    expect(attemptsOn(late, 'studio-door')).toEqual(['2026-12-10T22:50:00.000Z']);
    expect(attemptsOn(late, 'lobby')).toEqual(['2026-12-10T22:50:00.000Z']);
  });

  it('messages the guest at once when activeFrom − 10 minutes has already passed (R5.1)', () => {
    expect(byId(report, 'late-1').guestMessages.map((m) => m.at)).toEqual(['2026-12-10T22:50:00.000Z']);
  });

  it('programs a lock without native scheduling only ten minutes before activeFrom (R2.3)', () => {
    const r = byId(report, 'late-2');
    expect(attemptsOn(r, 'lobby')).toEqual(['2026-12-12T21:30:00.000Z']);
    expect(attemptsOn(r, 'studio-door')).toEqual(['2026-12-12T21:50:00.000Z']);
  });

  it('names the code after the confirmation code when the guest name is outside GSM 03.38 (R3.4)', () => {
    expect(byId(report, 'late-3').codeName).toBe('LATE0003');
    expect(byId(report, 'late-2').codeName).toBe('Ana Pérez');
  });

  it('gives every late guest a working code within a minute of booking', () => {
    expect(report.kpis.workingCodeAtActiveFromRate).toBe(1);
  });
});

describe('examples/nuki-phone-pins.json', () => {
  let report: Report;
  beforeAll(async () => {
    report = await runExample('nuki-phone-pins');
  });
  const nuki = lockConstraints({ lockId: 'chalet-keypad', model: 'nuki', codeLengths: [6], maxCodes: 100 });
  const chosen = (id: string) => byId(report, id).timeline.find((e) => e.event === 'code.chosen')?.detail;

  it('uses the last six digits of the phone when the lock allows them (R3.1)', () => {
    expect(byId(report, 'phone-ok').pin).toBe('593847');
    expect(chosen('phone-ok')).toContain('pin from phone');
  });

  it('falls back to a random PIN when the phone digits break a Nuki rule, are taken, or are missing (R3.1, R3.2, R3.3)', () => {
    expect(chosen('phone-zero')).toContain('random (phone_not_allowed)'); // …203040 has zeros
    expect(chosen('phone-twelve')).toContain('random (phone_not_allowed)'); // …128573 starts with 12
    expect(chosen('phone-taken')).toContain('random (phone_taken)'); // …482915 is the cleaner's code
    expect(chosen('no-phone')).toContain('random (no_phone)');
  });

  it('chooses only PINs the Nuki keypad accepts and that collide with no code on it (R3.2, R3.3)', () => {
    for (const r of report.reservations) {
      expect(pinViolations(r.pin ?? '', nuki)).toEqual([]);
      expect(['482915', '731946']).not.toContain(r.pin);
    }
  });

  it('never touches the codes it did not create (R1.3)', () => {
    expect(report.kpis.foreignCodesTouched).toBe(0);
    expect(report.locks[0]?.codesAtEnd).toEqual([
      { code: '482915', name: 'Cleaner', owner: 'foreign' },
      { code: '731946', name: 'Owner', owner: 'foreign' },
    ]);
  });
});
