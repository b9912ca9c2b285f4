import type { EntryKind, ScheduledEntry } from '#core/model.ts';
import type { FailedWork } from '#ports/failed-work.ts';
import type { ProvisioningInput } from '#ports/workflows.ts';
import type { Activity } from './activity.ts';
import type { AsyncInvocations, AsyncWork } from './async-invocations.ts';

export type EntryDispatch = (entry: ScheduledEntry, input: ProvisioningInput) => Promise<void>;

/**
 * Scheduled entries firing at the catalog's target for their kind, as EventBridge Scheduler fires
 * them: asynchronously, so Lambda retries a failed entry and then hands it to the on-failure
 * destination, from which it runs again (R9.5).
 */
export class EntryFiring {
  private readonly activity: Activity;
  /** What each scheduled entry kind runs, by the catalog's target for it. */
  private readonly targets: Record<EntryKind, EntryDispatch>;
  private readonly asyncInvocations: AsyncInvocations;

  constructor(options: {
    activity: Activity;
    targets: Record<EntryKind, EntryDispatch>;
    /** Lambda's retries and the on-failure destination, shared with the other asynchronous work. */
    asyncInvocations: AsyncInvocations;
  }) {
    this.activity = options.activity;
    this.targets = options.targets;
    this.asyncInvocations = options.asyncInvocations;
  }

  /** An entry back from the on-failure destination, as a new asynchronous invocation. */
  redrive(work: FailedWork & { kind: EntryKind }): AsyncWork {
    return this.entryWork(work, `${work.name}-redriven-${Date.now()}`);
  }

  fire(entry: ScheduledEntry): Promise<void> {
    return this.activity.track(async () => {
      const work = this.entryWork(entry, entry.name);
      try {
        await work.run();
      } catch (error) {
        await this.asyncInvocations.firstAttemptFailed(work, error);
      }
    });
  }

  /** Work that failed past its own retries (a failed execution), sent to the on-failure destination. */
  failed(work: Omit<FailedWork, 'failedAt'>, error: unknown): Promise<void> {
    return this.asyncInvocations.failed(work, error);
  }

  /** An entry (or work back from the on-failure destination) as an asynchronous invocation. */
  private entryWork(
    entry: Pick<FailedWork, 'hostId' | 'reservationId' | 'name'> & {
      kind: EntryKind;
      correlationId?: string;
    },
    name: string,
  ): AsyncWork {
    const input = {
      hostId: entry.hostId,
      reservationId: entry.reservationId,
      correlationId: entry.correlationId ?? entry.name,
    };
    const work = {
      kind: entry.kind,
      hostId: entry.hostId,
      reservationId: entry.reservationId,
      name: entry.name,
    };
    return { work, run: () => this.targets[entry.kind]({ ...entry, name, at: Date.now() }, input) };
  }
}
