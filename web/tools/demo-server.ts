import { reservationEventBody, signedDelivery } from '#local/channel-partner.ts';
import { serveHttp } from '#local/http-server.ts';
import { LocalRuntime } from '#local/runtime.ts';
import { type Demo, seedDemo } from '#local/seed-demo.ts';

// The local runtime as `npm start` runs it (wall time, the demo host), for the dashboard's browser
// tests and screenshots; its sandbox locks confirm in well under a second instead of 20 s.

const MINUTE = 60_000;

export interface Booking {
  id: string;
  guest: string;
  checkInInMinutes: number;
  nights: number;
}

export interface DemoServer {
  runtime: LocalRuntime;
  url: string;
  demo: Demo;
  /** The link `npm start` prints: the token travels in the fragment (R13.1). */
  signInLink: string;
  /** A host API call with the demo host's token; throws on anything but 2xx. */
  api<T>(method: string, path: string, body?: unknown): Promise<T>;
  /** A signed `reservation.accepted` from a channel partner, as `npm run demo:booking` sends. */
  book(booking: Booking): Promise<void>;
  stop(): Promise<void>;
}

export async function startDemoServer(confirmationDelayMs = 300): Promise<DemoServer> {
  const runtime = await LocalRuntime.start({ channelSecrets: ['local-channel-secret'], confirmationDelayMs });
  const { server, url } = await serveHttp(runtime);
  const demo = await seedDemo(runtime);
  const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${demo.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  const book = async ({ id, guest, checkInInMinutes, nights }: Booking) => {
    const now = Date.now();
    const checkIn = now + checkInInMinutes * MINUTE;
    const eventId = `evt-${id}-${now}`;
    const body = reservationEventBody('reservation.accepted', eventId, demo.hostId, now, {
      reservationId: id,
      propertyId: demo.propertyId,
      channel: 'direct',
      confirmationCode: `DEMO${id.toUpperCase()}`,
      guest: { name: guest, email: `${id}@example.com`, phone: '+15551234567' },
      checkIn: new Date(checkIn).toISOString(),
      checkOut: new Date(checkIn + nights * 24 * 60 * MINUTE).toISOString(),
    });
    const secret = runtime.channelSecrets[0] ?? '';
    const response = await fetch(`${url}/webhooks/channel`, {
      method: 'POST',
      ...signedDelivery(secret, eventId, now, body),
    });
    if (!response.ok) throw new Error(`booking ${id} answered ${response.status}: ${await response.text()}`);
    // Answered 202 once queued (R9.5): the booking is stored once the inbox consumer has run.
    await runtime.inbox.drained();
  };
  return {
    runtime,
    url,
    demo,
    signInLink: `${url}/#token=${demo.token}`,
    api,
    book,
    stop: async () => {
      runtime.sandbox.dispose();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.stop();
    },
  };
}
