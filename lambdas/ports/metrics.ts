/** What the product counts for operators (CloudWatch metrics on AWS, namespace `Lockstep`). */
export type MetricName =
  /** A code confirmed on a lock by its provider (R4.2). */
  | 'CodesSet'
  /** A provisioning attempt planned after one that did not confirm every lock (R4.1). */
  | 'RetriesPlanned'
  /** A backup code issued from a lock's pool (R4.4, R6). */
  | 'BackupsIssued'
  /** A guest message sent on one route, by `channel` (R5). */
  | 'MessagesSent'
  /** A property's round of feed reads that stopped on a fault; its feeds stay due (R10.1). */
  | 'FeedPropertyReadsFailed'
  /** A lock reported that it failed to remove a code Lockstep asked it to remove (R7.3). */
  | 'CodeRemovalsFailed'
  /** A guest message a route refused for good, by `channel` (alarmed: SES or SNS refusing). */
  | 'MessagesRefused'
  /** A webhook delivery refused for its signature or timestamp, by `sender` (R9.1). */
  | 'WebhookSignaturesRefused'
  /** A webhook delivery whose signature passed, by `sender` (R9.1). */
  | 'WebhookSignaturesAccepted'
  /** A queued channel delivery refused for good by the inbox consumer, by `sender` (R9.2). */
  | 'ChannelDeliveriesRefused';

/**
 * Dimensions are a closed set of low-cardinality labels: nothing a caller could put a PIN,
 * a name or an id into (R9.4).
 */
export interface MetricDimensions {
  /** The route a message went out on: `email`, `sms`, or a booking channel. */
  channel?: string;
  /** Who sent a webhook: `channel` (the channel partner) or `locks` (the lock provider). */
  sender?: string;
}

/** Counts things that happened; recording never fails the work that happened. */
export interface Metrics {
  count(name: MetricName, value?: number, dimensions?: MetricDimensions): void;
}
