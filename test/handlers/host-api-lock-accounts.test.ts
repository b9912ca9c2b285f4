import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalRuntime } from '#local/runtime.ts';
import { hostApiClient } from '../support/host-api-client.ts';

// Lock provider accounts at the edge: connect, list, and the account's locks with live status.

const ME = 'host-me';
const OTHER = 'host-other';

describe('host API: lock accounts', () => {
  let runtime: LocalRuntime;
  let call: ReturnType<typeof hostApiClient>;

  beforeAll(async () => {
    runtime = await LocalRuntime.start();
    call = hostApiClient(runtime);
    runtime.sandbox.addDevice({ deviceId: 'me-dev', model: 'generic', codeLengths: [6], maxCodes: 40 });
    const lock = { id: 'front', name: 'Front', provider: 'sandbox', deviceId: 'me-dev', codeLengths: [6] };
    expect((await call(ME, 'POST', '/v1/locks', lock)).status).toBe(201);
    const ghost = { id: 'ghost', name: 'Ghost', provider: 'sandbox', deviceId: 'gone-dev' };
    expect((await call(ME, 'POST', '/v1/locks', ghost)).status).toBe(201);
  });
  afterAll(() => runtime.stop());

  it('lists no account before one is connected', async () => {
    expect(await call(OTHER, 'GET', '/v1/lock-accounts')).toEqual({ status: 200, body: { accounts: [] } });
  });

  it('connects the sandbox once; connecting again answers the same account', async () => {
    const first = await call(ME, 'POST', '/v1/lock-accounts', { provider: 'sandbox' });
    const again = await call(ME, 'POST', '/v1/lock-accounts', { provider: 'sandbox' });

    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ hostId: ME, provider: 'sandbox' });
    expect(again).toEqual({ status: 200, body: first.body });
    expect((await call(ME, 'GET', '/v1/lock-accounts')).body).toEqual({ accounts: [first.body] });
  });

  it('lists the account’s locks with live status and capabilities, and says when the provider cannot', async () => {
    await call(ME, 'POST', '/v1/lock-accounts', { provider: 'sandbox' });
    const reply = await call(ME, 'GET', '/v1/lock-accounts/sandbox/locks');

    expect(reply.status).toBe(200);
    expect(reply.body.locks).toEqual([
      {
        lockId: 'front',
        name: 'Front',
        deviceId: 'me-dev',
        device: {
          reachable: true,
          online: true,
          nativeScheduling: true,
          canProgramCodes: true,
          canProgramOfflineCodes: false,
          constraints: { codeLengths: [6], maxCodes: 40 },
          otherConstraints: [],
        },
      },
      {
        lockId: 'ghost',
        name: 'Ghost',
        deviceId: 'gone-dev',
        device: { reachable: false, reason: 'failed_to_set' },
      },
    ]);
  });

  it('answers 404 naming provider for an account the host has not connected (R9.3)', async () => {
    const reply = await call(OTHER, 'GET', '/v1/lock-accounts/sandbox/locks');
    expect(reply.status).toBe(404);
    expect(reply.body.error).toEqual({
      code: 'not_found',
      message: 'lock account not found',
      field: 'provider',
    });
  });

  it('refuses a per-host Seam API key by name, never echoing it (R9.2, R9.4)', async () => {
    const reply = await call(ME, 'POST', '/v1/lock-accounts', {
      provider: 'seam',
      apiKey: 'seam_live_SECRET123',
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.field).toBe('apiKey');
    expect(JSON.stringify(reply.body)).not.toContain('SECRET123');
  });

  it.each([
    [{ provider: 'august' }, 'provider'],
    [{}, 'provider'],
  ])('answers 400 naming the field for %j (R9.2)', async (body, field) => {
    const reply = await call(ME, 'POST', '/v1/lock-accounts', body);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({
      error: { code: 'invalid_request', field },
      correlationId: expect.any(String),
    });
  });

  it('answers 400 naming provider for an unknown provider in the path (R9.2)', async () => {
    const reply = await call(ME, 'GET', '/v1/lock-accounts/august/locks');
    expect(reply.status).toBe(400);
    expect(reply.body.error.field).toBe('provider');
  });
});
