import { tellGuestOfBackup } from '../backup/follow-up.ts';
import { backupIfOffline } from '../backup/issue.ts';
import {
  alertOfflineCodesOutliving,
  dropOutgrownOfflineCodes,
  offlineCodesDropped,
} from '../backup/offline-code-changes.ts';
import { lockConstraints, pinViolations } from '../codes/constraints.ts';
import type { Deps } from '../deps.ts';
import { LockProviderError, NotFoundError } from '../errors.ts';
import { listCodes } from '../locks/device.ts';
import { loadLocks } from '../locks/load-locks.ts';
import { announceReplacedPin } from '../messages/new-pin-follow-up.ts';
import type { Instant, Lock, Property, Reservation, ReservationDetails, ReservationInput } from '../model.ts';
import { ownAccessCodeIds, targetState } from '../provisioning/code-on-lock.ts';
import { notePlan, provisioningPlan } from '../provisioning/plan.ts';
import { replacementPin } from '../provisioning/taken-codes.ts';
import { deleteCodes, recordRefusedDeletions } from '../removal/delete-codes.ts';
import { nativeOf } from '../removal/removal-times.ts';
import { followGuestChange } from '../staff/sync-staff-codes.ts';
import { windowOfStay } from '../time/timeline.ts';
import { type AcceptResult, acceptReservation, stayDetails } from './accept.ts';
import { applyChange, type ChangeEffects, type CodeOnLock, isStaleEvent } from './apply-change.ts';
import { liveReservations } from './live.ts';
import { carryOutEntries, type EntryPlan, planEntries } from './reschedule-entries.ts';
import { updateReservation } from './update.ts';

// R7.1: a channel modified a reservation. The stored version follows the newest event only (R9.1);
// provider calls are made after the version-conditional write, from what was written.

/**
 * `reservation.modified` carries the whole reservation. Unknown, it is taken as the acceptance it
 * overtook; cancelled, or older than what is stored, it changes nothing.
 */
export async function changeReservation(
  deps: Deps,
  hostId: string,
  input: ReservationInput,
  occurredAt: Instant,
): Promise<AcceptResult> {
  const current = await deps.reservations.getReservation(hostId, input.reservationId);
  if (!current) return acceptReservation(deps, hostId, input, { occurredAt, type: 'reservation.modified' });
  const unchanged = { reservation: current, created: false };
  if (current.status !== 'accepted' || isStaleEvent(current, occurredAt)) {
    await followGuestChange(deps, current); // R9.5, R12.2: a redelivery finishes a run that died
    return unchanged;
  }
  // A staff code (R12) moves with its staff windows only, never by a channel's event.
  if (current.staff) return unchanged;

  const property = await deps.properties.getProperty(hostId, input.propertyId);
  if (!property) throw new NotFoundError('property', 'reservation.property_id');
  const details = stayDetails(input, property.settings.timeZone);
  return reshapeReservation(deps, current, property, details, { occurredAt });
}

/**
 * Writes a new stay, property or code window onto a stored reservation and carries it out on the
 * locks and the entries (R7.1). A channel event passes its `occurredAt`; a host's settings change
 * (new buffers) passes none, so it neither checks nor moves the channel's event order (R9.1).
 */
export async function reshapeReservation(
  deps: Deps,
  current: Reservation,
  property: Property,
  details: ReservationDetails,
  source: { occurredAt?: Instant | undefined; event?: string | undefined },
): Promise<AcceptResult> {
  const { hostId } = current;
  const window = windowOfStay(details, property.settings);
  const now = deps.clock.now();
  const byId = await loadLocks(deps, hostId, [
    ...property.lockIds,
    ...current.code.locks.map((s) => s.lockId),
  ]);
  const serving = property.lockIds.filter((id) => byId.has(id));
  const live = window.activeUntil > now;
  const replacement = live ? await pinForNewLocks(deps, current, property, getAll(byId, serving)) : undefined;

  let effects: ChangeEffects | undefined;
  let plan: EntryPlan = {};
  const saved = await updateReservation(deps, hostId, current.reservationId, (fresh) => {
    const activeFrom = fresh.code.activeFrom;
    effects = applyChange(fresh, {
      details,
      window,
      lockIds: serving,
      nativeOf: nativeOf(byId),
      replacement,
      occurredAt: source.occurredAt,
      event: source.event,
      now,
    });
    if (!effects.changed) return false;
    if (effects.windowMoved) dropOutgrownOfflineCodes(fresh, now); // R11.3: a new one is asked for
    plan = planEntries(fresh, byId, now, {
      locks: effects.windowMoved || effects.locksChanged,
      // A staff member hears of any move of their window, its end included (R12.2).
      activeFrom: fresh.code.activeFrom !== activeFrom || (fresh.staff !== undefined && effects.windowMoved),
      backups: property.settings.backupCodes,
    });
    return true;
  });
  if (!saved || !effects?.changed) return { reservation: saved ?? current, created: false };

  const failed = await updateWindows(deps, saved, effects.toUpdate, byId);
  const refused = await deleteCodes(deps, effects.toDelete, byId);
  let latest = saved;
  if (failed.length > 0 || refused.length > 0) {
    latest =
      (await updateReservation(deps, hostId, saved.reservationId, (fresh) => {
        const marked = markUpdateFailures(fresh, failed, now);
        const noted = recordRefusedDeletions(fresh, refused, now);
        // A lock that kept its old window is set again from scratch by the workflow (R4.1).
        if (marked) {
          const provision = provisioningPlan(fresh, byId, now);
          notePlan(fresh, provision, 'window update refused', now);
          plan = { ...plan, provision };
        }
        return marked || noted;
      })) ?? saved;
  }
  await carryOutEntries(deps, latest, plan, now);
  await announceReplacedPin(deps, current, latest);
  if (latest.code.activeUntil < current.code.activeUntil)
    await alertOfflineCodesOutliving(deps, latest, 'shortened'); // R11.3
  // R11.2 again; a guest already told the old code hears of the new one at once (R4.4).
  if (offlineCodesDropped(current, latest) && (await backupIfOffline(deps, latest)))
    await tellGuestOfBackup(deps, latest);
  await followGuestChange(deps, current, property); // R12.2
  return { reservation: latest, created: false };
}

