import { lockConstraints } from '../codes/constraints.ts';
import { chooseCodeName } from '../codes/name.ts';
import type { Deps } from '../deps.ts';
import type { Lock, Reservation } from '../model.ts';
import { isProvisioningTarget } from './code-on-lock.ts';
import { replacementPin, takenByOthers } from './taken-codes.ts';

// R3.3 and R3.4: what the Attempt step switches to when a lock refuses the PIN or the name.

export interface Fallbacks {
  /** A new PIN for every lock; `pin` absent when none can exist (the reason says why, never a PIN). */
  pin?: { pin?: string | undefined; reason: string };
  name?: { name: string; lockId: string; reason: string };
}

/** Chooses replacements for this attempt's duplicate and name rejections, reading what is on the locks now. */
export async function chooseFallbacks(
  deps: Deps,
  r: Reservation,
  locks: ReadonlyMap<string, Lock>,
  outcomes: readonly { lockId: string; error?: string | undefined }[],
): Promise<Fallbacks> {
  const duplicate = outcomes.find((o) => o.error === 'duplicate_code');
  const nameRejected = outcomes.find((o) => o.error === 'name_rejected');
  if (!duplicate && !nameRejected) return {};
  const targets = r.code.locks
    .filter(isProvisioningTarget)
    .map((s) => locks.get(s.lockId))
    .filter((l): l is Lock => l !== undefined);
  const taken = await takenByOthers(deps, r, targets);
  const fallbacks: Fallbacks = {};
  if (duplicate) {
    const property = await deps.properties.getProperty(r.hostId, r.propertyId);
    const choice = replacementPin(deps, r, property, targets, taken.codes);
    fallbacks.pin = choice.pin
      ? { pin: choice.pin, reason: `lock ${duplicate.lockId} refused the PIN as a duplicate` }
      : { reason: `lock ${duplicate.lockId} refused the PIN as a duplicate; ${choice.problem}` };
  }
  if (nameRejected) {
    const name = chooseCodeName({
      guestName: r.guest.name,
      confirmationCode: r.confirmationCode,
      locks: targets.map(lockConstraints),
      namesOnLocks: [...taken.names],
      guestHasOverlappingBooking: taken.others.some(
        (o) =>
          o.guest.name === r.guest.name &&
          o.code.activeFrom < r.code.activeUntil &&
          r.code.activeFrom < o.code.activeUntil,
      ),
      providerRejectedName: true,
    });
    fallbacks.name = {
      name: name.name,
      lockId: nameRejected.lockId,
      reason: `lock ${nameRejected.lockId} rejected the name; the confirmation code names the code`,
    };
  }
  return fallbacks;
}
