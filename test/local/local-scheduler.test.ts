import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as FakeTimers from '@sinonjs/fake-timers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScheduledEntry } from '#core/model.ts';
import { noAwsCalls } from '#local/aws-calls.ts';
import { JsonListFile } from '#local/json-list-file.ts';
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

describe('local scheduler on disk (npm start -- --data DIR, R9.5)', () => {
  let clock: ReturnType<typeof FakeTimers.install>;
  let dir: string;

  beforeEach(() => {
    clock = FakeTimers.install({ now: START, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    dir = mkdtempSync(path.join(tmpdir(), 'lockstep-scheduler-'));
  });
  afterEach(() => {
    clock.uninstall();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the saved entries when one is scheduled before resume, and fires none before it', async () => {
    const disk = new JsonListFile<ScheduledEntry>(path.join(dir, 'schedules.json'));
    disk.save([entry('saved', START - 1000)]);
    const fired: string[] = [];
    const scheduler = new LocalScheduler(noAwsCalls(), async (e) => void fired.push(e.name), disk);
    // A start's own seeding schedules before the runtime resumes what the last process left.
    await scheduler.schedule(entry('seeded', START));
    expect(
      disk
        .load()
        .map((e) => e.name)
        .sort(),
    ).toEqual(['saved', 'seeded']);
    clock.runAll();
    expect(fired).toEqual([]);

    expect(scheduler.resume()).toBe(1);
    clock.runAll();
    await Promise.resolve();
    expect(fired).toEqual(['saved', 'seeded']);
  });
});
