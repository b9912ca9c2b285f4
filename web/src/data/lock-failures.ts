import type { LockFailureReason } from '#core/errors.ts';

/** Why a lock refused the code, in the host's words (the API answers the domain's reason code). */
const LOCK_FAILURE_LABELS: Record<LockFailureReason, string> = {
  duplicate_code: 'the PIN was already on the lock',
  name_rejected: 'the lock refused the code name',
  no_space: 'the lock is full',
  device_offline: 'the lock was offline',
  failed_to_set: 'the lock did not take the code',
  transient: 'the lock provider did not answer',
};

export const lockFailureLabel = (reason: string): string =>
  LOCK_FAILURE_LABELS[reason as LockFailureReason] ?? reason;
