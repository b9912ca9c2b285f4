import type { EntryKind, Instant } from '#core/model.ts';

/** A scheduled entry's kind, or a channel delivery the inbox consumer gave up on. */
export type FailedWorkKind = EntryKind | 'channel-delivery';

/**
 * Work the platform gave up on: a scheduled entry whose asynchronous invocation failed every retry
 * (Lambda's on-failure destination), a provisioning execution that failed, or an inbox delivery
 * whose stream retries all failed. On AWS a queue; the sweep reads it and runs the work again
 * (R9.5). Ids only, never a PIN (R9.4).
 */
export interface FailedWork {
  kind: FailedWorkKind;
  hostId: string;
  reservationId: string;
  /** The scheduled entry's name, the failed execution's, or the channel delivery's id. */
  name: string;
  failedAt: Instant;
}

export interface FailedWorkQueue {
  send(work: FailedWork): Promise<void>;
  /** Takes every message waiting, oldest first; each is gone from the queue once taken. */
  takeAll(): Promise<FailedWork[]>;
}
