import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SeamLockProvider } from '#adapters/http/seam-lock-provider.ts';
import { type LockFailureReason, LockProviderError, ProviderCredentialsError } from '#core/errors.ts';
import { FakeSeam } from '../../support/fake-seam.ts';

// Refusals on demand, which only the project's fake injects; Seam's own fake answers the ones it can
// produce in seam-connect-codes.test.ts (a duplicate, an unknown device or code).

const PIN = '482915';
let seam: FakeSeam;

beforeEach(async () => {
  seam = await FakeSeam.start();
  seam.addDevice({ device_id: 'dev_1' });
});
afterEach(() => seam.stop());

const provider = () =>
  new SeamLockProvider({ apiKey: seam.apiKey, baseUrl: seam.url, sleep: async () => {}, random: () => 0.5 });
const create = (name = 'Ada', code = PIN) => provider().createCode({ deviceId: 'dev_1', code, name });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => {
      if (!(e instanceof LockProviderError)) throw e;
      return e;
    },
  );

describe('Seam adapter: error types mapped to domain reasons', () => {
  it.each<[string, number, LockFailureReason]>([
    ['duplicate_code_on_device', 400, 'duplicate_code'],
    ['duplicate_access_code', 409, 'duplicate_code'],
    ['no_space_for_access_code_on_device', 400, 'no_space'],
    ['device_offline', 400, 'device_offline'],
    ['device_disconnected', 400, 'device_offline'],
    ['failed_to_set_on_device', 400, 'failed_to_set'],
    ['invalid_input', 400, 'failed_to_set'],
    ['device_not_found', 404, 'failed_to_set'],
  ])(
    '%s (HTTP %i) → %s, with the type but never the PIN in the message (R9.4)',
    async (type, status, reason) => {
      seam.failNext({ status, type });
      const error = await failure(create());
      expect(error?.reason).toBe(reason);
      expect(error?.message).toContain(type);
      expect(error?.message).not.toContain(PIN);
      expect(seam.requests.filter((r) => r.path === '/access_codes/create')).toHaveLength(1);
    },
  );

  it.each([401, 403])(
    'maps a refused API key (HTTP %i) to a provider-credentials error, not a lock refusal, not retried',
    async (status) => {
      seam.failNext({ status, type: status === 401 ? 'unauthorized' : 'forbidden' });
      const error = await create().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ProviderCredentialsError);
      expect(error).not.toBeInstanceOf(LockProviderError);
      expect((error as ProviderCredentialsError).status).toBe(status);
      expect((error as Error).message).not.toContain(PIN);
      expect(seam.requests).toHaveLength(1);
    },
  );

  it.each(['account_disconnected', 'bridge_disconnected'])(
    'maps %s to the lock being offline, not a failure to set',
    async (type) => {
      seam.failNext({ status: 400, type });
      expect((await failure(create()))?.reason).toBe('device_offline');
    },
  );

  it('maps a failed action attempt by its error type', async () => {
    seam.attemptError = 'no_space_for_access_code_on_device';
    expect((await failure(create()))?.reason).toBe('no_space');
  });

  it('treats an unreadable success reply as a server fault (transient)', async () => {
    seam.devices.set('dev_odd', { device_type: 'yale_lock' });
    expect((await failure(provider().getDevice('dev_odd')))?.reason).toBe('transient');
  });
});

describe('Seam adapter: a create whose reply was lost', () => {
  it('adopts the code an earlier attempt created instead of failing as a duplicate', async () => {
    seam.failNext({ status: 500, landed: true });
    const { accessCodeId } = await create();
    expect([...seam.codes.keys()]).toEqual([accessCodeId]);
    expect(seam.requests.map((r) => r.path)).toEqual([
      '/access_codes/create',
      '/access_codes/create',
      '/access_codes/list',
    ]);
  });

  it("does not adopt a duplicate that is not the same request's code", async () => {
    await create('Someone else');
    expect((await failure(create('Ada')))?.reason).toBe('duplicate_code');
  });
});
