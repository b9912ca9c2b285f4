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
