import { Webhook } from 'svix';
import { describe, expect, it } from 'vitest';
import { verifySeamWebhook } from '#adapters/http/seam-webhook.ts';
import { signSvixWebhook } from '#core/webhooks/svix.ts';

// R9.1: the hand-written Svix check (kept for its injected clock, see docs/decisions.md) against the
// `svix` package Seam's deliveries are signed with: same signatures, same verdicts.

const SECRET = `whsec_${Buffer.from('lockstep-svix-compat-secret-key!').toString('base64')}`;
const NOW = Date.UTC(2026, 11, 1, 12);
const BODY = JSON.stringify({ event_id: 'evt_1', event_type: 'access_code.set_on_device', device_id: 'd1' });

const svixHeaders = (msgId: string, at: number, body: string) => ({
  'svix-id': msgId,
  'svix-timestamp': String(Math.floor(at / 1000)),
  'svix-signature': new Webhook(SECRET).sign(msgId, new Date(at), body),
});

describe('R9.1 Seam webhook signatures, checked against the svix package', () => {
  it('accepts what svix signs', () => {
    expect(verifySeamWebhook([SECRET], svixHeaders('msg_1', NOW, BODY), BODY, NOW)).toBeUndefined();
  });

  it('signs exactly as svix does (the sandbox delivers as Seam does)', () => {
    expect(signSvixWebhook(SECRET, 'msg_1', NOW, BODY)).toEqual(svixHeaders('msg_1', NOW, BODY));
  });

  it('refuses a body, id or timestamp changed after svix signed', () => {
    const headers = svixHeaders('msg_1', NOW, BODY);
    expect(verifySeamWebhook([SECRET], headers, BODY.replace('d1', 'd2'), NOW)).toBe('bad_signature');
    expect(verifySeamWebhook([SECRET], { ...headers, 'svix-id': 'msg_2' }, BODY, NOW)).toBe('bad_signature');
    const later = String(Math.floor(NOW / 1000) + 1);
    expect(verifySeamWebhook([SECRET], { ...headers, 'svix-timestamp': later }, BODY, NOW)).toBe(
      'bad_signature',
    );
  });

  it('refuses a delivery svix signed too long ago, as svix itself would', () => {
    const old = svixHeaders('msg_1', NOW - 6 * 60_000, BODY);
    expect(verifySeamWebhook([SECRET], old, BODY, NOW)).toBe('stale_timestamp');
  });
});
