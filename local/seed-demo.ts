import type { LocalRuntime } from './runtime.ts';

export interface Demo {
  hostId: string;
  token: string;
  propertyId: string;
  timeZone: string;
  lockIds: string[];
}

/** A demo host with a property and two sandbox locks, created through the host API itself. */
export async function seedDemo(runtime: LocalRuntime): Promise<Demo> {
  const hostId = 'demo-host';
  const token = runtime.jwt.issue(hostId, Date.now());
  const post = demoApi(runtime, token);
  const timeZone = 'America/New_York';
  const lockIds = ['front-door', 'back-door'];
  // The sandbox (the provider's stand-in) lives in memory: every start gives it its devices again.
  for (const id of lockIds) runtime.sandbox.addDevice(sandboxDevice(`sandbox-${id}`));
  // A third device in the sandbox account, not yet registered: the host API walkthrough matches it.
  runtime.sandbox.addDevice(sandboxDevice('sandbox-garden'));
  const existing = await runtime.request({
    method: 'GET',
    path: '/v1/properties/beach-house',
    headers: demoHeaders(token),
  });
  // A restart on kept data (`--data DIR`) finds the demo already there.
  if (existing.statusCode === 200) return { hostId, token, propertyId: 'beach-house', timeZone, lockIds };
  await post('POST', '/v1/properties', {
    id: 'beach-house',
    name: 'Beach House',
    timeZone,
    bufferBeforeMinutes: 60,
    bufferAfterMinutes: 30,
  });
  for (const id of lockIds) {
    await post('POST', '/v1/locks', {
      id,
      name: id.replace('-', ' '),
      provider: 'sandbox',
      deviceId: `sandbox-${id}`,
    });
    await post('PUT', `/v1/properties/beach-house/locks/${id}`);
  }
  return { hostId, token, propertyId: 'beach-house', timeZone, lockIds };
}

const sandboxDevice = (deviceId: string) => ({
  deviceId,
  model: 'generic' as const,
  codeLengths: [4, 5, 6],
  maxCodes: 100,
});

const demoHeaders = (token: string) => ({
  authorization: `Bearer ${token}`,
  'content-type': 'application/json',
});

/** A host API call as the demo host; anything but a 2xx stops the seeding. */
function demoApi(runtime: LocalRuntime, token: string) {
  const headers = demoHeaders(token);
  return async (method: string, path: string, body?: unknown): Promise<void> => {
    const response = await runtime.request({ method, path, headers, body: body ? JSON.stringify(body) : '' });
    if ((response.statusCode ?? 500) >= 300) throw new Error(`seeding ${path}: ${response.body}`);
  };
}

/**
 * `npm start` only: a cleaning crew on the demo property's turnovers (R12), so the Staff screen
 * shows a member whose codes follow the first booking. The same id and fields again (a restart on
 * kept data) change nothing.
 */
export async function seedDemoStaff(runtime: LocalRuntime, demo: Demo): Promise<void> {
  await demoApi(runtime, demo.token)('POST', '/v1/staff', {
    id: 'cleaning-crew',
    name: 'Cleaning crew',
    email: 'crew@example.com',
    propertyIds: [demo.propertyId],
    schedule: 'turnovers',
  });
}
