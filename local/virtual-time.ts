import * as FakeTimers from '@sinonjs/fake-timers';

type InstalledClock = ReturnType<typeof FakeTimers.install>;

import type { Activity } from './activity.ts';
import { MAX_TIMER_MS } from './timers.ts';

const SETTLE_TURNS = 3;
const WATCHDOG_MS = 15_000;

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Virtual time for the local runtime (docs/architecture.md#virtual-time): only setTimeout,
 * setInterval and Date are faked; I/O, setImmediate and microtasks stay real. The clock moves to
 * the next timer only once every piece of tracked work has settled, so each Wait, Retry and
 * scheduled entry fires at its exact instant, and a run is deterministic.
 */
export class VirtualTime {
  private readonly clock: InstalledClock;
  private readonly activity: Activity;

  private constructor(clock: InstalledClock, activity: Activity) {
    this.clock = clock;
    this.activity = activity;
  }

  /** Install after the runtime's tables exist: a table created under fake timers never turns ACTIVE. */
  static install(start: number, activity: Activity): VirtualTime {
    const clock = FakeTimers.install({
      now: start,
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
      shouldClearNativeTimers: true,
    });
    return new VirtualTime(clock, activity);
  }

  now(): number {
    return this.clock.now;
  }

  /** Waits (in real time) until no tracked work is running and none started for a few turns. */
  async settle(): Promise<void> {
    const startedAt = performance.now();
    let quietTurns = 0;
    let generation = this.activity.generation;
    while (quietTurns < SETTLE_TURNS) {
      await turn();
      if (this.activity.busy || this.activity.generation !== generation) {
        quietTurns = 0;
        generation = this.activity.generation;
      } else {
        quietTurns++;
      }
      if (performance.now() - startedAt > WATCHDOG_MS) {
        throw new Error(`virtual time: work still running after ${WATCHDOG_MS} ms of real time`);
      }
    }
  }

  /** Fires every timer due up to `until`, in order, letting each one's work settle first. */
  async runUntil(until: number, onStep?: (now: number) => void): Promise<void> {
    let reached = false;
    // A sentinel timer marks `until`; far instants are reached in hops a timer can hold.
    const arm = () => {
      this.clock.setTimeout(
        () => {
          if (this.clock.now >= until) reached = true;
          else arm();
        },
        Math.min(MAX_TIMER_MS, Math.max(0, until - this.clock.now)),
      );
    };
    arm();
    await this.settle();
    while (!reached) {
      this.clock.next();
      await this.settle();
      onStep?.(this.clock.now);
    }
  }

  uninstall(): void {
    this.clock.uninstall();
  }
}
