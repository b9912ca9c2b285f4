import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SeamLockProvider } from '#adapters/http/seam-lock-provider.ts';
import { LockProviderError } from '#core/errors.ts';
import { FakeSeam } from '../../support/fake-seam.ts';

const START = Date.UTC(2026, 11, 1, 15);
const END = Date.UTC(2026, 11, 4, 11);

let seam: FakeSeam;

beforeEach(async () => {
  seam = await FakeSeam.start();
  seam.addDevice({ device_id: 'dev_1' });
});
afterEach(() => seam.stop());

const provider = () =>
  new SeamLockProvider({ apiKey: seam.apiKey, baseUrl: seam.url, sleep: async () => {}, random: () => 0.5 });
const lastRequest = () => seam.requests.at(-1);
const reasonOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (e: unknown) => (e instanceof LockProviderError ? e.reason : `other: ${String(e)}`),
  );

describe('Seam adapter: access code requests', () => {
  it('creates an ongoing code with a bearer-authenticated JSON POST and returns its id', async () => {
    const { accessCodeId } = await provider().createCode({ deviceId: 'dev_1', code: '482915', name: 'Ada' });
    expect(lastRequest()).toEqual({
      path: '/access_codes/create',
      authorization: `Bearer ${seam.apiKey}`,
      contentType: 'application/json',
      body: { device_id: 'dev_1', code: '482915', name: 'Ada' },
    });
    expect(seam.codes.get(accessCodeId)).toMatchObject({ code: '482915', type: 'ongoing' });
  });

  it('sends starts_at and ends_at as ISO instants for a time-bound code (R2.3)', async () => {
    await provider().createCode({
      deviceId: 'dev_1',
      code: '482915',
      name: 'Ada',
      startsAt: START,
      endsAt: END,
    });
    expect(lastRequest()?.body).toEqual({
      device_id: 'dev_1',
      code: '482915',
      name: 'Ada',
      starts_at: '2026-12-01T15:00:00.000Z',
      ends_at: '2026-12-04T11:00:00.000Z',
    });
  });

  it('updates only the fields given, the window as a pair', async () => {
    const seamLocks = provider();
    const { accessCodeId } = await seamLocks.createCode({ deviceId: 'dev_1', code: '482915', name: 'Ada' });
    await seamLocks.updateCode('dev_1', accessCodeId, { name: 'HMX42' });
    expect(lastRequest()?.body).toEqual({ access_code_id: accessCodeId, name: 'HMX42' });
    await seamLocks.updateCode('dev_1', accessCodeId, { code: '731946', startsAt: START, endsAt: END });
    expect(lastRequest()).toMatchObject({
      path: '/access_codes/update',
      body: {
        access_code_id: accessCodeId,
        code: '731946',
        starts_at: '2026-12-01T15:00:00.000Z',
        ends_at: '2026-12-04T11:00:00.000Z',
      },
    });
    expect(seam.codes.get(accessCodeId)).toMatchObject({ code: '731946', name: 'HMX42' });
  });

  it('refuses half a window without calling Seam', async () => {
    expect(await reasonOf(provider().updateCode('dev_1', 'ac_1', { startsAt: START }))).toBe('failed_to_set');
    expect(seam.requests).toEqual([]);
  });

  it('deletes a code by device and id, and treats a code Seam no longer knows as deleted', async () => {
    const seamLocks = provider();
    const { accessCodeId } = await seamLocks.createCode({ deviceId: 'dev_1', code: '482915', name: 'Ada' });
    await seamLocks.deleteCode('dev_1', accessCodeId);
    expect(lastRequest()).toMatchObject({
      path: '/access_codes/delete',
      body: { device_id: 'dev_1', access_code_id: accessCodeId },
    });
    await expect(seamLocks.deleteCode('dev_1', accessCodeId)).resolves.toBeUndefined();
    expect(seam.codes.size).toBe(0);
  });

  it('reads a code: fields, window, and Seam statuses in the domain vocabulary (R4.2)', async () => {
    const seamLocks = provider();
    const { accessCodeId: id } = await seamLocks.createCode({
      deviceId: 'dev_1',
      code: '482915',
      name: 'Ada',
      startsAt: START,
      endsAt: END,
    });
    expect(await seamLocks.getCode('dev_1', id)).toEqual({
      accessCodeId: id,
      code: '482915',
      name: 'Ada',
      managed: true,
      status: 'pending',
      startsAt: START,
      endsAt: END,
    });
    expect(lastRequest()).toMatchObject({ path: '/access_codes/get', body: { access_code_id: id } });
    seam.patchCode(id, { status: 'unset', is_scheduled_on_device: true });
    expect((await seamLocks.getCode('dev_1', id))?.status).toBe('set');
    for (const [status, expected] of [
      ['setting', 'pending'],
      ['set', 'set'],
      ['removing', 'removing'],
      ['odd', 'unknown'],
    ]) {
      seam.patchCode(id, { status, is_scheduled_on_device: false });
      expect((await seamLocks.getCode('dev_1', id))?.status).toBe(expected);
    }
  });

  it('reports the reason Seam gives for a code it could not set, until it is set', async () => {
    const seamLocks = provider();
    const { accessCodeId: id } = await seamLocks.createCode({
      deviceId: 'dev_1',
      code: '482915',
      name: 'Ada',
    });
    seam.patchCode(id, {
      status: 'setting',
      errors: [{ error_code: 'duplicate_code_on_device', message: 'm', is_access_code_error: true }],
    });
    expect(await seamLocks.getCode('dev_1', id)).toMatchObject({
      status: 'pending',
      failure: 'duplicate_code',
    });
    seam.patchCode(id, { status: 'set' });
    expect((await seamLocks.getCode('dev_1', id))?.failure).toBeUndefined();
  });

  it('reads an unknown code, or one on another device, as undefined', async () => {
    const seamLocks = provider();
    seam.addDevice({ device_id: 'dev_2' });
    const { accessCodeId } = await seamLocks.createCode({ deviceId: 'dev_2', code: '482915', name: 'Ada' });
    expect(await seamLocks.getCode('dev_1', accessCodeId)).toBeUndefined();
    expect(await seamLocks.getCode('dev_1', 'ac_missing')).toBeUndefined();
  });

  it("lists Lockstep's and pre-existing codes, managed mapped from is_managed, across pages (R3.3)", async () => {
    const seamLocks = provider();
    seam.pageSize = 2;
    const cleaner = seam.addUnmanagedCode('dev_1', '135790', 'Cleaner');
    const ids: string[] = [];
    for (const code of ['111222', '333444', '555666']) {
      ids.push((await seamLocks.createCode({ deviceId: 'dev_1', code, name: `g${code}` })).accessCodeId);
    }
    const listed = await seamLocks.listCodes('dev_1');
    expect(listed.map((c) => [c.accessCodeId, c.code, c.managed])).toEqual([
      [ids[0], '111222', true],
      [ids[1], '333444', true],
      [ids[2], '555666', true],
      [cleaner, '135790', false],
    ]);
    const listings = seam.requests.filter((r) => r.path.endsWith('/list')).map((r) => [r.path, r.body]);
    expect(listings).toEqual(
      expect.arrayContaining([
        ['/access_codes/list', { device_id: 'dev_1' }],
        ['/access_codes/list', { device_id: 'dev_1', page_cursor: '2' }],
        ['/access_codes/unmanaged/list', { device_id: 'dev_1' }],
      ]),
    );
  });
});

