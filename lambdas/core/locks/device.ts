import type { CodeOnDevice } from '#ports/lock-provider.ts';
import type { Deps } from '../deps.ts';
import type { Lock } from '../model.ts';

// What the lock's provider says about the lock itself: its connection and the codes it holds.

/**
 * The lock's own word on whether it is online. `whenUnknown` is the answer when the provider cannot
 * say: callers that would raise an alarm or issue a backup assume online; callers that would program
 * codes assume offline.
 */
export function isOnline(deps: Deps, lock: Lock, whenUnknown: boolean): Promise<boolean> {
  return deps
    .lockProvider(lock.provider)
    .getDevice(lock.deviceId)
    .then(
      (d) => d.online,
      () => whenUnknown,
    );
}

export function listCodes(deps: Deps, lock: Lock): Promise<CodeOnDevice[]> {
  return deps.lockProvider(lock.provider).listCodes(lock.deviceId);
}
