import { reservationEventBody, signedDelivery } from './channel-partner.ts';

// `npm run demo:booking -- [url]`: posts a signed reservation.accepted webhook for the demo host,
// checking in 20 minutes from now, so provisioning and the guest message happen at once (R2.3, R5.1).
// Against a deployment (docs/deploy.md), the variables below name its host, property and test guest.

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
const eventId = `evt-${id}-${now}`;
const env = process.env;
const body = reservationEventBody('reservation.accepted', eventId, env.LOCKSTEP_HOST_ID ?? 'demo-host', now, {
  reservationId: id,
  propertyId: env.LOCKSTEP_PROPERTY_ID ?? 'beach-house',
  channel: 'direct',
  confirmationCode: `DEMO${now.toString(36).toUpperCase()}`,
  guest: {
    name: 'Ana Pérez',
    email: env.LOCKSTEP_GUEST_EMAIL ?? 'ana@example.com',
    phone: env.LOCKSTEP_GUEST_PHONE ?? '+15551234567',
  },
  checkIn: localTime(now + 20 * 60_000),
  checkOut: localTime(now + 2 * 86_400_000),
});
const response = await fetch(`${url}/webhooks/channel`, {
  method: 'POST',
  ...signedDelivery(secret, eventId, now, body),
});
// 202: the delivery is queued; Lockstep stores the booking a moment later (R9.5).
console.log(response.status, await response.text());
console.log(`The stay, once stored: GET ${url}/v1/reservations/${id}`);
