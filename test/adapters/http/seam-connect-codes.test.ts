import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SeamLockProvider } from '#adapters/http/seam-lock-provider.ts';
import { LockProviderError, ProviderCredentialsError } from '#core/errors.ts';
import { recordFetch, type SentRequest } from '../../support/recording-fetch.ts';
import { SeamConnect } from '../../support/seam-connect.ts';

// The Seam adapter's access codes against Seam's own fake server (`@seamapi/fake-seam-connect`), on
// loopback. What the adapter sends is taken at `fetch`.

const START = Date.UTC(2027, 0, 10, 15);
const END = Date.UTC(2027, 0, 12, 10);

let seam: SeamConnect;
let front: string;
let recording: { sent: SentRequest[]; stop: () => void };

beforeEach(async () => {
  seam = await SeamConnect.start();
  front = seam.addDevice({ deviceType: 'schlage_lock', canProgramOnlineCodes: true });
  recording = recordFetch();
});
afterEach(async () => {
  recording.stop();
  await seam.stop();
});

const provider = (apiKey = seam.apiKey) =>
  new SeamLockProvider({ apiKey, baseUrl: seam.url, sleep: async () => {}, random: () => 0.5 });
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );
const sent = () => recording.sent.map(({ method, path, body }) => ({ method, path, body }));
const timeBound = { deviceId: '', code: '482915', name: 'Ada', startsAt: START, endsAt: END };

describe("Seam adapter against Seam's fake: access codes", () => {
  it('creates an ongoing code with a bearer-authenticated JSON POST', async () => {
    const { accessCodeId } = await provider().createCode({ deviceId: front, code: '482915', name: 'Ada' });
    expect(recording.sent).toEqual([
      {
        method: 'post',
        path: '/access_codes/create',
        body: { device_id: front, code: '482915', name: 'Ada' },
        headers: {
          authorization: `Bearer ${seam.apiKey}`,
          'content-type': 'application/json',
          accept: 'application/json',
        },
      },
    ]);
    expect(seam.code(accessCodeId)).toMatchObject({ code: '482915', name: 'Ada', type: 'ongoing' });
  });

  it('R2.3 creates a time-bound code that Seam stores with its window', async () => {
    const { accessCodeId } = await provider().createCode({ ...timeBound, deviceId: front });
    expect(sent()[0]?.body).toEqual({
      device_id: front,
      code: '482915',
      name: 'Ada',
      starts_at: '2027-01-10T15:00:00.000Z',
      ends_at: '2027-01-12T10:00:00.000Z',
    });
    expect(seam.code(accessCodeId)).toMatchObject({
      type: 'time_bound',
      starts_at: '2027-01-10T15:00:00.000Z',
      ends_at: '2027-01-12T10:00:00.000Z',
    });
  });

  it('R4.2 reads a code back, Seam statuses in the domain vocabulary', async () => {
    const seamLocks = provider();
    const { accessCodeId: id } = await seamLocks.createCode({ ...timeBound, deviceId: front });
    expect(await seamLocks.getCode(front, id)).toEqual({
      accessCodeId: id,
      code: '482915',
      name: 'Ada',
      managed: true,
      status: 'pending',
      startsAt: START,
      endsAt: END,
    });
    seam.patchCode(id, { status: 'unset', is_scheduled_on_device: true });
    expect((await seamLocks.getCode(front, id))?.status).toBe('set');
    for (const [status, expected] of [
      ['setting', 'pending'],
      ['set', 'set'],
      ['removing', 'removing'],
      ['odd', 'unknown'],
    ]) {
      seam.patchCode(id, { status, is_scheduled_on_device: false });
      expect((await seamLocks.getCode(front, id))?.status).toBe(expected);
    }
  });

  it('reports the reason Seam gives for a code it could not set, until it is set', async () => {
    const seamLocks = provider();
    const { accessCodeId: id } = await seamLocks.createCode({ deviceId: front, code: '482915', name: 'Ada' });
    seam.patchCode(id, {
      status: 'setting',
      errors: [{ error_code: 'duplicate_code_on_device', message: 'm', is_access_code_error: true }],
    });
    expect(await seamLocks.getCode(front, id)).toMatchObject({
      status: 'pending',
      failure: 'duplicate_code',
    });
    seam.patchCode(id, { status: 'set' });
    expect((await seamLocks.getCode(front, id))?.failure).toBeUndefined();
  });

  it('reads an unknown code, or one on another device, as undefined', async () => {
    const back = seam.addDevice({ deviceType: 'schlage_lock', canProgramOnlineCodes: true });
    const seamLocks = provider();
    const { accessCodeId } = await seamLocks.createCode({ deviceId: back, code: '482915', name: 'Ada' });
    expect(await seamLocks.getCode(front, accessCodeId)).toBeUndefined();
    expect(await seamLocks.getCode(front, 'ac_missing')).toBeUndefined();
  });

  it('R3.3 reads a PIN already on the lock as a duplicate (Seam answers 409), never naming the PIN', async () => {
    seam.addUnmanagedCode(front, '482915', 'Cleaner');
    const error = await rejection(provider().createCode({ deviceId: front, code: '482915', name: 'Ada' }));
    expect(error).toBeInstanceOf(LockProviderError);
    expect((error as LockProviderError).reason).toBe('duplicate_code');
    expect((error as Error).message).not.toContain('482915');
  });

  it('reads an unknown device as failed_to_set, and an update of a code Seam lost as its refusal', async () => {
    const seamLocks = provider();
    expect(((await rejection(seamLocks.getDevice('device_missing'))) as LockProviderError).reason).toBe(
      'failed_to_set',
    );
    const lost = (await rejection(
      seamLocks.updateCode(front, 'ac_missing', { name: 'x' }),
    )) as LockProviderError;
    expect([lost.reason, lost.message]).toEqual([
      'failed_to_set',
      'seam /access_codes/update: access_code_not_found (HTTP 404)',
    ]);
  });

  it('R7.1 updates only the fields given, the window as a pair', async () => {
    const seamLocks = provider();
    const { accessCodeId: id } = await seamLocks.createCode({ ...timeBound, deviceId: front });
    await seamLocks.updateCode(front, id, { name: 'HMX42' });
    await seamLocks.updateCode(front, id, { code: '731946', startsAt: START, endsAt: END + 3_600_000 });
    expect(sent().slice(1)).toEqual([
      { method: 'post', path: '/access_codes/update', body: { access_code_id: id, name: 'HMX42' } },
      {
        method: 'post',
        path: '/access_codes/update',
        body: {
          access_code_id: id,
          code: '731946',
          starts_at: '2027-01-10T15:00:00.000Z',
          ends_at: '2027-01-12T11:00:00.000Z',
        },
      },
    ]);
    expect(seam.code(id)).toMatchObject({
      code: '731946',
      name: 'HMX42',
      ends_at: '2027-01-12T11:00:00.000Z',
    });
  });

  it('refuses half a window without calling Seam', async () => {
    const error = await rejection(provider().updateCode(front, 'ac_1', { startsAt: START }));
    expect((error as LockProviderError).reason).toBe('failed_to_set');
    expect(sent()).toEqual([]);
  });

  it('R7.3 deletes a code by device and id; Seam then no longer knows it', async () => {
    const seamLocks = provider();
    const { accessCodeId } = await seamLocks.createCode({ deviceId: front, code: '482915', name: 'Ada' });
    await seamLocks.deleteCode(front, accessCodeId);
    expect(sent()[1]).toEqual({
      method: 'post',
      path: '/access_codes/delete',
      body: { device_id: front, access_code_id: accessCodeId },
    });
    expect(seam.code(accessCodeId)).toBeUndefined();
    expect(await seamLocks.getCode(front, accessCodeId)).toBeUndefined();
  });

  it("R3.3 lists the device's codes", async () => {
    const seamLocks = provider();
    await seamLocks.createCode({ deviceId: front, code: '111222', name: 'Ada' });
    await seamLocks.createCode({ deviceId: front, code: '333444', name: 'Bo' });
    const listed = await seamLocks.listCodes(front);
    expect(listed.map((c) => [c.code, c.name, c.managed])).toEqual([
      ['111222', 'Ada', true],
      ['333444', 'Bo', true],
    ]);
  });
});

