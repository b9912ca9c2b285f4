import type { HostAlertKind } from '#ports/host-notifier.ts';
import type { Deps } from '../deps.ts';
import { loadLocks } from '../locks/load-locks.ts';
import type { Property, Reservation } from '../model.ts';
import { updateReservation } from '../reservations/update.ts';
import { type AlertText, codeFailedAlert, codeNotRemovedAlert, messageFailedAlert } from './host-alert.ts';
import { messageKey } from './message-id.ts';

// R8.2: alert emails about one reservation, each at most once. The alert is claimed on the
// reservation before it is sent; a failed send gives the claim back so the retried step sends it.

export async function alertHostAboutReservation(
  deps: Deps,
  r: Reservation,
  kind: HostAlertKind,
  key: string,
  content: AlertText,
): Promise<boolean> {
  const messageId = messageKey(`alert-${kind.replace('_', '')}`, [r.hostId, r.reservationId], key);
  const token = deps.newId();
  const at = deps.clock.now();
  const claimed = await updateReservation(deps, r.hostId, r.reservationId, (fresh) => {
    if (fresh.hostAlerts?.some((a) => a.messageId === messageId)) return false;
    fresh.hostAlerts = [...(fresh.hostAlerts ?? []), { messageId, kind, at, claimedBy: token }];
    fresh.timeline.push({ at, event: 'host.alert_sent', detail: kind });
    return true;
  });
  if (claimed?.hostAlerts?.find((a) => a.messageId === messageId)?.claimedBy !== token) return false;
  try {
    await deps.hostNotifier.notifyHost({
      messageId,
      hostId: r.hostId,
      kind,
      reservationId: r.reservationId,
      ...content,
    });
    return true;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const failedAt = deps.clock.now();
    await updateReservation(deps, r.hostId, r.reservationId, (fresh) => {
      const mine = fresh.hostAlerts?.find((a) => a.messageId === messageId && a.claimedBy === token);
      if (!mine) return false;
      fresh.hostAlerts = fresh.hostAlerts?.filter((a) => a !== mine);
      fresh.timeline.push({ at: failedAt, event: 'host.alert_failed', detail: `${kind}: ${reason}` });
      return true;
    });
    throw error;
  }
}

const lockNames = async (deps: Deps, hostId: string, lockIds: readonly string[]): Promise<string[]> => {
  const locks = await loadLocks(deps, hostId, lockIds);
  return lockIds.map((id) => locks.get(id)?.name ?? id);
};

/** R8.2: the code is not working on these locks and no backup is available; once per stay window. */
export async function alertCodeFailed(
  deps: Deps,
  r: Reservation,
  property: Property | undefined,
  lockIds: readonly string[],
  found: 'message_time' | 'retries_exhausted',
): Promise<boolean> {
  const content = codeFailedAlert({
    propertyName: property?.name ?? r.propertyId,
    guestName: r.guest.name,
    confirmationCode: r.confirmationCode,
    activeFrom: r.code.activeFrom,
    timeZone: property?.settings.timeZone ?? 'UTC',
    lockNames: await lockNames(deps, r.hostId, lockIds),
    found,
  });
  return alertHostAboutReservation(deps, r, 'code_failed', String(r.code.activeFrom), content);
}

/** R7.3: a lock failed to remove the reservation's code; once per lock. */
export async function alertCodeNotRemoved(deps: Deps, r: Reservation, lockId: string): Promise<boolean> {
  const property = await deps.properties.getProperty(r.hostId, r.propertyId);
  const content = codeNotRemovedAlert({
    propertyName: property?.name ?? r.propertyId,
    guestName: r.guest.name,
    confirmationCode: r.confirmationCode,
    lockName: (await lockNames(deps, r.hostId, [lockId]))[0] ?? lockId,
  });
  return alertHostAboutReservation(deps, r, 'code_not_removed', lockId, content);
}

/** The guest could not be reached on any route: the host has to pass the code on. */
export async function alertMessageFailed(
  deps: Deps,
  r: Reservation,
  property: Property | undefined,
  guestMessageId: string,
  problems: readonly string[],
): Promise<boolean> {
  const content = messageFailedAlert({
    propertyName: property?.name ?? r.propertyId,
    guestName: r.guest.name,
    confirmationCode: r.confirmationCode,
    problems: [...problems],
  });
  return alertHostAboutReservation(deps, r, 'message_failed', guestMessageId, content);
}
