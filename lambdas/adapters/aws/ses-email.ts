import type { MessageTag, SESClient } from '@aws-sdk/client-ses';
import { MessageRefusedError } from '#core/errors.ts';
import type { EmailMessage, EmailSender } from '#ports/messaging.ts';
import { isAwsError } from './aws-error.ts';

// Guest names and wording are not ASCII-only.
const CHARSET = 'UTF-8';

// SES refuses the whole send when a tag value breaks its rule, so a value outside it is left off.
const TAG_VALUE = /^[A-Za-z0-9_-]{1,256}$/;

/** Sends through SES; the caller makes sends idempotent (by messageId) before reaching here. */
export class SesEmailSender implements EmailSender {
  private readonly client: SESClient;
  private readonly from: string;

  constructor(client: SESClient, from: string) {
    this.client = client;
    this.from = from;
  }

  async sendEmail(message: EmailMessage): Promise<void> {
    try {
      await this.send(message);
    } catch (error) {
      // SES refuses this recipient or content for good (a blocked address): sending again cannot help.
      if (isAwsError(error, 'MessageRejected'))
        throw new MessageRefusedError('email', (error as Error).message);
      throw error;
    }
  }

  private async send(message: EmailMessage): Promise<void> {
    // Loaded on the first send, not at cold start: most invocations send nothing (docs/performance.md).
    const { SendEmailCommand } = await import('@aws-sdk/client-ses');
    await this.client.send(
      new SendEmailCommand({
        Source: this.from,
        Destination: { ToAddresses: [message.to] },
        Message: {
          Subject: { Data: message.subject, Charset: CHARSET },
          Body: {
            Html: { Data: message.html, Charset: CHARSET },
            Text: { Data: message.text, Charset: CHARSET },
          },
        },
        Tags: reservationTag(message.reservationId),
      }),
    );
  }
}

/** Tags the send for delivery reports (published when the sender's configuration set asks). */
function reservationTag(reservationId: string | undefined): MessageTag[] | undefined {
  return reservationId !== undefined && TAG_VALUE.test(reservationId)
    ? [{ Name: 'reservationId', Value: reservationId }]
    : undefined;
}
