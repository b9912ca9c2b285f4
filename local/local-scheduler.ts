import type { ScheduledJob } from '#core/model.ts';
import type { Scheduler } from '#ports/scheduler.ts';
import type { AwsCalls } from './aws-calls.ts';
import { MAX_TIMER_MS } from './timers.ts';

/**
 * EventBridge Scheduler's stand-in: one-time entries fired on the runtime's clock (wall or
 * virtual). One timer is armed for the earliest entry; entries due at the same instant fire in
 * the order they were scheduled.
 */
export class LocalScheduler implements Scheduler {
  private readonly jobs = new Map<string, { job: ScheduledJob; seq: number }>();
  private readonly calls: AwsCalls;
  private readonly fire: (job: ScheduledJob) => Promise<void>;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;

  constructor(calls: AwsCalls, fire: (job: ScheduledJob) => Promise<void>) {
    this.calls = calls;
    this.fire = fire;
  }

  async schedule(job: ScheduledJob): Promise<void> {
    // The AWS adapter tries CreateSchedule and falls back to UpdateSchedule for an existing entry.
    this.calls.scheduler += this.jobs.has(job.name) ? 2 : 1;
    this.jobs.set(job.name, { job, seq: this.seq++ });
    this.arm();
  }

  async cancel(name: string): Promise<void> {
    this.calls.scheduler++;
    this.jobs.delete(name);
    this.arm();
  }

  pending(): ScheduledJob[] {
    return this.ordered().map((e) => e.job);
  }

  private ordered() {
    return [...this.jobs.values()].sort((a, b) => a.job.at - b.job.at || a.seq - b.seq);
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const head = this.ordered()[0];
    if (!head) return;
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, head.job.at - Date.now()));
    this.timer = setTimeout(() => this.runDue(), delay);
  }

  private runDue(): void {
    this.timer = undefined;
    const now = Date.now();
    for (const { job } of this.ordered()) {
      if (job.at > now) break;
      // ActionAfterCompletion DELETE: a fired entry is gone.
      this.jobs.delete(job.name);
      void this.fire(job);
    }
    this.arm();
  }
}
