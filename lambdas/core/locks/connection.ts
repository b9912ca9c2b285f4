import type { LockConnection } from '#ports/lock-connection-store.ts';
import type { Deps } from '../deps.ts';
import { lockDisconnectedAlert } from '../messages/host-alert.ts';
import { messageKey } from '../messages/message-id.ts';
import type { Instant, LockProviderName } from '../model.ts';

// R8.2: the host hears once per outage when a lock is reported disconnected.

const MAX_TRIES = 5;

/**
 * The connection after a report, or undefined when the report changes nothing: a repeat, an older
 * report than the stored one (R9.1), or the same state again. Going offline claims the outage's
 * alert in the same write, so only one delivery of the report can send it; an alert given back
 * after a failed send is claimed again by the report's redelivery.
 */
export function nextConnection(
  current: LockConnection | undefined,
  lock: { hostId: string; lockId: string },
  online: boolean,
  at: Instant,
  now: Instant,
): LockConnection | undefined {
  const version = (current?.version ?? 0) + 1;
  if (current && !online && !current.online && current.alertedAt === undefined && at >= current.since) {
    return { ...current, alertedAt: now, version };
  }
  if (current && (at <= current.since || current.online === online)) return undefined;
  return { ...lock, online, since: at, ...(online ? {} : { alertedAt: now }), version };
}

export async function recordConnection(
  deps: Deps,
  provider: LockProviderName,
  deviceId: string,
  online: boolean,
  at: Instant,
): Promise<'recorded' | 'ignored'> {
  const device = await deps.locks.findDevice(provider, deviceId);
  if (!device) return 'ignored';
  const lock = { hostId: device.hostId, lockId: device.lockId };
  for (let attempt = 1; attempt <= MAX_TRIES; attempt++) {
    const current = await deps.connections.getLockConnection(lock.hostId, lock.lockId);
    const next = nextConnection(current, lock, online, at, deps.clock.now());
    if (!next) return 'ignored';
    if (!(await deps.connections.saveLockConnection(next, current?.version))) continue;
    // This write claimed the outage's alert: no other delivery can have sent it.
    if (!next.online && current?.alertedAt === undefined) await alertOutage(deps, next);
    return 'recorded';
  }
  return 'ignored';
}

async function alertOutage(deps: Deps, outage: LockConnection): Promise<void> {
  const lock = await deps.locks.getLock(outage.hostId, outage.lockId);
  const properties = (await deps.properties.listProperties(outage.hostId)).filter((p) =>
    p.lockIds.includes(outage.lockId),
  );
  const content = lockDisconnectedAlert({
    lockName: lock?.name ?? outage.lockId,
    propertyNames: properties.map((p) => p.name),
    since: outage.since,
    timeZone: properties[0]?.settings.timeZone ?? 'UTC',
  });
  try {
    await deps.hostNotifier.notifyHost({
      messageId: messageKey('alert-lockdisconnected', [outage.hostId, outage.lockId], outage.since),
      hostId: outage.hostId,
      kind: 'lock_disconnected',
      lockId: outage.lockId,
      ...content,
    });
  } catch (error) {
    // Give the claim back, so the provider's redelivery of the report sends the alert.
    await deps.connections.saveLockConnection(
      { ...outage, alertedAt: undefined, version: outage.version + 1 },
      outage.version,
    );
    throw error;
  }
}
