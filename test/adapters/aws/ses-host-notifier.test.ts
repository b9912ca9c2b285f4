import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { SesHostNotifier } from '#adapters/aws/ses-host-notifier.ts';
import type { HostAlert } from '#ports/host-notifier.ts';

const ses = mockClient(SESClient);
const addresses: Record<string, string> = { 'host-1': 'alerts@harbor-stays.example' };
const notifier = new SesHostNotifier(new SESClient({ region: 'us-east-1' }), {
  from: 'Lockstep <codes@lockstep.example>',
  addressOf: async (hostId) => addresses[hostId],
  fallback: 'ops@lockstep.example',
});
const alert: HostAlert = {
  messageId: 'alert-lockdisconnected-1',
  hostId: 'host-1',
  kind: 'lock_disconnected',
  lockId: 'front',
  subject: 'Front door is offline',
  text: 'Your lock Front door was reported disconnected.',
  html: '<p>Your lock Front door was reported disconnected.</p>',
};

beforeEach(() => {
  ses.reset();
  ses.onAnyCommand().resolves({ MessageId: 'ses-1' });
});

describe('R8.2 SesHostNotifier', () => {
  it("emails the alert to the host's address with HTML and text parts", async () => {
    await notifier.notifyHost(alert);

    expect(ses.commandCalls(SendEmailCommand).map((c) => c.args[0].input)).toEqual([
      {
        Source: 'Lockstep <codes@lockstep.example>',
        Destination: { ToAddresses: ['alerts@harbor-stays.example'] },
        Message: {
          Subject: { Data: 'Front door is offline', Charset: 'UTF-8' },
          Body: {
            Html: { Data: alert.html, Charset: 'UTF-8' },
            Text: { Data: alert.text, Charset: 'UTF-8' },
          },
        },
      },
    ]);
  });

  it('sends an alert for a host with no address to the operator, naming the host, rather than drop it', async () => {
    await notifier.notifyHost({ ...alert, hostId: 'host-2', reservationId: 'HM-1' });

    const input = ses.commandCalls(SendEmailCommand)[0]?.args[0].input;
    expect(input?.Destination).toEqual({ ToAddresses: ['ops@lockstep.example'] });
    expect(input?.Message?.Subject?.Data).toBe('[host host-2] Front door is offline');
    expect(input?.Tags).toEqual([{ Name: 'reservationId', Value: 'HM-1' }]);
  });
});
