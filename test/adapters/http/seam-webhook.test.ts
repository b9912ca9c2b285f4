import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseSeamEvent, SeamWebhooks, verifySeamWebhook } from '#adapters/http/seam-webhook.ts';
import { ValidationError } from '#core/errors.ts';
import { signSvixWebhook, svixKey } from '#core/webhooks/svix.ts';

const KEY = Buffer.from('lockstep-seam-webhook-test-key-32b');
const SECRET = `whsec_${KEY.toString('base64')}`;
const NEXT_SECRET = `whsec_${Buffer.from('the-rotated-in-key-for-seam-tests').toString('base64')}`;
const NOW = Date.UTC(2026, 11, 1, 12);
const MINUTE = 60_000;

const event = (fields: Record<string, unknown> = {}) =>
  JSON.stringify({
    event_id: 'evt_1',
    event_type: 'access_code.set_on_device',
    workspace_id: 'ws_1',
    device_id: 'dev_1',
    access_code_id: 'ac_1',
    connected_account_id: 'ca_1',
    code: '482915',
    created_at: '2026-12-01T11:59:59.000Z',
    occurred_at: '2026-12-01T11:59:58.000Z',
    ...fields,
  });

describe('R9.1 Seam webhook signatures (Svix)', () => {
  const body = event();

  it('accepts a delivery signed with the decoded whsec_ key over id.timestamp.body', () => {
    const timestamp = String(NOW / 1000);
    const signature = createHmac('sha256', KEY).update(`msg_1.${timestamp}.${body}`).digest('base64');
    const headers = { 'svix-id': 'msg_1', 'svix-timestamp': timestamp, 'svix-signature': `v1,${signature}` };
    expect(verifySeamWebhook([SECRET], headers, body, NOW)).toBeUndefined();
    expect(signSvixWebhook(SECRET, 'msg_1', NOW, body)).toEqual(headers);
  });

  it('refuses a tampered body', () => {
    const headers = signSvixWebhook(SECRET, 'msg_1', NOW, body);
    expect(verifySeamWebhook([SECRET], headers, body.replace('dev_1', 'dev_2'), NOW)).toBe('bad_signature');
  });

  it('refuses a delivery signed with another secret', () => {
    const headers = signSvixWebhook(NEXT_SECRET, 'msg_1', NOW, body);
    expect(verifySeamWebhook([SECRET], headers, body, NOW)).toBe('bad_signature');
  });

  it('does not take the whsec_ secret as UTF-8 text (the Standard Webhooks reading)', () => {
    const timestamp = String(NOW / 1000);
    const signature = createHmac('sha256', SECRET).update(`msg_1.${timestamp}.${body}`).digest('base64');
    const headers = { 'svix-id': 'msg_1', 'svix-timestamp': timestamp, 'svix-signature': `v1,${signature}` };
    expect(verifySeamWebhook([SECRET], headers, body, NOW)).toBe('bad_signature');
  });

  it('refuses a timestamp more than five minutes away, either way, and accepts one within', () => {
    const stale = signSvixWebhook(SECRET, 'msg_1', NOW - 5 * MINUTE - 1_000, body);
    const early = signSvixWebhook(SECRET, 'msg_1', NOW + 5 * MINUTE + 1_000, body);
    const recent = signSvixWebhook(SECRET, 'msg_1', NOW - 5 * MINUTE, body);
    expect(verifySeamWebhook([SECRET], stale, body, NOW)).toBe('stale_timestamp');
    expect(verifySeamWebhook([SECRET], early, body, NOW)).toBe('stale_timestamp');
    expect(verifySeamWebhook([SECRET], recent, body, NOW)).toBeUndefined();
  });

  it('accepts either active secret during a rotation, and several signatures in one header', () => {
    const signed = signSvixWebhook(NEXT_SECRET, 'msg_1', NOW, body);
    expect(verifySeamWebhook([SECRET, NEXT_SECRET], signed, body, NOW)).toBeUndefined();
    const old = signSvixWebhook(SECRET, 'msg_1', NOW, body)['svix-signature'];
    const both = { ...signed, 'svix-signature': `${old} ${signed['svix-signature']}` };
    expect(verifySeamWebhook([SECRET], both, body, NOW)).toBeUndefined();
  });

  it('reads header names in any case, and the Standard Webhooks names', () => {
    const h = signSvixWebhook(SECRET, 'msg_1', NOW, body);
    const mixed = {
      'Svix-Id': h['svix-id'],
      'SVIX-TIMESTAMP': h['svix-timestamp'],
      'svix-signature': h['svix-signature'],
    };
    const standard = {
      'webhook-id': h['svix-id'],
      'webhook-timestamp': h['svix-timestamp'],
      'webhook-signature': h['svix-signature'],
    };
    expect(verifySeamWebhook([SECRET], mixed, body, NOW)).toBeUndefined();
    expect(verifySeamWebhook([SECRET], standard, body, NOW)).toBeUndefined();
  });

  it('reports missing headers', () => {
    expect(verifySeamWebhook([SECRET], { 'svix-id': 'msg_1' }, body, NOW)).toBe('missing_signature');
  });

  it('fails fast on a secret that is not whsec_<base64>', () => {
    expect(() => svixKey('whsec_not base64!')).toThrow('not a whsec_<base64> key');
    expect(svixKey(KEY.toString('base64'))).toEqual(KEY);
  });
});

