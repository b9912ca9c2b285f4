import type { Deps } from '../deps.ts';
import type { Lock, Property } from '../model.ts';

// The host's own resources. Every read and write is keyed by the caller's host id (R9.3).
// Matching a lock to a property lives in matching.ts.

export async function createProperty(deps: Pick<Deps, 'store'>, property: Property): Promise<Property> {
  await deps.store.putProperty(property);
  return property;
}

export async function registerLock(deps: Pick<Deps, 'store'>, lock: Lock): Promise<Lock> {
  await deps.store.putLock(lock);
  return lock;
}

export function listProperties(deps: Pick<Deps, 'store'>, hostId: string): Promise<Property[]> {
  return deps.store.listProperties(hostId);
}

export function listLocks(deps: Pick<Deps, 'store'>, hostId: string): Promise<Lock[]> {
  return deps.store.listLocks(hostId);
}
