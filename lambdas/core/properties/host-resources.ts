import type { Deps } from '../deps.ts';
import type { Lock, Property } from '../model.ts';

// The host's own resources. Every read and write is keyed by the caller's host id (R9.3).
// Matching a lock to a property lives in matching.ts.

export async function createProperty(deps: Pick<Deps, 'properties'>, property: Property): Promise<Property> {
  await deps.properties.putProperty(property);
  return property;
}

export async function registerLock(deps: Pick<Deps, 'locks'>, lock: Lock): Promise<Lock> {
  await deps.locks.putLock(lock);
  return lock;
}

export function listProperties(deps: Pick<Deps, 'properties'>, hostId: string): Promise<Property[]> {
  return deps.properties.listProperties(hostId);
}

export function listLocks(deps: Pick<Deps, 'locks'>, hostId: string): Promise<Lock[]> {
  return deps.locks.listLocks(hostId);
}
