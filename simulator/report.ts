import { allBackups } from '#core/messages/code-message-rule.ts';
import type { Instant, IssuedBackup, Reservation } from '#core/model.ts';
import { type AwsCalls, uncounted } from '#local/aws-calls.ts';
import type { OutboxEntry } from '#local/outbox.ts';
import type { LocalRuntime } from '#local/runtime.ts';
import { type CalendarReport, calendarReports, feedStays } from './calendar-report.ts';
import { type FaultKpis, faultKpis } from './fault-report.ts';
import type { FeedWorld } from './feed-world.ts';
import { ACCOUNT, type Observations } from './probes.ts';
import type { Scenario } from './scenario.ts';
import { type StaffReport, staffReports } from './staff-report.ts';

// The report contract of docs/simulation-contract.md (version 1, and version 2's calendar feeds),
// plus optional `notes`.

const iso = (t: Instant | undefined): string | null => (t === undefined ? null : new Date(t).toISOString());

export interface GuestMessageReport {
  at: string;
  via: string[];
  from: string | null;
  code: string;
  isBackup: boolean;
}

export interface ReservationReport {
  id: string;
  /** Version 2: the scenario calendar and UID a feed's stay came from; absent for a channel's booking. */
  source?: { calendarId: string; uid: string };
  status: string;
  pin: string | null;
  codeName: string | null;
  activeFrom: string | null;
  activeUntil: string | null;
  /** `offlineCode: true` when the door's code is an offline code; its `setAt` is when it was issued (R11). */
  locks: {
    lockId: string;
    setAt: string | null;
    removedAt: string | null;
    attempts: number;
    offlineCode?: true;
  }[];
  backup: { lockId: string; code: string; issuedAt: string } | null;
  /** Optional: backups on further locks of the property, one per lock (R4.4, R6); absent when none. */
  moreBackups?: { lockId: string; code: string; issuedAt: string }[];
  guestMessages: GuestMessageReport[];
  hostAlerts: AlertReport[];
  workingCodeAtActiveFrom: boolean | null;
  timeline: { at: string; event: string; lockId?: string; detail?: string }[];
}

export interface Report {
  scenario: { seed: number; start: string; end: string };
  reservations: ReservationReport[];
  locks: {
    id: string;
    signals: { at: string; signal: string; active: boolean }[];
    codesAtEnd: { code: string; name: string; owner: 'lockstep' | 'foreign' }[];
    /** Alerts about the lock itself (R8.2 `lock_disconnected`); optional in the contract. */
    hostAlerts: AlertReport[];
  }[];
  /** Version 2: per calendar feed, its reads and alerts; absent for a scenario without calendars. */
  calendars?: CalendarReport[];
  /** Version 2: each staff member's codes per lock (R12); absent for a scenario without staff. */
  staff?: StaffReport[];
  kpis: {
    reservations: number;
    workingCodeAtActiveFromRate: number | null;
    guestsWithoutWorkingCode: number;
    backupCodesIssued: number;
    hostAlerts: number;
    guestMessages: number;
    lastMinuteBackupP95Seconds: number | null;
    codesLeftAfterDeletionDue: number;
    foreignCodesTouched: number;
    awsCalls: AwsCalls;
  } & Partial<FaultKpis>;
  notes: { at: string; reservationId?: string; lockId?: string; note: string }[];
}

/** What the product sent the guest that carried a code (R5): the code message and shortcode messages. */
/** An issued backup as the report names it: the lock, the code, when it was issued. */
function backupReport(b: IssuedBackup): { lockId: string; code: string; issuedAt: string } {
  return { lockId: b.lockId, code: b.pin, issuedAt: iso(b.issuedAt) ?? '' };
}

function guestMessages(r: Reservation): GuestMessageReport[] {
  return (r.guestMessages ?? [])
    .filter((m) => m.pin !== undefined && m.sent.length > 0)
    .map((m) => ({
      at: iso(m.at) ?? '',
      via: [...m.sent],
      from: m.from ?? null,
      code: m.pin ?? '',
      isBackup: m.isBackup ?? false,
    }));
}

type AlertReport = { at: string; kind: string };

/** An alert email (R8.2, R10.5); a feed stay's code message the host forwards (R10.8) is a guest message. */
const isAlert = (entry: OutboxEntry): entry is Extract<OutboxEntry, { via: 'alert' }> =>
  entry.via === 'alert' && entry.message.kind !== 'code_for_guest';

/** The alert emails the host received (R8.2), as the outbox recorded them. */
function hostAlerts(
  runtime: LocalRuntime,
  about: { reservationId?: string; lockId?: string },
): AlertReport[] {
  const alerts: AlertReport[] = [];
  const entries =
    about.reservationId === undefined ? runtime.outbox.entries : runtime.outbox.about(about.reservationId);
  for (const entry of entries) {
    if (!isAlert(entry)) continue;
    const { reservationId, lockId, kind } = entry.message;
    if (about.reservationId !== undefined && reservationId !== about.reservationId) continue;
    if (about.lockId !== undefined && (reservationId !== undefined || lockId !== about.lockId)) continue;
    alerts.push({ at: iso(entry.at) ?? '', kind });
  }
  return alerts;
}