describe("R11.1 Seam adapter against Seam's fake: offline codes", () => {
  it('asks for an offline code without a PIN and returns the PIN Seam chose', async () => {
    const igloo = seam.addDevice({
      deviceType: 'yale_lock',
      canProgramOnlineCodes: true,
      canProgramOfflineCodes: true,
    });
    const created = await provider().createOfflineCode({
      deviceId: igloo,
      name: 'Ada',
      startsAt: START,
      endsAt: END,
    });
    expect(created.code).toMatch(/^\d+$/);
    expect(seam.code(created.accessCodeId)).toMatchObject({ code: created.code, name: 'Ada' });
    expect(sent()).toEqual([
      {
        method: 'post',
        path: '/access_codes/create',
        body: {
          device_id: igloo,
          name: 'Ada',
          starts_at: '2027-01-10T15:00:00.000Z',
          ends_at: '2027-01-12T10:00:00.000Z',
          is_offline_access_code: true,
          is_one_time_use: false,
          max_time_rounding: '1h',
        },
      },
    ]);
  });
});

describe("Seam adapter against Seam's fake: a refused API key", () => {
  it('is a provider-credentials error, asked once, not a lock refusing a code', async () => {
    const error = await rejection(
      provider('seam_revoked_key').createCode({ deviceId: front, code: '482915', name: 'Ada' }),
    );
    expect(error).toBeInstanceOf(ProviderCredentialsError);
    expect(error).not.toBeInstanceOf(LockProviderError);
    expect((error as ProviderCredentialsError).status).toBe(401);
    expect((error as Error).message).not.toContain('seam_revoked_key');
    expect(sent()).toHaveLength(1);
  });
});
