import type { ProvisioningInput } from '#ports/workflows.ts';
import type { Deps } from '../deps.ts';
import { TransientLockError } from '../errors.ts';
import { entryName, reservationEntry } from '../reservations/entries.ts';
import { attemptProvisioning } from './attempt.ts';
import { checkProvisioning } from './check.ts';

// A reservation's first attempt runs in the entry function, and its check in a scheduled entry after
// the confirmation wait: most codes are confirmed then, and need no Standard workflow execution,
// whose state transitions were most of a reservation's cost. A lock left to retry hands over to the
// workflow at the retry plan's next attempt, so R4.1's retries and backoff stay the workflow's.

/** The `provision` entry (R2.3): the same Attempt step the workflow runs, then the check entry (R4.2). */
export async function firstAttempt(
  deps: Deps,
  input: ProvisioningInput,
  confirmationWaitMs: number,
): Promise<void> {
  let requested: number;
  try {
    ({ requested } = await attemptProvisioning(deps, input));
  } catch (error) {
    if (!(error instanceof TransientLockError)) throw error;
    // The provider failed for now: the workflow's Retry takes the attempt over at once.
    await deps.workflows.startProvisioning(
      input,
      `${entryName('provision', input.hostId, input.reservationId)}-${deps.clock.now()}`,
    );
    return;
  }
  // As the workflow's AwaitConfirmation: no wait when nothing was requested.
  if (requested === 0) return checkFirstAttempt(deps, input);
  await deps.scheduler.schedule(
    reservationEntry('provision-check', deps.clock.now() + confirmationWaitMs, input),
  );
}

/**
 * The `provision-check` entry: the workflow's Check step (R4.1, R4.2, R4.4, R8.2). A lock to retry
 * gets the `provision-retry` entry at the plan's next attempt, which starts the workflow there.
 */
export async function checkFirstAttempt(deps: Deps, input: ProvisioningInput): Promise<void> {
  const result = await checkProvisioning(deps, input);
  if (result.outcome !== 'retry' || result.nextAttemptAt === undefined) return;
  await deps.scheduler.schedule(reservationEntry('provision-retry', Date.parse(result.nextAttemptAt), input));
}
