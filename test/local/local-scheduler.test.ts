import * as FakeTimers from '@sinonjs/fake-timers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScheduledEntry } from '#core/model.ts';
import { noAwsCalls } from '#local/aws-calls.ts';
import { LocalScheduler } from '#local/local-scheduler.ts';

const START = Date.parse('2026-12-01T00:00:00Z');
const DAY = 86_400_000;

const entry = (name: string, at: number): ScheduledEntry => ({
  name,
  kind: 'message',
  at,
  hostId: 'h',
  reservationId: name,
});

describe('local scheduler (EventBridge Scheduler stand-in, R2.4)', () => {
  let clock: ReturnType<typeof FakeTimers.install>;
  let fired: string[];
  let scheduler: LocalScheduler;
  const calls = noAwsCalls();

  beforeEach(() => {
    clock = FakeTimers.install({ now: START, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    fired = [];
    scheduler = new LocalScheduler(calls, async (j) => {
      fired.push(`${j.name}@${new Date(Date.now()).toISOString()}`);
    });
  });
  afterEach(() => clock.uninstall());

  it('fires each entry at its instant, same-instant entries in the order they were scheduled', async () => {
    await scheduler.schedule(entry('b', START + 2000));
    await scheduler.schedule(entry('a', START + 1000));
    await scheduler.schedule(entry('c', START + 2000));
    clock.runAll();
    expect(fired).toEqual([
      'a@2026-12-01T00:00:01.000Z',
      'b@2026-12-01T00:00:02.000Z',
      'c@2026-12-01T00:00:02.000Z',
    ]);
  });

  it('moves an entry scheduled again under the same name, and forgets a cancelled one', async () => {
    await scheduler.schedule(entry('moved', START + 1000));
    await scheduler.schedule(entry('gone', START + 1500));
    await scheduler.schedule(entry('moved', START + 3000));
    await scheduler.cancel('gone');
    clock.runAll();
    expect(fired).toEqual(['moved@2026-12-01T00:00:03.000Z']);
  });

  it('fires entries further away than a timer can wait at their exact instant', async () => {
    await scheduler.schedule(entry('far', START + 40 * DAY));
    clock.runAll();
    expect(fired).toEqual(['far@2027-01-10T00:00:00.000Z']);
  });

  it('counts the calls the EventBridge adapter would make: a move is a failed create plus an update', async () => {
    const before = calls.scheduler;
    await scheduler.schedule(entry('x', START + 1000));
    await scheduler.schedule(entry('x', START + 2000));
    await scheduler.cancel('x');
    expect(calls.scheduler - before).toBe(4);
  });
});
