import { describe, expect, it } from 'vitest';
import { noAwsCalls } from '#local/aws-calls.ts';
import {
  attemptsAndBackupsByDay,
  MAX_OUTAGE_ROWS,
  outagesAgainstStays,
  workingCodesByArrivalDay,
} from '../../simulator/html/report-charts.ts';
import type { Report, ReservationReport } from '../../simulator/report.ts';

// The HTML report's figures, derived from a report: what each chart draws.

function stay(id: string, over: Partial<ReservationReport>): ReservationReport {
  return {
    id,
    status: 'accepted',
    pin: '123456',
    codeName: id,
    activeFrom: '2026-12-02T15:00:00.000Z',
    activeUntil: '2026-12-04T10:00:00.000Z',
    locks: [{ lockId: 'front', setAt: null, removedAt: null, attempts: 1 }],
    backup: null,
    guestMessages: [],
    hostAlerts: [],
    workingCodeAtActiveFrom: true,
    timeline: [],
    ...over,
  };
}

function reportOf(reservations: ReservationReport[]): Report {
  return {
    scenario: { seed: 1, start: '2026-12-01T00:00:00Z', end: '2026-12-05T00:00:00Z' },
    reservations,
    locks: [],
    kpis: {
      reservations: reservations.length,
      workingCodeAtActiveFromRate: null,
      guestsWithoutWorkingCode: 0,
      backupCodesIssued: 0,
      hostAlerts: 0,
      guestMessages: 0,
      lastMinuteBackupP95Seconds: null,
      codesLeftAfterDeletionDue: 0,
      foreignCodesTouched: 0,
      awsCalls: noAwsCalls(),
    },
    notes: [],
  };
}

describe('working codes by arrival day', () => {
  it('counts judged stays by UTC arrival day, with and without a working code, one bucket per day of the run', () => {
    const series = workingCodesByArrivalDay(
      reportOf([
        stay('a', { activeFrom: '2026-12-02T15:00:00.000Z' }),
        stay('b', { activeFrom: '2026-12-02T23:59:00.000Z', workingCodeAtActiveFrom: false }),
        stay('c', { activeFrom: '2026-12-04T01:00:00.000Z' }),
        stay('cancelled', { status: 'cancelled', workingCodeAtActiveFrom: null }),
      ]),
    );
    expect(series.days).toEqual(['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']);
    expect(series.series.map((s) => s.values)).toEqual([
      [0, 1, 0, 1],
      [0, 1, 0, 0],
    ]);
  });

  it('widens the days to an arrival after the run ends', () => {
    const series = workingCodesByArrivalDay(
      reportOf([stay('late', { activeFrom: '2026-12-06T12:00:00.000Z' })]),
    );
    expect(series.days.at(-1)).toBe('2026-12-06');
    expect(series.series[0]?.values.at(-1)).toBe(1);
  });
});

describe('attempts and backups over time', () => {
  it('counts R4.1 attempts, failed attempts and R4.4 backups issued by the day they happened', () => {
    const timeline = [
      { at: '2026-12-01T13:30:00.000Z', event: 'code.requested', lockId: 'front' },
      { at: '2026-12-01T13:30:20.000Z', event: 'code.failed_on_lock', lockId: 'front' },
      { at: '2026-12-01T13:37:00.000Z', event: 'code.requested', lockId: 'front' },
      { at: '2026-12-03T08:00:00.000Z', event: 'backup.issued', lockId: 'front' },
      { at: '2026-12-03T08:00:00.000Z', event: 'guest.code_message_sent' },
    ];
    const series = attemptsAndBackupsByDay(reportOf([stay('a', { timeline })]));
    expect(series.series.map((s) => [s.label, s.values])).toEqual([
      ['Attempts to set a code', [2, 0, 0, 0]],
      ['Failed attempts', [1, 0, 0, 0]],
      ['Backup codes issued', [0, 0, 1, 0]],
    ]);
  });
});

describe('lock outages against stays', () => {
  it('gives each lock that went offline its outages, clipped to the run, and the stays on it', () => {
    const chart = outagesAgainstStays(
      reportOf([
        stay('a', {}),
        stay('b', { locks: [{ lockId: 'back', setAt: null, removedAt: null, attempts: 1 }] }),
      ]),
      [
        { lockId: 'front', from: '2026-11-30T00:00:00Z', to: '2026-12-01T06:00:00Z' },
        { lockId: 'front', from: '2026-12-03T00:00:00Z', to: '2026-12-03T06:00:00Z' },
      ],
    );
    expect(chart.rows).toHaveLength(1);
    const row = chart.rows[0];
    expect(row?.outages).toEqual([
      [Date.parse('2026-12-01T00:00:00Z'), Date.parse('2026-12-01T06:00:00Z')],
      [Date.parse('2026-12-03T00:00:00Z'), Date.parse('2026-12-03T06:00:00Z')],
    ]);
    expect(row?.stays.map((s) => s.reservationId)).toEqual(['a']);
    expect(row?.staysHit).toBe(1);
  });

  it('leaves out cancelled stays and outages wholly outside the run', () => {
    const chart = outagesAgainstStays(reportOf([stay('gone', { status: 'cancelled' })]), [
      { lockId: 'front', from: '2026-12-02T00:00:00Z', to: '2026-12-02T01:00:00Z' },
      { lockId: 'back', from: '2026-12-09T00:00:00Z', to: '2026-12-10T00:00:00Z' },
    ]);
    expect(chart.rows.map((r) => [r.lockId, r.stays.length])).toEqual([['front', 0]]);
  });

  it(`puts the locks whose outages met most stays first and keeps ${MAX_OUTAGE_ROWS} rows`, () => {
    const locks = Array.from({ length: MAX_OUTAGE_ROWS + 3 }, (_, i) => `lock-${String(i).padStart(2, '0')}`);
    const hit = 'lock-07';
    const chart = outagesAgainstStays(
      reportOf([stay('a', { locks: [{ lockId: hit, setAt: null, removedAt: null, attempts: 1 }] })]),
      locks.map((lockId) => ({ lockId, from: '2026-12-03T00:00:00Z', to: '2026-12-03T06:00:00Z' })),
    );
    expect(chart.rows[0]?.lockId).toBe(hit);
    expect(chart.rows).toHaveLength(MAX_OUTAGE_ROWS);
    expect(chart.moreLocks).toBe(3);
  });
});
