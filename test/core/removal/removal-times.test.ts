import { describe, expect, it } from 'vitest';
import type { LockCodeState, Reservation } from '#core/model.ts';
import {
  deletionEntryAt,
  markDueRemovals,
  removalDueAt,
  removalRetryAt,
} from '#core/removal/removal-times.ts';
import { applyChange, isStaleEvent } from '#core/reservations/apply-change.ts';

// The pure rules behind the deletion entry (R7.2, R7.3) and a modification (R7.1, R9.1).

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FROM = Date.parse('2027-03-10T15:00:00Z');
const UNTIL = Date.parse('2027-03-12T11:00:00Z');
const native = (lockId: string) => (lockId === 'lobby' ? false : lockId === 'front' ? true : undefined);

function reservation(locks: LockCodeState[], extra: Partial<Reservation> = {}): Reservation {
  return {
    reservationId: 'r1',
    propertyId: 'villa',
    channel: 'direct',
    confirmationCode: 'CONF1',
    guest: { name: 'Ana' },
    checkIn: FROM,
    checkOut: UNTIL,
    hostId: 'host-1',
    status: 'accepted',
    version: 3,
    bookedAt: FROM - 10 * DAY,
    code: { pin: '482915', name: 'Ana', activeFrom: FROM, activeUntil: UNTIL, locks },
    timeline: [],
    ...extra,
  };
}
const set = (lockId: string): LockCodeState => ({
  lockId,
  status: 'set',
  accessCodeId: `ac-${lockId}`,
  attemptedAt: [FROM - 3 * DAY],
  setAt: FROM - 3 * DAY,
});

describe('R7.2 when a code leaves a lock', () => {
  it('leaves a natively-scheduling lock 24 hours after activeUntil', () => {
    expect(removalDueAt(reservation([]), true)).toBe(UNTIL + DAY);
  });

  it('leaves a lock that cannot enforce the window at activeUntil (R2.1)', () => {
    expect(removalDueAt(reservation([]), false)).toBe(UNTIL);
  });

  it('leaves 24 hours after a cancellation, but never later than the stay’s own deletion', () => {
    const early = reservation([], { status: 'cancelled', cancelledAt: FROM - 5 * DAY });
    expect(removalDueAt(early, true)).toBe(FROM - 4 * DAY);
    const afterTheStay = reservation([], { status: 'cancelled', cancelledAt: UNTIL + HOUR });
    expect(removalDueAt(afterTheStay, true)).toBe(UNTIL + DAY);
  });

  it('schedules the deletion entry for the earliest lock still holding a code', () => {
    const r = reservation([set('front'), set('lobby')]);
    expect(deletionEntryAt(r, native, FROM)).toBe(UNTIL);
    expect(deletionEntryAt(reservation([set('front')]), native, FROM)).toBe(UNTIL + DAY);
  });

  it('keeps R7.2’s instant for a reservation with no lock yet, so a lock matched later is covered', () => {
    expect(deletionEntryAt(reservation([]), native, FROM)).toBe(UNTIL + DAY);
  });

  it('has nothing left to schedule once every removal is confirmed', () => {
    const removed: LockCodeState = { ...set('front'), status: 'removed', removedAt: UNTIL + DAY };
    expect(deletionEntryAt(reservation([removed]), native, UNTIL + DAY + HOUR)).toBeUndefined();
  });
});

describe('R7.3 removals retry until confirmed', () => {
  it('marks due codes `removing` before the provider is asked, and only those', () => {
    const r = reservation([set('front'), set('lobby')]);
    const due = markDueRemovals(r, native, UNTIL);
    expect(due.requests).toEqual([{ lockId: 'lobby', accessCodeId: 'ac-lobby' }]);
    expect(r.code.locks.map((s) => [s.lockId, s.status])).toEqual([
      ['front', 'set'],
      ['lobby', 'removing'],
    ]);
    expect(r.timeline).toEqual([
      {
        at: UNTIL,
        event: 'code.removal_requested',
        lockId: 'lobby',
        detail: 'stay over (lock cannot enforce the window)',
      },
    ]);
  });

  it('looks again at an unconfirmed removal instead of asking twice in one run', () => {
    const r = reservation([{ ...set('front'), status: 'removing', removalRequestedAt: UNTIL + DAY }]);
    const due = markDueRemovals(r, native, UNTIL + DAY + HOUR);
    expect(due).toEqual({
      changed: false,
      requests: [],
      retries: [{ lockId: 'front', accessCodeId: 'ac-front' }],
    });
  });

  it('retries after an hour, then waits as long as the removal has been pending, at most a day', () => {
    const pending: LockCodeState = { ...set('front'), status: 'removing', removalRequestedAt: 0 };
    expect(removalRetryAt(pending, 0)).toBe(HOUR);
    expect(removalRetryAt(pending, HOUR)).toBe(2 * HOUR);
    expect(removalRetryAt(pending, 2 * HOUR)).toBe(4 * HOUR);
    expect(removalRetryAt(pending, 10 * DAY)).toBe(11 * DAY);
  });

  it('leaves alone codes on locks it no longer knows, rather than retrying them for ever', () => {
    const r = reservation([{ ...set('gone'), status: 'removing', removalRequestedAt: 0 }]);
    expect(markDueRemovals(r, native, UNTIL + DAY).retries).toEqual([]);
    expect(deletionEntryAt(r, native, UNTIL + DAY)).toBeUndefined();
  });
});

describe('R9.1 a modification applies only when newer than what is stored', () => {
  const change = (occurredAt: number) => ({
    details: { ...reservation([]), checkOut: UNTIL + DAY },
    window: { activeFrom: FROM, activeUntil: UNTIL + DAY },
    lockIds: ['front'],
    nativeOf: native,
    occurredAt,
    now: FROM - DAY,
  });

  it('is stale when not newer than the last event applied', () => {
    expect(isStaleEvent({ lastEventAt: 100 }, 100)).toBe(true);
    expect(isStaleEvent({ lastEventAt: 100 }, 99)).toBe(true);
    expect(isStaleEvent({ lastEventAt: 100 }, 101)).toBe(false);
    expect(isStaleEvent({}, 1)).toBe(false);
  });

  it('changes nothing for an older event, nor for a cancelled reservation', () => {
    const r = reservation([set('front')], { lastEventAt: 200 });
    const before = structuredClone(r);
    expect(applyChange(r, change(150)).changed).toBe(false);
    const cancelled = reservation([set('front')], { status: 'cancelled', cancelledAt: FROM - 2 * DAY });
    expect(applyChange(cancelled, change(300)).changed).toBe(false);
    expect(r).toEqual(before);
  });

  it('R7.1 sends the new window to a natively-scheduling lock and waits for its confirmation (R4.2)', () => {
    const r = reservation([set('front')], { lastEventAt: 100 });
    const effects = applyChange(r, change(200));
    expect(effects).toMatchObject({
      changed: true,
      windowMoved: true,
      toUpdate: [{ lockId: 'front', accessCodeId: 'ac-front' }],
    });
    expect(r.code).toMatchObject({
      activeUntil: UNTIL + DAY,
      locks: [{ lockId: 'front', status: 'requested' }],
    });
    expect(r.lastEventAt).toBe(200);
    expect(JSON.stringify(r.timeline)).not.toContain('482915'); // never the PIN (R9.4)
  });
});
