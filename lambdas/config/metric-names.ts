// CloudWatch names shared by the functions (which count) and lib/ (whose alarms watch the counts):
// a renamed metric fails type-checking instead of leaving an alarm that can never fire.

/** The namespace and `service` dimension of every count the functions write. */
export const METRICS_NAMESPACE = 'Lockstep';
export const METRICS_SERVICE = 'lockstep';

/** The counts an alarm watches. */
export const ALARMED_METRICS = {
  /** A webhook delivery refused for its signature or timestamp (a 401), by `sender`. */
  webhookSignaturesRefused: 'WebhookSignaturesRefused',
  /** A webhook delivery whose signature passed, by `sender`: refusals and none of these mean a wrong secret. */
  webhookSignaturesAccepted: 'WebhookSignaturesAccepted',
  /** A guest message a route refused for good (SES MessageRejected, an SNS refusal), by `channel`. */
  messagesRefused: 'MessagesRefused',
  /** The lock provider refused the operator's API key (HTTP 401/403). */
  providerCredentialsRejected: 'ProviderCredentialsRejected',
  /** A queued channel delivery the inbox consumer refused for good (a 4xx the partner never saw). */
  channelDeliveriesRefused: 'ChannelDeliveriesRefused',
} as const;

/** The webhook senders, as the `sender` dimension names them. */
export const WEBHOOK_SENDERS = ['channel', 'locks'] as const;
