import type { SNSClient } from '@aws-sdk/client-sns';
import { MessageRefusedError } from '#core/errors.ts';
import type { SmsMessage, SmsSender } from '#ports/messaging.ts';
import { isAwsError } from './aws-error.ts';

// SNS refuses a number it cannot text (malformed, unsupported destination) with these: final.
const REFUSALS = ['InvalidParameterException', 'InvalidParameterValueException'];

/** Sends SMS through SNS; the caller makes sends idempotent (by messageId) before reaching here. */
export class SnsSmsSender implements SmsSender {
  private readonly client: SNSClient;

  constructor(client: SNSClient) {
    this.client = client;
  }

  async sendSms(message: SmsMessage): Promise<void> {
    try {
      await this.publish(message);
    } catch (error) {
      if (REFUSALS.some((name) => isAwsError(error, name))) {
        throw new MessageRefusedError('sms', (error as Error).message);
      }
      throw error;
    }
  }

  private async publish(message: SmsMessage): Promise<void> {
    // Loaded on the first text, not at cold start: most invocations send nothing (docs/performance.md).
    const { PublishCommand } = await import('@aws-sdk/client-sns');
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
