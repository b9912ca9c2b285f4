import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '#local/runtime.ts';
import type { Report } from '../../simulator/report.ts';
import { parseScenario } from '../../simulator/scenario.ts';
import { simulate } from '../../simulator/simulate.ts';
import type { StaffReport } from '../../simulator/staff-report.ts';
import { kpiTable } from '../../simulator/summary.ts';
import { byId, runExample } from '../support/examples.ts';

// examples/turnover-crew.json: a cleaning crew on `turnovers` and a handyman on `always`, removed
// mid-scenario, on a cottage with a lock that keeps windows (front) and one that does not (shed).
// The locks are watched as virtual time runs: what a PIN opened, and when, is the locks' truth.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const LOCKS = ['front', 'shed'];
/** The shed is offline across the start of the second turnover. */
const SHED_OUTAGE = { from: Date.parse('2026-12-07T16:20:00Z'), to: Date.parse('2026-12-07T16:50:00Z') };
const t = (iso: string | null | undefined) => Date.parse(iso ?? 'invalid');

interface Seen {
  code: string;
  startsAt?: number | undefined;
  endsAt?: number | undefined;
}
/** Each lock's codes from `at` until the next snapshot's `at`. */
interface Snapshot {
  at: number;
  locks: Record<string, Seen[]>;
}

/** Whether `pin` opened `lockId` at some instant of [from, to). */
function opensDuring(
  history: readonly Snapshot[],
  lockId: string,
  pin: string,
  from: number,
  to: number,
): boolean {
  return history.some((snap, i) => {
    const until = history[i + 1]?.at ?? Number.POSITIVE_INFINITY;
    return (snap.locks[lockId] ?? []).some((c) => {
      if (c.code !== pin) return false;
      const start = Math.max(from, snap.at, c.startsAt ?? Number.NEGATIVE_INFINITY);
      const end = Math.min(to, until, c.endsAt ?? Number.POSITIVE_INFINITY);
      return start < end;
    });
  });
}

const staffOf = (report: Report, id: string): StaffReport => {
  const found = report.staff?.find((s) => s.id === id);
  if (!found) throw new Error(`no staff member ${id}`);
  return found;
};

