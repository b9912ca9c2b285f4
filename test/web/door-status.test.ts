import { describe, expect, it } from 'vitest';
import type { AccessView } from '../../web/src/api/types.ts';
import { type Arrival, arrivalsAnswer } from '../../web/src/data/arrivals.ts';
import {
  type Door,
  doorOf,
  doorState,
  doorsWithBackup,
  firstUseNote,
  lockstepActions,
  verdictOf,
} from '../../web/src/data/door-status.ts';

// R13.2: the arrivals board's reading of a reservation: each door's state, the guest's verdict, what
// Lockstep is doing, and the one-line answer.

const view = (
  timeline: AccessView['timeline'],
  backup: AccessView['backup'] = { issued: false, at: undefined },
) => ({ timeline, backup }) as AccessView;

const door = (state: Door['state'], attempts = 1, lastError?: string, nextAttemptAt?: string): Door => ({
  lockId: 'front-door',
  lockName: 'Front door',
  state,
  attempts,
  lastError,
  nextAttemptAt,
  firstUseBefore: undefined,
});

describe('a door’s state', () => {
  it.each([
    ['set', false, false, 'set'],
    ['requested', false, true, 'pending'],
    ['pending', false, undefined, 'pending'],
    ['failed', false, true, 'failed'],
    ['failed', true, true, 'backup'],
    ['failed', false, false, 'offline'],
    ['removing', false, true, 'removed'],
  ] as const)('%s with a backup %s and online %s is %s', (status, backup, online, state) => {
    expect(doorState(status, backup, online, false)).toBe(state);
  });

  it.each([
    ['failed', false],
    ['pending', false],
    ['set', true],
  ] as const)(
    'R11.3, R13.2 a door holding an offline code reads “offline code” (%s, online %s)',
    (status, online) => {
      expect(doorState(status, false, online, true)).toBe('offline-code');
    },
  );

  it('R11.3 a removed door is removed even if it held an offline code', () => {
    expect(doorState('removed', false, false, true)).toBe('removed');
  });

  it('R11.3 reads the offline code and its first-use limit from the access view', () => {
    const entry = {
      lockId: 'front-door',
      status: 'failed',
      attempts: 1,
      offlineCode: true,
      firstUseBefore: '2026-12-03T17:00:00.000Z',
    } as AccessView['code']['locks'][number];
    const d = doorOf(entry, 'Front door', false, false);
    expect(d).toMatchObject({ state: 'offline-code', firstUseBefore: '2026-12-03T17:00:00.000Z' });
    expect(firstUseNote(d, (at) => `at ${at}`)).toBe('first use before at 2026-12-03T17:00:00.000Z');
    expect(firstUseNote(door('set'), (at) => at)).toBe('');
  });

  it('counts a backup until it is returned or retired', () => {
    const doors = doorsWithBackup([
      { at: 't1', event: 'backup.issued', lockId: 'front-door' },
      { at: 't1', event: 'backup.issued', lockId: 'back-door' },
      { at: 't2', event: 'backup.returned', lockId: 'front-door' },
    ]);
    expect([...doors]).toEqual(['back-door']);
  });
});

describe('the guest’s verdict', () => {
  it.each([
    [['set', 'backup'], 'ready'],
    [['set', 'pending'], 'in-progress'],
    [['set', 'failed'], 'attention'],
    [['pending', 'offline'], 'attention'],
    [['offline-code', 'set'], 'ready'],
    [[], 'attention'],
  ] as const)('%j is %s', (states, verdict) => {
    expect(verdictOf(states)).toBe(verdict);
  });
});

describe('what Lockstep is doing', () => {
  const when = (at: string) => `at ${at}`;

  it('says a refused door is retried, with the refusal', () => {
    expect(lockstepActions(view([]), [door('failed', 2, 'failed_to_set')], when)).toEqual([
      'Front door refused 2 attempts (the lock did not take the code); Lockstep retries until the code is set',
    ]);
  });

  it('says when the next attempt comes, as the workflow planned it (R4.1, R13.2)', () => {
    expect(lockstepActions(view([]), [door('failed', 2, 'failed_to_set', 't9')], when)).toEqual([
      'Front door refused 2 attempts (the lock did not take the code); next attempt at t9',
    ]);
    expect(lockstepActions(view([]), [door('offline', 1, undefined, 't9')], when)).toEqual([
      'Front door is offline: the code goes on when it reconnects; next attempt at t9',
    ]);
  });

  it('says when a code not yet attempted goes on the locks (R2.3)', () => {
    const timeline = [{ at: 't1', event: 'schedule.provision', detail: 't5' }];
    expect(lockstepActions(view(timeline), [door('pending', 0), door('set')], when)).toEqual([
      'The code goes on the locks at t5',
    ]);
    expect(lockstepActions(view(timeline), [door('set')], when)).toEqual([]);
  });

  it('says when it gave up, a backup went out and the host was alerted', () => {
    const timeline = [
      { at: 't1', event: 'provisioning.stopped' },
      { at: 't2', event: 'host.alert_sent', detail: 'code_failed' },
    ];
    expect(lockstepActions(view(timeline, { issued: true, at: 't3' }), [door('failed')], when)).toEqual([
      'Front door: gave up, the code window ended before the lock confirmed',
      'Backup code sent to the guest at t3',
      'You were alerted by email at t2: code failed',
    ]);
  });

  it('R11.3 says the guest holds an offline code and until when it must first be used', () => {
    const offline = { ...door('offline-code'), firstUseBefore: 't7' };
    expect(lockstepActions(view([]), [offline], when)).toEqual([
      'Front door: the guest has an offline code, which the lock checks unconnected; first use before at t7',
    ]);
  });

  it('R11.2 names the code the guest was sent after their own: an offline code, or a backup', () => {
    const sent = view([], { issued: true, at: 't3' });
    expect(lockstepActions(sent, [door('offline-code'), door('set')], when)).toContain(
      'Offline code sent to the guest at t3',
    );
    expect(lockstepActions(sent, [door('offline-code'), door('backup')], when)).toContain(
      'Backup code sent to the guest at t3',
    );
  });

  it('points to the locks view when the property has no lock', () => {
    expect(lockstepActions(view([]), [], when)).toEqual([
      'No lock is matched to this property: match one in Locks',
    ]);
  });
});

describe('the one-line answer', () => {
  const arrivals = (...verdicts: Arrival['verdict'][]) => verdicts.map((verdict) => ({ verdict }) as Arrival);

  it.each([
    [arrivals(), 'No guests arrive in the next 7 days', 'ok'],
    [arrivals('ready'), 'The arriving guest will get in', 'ok'],
    [arrivals('ready', 'in-progress', 'ready'), 'All 3 arriving guests will get in', 'ok'],
    [arrivals('attention', 'ready'), '1 of 2 guests needs attention', 'problem'],
    [arrivals('attention', 'attention', 'ready'), '2 of 3 guests need attention', 'problem'],
  ])('%# says “%s”', (list, text, tone) => {
    expect(arrivalsAnswer(list)).toEqual({ text, tone });
  });
});
