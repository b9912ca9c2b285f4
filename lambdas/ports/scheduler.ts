import type { ScheduledEntry } from '#core/model.ts';

/** One-time entries that fire at an instant (EventBridge Scheduler on AWS). */
export interface Scheduler {
  /** Creates the entry, or moves it when one with the same name exists (R2.4). */
  schedule(entry: ScheduledEntry): Promise<void>;
  /** Removes the entry; removing a missing entry is not an error. */
  cancel(name: string): Promise<void>;
}
