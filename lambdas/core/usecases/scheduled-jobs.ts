import type { JobKind } from '../model.ts';
import type { Deps } from './deps.ts';
import { removeDueCodes } from './remove-codes.ts';
import { sendCodeMessage } from './send-code-message.ts';

export interface JobInput {
  kind: Exclude<JobKind, 'provision'>;
  hostId: string;
  reservationId: string;
}

/** The scheduled entries that run as plain functions; provisioning runs as a workflow. */
export async function runScheduledJob(deps: Deps, job: JobInput): Promise<void> {
  if (job.kind === 'message') await sendCodeMessage(deps, job.hostId, job.reservationId);
  else await removeDueCodes(deps, job.hostId, job.reservationId);
}
