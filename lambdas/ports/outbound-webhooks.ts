/** One outbound webhook to a host's endpoint (R6.5): the adapter signs, posts and retries it. */
export interface OutboundWebhook {
  /** Stable per event: the receiver drops a second delivery with the same id. */
  deliveryId: string;
  url: string;
  /** The JSON body, already serialized. It may carry a PIN (R6.5), so it is never logged (R9.4). */
  body: string;
}

export interface OutboundWebhooks {
  deliver(webhook: OutboundWebhook): Promise<void>;
}
