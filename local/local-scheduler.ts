import type { ScheduledEntry } from '#core/model.ts';
import type { Scheduler } from '#ports/scheduler.ts';
import type { AwsCalls } from './aws-calls.ts';
import { EntryQueue } from './entry-queue.ts';
import type { JsonListFile } from './json-list-file.ts';
import { MAX_TIMER_MS } from './timers.ts';

/**
 * EventBridge Scheduler's stand-in: one-time entries fired on the runtime's clock (wall or
 * virtual). One timer is armed for the earliest entry; entries due at the same instant fire in
 * the order they were scheduled. With a `disk` file (`--data DIR`) every entry not yet fired, or
 * fired and not finished, is on disk, so a runtime killed at any moment fires it after a restart.
 */
export class LocalScheduler implements Scheduler {
  private readonly entries = new EntryQueue();
  private readonly calls: AwsCalls;
  private readonly fire: (entry: ScheduledEntry) => Promise<void>;
  /** Fired and still running: kept on disk until they finish, as EventBridge retries a failed target. */
  private readonly firing = new Set<ScheduledEntry>();
  private readonly disk: JsonListFile<ScheduledEntry> | undefined;
  /** How many entries the disk held at start; none fires before `resume`. */
  private readonly saved: number;
  private resumed: boolean;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    calls: AwsCalls,
    fire: (entry: ScheduledEntry) => Promise<void>,
    disk?: JsonListFile<ScheduledEntry>,
  ) {
    this.calls = calls;
    this.fire = fire;
    this.disk = disk;
    // Loaded now, not at `resume`: an entry scheduled before it (a start's own seeding) must be
    // written beside the saved ones, never over them.
    const saved = disk?.load() ?? [];
    for (const entry of saved) this.entries.set(entry);
    this.saved = saved.length;
    this.resumed = disk === undefined;
  }

  /**
   * The entries a killed runtime left on disk, armed again: an overdue one fires at once (its step
   * is idempotent, so one that had fired before the kill does no harm running again).
   */
  resume(): number {
    this.resumed = true;
    this.arm();
    return this.saved;
  }

  async schedule(entry: ScheduledEntry): Promise<void> {
    // The AWS adapter tries CreateSchedule and falls back to UpdateSchedule for an existing entry.
    this.calls.scheduler += this.entries.has(entry.name) ? 2 : 1;
    this.entries.set(entry);
    this.persist();
    this.arm();
  }

  async cancel(name: string): Promise<void> {
    this.calls.scheduler++;
    this.entries.delete(name);
    this.persist();
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
    if (!head || !this.resumed) return;
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, head.at - Date.now()));
    this.timer = setTimeout(() => this.runDue(), delay);
  }

  private runDue(): void {
    this.timer = undefined;
    // ActionAfterCompletion DELETE: a fired entry is gone once its run is over.
    for (const entry of this.entries.takeDue(Date.now())) {
      this.firing.add(entry);
      void this.fire(entry).finally(() => {
        this.firing.delete(entry);
        this.persist();
      });
    }
    this.arm();
  }

  private persist(): void {
    this.disk?.save([...this.firing, ...this.pending()]);
  }
}
