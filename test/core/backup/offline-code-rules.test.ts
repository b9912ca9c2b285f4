import { describe, expect, it } from 'vitest';
import {
  dropOutgrownOfflineCodes,
  offlineCodesDropped,
  offlineCodesOutlivingStay,
} from '#core/backup/offline-code-changes.ts';
import { lockConstraints } from '#core/codes/constraints.ts';
import type { Reservation } from '#core/model.ts';
import { IGLOOHOME_OFFLINE_LIMITS, offlineWindow } from '#core/offline/limits.ts';

// R11.1–R11.3 as pure rules: the window asked for, and what a change does to an offline code.

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const stay = { activeFrom: at('2026-12-03T20:30:00Z'), activeUntil: at('2026-12-05T16:15:00Z') };

describe('R11.1 offline-code limits on the lock profile', () => {
  it('declares igloohome offline codes and no others', () => {
    const lock = { lockId: 'l', codeLengths: [], maxCodes: 0 };
    expect(lockConstraints({ ...lock, model: 'igloohome' }).offlineCodes).toEqual(IGLOOHOME_OFFLINE_LIMITS);
    expect(lockConstraints({ ...lock, model: 'yale' }).offlineCodes).toBeUndefined();
  });
});

describe('R11.2 the window an offline code is asked for', () => {
  it('rounds the stay outward to the granularity, first use within the limit of the rounded start', () => {
    expect(offlineWindow(stay, IGLOOHOME_OFFLINE_LIMITS)).toEqual({
      window: {
        startsAt: at('2026-12-03T20:00:00Z'),
        endsAt: at('2026-12-05T17:00:00Z'),
        firstUseBy: at('2026-12-04T20:00:00Z'),
      },
    });
  });

  it('never puts the first-use deadline past the window end', () => {
    const short = { activeFrom: at('2026-12-03T20:00:00Z'), activeUntil: at('2026-12-03T23:00:00Z') };
    const fitted = offlineWindow(short, IGLOOHOME_OFFLINE_LIMITS);
    expect('window' in fitted && fitted.window.firstUseBy).toBe(at('2026-12-03T23:00:00Z'));
  });

  it('gives no window longer than the model allows', () => {
    const month = { activeFrom: stay.activeFrom, activeUntil: stay.activeFrom + 700 * HOUR };
    expect(offlineWindow(month, IGLOOHOME_OFFLINE_LIMITS)).toEqual({
      problem: "the window is longer than the lock's 672 hours",
    });
  });
});

const withOfflineCode = (): Reservation => ({
  reservationId: 'r1',
  propertyId: 'p1',
  channel: 'direct',
  confirmationCode: 'DIR1',
  guest: { name: 'Ana' },
  checkIn: stay.activeFrom,
  checkOut: stay.activeUntil,
  hostId: 'h1',
  status: 'accepted',
  version: 1,
  bookedAt: 0,
  code: {
    pin: '511587',
    name: 'Ana',
    ...stay,
    locks: [{ lockId: 'studio', status: 'requested', attemptedAt: [] }],
    backup: {
      lockId: 'studio',
      poolCodeId: '',
      pin: '899889',
      issuedAt: 0,
      offline: {
        accessCodeId: 'ac_1',
        startsAt: at('2026-12-03T20:00:00Z'),
        endsAt: at('2026-12-05T17:00:00Z'),
        firstUseBy: at('2026-12-04T20:00:00Z'),
      },
    },
  },
  timeline: [],
});

describe('R11.3 an offline code when the stay changes', () => {
  it('outlives a cancelled stay, and a shortened one', () => {
    const cancelled = { ...withOfflineCode(), status: 'cancelled' as const, cancelledAt: stay.activeFrom };
    expect(offlineCodesOutlivingStay(cancelled).map((b) => b.lockId)).toEqual(['studio']);
    const shortened = withOfflineCode();
    shortened.code.activeUntil = at('2026-12-04T16:00:00Z');
    expect(offlineCodesOutlivingStay(shortened).map((b) => b.lockId)).toEqual(['studio']);
  });

  it('stays on the door while the stay fits its window', () => {
    const r = withOfflineCode();
    r.code.activeUntil = at('2026-12-05T16:45:00Z'); // still inside the rounded window
    expect(dropOutgrownOfflineCodes(r, 0)).toEqual([]);
    expect(r.code.backup?.offline?.accessCodeId).toBe('ac_1');
  });

  it('leaves the door when the stay is extended or moved past its window, so a new one is asked for', () => {
    const before = withOfflineCode();
    const extended = withOfflineCode();
    extended.code.activeUntil = at('2026-12-06T16:15:00Z');
    expect(dropOutgrownOfflineCodes(extended, 5)).toEqual(['studio']);
    expect(extended.code.backup).toBeUndefined();
    expect(extended.timeline).toEqual([
      { at: 5, event: 'offline_code.outgrown', lockId: 'studio', detail: 'stay moved or extended' },
    ]);
    expect(offlineCodesDropped(before, extended)).toBe(true);
    expect(offlineCodesDropped(before, withOfflineCode())).toBe(false);
  });
});
