/** Every message carries an idempotency key: a retried step never sends a second copy. */
export interface EmailMessage {
  messageId: string;
  /** Tags the send for delivery reports (SES message tags, SNS attributes). */
  reservationId?: string | undefined;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface SmsMessage {
  messageId: string;
  reservationId?: string | undefined;
  /** E.164 (`+` and 8–15 digits); the core normalizes numbers before they get here. */
  to: string;
  text: string;
}

export interface EmailSender {
  sendEmail(message: EmailMessage): Promise<void>;
}

export interface SmsSender {
  sendSms(message: SmsMessage): Promise<void>;
}

/**
 * The recipient or the content was refused for good (a blocked address, an invalid number, an
 * unknown conversation): sending again cannot help, so the caller records it instead of retrying.
 * Any other error from a sender is taken as passing. Never carries a PIN (R9.4).
 */
export class MessageRefusedError extends Error {
  readonly route: string;
  constructor(route: string, message: string) {
    super(message);
    this.name = 'MessageRefusedError';
    this.route = route;
  }
}
