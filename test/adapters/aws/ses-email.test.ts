import { MessageRejected, SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { SesEmailSender } from '#adapters/aws/ses-email.ts';
import { MessageRefusedError } from '#core/errors.ts';

const ses = mockClient(SESClient);
const sender = new SesEmailSender(new SESClient({ region: 'us-east-1' }), 'Lockstep <stay@lockstep.example>');
const message = {
  messageId: 'msg-1',
  to: 'zoe@example.com',
  subject: 'Your door code for Cabin Ångström',
  text: 'Hej Zoë, your code is 739164.',
  html: '<p>Hej Zoë, your code is <b>739164</b>.</p>',
};

beforeEach(() => {
  ses.reset();
  ses.onAnyCommand().resolves({ MessageId: 'ses-1' });
});

describe('SesEmailSender', () => {
  it('sends one email with HTML and text bodies in UTF-8 from the configured sender', async () => {
    await sender.sendEmail(message);

    expect(ses.commandCalls(SendEmailCommand).map((c) => c.args[0].input)).toEqual([
      {
        Source: 'Lockstep <stay@lockstep.example>',
        Destination: { ToAddresses: ['zoe@example.com'] },
        Message: {
          Subject: { Data: message.subject, Charset: 'UTF-8' },
          Body: {
            Html: { Data: message.html, Charset: 'UTF-8' },
            Text: { Data: message.text, Charset: 'UTF-8' },
          },
        },
      },
    ]);
  });

  it('tags the send with its reservation for delivery reports', async () => {
    await sender.sendEmail({ ...message, reservationId: 'HM-ABC_123' });

    expect(ses.commandCalls(SendEmailCommand)[0]?.args[0].input.Tags).toEqual([
      { Name: 'reservationId', Value: 'HM-ABC_123' },
    ]);
  });

  it('leaves off a tag SES would refuse, rather than fail the send', async () => {
    await sender.sendEmail({ ...message, reservationId: 'booking:4711/2' });

    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1);
    expect(ses.commandCalls(SendEmailCommand)[0]?.args[0].input.Tags).toBeUndefined();
  });

  it('passes a rejection on', async () => {
    ses.on(SendEmailCommand).rejects(new MessageRejected({ message: 'address blocked', $metadata: {} }));

    await expect(sender.sendEmail(message)).rejects.toThrow('address blocked');
  });
});

describe('SesEmailSender refusals', () => {
  it('reports a rejected recipient as refused for good, so the step is not retried', async () => {
    ses.on(SendEmailCommand).rejects(new MessageRejected({ message: 'Address blacklisted.', $metadata: {} }));

    await expect(sender.sendEmail(message)).rejects.toThrow(MessageRefusedError);
  });

  it('passes any other failure on as it is, to be retried', async () => {
    ses.on(SendEmailCommand).rejects(new Error('socket hang up'));

    await expect(sender.sendEmail(message)).rejects.not.toThrow(MessageRefusedError);
  });
});
