import type { Instant } from '#core/model.ts';

/**
 * A channel delivery admitted at the edge and kept until it is acted on (R9.5): the webhook answers
 * 202 once it is stored, and the table's stream hands it to the inbox consumer. `event` is the
 * validated event as JSON text; ids and reservation data only, never a PIN (R9.4).
 */
export interface InboxDelivery {
  deliveryId: string;
  event: string;
  receivedAt: Instant;
}

/** `queued`: this put stored it; `duplicate`: an earlier delivery with the same id already had. */
export type EnqueueResult = 'queued' | 'duplicate';

/** The channel webhook's inbox: one item per delivery id, written once (R9.1). */
export interface ChannelInbox {
  enqueue(delivery: InboxDelivery, now: Instant): Promise<EnqueueResult>;
  /** The stored delivery, for a sweep that re-drives it; undefined once gone. */
  get(deliveryId: string): Promise<InboxDelivery | undefined>;
}
