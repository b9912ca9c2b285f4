import type { Instant, LockCodeState } from '#core/model.ts';
import { uncounted } from '#local/aws-calls.ts';
import type { LocalRuntime } from '#local/runtime.ts';
import { ACCOUNT } from './probes.ts';
import type { Scenario } from './scenario.ts';

// Version 2's `staff[]` (docs/simulation-contract.md, R12): every code each staff member held or was
// meant to hold, per lock.

const iso = (t: Instant | undefined): string | null => (t === undefined ? null : new Date(t).toISOString());

export interface StaffCodeReport {
  lockId: string;
  code: string;
  validFrom: string | null;
  validUntil: string | null;
  setAt: string | null;
  removedAt: string | null;
}

export interface StaffReport {
  id: string;
  codes: StaffCodeReport[];
}

/** A lock the code was sent to (a window cancelled before its programming time never reached one). */
const reachedLock = (s: LockCodeState) => s.setAt !== undefined || s.attemptedAt.length > 0;

export async function staffReports(runtime: LocalRuntime, scenario: Scenario): Promise<StaffReport[]> {
  const reports: StaffReport[] = [];
  for (const member of scenario.staff ?? []) {
    const listed = await uncounted(() =>
      Promise.all(member.propertyIds.map((p) => runtime.deps.reservations.listReservations(ACCOUNT, p))),
    );
    const grants = listed
      .flat()
      .filter((r) => r.staff?.staffId === member.id)
      .sort(
        (a, b) => a.code.activeFrom - b.code.activeFrom || a.reservationId.localeCompare(b.reservationId),
      );
    const codes = grants.flatMap((g) =>
      g.code.locks.filter(reachedLock).map((s) => ({
        lockId: s.lockId,
        code: g.code.pin,
        validFrom: iso(g.code.activeFrom),
        validUntil: iso(g.code.activeUntil),
        setAt: iso(s.setAt),
        removedAt: iso(s.removedAt),
      })),
    );
    reports.push({ id: member.id, codes });
  }
  return reports;
}
