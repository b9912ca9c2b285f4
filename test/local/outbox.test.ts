import { describe, expect, it } from 'vitest';
import { noAwsCalls } from '#local/aws-calls.ts';
import { isGuestEntry, Outbox, recipientOf } from '#local/outbox.ts';

describe('outbox (SES, SNS and channel messaging stand-in)', () => {
  it('records each message once per message id, so a retried step sends no second copy', async () => {
    const calls = noAwsCalls();
    const printed: string[] = [];
    const outbox = new Outbox(calls, (entry) => printed.push(entry.via));
    const email = { messageId: 'm1', to: 'ana@example.com', subject: 's', text: 't', html: '<p>t</p>' };
    await outbox.sendEmail(email);
    await outbox.sendEmail(email);
    await outbox.sendSms({ messageId: 'm1-sms', to: '+15551234567', text: 't' });
    expect(outbox.entries.map((e) => e.via)).toEqual(['email', 'sms']);
    expect(printed).toEqual(['email', 'sms']);
    expect(calls).toMatchObject({ ses: 1, sns: 1 });
  });

  it('keeps channel messages under their channel, counted as no AWS call, and host alerts as SES email', async () => {
    const calls = noAwsCalls();
    const outbox = new Outbox(calls);
    const message = {
      messageId: 'c1',
      hostId: 'host-1',
      reservationId: 'HM1',
      channel: 'airbnb' as const,
      senderHostId: 'h2',
      text: 'Your code is 482913.',
      language: 'en',
    };
    await outbox.sendChannelMessage(message);
    await outbox.sendChannelMessage(message);
    await outbox.notifyHost({
      messageId: 'a1',
      hostId: 'host-1',
      kind: 'lock_disconnected',
      lockId: 'front',
      subject: 'front is offline',
      text: 't',
      html: '<p>t</p>',
    });
    expect(outbox.entries.map((e) => [e.via, recipientOf(e), isGuestEntry(e)])).toEqual([
      ['airbnb', 'airbnb conversation HM1 as h2', true],
      ['alert', 'host host-1', false],
    ]);
    expect(calls).toMatchObject({ ses: 1, sns: 0 });
  });
});
