/** What a host is alerted about by email (R8.2), plus a guest message that could not be delivered. */
export const HOST_ALERT_KINDS = ['code_failed', 'lock_disconnected', 'message_failed'] as const;
export type HostAlertKind = (typeof HOST_ALERT_KINDS)[number];

/** An alert email to the account's host. Never carries a PIN (R9.4): it points to the reservation instead. */
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
