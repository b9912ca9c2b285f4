import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SesEmailSender } from '#adapters/aws/ses-email.ts';
import { SnsSmsSender } from '#adapters/aws/sns-sms.ts';
import { ALARMED_METRICS } from '#config/metric-names.ts';
import { isGsm0338 } from '#core/codes/gsm.ts';
import type { Deps } from '#core/deps.ts';
import { ChannelUnreachableError, DeliveryError, MessageRefusedError } from '#core/errors.ts';
import { CLAIM_TTL } from '#core/messages/guest-delivery.ts';
import { codeMessageId, sendCodeMessage } from '#core/messages/send-code-message.ts';
import { smsSegments } from '#core/messages/sms.ts';
import { updateReservation } from '#core/reservations/update.ts';
import { type Failures, SendingWorld } from '../../support/counting-senders.ts';
import { HOST, type MessageWorld, MINUTE } from '../../support/message-world.ts';

// Every guest message is sent once: a retried or doubled step never sends a second copy (R5). The
// message step runs here directly, with senders that count, fail or refuse on demand.

let sending: SendingWorld;
let world: MessageWorld;
const deps = (fail: Failures = {}) => sending.deps(fail);
const book = (...args: Parameters<SendingWorld['book']>) => sending.book(...args);
const sent = () => sending.sent;

beforeAll(async () => {
  sending = await SendingWorld.start(Date.parse('2026-12-01T12:00:00Z'));
  world = sending.world;
});
afterAll(() => world?.stop());
beforeEach(() => {
  sending.sent = SendingWorld.nothingSent();
});

