import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { SmsMessage, SmsSender } from '#ports/messaging.ts';

/** Sends SMS through SNS; the caller makes sends idempotent (by messageId) before reaching here. */
export class SnsSmsSender implements SmsSender {
  private readonly client: SNSClient;

  constructor(client: SNSClient) {
    this.client = client;
  }

  async sendSms(message: SmsMessage): Promise<void> {
    await this.client.send(
      new PublishCommand({
        PhoneNumber: message.to,
        Message: message.text,
        // Access codes are time-critical: transactional routing is delivered first and to more carriers.
        MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } },
      }),
    );
  }
}
