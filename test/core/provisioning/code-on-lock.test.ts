import { describe, expect, it } from 'vitest';
import type { LockCodeState, Reservation } from '#core/model.ts';
import { record } from '#core/provisioning/attempt.ts';
import { addLock, detachLock, replacePin } from '#core/provisioning/code-on-lock.ts';

// The pure changes behind matching and the PIN fallbacks, on a reservation as the store holds it.

const AT = Date.parse('2027-01-04T12:00:00Z');

function reservation(locks: LockCodeState[]): Reservation {
  return {
    reservationId: 'r1',
    propertyId: 'villa',
    channel: 'direct',
    confirmationCode: 'CONF1',
    guest: { name: 'Ana' },
    checkIn: AT + 86_400_000,
    checkOut: AT + 2 * 86_400_000,
    hostId: 'host-1',
    status: 'accepted',
    version: 3,
    bookedAt: AT,
    code: {
      pin: '482915',
      name: 'Ana',
      activeFrom: AT + 86_400_000,
      activeUntil: AT + 2 * 86_400_000,
      locks,
    },
    timeline: [],
  };
}
const set = (lockId: string, accessCodeId: string): LockCodeState => ({
  lockId,
  status: 'set',
  accessCodeId,
  attemptedAt: [AT - 60_000],
  setAt: AT - 40_000,
});

describe('R1.2 addLock', () => {
  it('revives the state of a lock that was unmatched before, retiring its old code', () => {
    const r = reservation([{ ...set('front', 'ac-old'), status: 'removed', removedAt: AT - 1 }]);
    expect(addLock(r, 'front', AT)).toBe(true);
    expect(r.code.locks).toEqual([
      { lockId: 'front', status: 'pending', attemptedAt: [], retiredAccessCodeIds: ['ac-old'] },
    ]);
    expect(addLock(r, 'front', AT)).toBe(false);
  });
});

describe('R1.3 detachLock', () => {
  it('drops a lock that never got the code, and asks to delete a code already sent', () => {
    const r = reservation([{ lockId: 'gate', status: 'pending', attemptedAt: [] }, set('front', 'ac-1')]);
    expect(detachLock(r, 'gate', AT, 'unmatched')).toEqual({ changed: true, toDelete: [] });
    expect(detachLock(r, 'front', AT, 'unmatched')).toEqual({
      changed: true,
      toDelete: [{ lockId: 'front', accessCodeId: 'ac-1' }],
    });
    expect(r.code.locks.map((s) => [s.lockId, s.status])).toEqual([['front', 'removing']]);
    expect(detachLock(r, 'front', AT, 'unmatched').changed).toBe(false);
  });
});

describe('R3.3 replacePin', () => {
  it('sends every lock holding the old PIN back to pending and returns the old codes to delete', () => {
    const r = reservation([set('front', 'ac-1'), { lockId: 'back', status: 'failed', attemptedAt: [AT] }]);
    expect(replacePin(r, '739164', AT, 'lock back refused the PIN as a duplicate')).toEqual([
      { lockId: 'front', accessCodeId: 'ac-1' },
    ]);
    expect(r.code.pin).toBe('739164');
    expect(r.code.locks[0]).toEqual({
      lockId: 'front',
      status: 'pending',
      attemptedAt: [AT - 60_000],
      retiredAccessCodeIds: ['ac-1'],
    });
    expect(JSON.stringify(r.timeline)).not.toMatch(/482915|739164/); // R9.4
  });
});

describe('recording an attempt', () => {
  const sent = { pin: '482915', name: 'Ana' };

  it('writes nothing when the PIN was replaced meanwhile, and deletes what it put on the locks (R3.3)', () => {
    const r = reservation([{ lockId: 'front', status: 'pending', attemptedAt: [] }]);
    r.code.pin = '739164';
    const result = record(r, sent, [{ lockId: 'front', at: AT, accessCodeId: 'ac-stale' }], {}, AT);
    expect(result).toEqual({ changed: false, toDelete: [{ lockId: 'front', accessCodeId: 'ac-stale' }] });
  });

  it('deletes a code created for a lock that left the property during the attempt (R1.3)', () => {
    const r = reservation([]);
    const result = record(r, sent, [{ lockId: 'gate', at: AT, accessCodeId: 'ac-orphan' }], {}, AT);
    expect(result.toDelete).toEqual([{ lockId: 'gate', accessCodeId: 'ac-orphan' }]);
  });

  it('keeps a code whose confirmation arrived before the attempt was recorded (R4.2)', () => {
    const r = reservation([set('front', 'ac-1')]);
    const result = record(r, sent, [{ lockId: 'front', at: AT, accessCodeId: 'ac-1' }], {}, AT);
    expect(result).toEqual({ changed: false, toDelete: [] });
  });
});
