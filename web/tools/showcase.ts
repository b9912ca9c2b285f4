import type { DemoServer } from './demo-server.ts';

// What the README's pictures show beyond `npm start`'s demo: an igloohome lock that stays offline, so
// a door holds an offline code (R11), and a cleaning crew between stays (R12). `npm start` leaves
// them out: its walkthrough speaks of two locks that turn to set.

/** How long the side gate stays offline from the start. */
const OFFLINE_MS = 15_000;

export async function addShowcase(server: DemoServer, now: number): Promise<{ staffId: string }> {
  server.runtime.sandbox.addDevice({
    deviceId: 'sandbox-side-gate',
    model: 'igloohome',
    codeLengths: [6],
    maxCodes: 100,
    offlineCodes: true,
    // Offline while the first bookings are programmed, back soon after: the near stays hold offline
    // codes, and the lock reads online again for the later ones.
    offline: [{ from: now - 60_000, to: now + OFFLINE_MS }],
  });
  await server.api('POST', '/v1/locks', {
    id: 'side-gate',
    name: 'side gate',
    provider: 'sandbox',
    deviceId: 'sandbox-side-gate',
    model: 'igloohome',
    codeLengths: [6],
  });
  await server.api('PUT', `/v1/properties/${server.demo.propertyId}/locks/side-gate`);
  return server.api<{ staffId: string }>('POST', '/v1/staff', {
    name: 'Sparkle Cleaning',
    email: 'crew@example.com',
    phone: '+15551230000',
    propertyIds: [server.demo.propertyId],
    schedule: 'turnovers',
  });
}
