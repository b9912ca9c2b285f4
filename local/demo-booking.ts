import { signWebhook } from '#core/webhooks/signature.ts';

// `npm run demo:booking -- [url]`: posts a signed reservation.accepted webhook for the demo host,
// checking in 20 minutes from now, so provisioning and the guest message happen at once (R2.3, R5.1).

const url = process.argv[2] ?? 'http://127.0.0.1:3000';
const secret = process.env.LOCKSTEP_CHANNEL_SECRET ?? 'local-channel-secret';
const localTime = (instant: number) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'America/New_York',
    dateStyle: 'short',
    timeStyle: 'short',
  })
    .format(instant)
    .replace(' ', 'T');
const now = Date.now();
const id = process.argv[3] ?? 'demo-1';
const body = JSON.stringify({
  version: '2026-11-01',
  id: `evt-${id}-${now}`,
  type: 'reservation.accepted',
  occurred_at: new Date(now).toISOString(),
  host_id: 'demo-host',
  reservation: {
    id,
    property_id: 'beach-house',
    channel: 'direct',
    confirmation_code: `DEMO${now.toString(36).toUpperCase()}`,
    guest: { name: 'Ana Pérez', email: 'ana@example.com', phone: '+15551234567' },
    check_in: localTime(now + 20 * 60_000),
    check_out: localTime(now + 2 * 86_400_000),
  },
});
const response = await fetch(`${url}/webhooks/channel`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', ...signWebhook(secret, `evt-${id}-${now}`, now, body) },
  body,
});
console.log(response.status, await response.text());
