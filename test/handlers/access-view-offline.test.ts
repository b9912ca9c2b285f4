import { describe, expect, it } from 'vitest';
import type { Reservation } from '#core/model.ts';
import { accessView } from '#handlers/http/routes/access-view.ts';

// R11.3: the host's view of a reservation shows which door holds an offline code, and its limits.

const at = (iso: string) => Date.parse(iso);

const reservation = (): Reservation => ({
  reservationId: 'r1',
  propertyId: 'p1',
  channel: 'direct',
  confirmationCode: 'DIR1',
  guest: { name: 'Ana' },
  checkIn: at('2026-12-03T21:00:00Z'),
  checkOut: at('2026-12-05T16:00:00Z'),
  hostId: 'h1',
  status: 'accepted',
  version: 3,
  bookedAt: at('2026-11-25T09:00:00Z'),
  code: {
    pin: '511587',
    name: 'Ana',
    activeFrom: at('2026-12-03T20:30:00Z'),
    activeUntil: at('2026-12-05T16:30:00Z'),
    locks: [
      { lockId: 'studio', status: 'requested', attemptedAt: [at('2026-12-01T00:00:00Z')] },
      { lockId: 'gate', status: 'set', attemptedAt: [at('2026-12-01T00:00:00Z')] },
    ],
    backup: {
      lockId: 'studio',
      poolCodeId: '',
      pin: '899889',
      issuedAt: at('2026-12-02T08:30:00Z'),
      offline: {
        accessCodeId: 'ac_9',
        startsAt: at('2026-12-03T20:00:00Z'),
        endsAt: at('2026-12-05T17:00:00Z'),
        firstUseBy: at('2026-12-04T20:00:00Z'),
      },
    },
  },
  timeline: [],
});

describe('R11.3 offline codes in the access view', () => {
  it('flags the door holding an offline code with its window and first-use limit', () => {
    const studio = accessView(reservation()).code.locks.find((l) => l.lockId === 'studio');
    expect(studio).toMatchObject({
      offlineCode: true,
      offlineCodeIssuedAt: '2026-12-02T08:30:00.000Z',
      offlineCodeValidFrom: '2026-12-03T20:00:00.000Z',
      offlineCodeValidUntil: '2026-12-05T17:00:00.000Z',
      firstUseBefore: '2026-12-04T20:00:00.000Z',
    });
  });

  it('says nothing of offline codes on a door without one', () => {
    const gate = accessView(reservation()).code.locks.find((l) => l.lockId === 'gate');
    expect(gate).not.toHaveProperty('offlineCode');
    expect(gate).not.toHaveProperty('firstUseBefore');
  });
});
