import * as z from 'zod';
import { CONFIRMATION_WAIT_SECONDS } from '#config/provisioning.ts';
import type { Deps } from '#core/deps.ts';
import { runScheduledEntry } from '#core/reservations/run-entry.ts';
import { validate } from '../http/validate.ts';

/** What an EventBridge Scheduler entry delivers: ids only (R9.4). */
const ScheduledEntryEvent = z.object({
  kind: z.enum(['provision', 'provision-check', 'message', 'delete', 'backup-check']),
  hostId: z.string().min(1),
  reservationId: z.string().min(1),
});

const TIMING = { confirmationWaitMs: CONFIRMATION_WAIT_SECONDS * 1000 };

/**
 * The target of the first provisioning attempt and its check (R2.3, R4.2), and of the message,
 * deletion and 36-hours-before backup entries (R5.1, R7.2, R4.4).
 */
export const scheduledEntry = (deps: Deps) => async (event: unknown) => {
  await runScheduledEntry(deps, validate(ScheduledEntryEvent, event), TIMING);
};
