import type { Instant } from '#core/model.ts';

/** Who signed a webhook delivery: each sender's delivery ids are their own namespace. */
export type DeliverySender = 'channel' | 'locks';

/** A stored HTTP answer, replayed as it was. */
export interface StoredResponse {
  statusCode: number;
  headers?: Record<string, string>;
  body: string;
}

export type DeliveryClaim =
  | { kind: 'claimed' }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'in_progress' };

/**
 * One record per webhook delivery id (R9.1): the first delivery claims it, its answer is kept, a
 * redelivery gets that answer back and runs nothing.
 */
export interface DeliveryRecords {
  /**
   * Claims the id: new, expired, or `in_progress` for longer than `staleAfterMs` (a run that died;
   * STALE_CLAIM_MS when absent).
   */
  claim(
    sender: DeliverySender,
    deliveryId: string,
    now: Instant,
    staleAfterMs?: number,
  ): Promise<DeliveryClaim>;
  complete(sender: DeliverySender, deliveryId: string, response: StoredResponse, now: Instant): Promise<void>;
  /** The delivery failed: give the id back so the sender's retry runs again. */
  release(sender: DeliverySender, deliveryId: string): Promise<void>;
}
