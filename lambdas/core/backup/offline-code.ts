import { lockConstraints } from '../codes/constraints.ts';
import type { Deps } from '../deps.ts';
import { LockProviderError } from '../errors.ts';
import type { Instant, IssuedBackup, Lock, Reservation } from '../model.ts';
import { offlineWindow } from '../offline/limits.ts';

// R11.2: on a lock whose model computes offline codes, the door's code when the own code is at risk
// is an offline code for the stay's window, in preference to a pool backup: it needs no connection.

/** Whether the lock's model can compute offline codes at all (no provider call for the others). */
export const modelHasOfflineCodes = (lock: Lock): boolean => lockConstraints(lock).offlineCodes !== undefined;

/**
 * Asks the provider for an offline code on `lock` for the reservation's window, rounded outward.
 * Undefined when the device cannot, or the provider refuses (the caller falls back to the pool).
 */
export async function requestOfflineCode(
  deps: Deps,
  r: Reservation,
  lock: Lock,
  now: Instant,
): Promise<IssuedBackup | undefined> {
  if (!modelHasOfflineCodes(lock)) return undefined;
  const provider = deps.lockProvider(lock.provider);
  try {
    const device = await provider.getDevice(lock.deviceId);
    const limits = device.offlineCodeLimits ?? lockConstraints(lock).offlineCodes;
    if (!device.canProgramOfflineCodes || !limits) return undefined;
    const fitted = offlineWindow(r.code, limits);
    if ('problem' in fitted) return undefined;
    const { startsAt, endsAt, firstUseBy } = fitted.window;
    const issued = await provider.createOfflineCode({
      deviceId: lock.deviceId,
      name: r.code.name,
      startsAt,
      endsAt,
    });
    return {
      lockId: lock.lockId,
      poolCodeId: '',
      pin: issued.code,
      issuedAt: now,
      offline: { accessCodeId: issued.accessCodeId, startsAt, endsAt, firstUseBy },
    };
  } catch (error) {
    if (error instanceof LockProviderError) return undefined;
    throw error;
  }
}

/** The reservation's offline codes, one per door that has one (R11.3). */
export function offlineCodes(backups: readonly IssuedBackup[]): IssuedBackup[] {
  return backups.filter((b) => b.offline !== undefined);
}