const getAll = (byId: ReadonlyMap<string, Lock>, ids: readonly string[]): Lock[] =>
  ids.map((id) => byId.get(id)).filter((l): l is Lock => l !== undefined);

/**
 * R3.3 on a new property: the PIN must be valid on its locks and equal to no code on them nor to
 * another live guest's PIN there; otherwise a new one is chosen now and set on every lock.
 */
async function pinForNewLocks(
  deps: Deps,
  r: Reservation,
  property: Property,
  locks: readonly Lock[],
): Promise<{ replaces: string; pin: string } | undefined> {
  const joining = locks.filter((l) => !targetState(r, l.lockId));
  if (joining.length === 0) return undefined;
  const own = ownAccessCodeIds(r);
  const onLocks = await Promise.all(locks.map((l) => listCodes(deps, l)));
  const others = (await liveReservations(deps, r.hostId, property.propertyId, deps.clock.now())).filter(
    (o) => o.reservationId !== r.reservationId,
  );
  const fits =
    joining.every((l) => pinViolations(r.code.pin, lockConstraints(l)).length === 0) &&
    !onLocks.flat().some((c) => c.code === r.code.pin && !own.has(c.accessCodeId)) &&
    !others.some((o) => o.code.pin === r.code.pin);
  if (fits) return undefined;
  const taken = [...onLocks.flat().map((c) => c.code), ...others.map((o) => o.code.pin)].filter(
    (c) => c !== '',
  );
  const choice = replacementPin(deps, r, property, locks, taken);
  // No PIN fits at all: keep the current one; the workflow's attempts report the locks that refuse it.
  return choice.pin ? { replaces: r.code.pin, pin: choice.pin } : undefined;
}

/**
 * Sends the new window to each natively-scheduling lock, read from the stored reservation just
 * before the calls, so two changes racing leave the newest window on the device.
 */
async function updateWindows(
  deps: Deps,
  written: Reservation,
  codes: readonly CodeOnLock[],
  locks: ReadonlyMap<string, Lock>,
): Promise<{ code: CodeOnLock; reason: string }[]> {
  if (codes.length === 0) return [];
  const current = (await deps.reservations.getReservation(written.hostId, written.reservationId)) ?? written;
  const failed: { code: CodeOnLock; reason: string }[] = [];
  for (const code of codes) {
    const lock = locks.get(code.lockId);
    if (!lock) continue;
    try {
      await deps.lockProvider(lock.provider).updateCode(lock.deviceId, code.accessCodeId, {
        startsAt: current.code.activeFrom,
        endsAt: current.code.activeUntil,
      });
    } catch (error) {
      if (!(error instanceof LockProviderError)) throw error;
      failed.push({ code, reason: error.reason });
    }
  }
  return failed;
}

/** A refused update leaves the old window on the lock: the code there counts as failed, to be replaced. */
function markUpdateFailures(
  r: Reservation,
  failed: readonly { code: CodeOnLock; reason: string }[],
  now: Instant,
): boolean {
  let changed = false;
  for (const { code, reason } of failed) {
    const s = r.code.locks.find((l) => l.lockId === code.lockId && l.accessCodeId === code.accessCodeId);
    if (s?.status !== 'requested') continue;
    s.status = 'failed';
    s.lastError = reason;
    r.timeline.push({ at: now, event: 'code.window_update_failed', lockId: code.lockId, detail: reason });
    changed = true;
  }
  return changed;
}
