import type { Deps } from '../deps.ts';
import { NotFoundError } from '../errors.ts';
import type { Property, PropertySettings, ReservationDetails } from '../model.ts';
import { reshapeReservation } from '../reservations/change.ts';
import { liveReservations } from '../reservations/live.ts';
import { windowOfStay } from '../time/timeline.ts';

export interface PropertyUpdate {
  name?: string | undefined;
  settings: Partial<PropertySettings>;
}

export interface PropertyUpdateResult {
  property: Property;
  /** Live reservations whose code window moved with the new buffers (R7.1). */
  reservationsMoved: string[];
}

/**
 * A host changes a property's settings. New buffers move the code window of every live reservation
 * exactly as a channel modification would (R7.1: locks, schedules and entries follow). A new time
 * zone applies to stays received from now on: a stored stay is already an instant, so no window moves.
 * The property is written first; repeating the same update finishes a run that stopped midway.
 */
export async function updatePropertySettings(
  deps: Deps,
  hostId: string,
  propertyId: string,
  update: PropertyUpdate,
): Promise<PropertyUpdateResult> {
  const current = await deps.properties.getProperty(hostId, propertyId);
  if (!current) throw new NotFoundError('property', 'propertyId');
  const property: Property = {
    ...current,
    name: update.name ?? current.name,
    settings: { ...current.settings, ...definedOnly(update.settings) },
  };
  await deps.properties.putProperty(property);

  const reservationsMoved: string[] = [];
  for (const r of await liveReservations(deps, hostId, propertyId, deps.clock.now())) {
    const details: ReservationDetails = { ...r };
    const window = windowOfStay(details, property.settings);
    if (window.activeFrom === r.code.activeFrom && window.activeUntil === r.code.activeUntil) continue;
    await reshapeReservation(deps, r, property, details, { event: 'property.settings_changed' });
    reservationsMoved.push(r.reservationId);
  }
  return { property, reservationsMoved };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
