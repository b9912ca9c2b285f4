import { NotFoundError } from '../errors.ts';
import type { Lock, Property } from '../model.ts';
import type { Deps } from './deps.ts';

// The host's own resources. Every read and write is keyed by the caller's host id (R9.3).

export async function createProperty(deps: Pick<Deps, 'store'>, property: Property): Promise<Property> {
  await deps.store.putProperty(property);
  return property;
}

export async function registerLock(deps: Pick<Deps, 'store'>, lock: Lock): Promise<Lock> {
  await deps.store.putLock(lock);
  return lock;
}

/** R1.1: a lock may serve many properties and a property many locks. */
export async function matchLock(
  deps: Pick<Deps, 'store'>,
  hostId: string,
  propertyId: string,
  lockId: string,
): Promise<Property> {
  const property = await deps.store.getProperty(hostId, propertyId);
  if (!property) throw new NotFoundError('property', 'propertyId');
  const lock = await deps.store.getLock(hostId, lockId);
  if (!lock) throw new NotFoundError('lock', 'lockId');
  if (property.lockIds.includes(lockId)) return property;
  const matched = { ...property, lockIds: [...property.lockIds, lockId] };
  await deps.store.putProperty(matched);
  return matched;
}
