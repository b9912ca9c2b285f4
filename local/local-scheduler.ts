import type { ScheduledEntry } from '#core/model.ts';
import type { Scheduler } from '#ports/scheduler.ts';
import type { AwsCalls } from './aws-calls.ts';
import { MAX_TIMER_MS } from './timers.ts';

/**
 * EventBridge Scheduler's stand-in: one-time entries fired on the runtime's clock (wall or
 * virtual). One timer is armed for the earliest entry; entries due at the same instant fire in
 * the order they were scheduled.
 */
export class LocalScheduler implements Scheduler {
  private readonly entries = new Map<string, { entry: ScheduledEntry; seq: number }>();
  private readonly calls: AwsCalls;
  private readonly fire: (entry: ScheduledEntry) => Promise<void>;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;

  constructor(calls: AwsCalls, fire: (entry: ScheduledEntry) => Promise<void>) {
    this.calls = calls;
    this.fire = fire;
  }

  async schedule(entry: ScheduledEntry): Promise<void> {
    // The AWS adapter tries CreateSchedule and falls back to UpdateSchedule for an existing entry.
    this.calls.scheduler += this.entries.has(entry.name) ? 2 : 1;
    this.entries.set(entry.name, { entry, seq: this.seq++ });
    this.arm();
  }

  async cancel(name: string): Promise<void> {
    this.calls.scheduler++;
    this.entries.delete(name);
    this.arm();
  }

  pending(): ScheduledEntry[] {
    return this.ordered().map((e) => e.entry);
  }

  private ordered() {
    return [...this.entries.values()].sort((a, b) => a.entry.at - b.entry.at || a.seq - b.seq);
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const head = this.ordered()[0];
    if (!head) return;
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, head.entry.at - Date.now()));
    this.timer = setTimeout(() => this.runDue(), delay);
  }

  private runDue(): void {
    this.timer = undefined;
    const now = Date.now();
    for (const { entry } of this.ordered()) {
      if (entry.at > now) break;
      // ActionAfterCompletion DELETE: a fired entry is gone.
      this.entries.delete(entry.name);
      void this.fire(entry);
    }
    this.arm();
  }
}
