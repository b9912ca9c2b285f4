import { backupIfOffline } from '../backup/issue.ts';
import type { Deps } from '../deps.ts';
import { loadLocks } from '../locks/load-locks.ts';
import type { Reservation, ScheduledEntry } from '../model.ts';
import { emitAccessMethod } from '../webhooks/emit-access-method.ts';
import { acceptedEntries } from './entries.ts';

/**
 * R9.5: an acceptance stores the booking, then schedules its entries (R2.4). A run that died (or
 * whose write timed out) in between leaves a booking nothing will ever provision; the sender's
 * redelivery finds it stored and, while nothing has changed it since (version 1), does the rest.
 * Scheduling an entry again moves it to the same instant, and the other steps are idempotent.
 */
export async function finishAcceptance(deps: Deps, r: Reservation): Promise<void> {
  if (r.status !== 'accepted' || r.version !== 1) return;
  const property = await deps.properties.getProperty(r.hostId, r.propertyId);
  if (!property) return;
  const locks = [...(await loadLocks(deps, r.hostId, property.lockIds)).values()];
  await carryOutAcceptance(
    deps,
    r,
    acceptedEntries(r, r.code, locks, deps.clock.now(), property.settings.backupCodes),
  );
}

/** What follows storing an accepted booking: its entries (R2.4), `access_method.issued` (R6.5), and a backup now when its lock is offline less than 36 hours ahead (R4.4). */
export async function carryOutAcceptance(
  deps: Deps,
  r: Reservation,
  entries: readonly ScheduledEntry[],
): Promise<void> {
  await Promise.all(entries.map((entry) => deps.scheduler.schedule(entry)));
  await emitAccessMethod(deps, r, 'access_method.issued');
  await backupIfOffline(deps, r);
}
