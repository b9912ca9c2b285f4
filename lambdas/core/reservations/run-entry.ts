import { backupIfOffline } from '../backup/issue.ts';
import type { Deps } from '../deps.ts';
import { sendCodeMessage } from '../messages/send-code-message.ts';
import type { EntryKind } from '../model.ts';
import { checkFirstAttempt, firstAttempt } from '../provisioning/first-attempt.ts';
import { removeDueCodes } from '../removal/remove-due-codes.ts';

export interface EntryInput {
  kind: Exclude<EntryKind, 'provision-retry'>;
  hostId: string;
  reservationId: string;
}

/** The scheduled entries that run as plain functions; a provisioning retry runs as a workflow. */
export async function runScheduledEntry(
  deps: Deps,
  entry: EntryInput,
  timing: { confirmationWaitMs: number },
): Promise<void> {
  const input = { hostId: entry.hostId, reservationId: entry.reservationId };
  if (entry.kind === 'provision') await firstAttempt(deps, input, timing.confirmationWaitMs);
  else if (entry.kind === 'provision-check') await checkFirstAttempt(deps, input);
  else if (entry.kind === 'message') await sendCodeMessage(deps, entry.hostId, entry.reservationId);
  else if (entry.kind === 'backup-check') await backupCheck(deps, entry.hostId, entry.reservationId);
  else await removeDueCodes(deps, entry.hostId, entry.reservationId);
}

/** R4.4: 36 hours before activeFrom, a code not yet set on an offline lock gets a backup then. */
async function backupCheck(deps: Deps, hostId: string, reservationId: string): Promise<void> {
  const r = await deps.reservations.getReservation(hostId, reservationId);
  if (r) await backupIfOffline(deps, r);
}
