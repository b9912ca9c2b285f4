import { backupIfOffline } from '../backup/issue.ts';
import type { Deps } from '../deps.ts';
import { sendCodeMessage } from '../messages/send-code-message.ts';
import type { JobKind } from '../model.ts';
import { removeDueCodes } from '../removal/remove-due-codes.ts';

export interface JobInput {
  kind: Exclude<JobKind, 'provision'>;
  hostId: string;
  reservationId: string;
}

/** The scheduled entries that run as plain functions; provisioning runs as a workflow. */
export async function runScheduledJob(deps: Deps, job: JobInput): Promise<void> {
  if (job.kind === 'message') await sendCodeMessage(deps, job.hostId, job.reservationId);
  else if (job.kind === 'backup-check') await backupCheck(deps, job.hostId, job.reservationId);
  else await removeDueCodes(deps, job.hostId, job.reservationId);
}

/** R4.4: 36 hours before activeFrom, a code not yet set on an offline lock gets a backup then. */
async function backupCheck(deps: Deps, hostId: string, reservationId: string): Promise<void> {
  const r = await deps.reservations.getReservation(hostId, reservationId);
  if (r) await backupIfOffline(deps, r);
}
