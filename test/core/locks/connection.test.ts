import { describe, expect, it } from 'vitest';
import { nextConnection } from '#core/locks/connection.ts';
import type { LockConnection } from '#ports/lock-connection-store.ts';

const LOCK = { hostId: 'h', lockId: 'front' };
const NOW = 1_000_000;
const state = (online: boolean, since: number, alertedAt?: number, version = 1): LockConnection => ({
  ...LOCK,
  online,
  since,
  ...(alertedAt === undefined ? {} : { alertedAt }),
  version,
});

describe('R8.2 one alert per lock per outage', () => {
  it('opens an outage and claims its alert on the first disconnection', () => {
    expect(nextConnection(undefined, LOCK, false, 100, NOW)).toEqual(state(false, 100, NOW));
    expect(nextConnection(state(true, 50), LOCK, false, 100, NOW)).toEqual(state(false, 100, NOW, 2));
  });

  it('changes nothing for a repeated or later disconnection in the same outage', () => {
    expect(nextConnection(state(false, 100, 120), LOCK, false, 100, NOW)).toBeUndefined();
    expect(nextConnection(state(false, 100, 120), LOCK, false, 500, NOW)).toBeUndefined();
  });

  it('claims the alert again when a failed send gave it back', () => {
    expect(nextConnection(state(false, 100, undefined, 3), LOCK, false, 100, NOW)).toEqual(
      state(false, 100, NOW, 4),
    );
  });

  it('closes the outage on reconnection, so the next disconnection is a new outage', () => {
    const online = nextConnection(state(false, 100, 120), LOCK, true, 200, NOW);
    expect(online).toEqual(state(true, 200, undefined, 2));
    expect(nextConnection(online, LOCK, false, 300, NOW)).toEqual(state(false, 300, NOW, 3));
  });

  it('lets no stale report undo a newer state (R9.1)', () => {
    expect(nextConnection(state(true, 200), LOCK, false, 100, NOW)).toBeUndefined();
    expect(nextConnection(state(false, 200, 210), LOCK, true, 150, NOW)).toBeUndefined();
  });

  it('records a first report of a lock online without alerting', () => {
    expect(nextConnection(undefined, LOCK, true, 100, NOW)).toEqual(state(true, 100));
  });
});