describe('R11.1 Seam adapter: an offline code Seam has not given a PIN yet', () => {
  it('reads the code once more, then reports it as passing, naming the code and no PIN', async () => {
    const error = await provider()
      .createOfflineCode({ deviceId: 'dev_1', name: 'Ada', startsAt: START, endsAt: END })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(seam.requests.map((r) => r.path)).toEqual(['/access_codes/create', '/access_codes/get']);
    expect(error).toBeInstanceOf(LockProviderError);
    expect((error as LockProviderError).reason).toBe('transient');
    expect((error as Error).message).toBe('seam /access_codes/create: offline code ac_1 has no PIN yet');
  });
});

describe('Seam adapter: devices', () => {
  it('reads status and capabilities in the core constraint vocabulary (R3.2)', async () => {
    seam.addDevice({
      device_id: 'dev_nuki',
      device_type: 'nuki_lock',
      online: false,
      supported_code_lengths: [6],
      max_active_codes_supported: 200,
      supports_backup_access_code_pool: false,
      code_constraints: [
        { constraint_type: 'no_zeros' },
        { constraint_type: 'cannot_start_with_12' },
        { constraint_type: 'name_length', max_length: 20 },
        { constraint_type: 'name_must_be_unique' },
        { constraint_type: 'unique_first_four_digits' },
      ],
    });
    expect(await provider().getDevice('dev_nuki')).toEqual({
      deviceId: 'dev_nuki',
      online: false,
      nativeScheduling: false,
      canProgramCodes: true,
      canProgramOfflineCodes: false,
      constraints: {
        codeLengths: [6],
        maxCodes: 200,
        supportsBackupPool: false,
        noZeros: true,
        cannotStartWith12: true,
        nameMaxLength: 20,
        nameMustBeUnique: true,
      },
      otherConstraints: ['unique_first_four_digits'],
    });
    expect(lastRequest()).toMatchObject({ path: '/devices/get', body: { device_id: 'dev_nuki' } });
  });

  it('counts a lock as scheduling natively only for providers that preload codes (R2.3)', async () => {
    seam.addDevice({ device_id: 'dev_yale', device_type: 'yale_lock' });
    seam.addDevice({
      device_id: 'dev_no_codes',
      device_type: 'yale_lock',
      extra: { can_program_online_access_codes: false },
    });
    const seamLocks = provider();
    expect(await seamLocks.getDevice('dev_1')).toMatchObject({ online: true, nativeScheduling: true });
    expect((await seamLocks.getDevice('dev_yale')).nativeScheduling).toBe(true);
    expect(await seamLocks.getDevice('dev_no_codes')).toMatchObject({
      nativeScheduling: false,
      canProgramCodes: false,
    });
  });

  it('lists every device of the workspace, across pages', async () => {
    seam.pageSize = 2;
    seam.addDevice({ device_id: 'dev_2', device_type: 'nuki_lock' });
    seam.addDevice({ device_id: 'dev_3', device_type: 'yale_lock' });
    const devices = await provider().listDevices();
    expect(devices.map((d) => [d.deviceId, d.nativeScheduling])).toEqual([
      ['dev_1', true],
      ['dev_2', false],
      ['dev_3', true],
    ]);
    expect(seam.requests.map((r) => [r.path, r.body])).toEqual([
      ['/devices/list', {}],
      ['/devices/list', { page_cursor: '2' }],
    ]);
  });
});
