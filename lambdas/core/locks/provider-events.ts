import { recordPoolCodeEvent, refillPool } from '../backup/pool-upkeep.ts';
import type { Deps } from '../deps.ts';
import type { Instant, LockCodeStatus, LockProviderName } from '../model.ts';
import { cleanUpOnReconnect } from '../removal/cleanup-on-reconnect.ts';
import { recordRemovalFailed } from '../removal/removal-failed.ts';
import { updateReservation } from '../reservations/update.ts';
import { recordCodeDeletedExternally } from './code-deleted-externally.ts';
import { recordConnection } from './connection.ts';

export const LOCK_EVENT_TYPES = [
  'access_code.set_on_device',
  'access_code.failed_to_set_on_device',
  'access_code.removed_from_device',
  'device.connected',
  'device.disconnected',
  'access_code.failed_to_remove_from_device',
  /** Someone removed the code from the lock outside the provider (its maker's app, the keypad). */
  'access_code.deleted_externally',
] as const;
export type LockEventType = (typeof LOCK_EVENT_TYPES)[number];

export interface LockEvent {
  provider: LockProviderName;
  type: LockEventType;
  deviceId: string;
  accessCodeId?: string | undefined;
  occurredAt: Instant;
}

const CODE_OUTCOMES: Partial<Record<LockEventType, { status: LockCodeStatus; timeline: string }>> = {
  'access_code.set_on_device': { status: 'set', timeline: 'code.set_on_lock' },
  'access_code.failed_to_set_on_device': { status: 'failed', timeline: 'code.failed_on_lock' },
  'access_code.removed_from_device': { status: 'removed', timeline: 'code.removed_from_lock' },
};

/**
 * A lock provider reported a change. Only a confirmation makes a code count as set (R4.2).
 * Returns what the event was about, or 'ignored' for codes Lockstep did not create.
 */
export async function recordLockEvent(deps: Deps, event: LockEvent): Promise<'recorded' | 'ignored'> {
  // R7.3: codes due to leave the lock while it was away go now.
  if (event.type === 'device.connected') await cleanUpOnReconnect(deps, event.provider, event.deviceId);
  if (event.type === 'device.connected' || event.type === 'device.disconnected') {
    const recorded = await recordConnection(
      deps,
      event.provider,
      event.deviceId,
      event.type === 'device.connected',
      event.occurredAt,
    );
    // R6.2: an online lock gets its missing pool codes.
    const device = await deps.locks.findDevice(event.provider, event.deviceId);
    if (device && event.type === 'device.connected') await refillPool(deps, device.hostId, device.lockId);
    return recorded;
  }
  if (!event.accessCodeId) return 'ignored';
  const ref = await deps.accessCodes.findAccessCode(event.provider, event.accessCodeId);
  if (!ref) return 'ignored';
  // Guests' codes only: a pool code removed or left behind is not followed yet (docs/decisions.md).
  if (event.type === 'access_code.failed_to_remove_from_device') {
    return ref.poolCodeId === undefined ? recordRemovalFailed(deps, ref, event.occurredAt) : 'ignored';
  }
  if (event.type === 'access_code.deleted_externally') {
    return ref.poolCodeId === undefined
      ? recordCodeDeletedExternally(deps, ref, event.occurredAt)
      : 'ignored';
  }
  const outcome = CODE_OUTCOMES[event.type];
  if (!outcome) return 'ignored';
  if (ref.poolCodeId !== undefined) {
    if (outcome.status === 'removed') return 'ignored';
    const poolOutcome = outcome.status === 'set' ? 'set' : 'failed';
    return recordPoolCodeEvent(
      deps,
      { ...ref, poolCodeId: ref.poolCodeId, accessCodeId: event.accessCodeId },
      poolOutcome,
      event.occurredAt,
    );
  }
  const updated = await updateReservation(deps, ref.hostId, ref.reservationId, (r) => {
    const state = r.code.locks.find((s) => s.lockId === ref.lockId);
    // A late confirmation of an older access code (a replaced PIN) says nothing about the current one.
    if (!state || (state.accessCodeId && state.accessCodeId !== event.accessCodeId)) return false;
    if (state.retiredAccessCodeIds?.includes(event.accessCodeId ?? '')) return false;
    if (state.status === outcome.status) return false;
    state.status = outcome.status;
    state.accessCodeId = event.accessCodeId;
    if (outcome.status === 'set') state.setAt = event.occurredAt;
    if (outcome.status === 'removed') state.removedAt = event.occurredAt;
    if (outcome.status === 'failed') state.lastError = 'failed_to_set';
    r.timeline.push({ at: event.occurredAt, event: outcome.timeline, lockId: ref.lockId });
    return true;
  });
  if (updated && outcome.status === 'set') deps.metrics.count('CodesSet');
  return updated ? 'recorded' : 'ignored';
}
