import { codeMessage } from '../messages/code-message.ts';
import type { JobKind, Lock, Reservation } from '../model.ts';
import type { Deps } from './deps.ts';
import { updateReservation } from './update-reservation.ts';

export interface JobInput {
  kind: Exclude<JobKind, 'provision'>;
  hostId: string;
  reservationId: string;
}

/** The scheduled entries that run as plain functions; provisioning runs as a workflow. */
export async function runScheduledJob(deps: Deps, job: JobInput): Promise<void> {
  if (job.kind === 'message') await sendCodeMessage(deps, job);
  else await removeCodes(deps, job);
}

/** R5.1, R5.2: the guest learns the code before it works, once. */
async function sendCodeMessage(deps: Deps, job: JobInput): Promise<void> {
  const r = await deps.store.getReservation(job.hostId, job.reservationId);
  if (r?.status !== 'accepted' || r.code.communicatedAt !== undefined) return;
  const property = await deps.store.getProperty(r.hostId, r.propertyId);
  if (!property) return;
  const locks = await Promise.all(r.code.locks.map((s) => deps.store.getLock(r.hostId, s.lockId)));
  const message = codeMessage({
    guestName: r.guest.name,
    propertyName: property.name,
    pin: r.code.pin,
    activeFrom: r.code.activeFrom,
    activeUntil: r.code.activeUntil,
    timeZone: property.settings.timeZone,
    doors: locks.filter((l): l is Lock => l !== undefined).map((l) => l.name),
    isBackup: false,
  });
  // The message id makes a retried step a no-op at the sender (R5, every send idempotent).
  const messageId = `code-${r.hostId}-${r.reservationId}`;
  const via: string[] = [];
  if (r.guest.email) {
    await deps.email.sendEmail({
      messageId: `${messageId}-email`,
      reservationId: r.reservationId,
      to: r.guest.email,
      ...message,
    });
    via.push('email');
  }
  if (r.guest.phone) {
    await deps.sms.sendSms({
      messageId: `${messageId}-sms`,
      reservationId: r.reservationId,
      to: r.guest.phone,
      text: message.sms,
    });
    via.push('sms');
  }
  const now = deps.clock.now();
  await updateReservation(deps, r.hostId, r.reservationId, (fresh) => markCommunicated(fresh, now, via));
}

function markCommunicated(r: Reservation, at: number, via: string[]): boolean {
  if (r.code.communicatedAt !== undefined) return false;
  r.code.communicatedAt = at;
  r.code.communicatedVia = via;
  r.timeline.push({ at, event: 'guest.code_message_sent', detail: via.join(', ') || 'no contact known' });
  return true;
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