describe('R5 every guest message is sent once', () => {
  it('sends no second copy when the step runs again', async () => {
    const id = await book();
    expect(await sendCodeMessage(deps(), HOST, id)).toBe('sent');
    expect(await sendCodeMessage(deps(), HOST, id)).toBe('already_handled');
    expect([sent().email.length, sent().sms.length]).toEqual([1, 1]);
  });

  it('sends one copy when two runs of the step race; the loser fails, to be retried (R9.5)', async () => {
    const id = await book();
    const outcomes = await Promise.allSettled([
      sendCodeMessage(deps(), HOST, id),
      sendCodeMessage(deps(), HOST, id),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(outcomes.find((o) => o.status === 'fulfilled')).toMatchObject({ value: 'sent' });
    expect([sent().email.length, sent().sms.length]).toEqual([1, 1]);
    // The platform's retry then finds the message sent.
    expect(await sendCodeMessage(deps(), HOST, id)).toBe('already_handled');
  });

  it('retries only the route that failed: the email is not sent again with the SMS', async () => {
    const id = await book();
    const failing = sendCodeMessage(deps({ sms: () => new Error('carrier timeout') }), HOST, id);
    await expect(failing).rejects.toThrow(DeliveryError);
    await expect(failing).rejects.toThrow('guest message not delivered yet: sms: carrier timeout');
    expect([sent().email.length, sent().sms.length]).toEqual([1, 0]);

    expect(await sendCodeMessage(deps(), HOST, id)).toBe('sent');
    expect([sent().email.length, sent().sms.length]).toEqual([1, 1]);
    const r = await world.reservation(id);
    expect(r.timeline.filter((t) => t.event.startsWith('guest.')).map((t) => [t.event, t.detail])).toEqual([
      ['guest.code_message_sent', 'via email'],
      ['guest.message_failed', 'sms: carrier timeout'],
      ['guest.code_message_sent', 'via sms'],
    ]);
    expect(r.code.communicatedVia).toEqual(['email', 'sms']);
  });

  it('takes over a claim left by a run that died, and fails while a live one holds it (R9.5)', async () => {
    const id = await book();
    const r = await world.reservation(id);
    const claimAt = (ago: number) =>
      updateReservation(world.runtime.deps, HOST, id, (fresh) => {
        fresh.guestMessages = [
          {
            messageId: codeMessageId(fresh, false),
            kind: 'code',
            at: Date.now() - ago,
            pin: fresh.code.pin,
            sent: [],
            claim: { token: 'dead-run', at: Date.now() - ago },
          },
        ];
        return true;
      });
    await claimAt(CLAIM_TTL - MINUTE);
    await expect(sendCodeMessage(deps(), HOST, id)).rejects.toThrow('being sent by another run');
    expect(sent().email).toEqual([]);
    await claimAt(CLAIM_TTL + MINUTE);
    expect(await sendCodeMessage(deps(), HOST, id)).toBe('sent');
    expect(sent().email.map((m) => m.text.includes(r.code.pin))).toEqual([true]);
  });
});

describe('R5.2 channel messaging that fails', () => {
  it('records an unreachable channel for the host and retries the step, which then sends once', async () => {
    const id = await book({ channel: 'airbnb' });
    const unreachable = () =>
      new ChannelUnreachableError('airbnb messaging unreachable: HTTP 503 (4 attempts)');
    await expect(sendCodeMessage(deps({ channel: unreachable }), HOST, id)).rejects.toThrow(
      'guest message not delivered yet: airbnb: airbnb messaging unreachable: HTTP 503 (4 attempts)',
    );
    const r = await world.reservation(id);
    expect(r.timeline.at(-1)).toMatchObject({
      event: 'guest.message_failed',
      detail: 'airbnb: airbnb messaging unreachable: HTTP 503 (4 attempts)',
    });
    expect(r.code.communicatedAt).toBeUndefined();

    expect(await sendCodeMessage(deps(), HOST, id)).toBe('sent');
    expect(await sendCodeMessage(deps(), HOST, id)).toBe('already_handled');
    expect(sent().channel.map((m) => [m.channel, m.senderHostId])).toEqual([['airbnb', 'h1']]);
  });

  it('does not retry a refusal: the timeline says why and the host is alerted once', async () => {
    const id = await book({ channel: 'vrbo' });
    const refused = () =>
      new MessageRefusedError('vrbo', 'vrbo messaging refused the message: unknown_conversation (HTTP 404)');
    expect(await sendCodeMessage(deps({ channel: refused }), HOST, id)).toBe('not_delivered');
    expect(await sendCodeMessage(deps({ channel: refused }), HOST, id)).toBe('already_handled');
    expect(sent().channel).toEqual([]);
    expect(sent().alerts.map((a) => [a.kind, a.reservationId])).toEqual([['message_failed', id]]);
    expect(sent().alerts[0]?.text).toContain(
      'vrbo: vrbo messaging refused the message: unknown_conversation',
    );
    const r = await world.reservation(id);
    expect(r.timeline.filter((t) => t.event === 'guest.message_failed')).toHaveLength(1);
  });
});

describe('R5.2 refusals at SES and SNS are counted for the operator', () => {
  it('counts an email SES refused for good, by channel, under the alarmed metric name', async () => {
    const id = await book();
    const metrics = world.runtime.metrics;
    const before = metrics.total(ALARMED_METRICS.messagesRefused, { channel: 'email' });
    const rejected = () => new MessageRefusedError('email', 'Email address is not verified.');
    expect(await sendCodeMessage(deps({ email: rejected }), HOST, id)).toBe('sent');
    expect(metrics.total(ALARMED_METRICS.messagesRefused, { channel: 'email' })).toBe(before + 1);
    expect(metrics.total(ALARMED_METRICS.messagesRefused, { channel: 'sms' })).toBe(0);
  });
});

describe('R5.2 request shapes at SES and SNS for a direct booking', () => {
  const ses = mockClient(SESClient);
  const sns = mockClient(SNSClient);
  beforeEach(() => {
    ses.reset();
    sns.reset();
    ses.onAnyCommand().resolves({ MessageId: 'ses-1' });
    sns.onAnyCommand().resolves({ MessageId: 'sns-1' });
  });

  it('sends HTML and text email, and a transactional GSM SMS to the E.164 number', async () => {
    const id = await book({
      guest: { name: 'Jürgen Łukasz', email: 'jl@example.com', phone: '0049 151 1234 5678', locale: 'de-DE' },
    });
    const aws: Deps = {
      ...deps(),
      email: new SesEmailSender(
        new SESClient({ region: 'eu-central-1' }),
        'Lockstep <codes@lockstep.example>',
      ),
      sms: new SnsSmsSender(new SNSClient({ region: 'eu-central-1' })),
    };
    await sendCodeMessage(aws, HOST, id);
    const pin = (await world.reservation(id)).code.pin;

    const email = ses.commandCalls(SendEmailCommand).map((c) => c.args[0].input);
    expect(email).toEqual([
      {
        Source: 'Lockstep <codes@lockstep.example>',
        Destination: { ToAddresses: ['jl@example.com'] },
        Message: {
          Subject: { Data: 'Ihr Türcode für Villa', Charset: 'UTF-8' },
          Body: {
            Html: { Data: expect.stringContaining(`<strong>${pin}</strong>`), Charset: 'UTF-8' },
            Text: {
              Data: expect.stringContaining(`Ihr persönlicher Code für door lautet ${pin}.`),
              Charset: 'UTF-8',
            },
          },
        },
        Tags: [{ Name: 'reservationId', Value: id }],
      },
    ]);
    const sms = sns.commandCalls(PublishCommand).map((c) => c.args[0].input);
    expect(sms).toEqual([
      {
        PhoneNumber: '+4915112345678',
        Message: expect.stringContaining(`Hallo Jürgen, Ihr Code für door lautet ${pin}.`),
        MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } },
      },
    ]);
    const text = sms[0]?.Message ?? '';
    expect(isGsm0338(text)).toBe(true);
    expect(smsSegments(text)).toBe(1);
  });
});