describe('examples/turnover-crew.json (R12)', () => {
  let report: Report;
  const history: Snapshot[] = [];
  let crewMessages: { at: number; text: string }[] = [];

  beforeAll(async () => {
    let runtime: LocalRuntime | undefined;
    const look = () => {
      if (!runtime) return;
      const sandbox = runtime.sandbox;
      const locks = Object.fromEntries(
        LOCKS.map((id) => [
          id,
          sandbox.codesOnDevice(id).map((c) => ({ code: c.code, startsAt: c.startsAt, endsAt: c.endsAt })),
        ]),
      );
      const last = history.at(-1);
      if (last && JSON.stringify(last.locks) === JSON.stringify(locks)) return;
      history.push({ at: Date.now(), locks });
    };
    report = await runExample('turnover-crew', {
      onStarted: (started) => {
        runtime = started;
        look();
      },
      onProgress: look,
      onFinished: (finished) => {
        crewMessages = finished.outbox.entries
          .filter((e) => e.via === 'email' && e.message.to === 'crew@example.com')
          .map((e) => ({ at: e.at, text: 'text' in e.message ? String(e.message.text) : '' }));
      },
    });
  });

  /** The guests' windows that stayed booked. */
  const guestWindows = () =>
    report.reservations
      .filter((r) => r.status === 'accepted')
      .map((r) => ({ id: r.id, from: t(r.activeFrom), until: t(r.activeUntil) }))
      .sort((a, b) => a.from - b.from);

  it('R12.1: the crew holds a working code on every lock in every gap between stays, and 6 hours after the last', () => {
    const stays = guestWindows();
    const gaps = stays.map((s, i) => ({ from: s.until, until: stays[i + 1]?.from ?? s.until + 6 * HOUR }));
    expect(gaps).toHaveLength(4);
    const crew = staffOf(report, 'crew');
    for (const gap of gaps) {
      for (const lockId of LOCKS) {
        const code = crew.codes.find(
          (c) => c.lockId === lockId && t(c.validFrom) === gap.from && t(c.validUntil) === gap.until,
        );
        expect(code, `${lockId} ${new Date(gap.from).toISOString()}`).toBeDefined();
        // Working within a minute of the gap's start (the sandbox confirms in 20 s), or of the end of
        // an outage the gap starts in, to 10 minutes before its end.
        const pin = code?.code ?? '';
        const outage = lockId === 'shed' && SHED_OUTAGE.from <= gap.from && gap.from < SHED_OUTAGE.to;
        const workingBy = (outage ? SHED_OUTAGE.to : gap.from) + MINUTE;
        expect(opensDuring(history, lockId, pin, workingBy - MINUTE, workingBy)).toBe(true);
        expect(opensDuring(history, lockId, pin, gap.until - 11 * MINUTE, gap.until - 10 * MINUTE)).toBe(
          true,
        );
      }
    }
  });

  it('R12.2: no crew code opens any lock while a guest’s window is open, nor sits on the lock that keeps no windows', () => {
    const pins = new Set(staffOf(report, 'crew').codes.map((c) => c.code));
    for (const stay of guestWindows()) {
      for (const lockId of LOCKS) {
        for (const pin of pins) expect(opensDuring(history, lockId, pin, stay.from, stay.until)).toBe(false);
      }
      const onShed = history.filter(
        (s, i) => s.at < stay.until && (history[i + 1]?.at ?? Infinity) > stay.from,
      );
      for (const snap of onShed) expect((snap.locks.shed ?? []).some((c) => pins.has(c.code))).toBe(false);
    }
  });

  it('R4.2, R12.2: a crew code requested while the shed was offline counts as set only when the lock confirms it after the outage', () => {
    const gapStart = t(byId(report, 'moved').activeUntil);
    const code = staffOf(report, 'crew').codes.find(
      (c) => c.lockId === 'shed' && t(c.validFrom) === gapStart,
    );
    expect(t(code?.setAt)).toBe(SHED_OUTAGE.to);
    expect(opensDuring(history, 'shed', code?.code ?? '', gapStart, SHED_OUTAGE.to)).toBe(false);
  });

  it('R12.2: codes follow the moved stay: the turnover before it ends at its new activeFrom', () => {
    const moved = byId(report, 'moved');
    const before = staffOf(report, 'crew').codes.filter(
      (c) => c.validFrom === byId(report, 'first').activeUntil,
    );
    expect(before.map((c) => c.validUntil)).toEqual([moved.activeFrom, moved.activeFrom]);
  });

  it('R12.2: the cancelled stay’s turnover code leaves the lock within minutes, and the gap it left follows the late booking', () => {
    const cancelled = byId(report, 'cancelled');
    const cancelledAt = t('2026-12-08T00:00:00Z');
    const orphan = staffOf(report, 'crew').codes.filter((c) => c.validFrom === cancelled.activeUntil);
    expect(orphan.length).toBeGreaterThan(0);
    for (const code of orphan) {
      expect(t(code.removedAt) - cancelledAt).toBeLessThanOrEqual(MINUTE);
      expect(opensDuring(history, code.lockId, code.code, cancelledAt + MINUTE, Infinity)).toBe(false);
    }
    const afterMoved = staffOf(report, 'crew').codes.filter(
      (c) => c.validFrom === byId(report, 'moved').activeUntil,
    );
    expect(afterMoved.map((c) => c.validUntil)).toEqual([
      byId(report, 'late').activeFrom,
      byId(report, 'late').activeFrom,
    ]);
  });

  it('R12.2: the handyman’s `always` code works on both locks until removal, and is gone from every lock within minutes of it', () => {
    const removedAt = t('2026-12-09T15:00:00Z');
    const codes = staffOf(report, 'handyman').codes;
    expect(codes.map((c) => c.lockId).sort()).toEqual(LOCKS);
    for (const code of codes) {
      expect(opensDuring(history, code.lockId, code.code, removedAt - HOUR, removedAt)).toBe(true);
      expect(t(code.removedAt) - removedAt).toBeLessThanOrEqual(5 * MINUTE);
      expect(opensDuring(history, code.lockId, code.code, removedAt + 5 * MINUTE, Infinity)).toBe(false);
    }
  });

  it('R12.2: a turnovers member removed mid-gap loses that code on every lock within minutes, and gets no later one', () => {
    const removedAt = t('2026-12-05T12:00:00Z');
    const codes = staffOf(report, 'laundry').codes;
    // The gap under way at the removal, on both locks; the front door also held the next gap's code
    // ahead of time (native scheduling), which goes too.
    const current = codes.filter((c) => t(c.validFrom) < removedAt);
    expect(current.map((c) => c.lockId).sort()).toEqual(LOCKS);
    for (const code of current)
      expect(opensDuring(history, code.lockId, code.code, removedAt - HOUR, removedAt)).toBe(true);
    for (const code of codes) {
      expect(t(code.removedAt) - removedAt).toBeLessThanOrEqual(5 * MINUTE);
      expect(opensDuring(history, code.lockId, code.code, removedAt + 5 * MINUTE, Infinity)).toBe(false);
    }
  });

  it('R3.3, R12.2: no PIN on a lock ever equals another code on it (guest, staff or foreign)', () => {
    for (const snap of history) {
      for (const lockId of LOCKS) {
        const codes = (snap.locks[lockId] ?? []).map((c) => c.code);
        expect(new Set(codes).size, `${lockId} at ${new Date(snap.at).toISOString()}`).toBe(codes.length);
      }
    }
    const staffPins = (report.staff ?? []).flatMap((s) => s.codes.map((c) => c.code));
    const guestPins = report.reservations.map((r) => r.pin);
    for (const pin of staffPins) expect([...guestPins, '2580', '1470']).not.toContain(pin);
  });

  it('R12.2, R1.3: leaves no Lockstep code behind and touches no foreign code; guests all got in', () => {
    for (const lock of report.locks) expect(lock.codesAtEnd.every((c) => c.owner === 'foreign')).toBe(true);
    expect(report.kpis.foreignCodesTouched).toBe(0);
    expect(report.kpis.codesLeftAfterDeletionDue).toBe(0);
    expect(report.kpis.workingCodeAtActiveFromRate).toBe(1);
    expect(report.kpis.reservations).toBe(5);
  });

  it('R12: the crew is told each window by email, and again each time a told window changed (a cancellation, a late booking)', () => {
    const codes = staffOf(report, 'crew').codes.filter(
      (c) => c.lockId === 'front' && c.validFrom !== byId(report, 'cancelled').activeUntil,
    );
    for (const code of codes) {
      expect(crewMessages.some((m) => m.text.includes(code.code))).toBe(true);
    }
    const shortened = codes.find((c) => c.validFrom === byId(report, 'moved').activeUntil);
    const told = crewMessages.filter((m) => m.text.includes(shortened?.code ?? 'none'));
    expect(told.map((m) => m.at)).toEqual([
      t(shortened?.validFrom) - 10 * MINUTE, // R5.1's time
      t('2026-12-08T00:00:00Z'), // the cancellation lengthened it
      t(byId(report, 'late').timeline[0]?.at), // the late booking shortened it
    ]);
  });

  it('R9.5: with every platform fault of examples/faulty-month.json on, the staff codes are the calm run’s', async () => {
    const read = (name: string) => JSON.parse(readFileSync(`examples/${name}.json`, 'utf8'));
    const faulty = await simulate(
      parseScenario({ ...read('turnover-crew'), faults: read('faulty-month').faults }),
    );
    const windows = (r: Report) =>
      (r.staff ?? []).flatMap((s) =>
        s.codes.map((c) => [s.id, c.lockId, c.validFrom, c.validUntil, c.removedAt !== null].join(' ')),
      );
    expect(Object.values(faulty.kpis.faultsInjected ?? {}).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(windows(faulty).sort()).toEqual(windows(report).sort());
    expect(faulty.kpis.workingCodeAtActiveFromRate).toBe(1);
    expect(faulty.kpis.codesLeftAfterDeletionDue).toBe(0);
    expect(faulty.kpis.foreignCodesTouched).toBe(0);
  });

  it('ends the run’s table with each staff member’s windows and lock codes', () => {
    const crew = staffOf(report, 'crew');
    const windows = new Set(crew.codes.map((c) => c.validFrom)).size;
    expect(kpiTable(report)).toMatch(
      new RegExp(`staff crew\\s+${windows} windows, ${crew.codes.length} lock codes, 0 left on a lock`),
    );
    expect(kpiTable(report)).toMatch(/staff handyman\s+1 window, 2 lock codes, 0 left on a lock/);
  });

  it('replays byte for byte with the same seed', async () => {
    expect(JSON.stringify(await runExample('turnover-crew'))).toBe(JSON.stringify(report));
  });
});
