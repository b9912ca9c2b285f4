import type { SandboxDeviceSpec } from '#adapters/local/sandbox-locks.ts';
import type { LocalRuntime } from '#local/runtime.ts';
import { hostApiClient } from './host-api-client.ts';

/**
 * The smallest property a booking can land on, set up through the host API as a host would: the
 * `villa` in New York with one sandbox lock, `front`, matched to it; `device` tunes the lock.
 */
export async function villaWithFrontDoor(
  runtime: LocalRuntime,
  host: string,
  device: Partial<SandboxDeviceSpec> = {},
): Promise<void> {
  const api = hostApiClient(runtime);
  runtime.sandbox.addDevice({
    deviceId: 'front-door',
    model: 'generic',
    codeLengths: [4, 6],
    maxCodes: 100,
    ...device,
  });
  await api(host, 'POST', '/v1/properties', { id: 'villa', name: 'Villa', timeZone: 'America/New_York' });
  await api(host, 'POST', '/v1/locks', {
    id: 'front',
    name: 'Front',
    provider: 'sandbox',
    deviceId: 'front-door',
  });
  await api(host, 'PUT', '/v1/properties/villa/locks/front');
}

/**
 * The `villa` with no locks, stored directly: enough for tests of what the webhooks store, where a
 * lock would only add provisioning traffic.
 */
export async function villaWithoutLocks(
  runtime: LocalRuntime,
  host: string,
  timeZone = 'UTC',
): Promise<void> {
  await runtime.deps.properties.putProperty({
    hostId: host,
    propertyId: 'villa',
    name: 'Villa',
    lockIds: [],
    settings: {
      timeZone,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      codeSource: 'random',
      backupCodes: false,
    },
  });
}