function reservationReport(
  runtime: LocalRuntime,
  id: string,
  r: Reservation | undefined,
  observations: Observations,
): ReservationReport {
  if (!r) {
    return {
      id,
      status: 'not_accepted',
      pin: null,
      codeName: null,
      activeFrom: null,
      activeUntil: null,
      locks: [],
      backup: null,
      guestMessages: [],
      hostAlerts: [],
      workingCodeAtActiveFrom: null,
      timeline: [],
    };
  }
  const offlineCodes = allBackups(r).filter((b) => b.offline !== undefined);
  const poolBackups = allBackups(r).filter((b) => b.offline === undefined);
  return {
    id,
    status: r.status,
    pin: r.code.pin,
    codeName: r.code.name,
    activeFrom: iso(r.code.activeFrom),
    activeUntil: iso(r.code.activeUntil),
    locks: r.code.locks.map((s) => {
      const offline = offlineCodes.find((b) => b.lockId === s.lockId);
      return {
        lockId: s.lockId,
        setAt: iso(offline ? offline.issuedAt : s.setAt),
        removedAt: iso(s.removedAt),
        attempts: s.attemptedAt.length,
        ...(offline ? { offlineCode: true as const } : {}),
      };
    }),
    // Offline codes show on their lock entry; `backup` names pool codes only.
    backup: poolBackups[0] ? backupReport(poolBackups[0]) : null,
    ...(poolBackups.length > 1 ? { moreBackups: poolBackups.slice(1).map(backupReport) } : {}),
    guestMessages: guestMessages(r),
    hostAlerts: hostAlerts(runtime, { reservationId: r.reservationId }),
    workingCodeAtActiveFrom:
      r.status === 'cancelled' ? null : (observations.workingAtActiveFrom.get(id) ?? false),
    timeline: r.timeline.map((t) => ({
      at: iso(t.at) ?? '',
      event: t.event,
      ...(t.lockId ? { lockId: t.lockId } : {}),
      ...(t.detail ? { detail: t.detail } : {}),
    })),
  };
}

export async function buildReport(
  runtime: LocalRuntime,
  scenario: Scenario,
  observations: Observations,
  feeds?: FeedWorld,
): Promise<Report> {
  const reservations: ReservationReport[] = [];
  for (const s of scenario.reservations) {
    const stored = await uncounted(() => runtime.deps.reservations.getReservation(ACCOUNT, s.id));
    reservations.push(reservationReport(runtime, s.id, stored, observations));
  }
  for (const { reservation, source } of feeds ? await feedStays(scenario, feeds) : []) {
    const { id, ...rest } = reservationReport(runtime, reservation.reservationId, reservation, observations);
    reservations.push({ id, source, ...rest });
  }
  const signals = new Map<string, Report['locks'][number]['signals']>();
  for (const lock of scenario.locks) {
    const health = await runtime.deps.pools.getPoolHealth(ACCOUNT, lock.id);
    signals.set(
      lock.id,
      (health?.events ?? []).map((e) => ({ at: iso(e.at) ?? '', signal: e.signal, active: e.active })),
    );
  }
  const judged = reservations.filter((r) => r.workingCodeAtActiveFrom !== null);
  const working = judged.filter((r) => r.workingCodeAtActiveFrom).length;
  return {
    scenario: { seed: scenario.seed, start: scenario.start, end: scenario.end },
    reservations,
    locks: scenario.locks.map((lock) => ({
      id: lock.id,
      signals: signals.get(lock.id) ?? [],
      codesAtEnd: runtime.sandbox.codesOnDevice(lock.id).map((c) => ({
        code: c.code,
        name: c.name,
        owner: c.managed ? ('lockstep' as const) : ('foreign' as const),
      })),
      hostAlerts: hostAlerts(runtime, { lockId: lock.id }),
    })),
    ...(feeds ? { calendars: await calendarReports(runtime, scenario, feeds) } : {}),
    ...(scenario.staff ? { staff: await staffReports(runtime, scenario) } : {}),
    kpis: {
      reservations: reservations.length,
      workingCodeAtActiveFromRate: judged.length === 0 ? null : working / judged.length,
      guestsWithoutWorkingCode: judged.length - working,
      backupCodesIssued: reservations.reduce(
        (n, r) => n + r.timeline.filter((e) => e.event === 'backup.issued').length,
        0,
      ),
      hostAlerts: runtime.outbox.entries.filter(isAlert).length,
      guestMessages: reservations.reduce((n, r) => n + r.guestMessages.length, 0),
      lastMinuteBackupP95Seconds: null,
      codesLeftAfterDeletionDue: observations.codesLeftAfterDeletionDue,
      foreignCodesTouched: runtime.sandbox.foreignCodesTouched(),
      awsCalls: { ...runtime.calls },
      // Version 2's platform faults: present only when the scenario injects them.
      ...faultKpis(runtime),
    },
    notes: observations.notes.map((n) => ({ ...n, at: iso(n.at) ?? '' })),
  };
}
