/**
 * What a host is alerted about by email (R8.2), plus a guest message that could not be delivered, a
 * calendar feed failing for 6 hours (R10.5), a feed stay's code message to pass on (R10.8), and a
 * code a lock failed to remove (R7.3), and an offline code that outlives its stay (R11.3).
 */
export const HOST_ALERT_KINDS = [
  'code_failed',
  'lock_disconnected',
  'message_failed',
  'feed_failing',
  'code_for_guest',
  'code_not_removed',
  'offline_code_stays_valid',
] as const;
export type HostAlertKind = (typeof HOST_ALERT_KINDS)[number];

/**
 * An alert email to the account's host. Never carries a PIN (R9.4), it points to the reservation
 * instead; the one exception is `code_for_guest`, the code message a host forwards (R10.8).
 */
export interface HostAlert {
  /** Idempotency key, as for guest messages. */
  messageId: string;
  hostId: string;
  kind: HostAlertKind;
  reservationId?: string | undefined;
  lockId?: string | undefined;
  subject: string;
  text: string;
  html: string;
}

export interface HostNotifier {
  notifyHost(alert: HostAlert): Promise<void>;
}
