import * as z from 'zod';
import type { Deps } from '#core/deps.ts';
import { runScheduledJob } from '#core/reservations/run-entry.ts';
import { validate } from '../http/validate.ts';

/** What an EventBridge Scheduler entry delivers: ids only (R9.4). */
const ScheduledJobEvent = z.object({
  kind: z.enum(['message', 'delete', 'backup-check']),
  hostId: z.string().min(1),
  reservationId: z.string().min(1),
});

/** The target of the message, deletion and 36-hours-before backup entries (R5.1, R7.2, R4.4). */
export const scheduledJob = (deps: Deps) => async (event: unknown) => {
  await runScheduledJob(deps, validate(ScheduledJobEvent, event));
};
