import type { JobKind } from '../model.ts';
import type { Deps } from './deps.ts';
import { sendCodeMessage } from './send-code-message.ts';
import { updateReservation } from './update-reservation.ts';

export interface JobInput {
  kind: Exclude<JobKind, 'provision'>;
  hostId: string;
  reservationId: string;
}

/** The scheduled entries that run as plain functions; provisioning runs as a workflow. */
export async function runScheduledJob(deps: Deps, job: JobInput): Promise<void> {
  if (job.kind === 'message') await sendCodeMessage(deps, job.hostId, job.reservationId);
  else await removeCodes(deps, job);
}

/** R7.2: the code leaves every lock; the provider's webhook confirms each removal. */
async function removeCodes(deps: Deps, job: JobInput): Promise<void> {
  const r = await deps.store.getReservation(job.hostId, job.reservationId);
  if (!r) return;
  const now = deps.clock.now();
  const removing: string[] = [];
  for (const state of r.code.locks) {
    if (!state.accessCodeId || state.status === 'removed') continue;
    const lock = await deps.store.getLock(r.hostId, state.lockId);
    if (!lock) continue;
    await deps.lockProvider(lock.provider).deleteCode(lock.deviceId, state.accessCodeId);
    removing.push(state.lockId);
  }
  await updateReservation(deps, r.hostId, r.reservationId, (fresh) => {
    for (const state of fresh.code.locks) {
      if (!removing.includes(state.lockId) || state.status === 'removed') continue;
      state.status = 'removing';
      fresh.timeline.push({ at: now, event: 'code.removal_requested', lockId: state.lockId });
    }
    return removing.length > 0;
  });
}
