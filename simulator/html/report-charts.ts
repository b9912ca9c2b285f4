import type { Report } from '../report.ts';

// The figures the HTML report draws, derived from a report alone (plus the scenario's lock outages,
// which the report does not repeat). Pure: the page and its tests share these numbers.

const DAY = 86_400_000;

/** A lock's offline window as the scenario gave it (docs/simulation-contract.md `offline`). */
export interface Outage {
  lockId: string;
  from: string;
  to: string;
}

export interface DailySeries {
  /** UTC days, `YYYY-MM-DD`, one per bucket. */
  days: string[];
  series: { label: string; values: number[] }[];
}

export interface OutageRow {
  lockId: string;
  /** [from, to] in ms since the epoch, clipped to the run. */
  outages: [number, number][];
  stays: { reservationId: string; span: [number, number] }[];
  /** Stays on this lock whose code window overlaps one of its outages. */
  staysHit: number;
}

export interface OutageChart {
  span: [number, number];
  rows: OutageRow[];
  /** Locks with an outage left out to keep the chart readable. */
  moreLocks: number;
}

/** At most this many locks get a row of their own: past it the chart is no longer read at a glance. */
export const MAX_OUTAGE_ROWS = 12;

const dayOf = (t: number) => Math.floor(t / DAY);
const dayLabel = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/** One bucket per UTC day of the run, widened to take in every instant given. */
function dailyBuckets(report: Report, instants: number[]): { first: number; days: string[] } {
  // A loop, not Math.min(...instants): a large run has more instants than a call takes arguments.
  let first = dayOf(Date.parse(report.scenario.start));
  let last = dayOf(Date.parse(report.scenario.end) - 1);
  for (const t of instants) {
    first = Math.min(first, dayOf(t));
    last = Math.max(last, dayOf(t));
  }
  return { first, days: Array.from({ length: last - first + 1 }, (_, i) => dayLabel(first + i)) };
}

function countByDay(report: Report, groups: { label: string; instants: number[] }[]): DailySeries {
  const { first, days } = dailyBuckets(
    report,
    groups.flatMap((g) => g.instants),
  );
  return {
    days,
    series: groups.map(({ label, instants }) => {
      const values = days.map(() => 0);
      for (const t of instants) values[dayOf(t) - first] = (values[dayOf(t) - first] ?? 0) + 1;
      return { label, values };
    }),
  };
}

/** Stays judged at their activeFrom (not cancelled), by UTC arrival day: with and without a working code. */
export function workingCodesByArrivalDay(report: Report): DailySeries {
  const judged = report.reservations.filter(
    (r) => r.workingCodeAtActiveFrom !== null && r.activeFrom !== null,
  );
  const arrivals = (working: boolean) =>
    judged.filter((r) => r.workingCodeAtActiveFrom === working).map((r) => Date.parse(r.activeFrom ?? ''));
  return countByDay(report, [
    { label: 'Working code at arrival', instants: arrivals(true) },
    { label: 'No working code', instants: arrivals(false) },
  ]);
}

/** Attempts to set a code on a lock, the attempts that failed, and backup codes issued, by UTC day. */
export function attemptsAndBackupsByDay(report: Report): DailySeries {
  const at = (event: string) =>
    report.reservations.flatMap((r) =>
      r.timeline.filter((e) => e.event === event).map((e) => Date.parse(e.at)),
    );
  return countByDay(report, [
    { label: 'Attempts to set a code', instants: at('code.requested') },
    { label: 'Failed attempts', instants: at('code.failed_on_lock') },
    { label: 'Backup codes issued', instants: at('backup.issued') },
  ]);
}

const overlaps = (a: [number, number], b: [number, number]) => a[0] < b[1] && b[0] < a[1];

/** Each lock that went offline, its outages and the stays on it; the locks whose outages met most stays first. */
export function outagesAgainstStays(report: Report, outages: Outage[]): OutageChart {
  const span: [number, number] = [Date.parse(report.scenario.start), Date.parse(report.scenario.end)];
  const byLock = new Map<string, [number, number][]>();
  for (const o of outages) {
    const window: [number, number] = [
      Math.max(span[0], Date.parse(o.from)),
      Math.min(span[1], Date.parse(o.to)),
    ];
    if (window[0] < window[1]) byLock.set(o.lockId, [...(byLock.get(o.lockId) ?? []), window]);
  }
  const rows = [...byLock].map(([lockId, windows]): OutageRow => {
    const stays = report.reservations
      .filter((r) => r.status !== 'cancelled' && r.activeFrom !== null && r.activeUntil !== null)
      .filter((r) => r.locks.some((l) => l.lockId === lockId))
      .map((r) => ({
        reservationId: r.id,
        span: [Date.parse(r.activeFrom ?? ''), Date.parse(r.activeUntil ?? '')] as [number, number],
      }));
    const staysHit = stays.filter((s) => windows.some((w) => overlaps(w, s.span))).length;
    return { lockId, outages: windows, stays, staysHit };
  });
  rows.sort((a, b) => b.staysHit - a.staysHit || a.lockId.localeCompare(b.lockId));
  return {
    span,
    rows: rows.slice(0, MAX_OUTAGE_ROWS),
    moreLocks: Math.max(0, rows.length - MAX_OUTAGE_ROWS),
  };
}
