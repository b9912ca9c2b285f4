import { describe, expect, it } from 'vitest';
import { noAwsCalls } from '#local/aws-calls.ts';
import { Outbox } from '#local/outbox.ts';

describe('outbox (SES and SNS stand-in)', () => {
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
});
