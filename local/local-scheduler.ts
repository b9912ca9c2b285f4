import type { ScheduledEntry } from '#core/model.ts';
import type { Scheduler } from '#ports/scheduler.ts';
import type { AwsCalls } from './aws-calls.ts';
import { EntryQueue } from './entry-queue.ts';
import { MAX_TIMER_MS } from './timers.ts';

/**
 * EventBridge Scheduler's stand-in: one-time entries fired on the runtime's clock (wall or
 * virtual). One timer is armed for the earliest entry; entries due at the same instant fire in
 * the order they were scheduled.
 */
export class LocalScheduler implements Scheduler {
  private readonly entries = new EntryQueue();
  private readonly calls: AwsCalls;
  private readonly fire: (entry: ScheduledEntry) => Promise<void>;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(calls: AwsCalls, fire: (entry: ScheduledEntry) => Promise<void>) {
    this.calls = calls;
    this.fire = fire;
  }

  async schedule(entry: ScheduledEntry): Promise<void> {
    // The AWS adapter tries CreateSchedule and falls back to UpdateSchedule for an existing entry.
    this.calls.scheduler += this.entries.has(entry.name) ? 2 : 1;
    this.entries.set(entry);
    this.arm();
  }

  async cancel(name: string): Promise<void> {
    this.calls.scheduler++;
    this.entries.delete(name);
    this.arm();
  }

  pending(): ScheduledEntry[] {
    return this.entries.ordered();
  }

  private arm(): void {
    // Re-armed on every change, as before: among timers due at one instant, the latest armed fires last.
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const head = this.entries.first();
    if (!head) return;
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, head.at - Date.now()));
    this.timer = setTimeout(() => this.runDue(), delay);
  }

  private runDue(): void {
    this.timer = undefined;
    // ActionAfterCompletion DELETE: a fired entry is gone.
    for (const entry of this.entries.takeDue(Date.now())) void this.fire(entry);
    this.arm();
  }
}
