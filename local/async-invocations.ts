import type { FailedWork, FailedWorkQueue } from '#ports/failed-work.ts';
import type { Activity } from './activity.ts';

/** Lambda's asynchronous retries: one minute after the first failure, two after the second. */
export const ASYNC_RETRY_DELAYS_MS = [60_000, 120_000] as const;
/** The sweep reads the on-failure destination this long after work lands in it (a delay queue). */
export const SWEEP_DELAY_MS = 5 * 60_000;
/** A piece of work re-driven this many times and failing still is left to the host's view. */
export const MAX_REDRIVES = 24;

export interface AsyncWork {
  work: Omit<FailedWork, 'failedAt'>;
  run: () => Promise<void>;
  /** The waits before each retry: Lambda's asynchronous ones when absent. */
  retryDelaysMs?: readonly number[];
}

/**
 * Asynchronous invocations as Lambda makes them (a scheduled entry, a failed execution's re-run, a
 * stream record): a failed event is retried (twice, or as its work says), then sent to the one
 * on-failure destination; a sweep takes what landed there and runs it again (R9.5). Timers are
 * the runtime's clock's; each attempt is tracked work, the waits between them are not.
 */
export class AsyncInvocations {
  private readonly activity: Activity;
  private readonly queue: FailedWorkQueue;
  private readonly redrive: (work: FailedWork) => AsyncWork;
  private readonly onDestination: (work: FailedWork, error: unknown) => void;
  private readonly redrives = new Map<string, number>();
  private sweepArmed = false;

  constructor(options: {
    activity: Activity;
    queue: FailedWorkQueue;
    /** How a work item from the destination runs again. */
    redrive: (work: FailedWork) => AsyncWork;
    /** Work that reached the destination: recorded where the host and the report see failures. */
    onDestination: (work: FailedWork, error: unknown) => void;
  }) {
    this.activity = options.activity;
    this.queue = options.queue;
    this.redrive = options.redrive;
    this.onDestination = options.onDestination;
  }

  /** Runs `run` now, retrying it as Lambda would; settles after the first attempt. */
  async invoke(work: AsyncWork): Promise<void> {
    await this.attempt(work, 0);
  }

  /** Work that failed outside an invocation's retries (a failed execution) goes straight to the destination. */
  async failed(work: Omit<FailedWork, 'failedAt'>, error: unknown): Promise<void> {
    await this.toDestination({ ...work, failedAt: Date.now() }, error);
  }

  /** The first attempt failed (its caller ran it): Lambda's retries, then the destination. */
  async firstAttemptFailed(work: AsyncWork, error: unknown): Promise<void> {
    await this.retry(work, 0, error);
  }

  private async attempt(work: AsyncWork, retriesDone: number) {
    try {
      await work.run();
    } catch (error) {
      await this.retry(work, retriesDone, error);
    }
  }

  private async retry(work: AsyncWork, retriesDone: number, error: unknown) {
    const delay = (work.retryDelaysMs ?? ASYNC_RETRY_DELAYS_MS)[retriesDone];
    if (delay === undefined) return this.toDestination({ ...work.work, failedAt: Date.now() }, error);
    setTimeout(() => void this.activity.track(() => this.attempt(work, retriesDone + 1)), delay);
  }

  private async toDestination(work: FailedWork, error: unknown): Promise<void> {
    this.onDestination(work, error);
    const key = `${work.kind}|${work.hostId}|${work.reservationId}|${work.name}`;
    const redrives = this.redrives.get(key) ?? 0;
    if (redrives >= MAX_REDRIVES) return;
    this.redrives.set(key, redrives + 1);
    await this.queue.send(work);
    if (this.sweepArmed) return;
    this.sweepArmed = true;
    setTimeout(() => void this.activity.track(() => this.sweep()), SWEEP_DELAY_MS);
  }

  /** Takes everything in the destination and runs each piece again, with Lambda's retries. */
  private async sweep(): Promise<void> {
    this.sweepArmed = false;
    for (const work of await this.queue.takeAll()) await this.invoke(this.redrive(work));
  }
}
