import type { Instant } from '#core/model.ts';

// setTimeout fires at once past this delay (Node and fake-timers alike), so longer waits re-arm.
const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/** The sandbox's pending work, on the global timers so fake timers drive it; cleared together on shutdown. */
export class SandboxTimers {
  private readonly now: () => Instant;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(now: () => Instant) {
    this.now = now;
  }

  at(instant: Instant, run: () => void): void {
    const delay = instant - this.now();
    if (delay > MAX_TIMER_DELAY_MS) this.after(MAX_TIMER_DELAY_MS, () => this.at(instant, run));
    else this.after(Math.max(0, delay), run);
  }

  after(delayMs: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, delayMs);
    this.timers.add(timer);
  }

  clear(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
