import {
  InvalidParameterException,
  PublishCommand,
  SNSClient,
  ThrottledException,
} from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { SnsSmsSender } from '#adapters/aws/sns-sms.ts';
import { MessageRefusedError } from '#core/errors.ts';

const sns = mockClient(SNSClient);
const sender = new SnsSmsSender(new SNSClient({ region: 'us-east-1' }));
const message = { messageId: 'msg-1', to: '+15555550123', text: 'Your door code is 739164.' };

beforeEach(() => {
  sns.reset();
  sns.onAnyCommand().resolves({ MessageId: 'sns-1' });
});

describe('SnsSmsSender', () => {
  it('publishes one transactional SMS to the phone number', async () => {
    await sender.sendSms(message);

    expect(sns.commandCalls(PublishCommand).map((c) => c.args[0].input)).toEqual([
      {
        PhoneNumber: '+15555550123',
        Message: 'Your door code is 739164.',
        MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } },
      },
    ]);
  });

  it('passes a rejection on', async () => {
    sns.on(PublishCommand).rejects(new InvalidParameterException({ message: 'bad number', $metadata: {} }));

    await expect(sender.sendSms(message)).rejects.toThrow('bad number');
  });

  it('reports a number SNS cannot text as refused for good', async () => {
    sns.on(PublishCommand).rejects(new InvalidParameterException({ message: 'bad number', $metadata: {} }));

    await expect(sender.sendSms(message)).rejects.toThrow(MessageRefusedError);
  });

  it('passes throttling on as it is, to be retried', async () => {
    sns.on(PublishCommand).rejects(new ThrottledException({ message: 'slow down', $metadata: {} }));

    await expect(sender.sendSms(message)).rejects.not.toThrow(MessageRefusedError);
  });
});
