import type { EntryKind, Instant } from '#core/model.ts';

/**
 * Work the platform gave up on: a scheduled entry whose asynchronous invocation failed every retry
 * (Lambda's on-failure destination), or a provisioning execution that failed. On AWS a queue; the
 * sweep reads it and runs the work again (R9.5). Ids only, never a PIN (R9.4).
 */
export interface FailedWork {
  kind: EntryKind;
  hostId: string;
  reservationId: string;
  /** The scheduled entry's name, or the failed execution's. */
  name: string;
  failedAt: Instant;
}

export interface FailedWorkQueue {
  send(work: FailedWork): Promise<void>;
  /** Takes every message waiting, oldest first; each is gone from the queue once taken. */
  takeAll(): Promise<FailedWork[]>;
}
