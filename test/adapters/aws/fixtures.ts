import type { Lock, Property, Reservation } from '#core/model.ts';

// Entities as the core would hand them to the adapters; every field set, optional ones included.

export const property = (hostId: string, propertyId: string): Property => ({
  hostId,
  propertyId,
  name: `Cabin ${propertyId}`,
  settings: {
    timeZone: 'America/Denver',
    bufferBeforeMinutes: 60,
    bufferAfterMinutes: 30,
    codeSource: 'random',
    backupCodes: true,
  },
  lockIds: ['front', 'back'],
});

export const lock = (hostId: string, lockId: string, deviceId = `dev-${hostId}-${lockId}`): Lock => ({
  hostId,
  lockId,
  name: 'Front door',
  provider: 'seam',
  deviceId,
  model: 'schlage',
  nativeScheduling: true,
  codeLengths: [4, 6],
  maxCodes: 30,
});

export const reservation = (
  hostId: string,
  reservationId: string,
  propertyId = 'p1',
  pin = '739164',
): Reservation => ({
  hostId,
  reservationId,
  propertyId,
  channel: 'airbnb',
  confirmationCode: 'HMABC123',
  guest: { name: 'Zoë Ångström', email: 'zoe@example.com', phone: '+15555550123', locale: 'sv-SE' },
  checkIn: Date.UTC(2026, 6, 10, 22),
  checkOut: Date.UTC(2026, 6, 14, 16),
  status: 'accepted',
  version: 1,
  bookedAt: Date.UTC(2026, 5, 1, 12),
  code: {
    pin,
    name: 'Zoë HMABC123',
    activeFrom: Date.UTC(2026, 6, 10, 21),
    activeUntil: Date.UTC(2026, 6, 14, 16, 30),
    locks: [
      {
        lockId: 'front',
        status: 'set',
        accessCodeId: 'ac-1',
        attemptedAt: [Date.UTC(2026, 6, 6), Date.UTC(2026, 6, 7)],
        setAt: Date.UTC(2026, 6, 7),
      },
    ],
  },
  timeline: [{ at: Date.UTC(2026, 5, 1, 12), event: 'accepted' }],
});
