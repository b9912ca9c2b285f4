import * as z from 'zod';
import type { Deps } from '#core/deps.ts';
import { runScheduledEntry } from '#core/reservations/run-entry.ts';
import { validate } from '../http/validate.ts';

/** What an EventBridge Scheduler entry delivers: ids only (R9.4). */
const ScheduledEntryEvent = z.object({
  kind: z.enum(['message', 'delete', 'backup-check']),
  hostId: z.string().min(1),
  reservationId: z.string().min(1),
});

/** The target of the message, deletion and 36-hours-before backup entries (R5.1, R7.2, R4.4). */
export const scheduledEntry = (deps: Deps) => async (event: unknown) => {
  await runScheduledEntry(deps, validate(ScheduledEntryEvent, event));
};