describe('R4.2 Seam webhook events', () => {
  it('parses a confirmation into a LockEvent and drops the PIN (R9.4)', () => {
    const parsed = parseSeamEvent(event());
    expect(parsed).toEqual({
      provider: 'seam',
      type: 'access_code.set_on_device',
      deviceId: 'dev_1',
      accessCodeId: 'ac_1',
      occurredAt: Date.parse('2026-12-01T11:59:58.000Z'),
      eventId: 'evt_1',
    });
    expect(JSON.stringify(parsed)).not.toContain('482915');
  });

  it('counts a code preloaded on a natively scheduling lock as set', () => {
    expect(parseSeamEvent(event({ event_type: 'access_code.scheduled_on_device' }))?.type).toBe(
      'access_code.set_on_device',
    );
  });

  it("carries Seam's reason for a failure to set", () => {
    const failed = event({
      event_type: 'access_code.failed_to_set_on_device',
      code: undefined,
      access_code_errors: [{ error_code: 'duplicate_code_on_device', message: 'm' }],
    });
    expect(parseSeamEvent(failed)).toMatchObject({
      type: 'access_code.failed_to_set_on_device',
      failureReason: 'duplicate_code',
    });
    const bare = event({ event_type: 'access_code.failed_to_set_on_device' });
    expect(parseSeamEvent(bare)?.failureReason).toBe('failed_to_set');
  });

  it('parses removals and device connectivity', () => {
    expect(parseSeamEvent(event({ event_type: 'access_code.removed_from_device' }))?.type).toBe(
      'access_code.removed_from_device',
    );
    const offline = parseSeamEvent(event({ event_type: 'device.disconnected', access_code_id: undefined }));
    expect(offline).toMatchObject({ type: 'device.disconnected', deviceId: 'dev_1' });
    expect(offline?.accessCodeId).toBeUndefined();
    expect(parseSeamEvent(event({ event_type: 'device.connected' }))?.accessCodeId).toBeUndefined();
  });

  it('R7.3 follows a failed removal and R1.4 a code deleted outside Seam, instead of ignoring them', () => {
    expect(parseSeamEvent(event({ event_type: 'access_code.failed_to_remove_from_device' }))).toMatchObject({
      type: 'access_code.failed_to_remove_from_device',
      accessCodeId: 'ac_1',
    });
    expect(parseSeamEvent(event({ event_type: 'access_code.deleted_external_to_seam' }))).toMatchObject({
      type: 'access_code.deleted_externally',
      accessCodeId: 'ac_1',
    });
  });

  it('ignores event types Lockstep does not follow', () => {
    expect(parseSeamEvent(event({ event_type: 'access_code.created' }))).toBeUndefined();
    expect(parseSeamEvent(JSON.stringify({ event_type: 'lock.unlocked' }))).toBeUndefined();
  });

  it('refuses a malformed body as a validation error', () => {
    expect(() => parseSeamEvent('{')).toThrow(ValidationError);
    expect(() => parseSeamEvent('{}')).toThrow(ValidationError);
    expect(() => parseSeamEvent(event({ device_id: undefined }))).toThrow('device_id');
    expect(() => parseSeamEvent(event({ access_code_id: undefined }))).toThrow('access_code_id');
    expect(() => parseSeamEvent(event({ occurred_at: 'yesterday' }))).toThrow('occurred_at');
  });
});

describe('SeamWebhooks, the lock webhooks of one Seam account', () => {
  it('verifies with the account secrets and reports events under the provider it serves', () => {
    const webhooks = new SeamWebhooks([SECRET], 'sandbox');
    const body = event();
    expect(webhooks.verify(signSvixWebhook(SECRET, 'msg_1', NOW, body), body, NOW)).toBeUndefined();
    expect(webhooks.verify(signSvixWebhook(NEXT_SECRET, 'msg_1', NOW, body), body, NOW)).toBe(
      'bad_signature',
    );
    expect(webhooks.parse(body)).toMatchObject({ provider: 'sandbox', type: 'access_code.set_on_device' });
    expect(webhooks.parse(event({ event_type: 'lock.locked' }))).toBeUndefined();
  });
});
