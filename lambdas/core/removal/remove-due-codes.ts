import { retireBackup } from '../backup/issue.ts';
import type { Deps } from '../deps.ts';
import { LockProviderError } from '../errors.ts';
import { reservationLocks } from '../locks/load-locks.ts';
import type { Instant, Lock, Reservation } from '../model.ts';
import type { CodeToDelete } from '../provisioning/code-on-lock.ts';
import { reservationEntry } from '../reservations/entries.ts';
import { updateReservation } from '../reservations/update.ts';
import { confirmRemoved, deletionEntryAt, markDueRemovals, nativeOf } from './removal-times.ts';

// R7.2 and R7.3: the deletion entry. It removes every code whose time has come, looks again at
// removals the provider has not confirmed, and moves itself to the next thing left to do.

/** How soon a removal the provider refused with a passing failure (a 5xx) is asked again. */
export const TRANSIENT_RETRY_MS = 60_000;

type Outcome = { kind: 'gone'; code: CodeToDelete } | { kind: 'refused'; code: CodeToDelete; reason: string };

export async function loadCodeLocks(deps: Deps, r: Reservation): Promise<Map<string, Lock>> {
  const ids = [...new Set(r.code.locks.map((s) => s.lockId))];
  const locks = await Promise.all(ids.map((id) => deps.locks.getLock(r.hostId, id)));
  return new Map(locks.filter((l): l is Lock => l !== undefined).map((l) => [l.lockId, l]));
}

/** The `delete` entry's run; also called when a lock holding a due code reconnects (R7.3). */
export async function removeDueCodes(deps: Deps, hostId: string, reservationId: string): Promise<void> {
  const r = await deps.reservations.getReservation(hostId, reservationId);
  if (!r) return;
  await retireBackup(deps, r); // R6.3
  const now = deps.clock.now();
  const locks = await reservationLocks(deps, r);
  let due = { requests: [] as CodeToDelete[], retries: [] as CodeToDelete[] };
  const marked = await updateReservation(deps, hostId, reservationId, (fresh) => {
    const result = markDueRemovals(fresh, nativeOf(locks), now);
    due = result;
    return result.changed;
  });
  const outcomes: Outcome[] = [];
  for (const code of due.requests) {
    const refused = await tryDelete(deps, locks, code);
    if (refused) outcomes.push({ kind: 'refused', code, reason: refused });
  }
  for (const code of due.retries) {
    const outcome = await lookAgain(deps, locks, code);
    if (outcome) outcomes.push(outcome);
  }
  const saved =
    outcomes.length === 0
      ? marked
      : await updateReservation(deps, hostId, reservationId, (fresh) => record(fresh, outcomes, now));
  if (!saved) return;
  const planned = deletionEntryAt(saved, nativeOf(locks), now);
  // R7.2, R9.5: a provider's passing failure is asked again in a minute, not after R7.3's hour.
  const passing = outcomes.some((o) => o.kind === 'refused' && o.reason === 'transient');
  const next = passing ? Math.min(planned ?? Number.POSITIVE_INFINITY, now + TRANSIENT_RETRY_MS) : planned;
  if (next !== undefined) await deps.scheduler.schedule(reservationEntry('delete', next, saved));
}

/** A refusal is kept for the timeline, never thrown: the entry retries it (R7.3). */
async function tryDelete(
  deps: Deps,
  locks: ReadonlyMap<string, Lock>,
  code: CodeToDelete,
): Promise<string | undefined> {
  const lock = locks.get(code.lockId);
  if (!lock) return undefined;
  try {
    await deps.lockProvider(lock.provider).deleteCode(lock.deviceId, code.accessCodeId);
    return undefined;
  } catch (error) {
    return refusalReason(error);
  }
}

/**
 * A removal asked for earlier: a provider that no longer knows the code confirms it; one still
 * queueing it (an offline lock) is left to finish; otherwise it is asked again.
 */
async function lookAgain(
  deps: Deps,
  locks: ReadonlyMap<string, Lock>,
  code: CodeToDelete,
): Promise<Outcome | undefined> {
  const lock = locks.get(code.lockId);
  if (!lock) return undefined;
  try {
    const current = await deps.lockProvider(lock.provider).getCode(lock.deviceId, code.accessCodeId);
    if (!current) return { kind: 'gone', code };
    if (current.status === 'removing') return undefined;
  } catch (error) {
    return { kind: 'refused', code, reason: refusalReason(error) };
  }
  const refused = await tryDelete(deps, locks, code);
  return refused ? { kind: 'refused', code, reason: refused } : undefined;
}

/** A provider's refusal; anything else fails the run, and the scheduler's own retry runs it again. */
function refusalReason(error: unknown): string {
  if (error instanceof LockProviderError) return error.reason;
  throw error;
}

function record(r: Reservation, outcomes: readonly Outcome[], now: Instant): boolean {
  let changed = false;
  for (const o of outcomes) {
    if (o.kind === 'gone') changed = confirmRemoved(r, o.code, now) || changed;
    else {
      r.timeline.push({ at: now, event: 'code.removal_failed', lockId: o.code.lockId, detail: o.reason });
      changed = true;
    }
  }
  return changed;
}
