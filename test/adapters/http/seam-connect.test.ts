import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SeamLockProvider } from '#adapters/http/seam-lock-provider.ts';
import { LockProviderError, ProviderCredentialsError } from '#core/errors.ts';
import { recordFetch } from '../../support/recording-fetch.ts';
import { SeamConnect } from '../../support/seam-connect.ts';

// The Seam adapter against Seam's own fake server (`@seamapi/fake-seam-connect`), on loopback.

const START = Date.UTC(2027, 0, 10, 15);
const END = Date.UTC(2027, 0, 12, 10);

let seam: SeamConnect;
let front: string;

beforeEach(async () => {
  seam = await SeamConnect.start();
  front = seam.addDevice({ deviceType: 'schlage_lock', canProgramOnlineCodes: true });
});
afterEach(() => seam.stop());

const provider = (apiKey = seam.apiKey) =>
  new SeamLockProvider({ apiKey, baseUrl: seam.url, sleep: async () => {}, random: () => 0.5 });
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );

describe("Seam adapter against Seam's fake: access codes", () => {
  it('creates a time-bound code that Seam stores with its PIN, name and window (R2.3)', async () => {
    const { accessCodeId } = await provider().createCode({
      deviceId: front,
      code: '482915',
      name: 'Ada',
      startsAt: START,
      endsAt: END,
    });
    expect(seam.code(accessCodeId)).toMatchObject({
      device_id: front,
      code: '482915',
      name: 'Ada',
      type: 'time_bound',
      starts_at: '2027-01-10T15:00:00.000Z',
      ends_at: '2027-01-12T10:00:00.000Z',
    });
  });

  it('reads a code back; unset on a lock without the code yet is pending, not set (R4.2)', async () => {
    const seamLocks = provider();
    const { accessCodeId } = await seamLocks.createCode({
      deviceId: front,
      code: '482915',
      name: 'Ada',
      startsAt: START,
      endsAt: END,
    });
    expect(await seamLocks.getCode(front, accessCodeId)).toEqual({
      accessCodeId,
      code: '482915',
      name: 'Ada',
      managed: true,
      status: 'pending',
      startsAt: START,
      endsAt: END,
    });
  });

  it('R3.3 reads a PIN already on the lock as a duplicate (Seam answers 409)', async () => {
    seam.addUnmanagedCode(front, '482915', 'Cleaner');
    const error = await rejection(provider().createCode({ deviceId: front, code: '482915', name: 'Ada' }));
    expect(error).toBeInstanceOf(LockProviderError);
    expect((error as LockProviderError).reason).toBe('duplicate_code');
    expect((error as Error).message).not.toContain('482915');
  });

  it('R7.1 updates the name and the window of a code', async () => {
    const seamLocks = provider();
    const { accessCodeId } = await seamLocks.createCode({
      deviceId: front,
      code: '482915',
      name: 'Ada',
      startsAt: START,
      endsAt: END,
    });
    await seamLocks.updateCode(front, accessCodeId, {
      name: 'HMX42',
      startsAt: START,
      endsAt: END + 3_600_000,
    });
    expect(seam.code(accessCodeId)).toMatchObject({ name: 'HMX42', ends_at: '2027-01-12T11:00:00.000Z' });
  });

  it('R7.3 deletes a code; Seam then no longer knows it', async () => {
    const seamLocks = provider();
    const { accessCodeId } = await seamLocks.createCode({ deviceId: front, code: '482915', name: 'Ada' });
    await seamLocks.deleteCode(front, accessCodeId);
    expect(seam.code(accessCodeId)).toBeUndefined();
    expect(await seamLocks.getCode(front, accessCodeId)).toBeUndefined();
  });

  it("lists the device's codes (R3.3)", async () => {
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
    const recording = recordFetch();
    try {
      const created = await provider().createOfflineCode({
        deviceId: igloo,
        name: 'Ada',
        startsAt: START,
        endsAt: END,
      });
      expect(created.code).toMatch(/^\d+$/);
      expect(seam.code(created.accessCodeId)).toMatchObject({ code: created.code, name: 'Ada' });
      expect(recording.sent).toEqual([
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
    } finally {
      recording.stop();
    }
  });
});

describe("Seam adapter against Seam's fake: devices", () => {
  it('reads the capability flags into the device status (R2.3, R11.1)', async () => {
    const igloo = seam.addDevice({
      deviceType: 'yale_lock',
      canProgramOnlineCodes: true,
      canProgramOfflineCodes: true,
    });
    expect(await provider().getDevice(igloo)).toMatchObject({
      deviceId: igloo,
      online: true,
      nativeScheduling: true,
      canProgramCodes: true,
      canProgramOfflineCodes: true,
    });
  });

  it('reads an absent capability flag as "no", whatever capabilities_supported says', async () => {
    const bare = seam.addDevice({ deviceType: 'yale_lock' });
    expect(await provider().getDevice(bare)).toMatchObject({
      canProgramCodes: false,
      canProgramOfflineCodes: false,
      nativeScheduling: false,
    });
  });

  it.each(['account_disconnected', 'bridge_disconnected'])(
    'R4.3 reads a lock with %s as offline, though Seam still says online',
    async (error_code) => {
      const cut = seam.addDevice({
        deviceType: 'schlage_lock',
        canProgramOnlineCodes: true,
        extra: { errors: [{ error_code, message: 'disconnected' }] },
      });
      expect((await provider().getDevice(cut)).online).toBe(false);
    },
  );

  it('reads every page of the workspace devices (Seam pages at 500)', async () => {
    for (let i = 0; i < 500; i++) seam.addDevice({ deviceType: 'schlage_lock', canProgramOnlineCodes: true });
    const recording = recordFetch();
    try {
      const devices = await provider().listDevices();
      expect(devices).toHaveLength(501);
      expect(new Set(devices.map((d) => d.deviceId)).size).toBe(501);
      expect(recording.sent.map((r) => [r.path, Object.keys(r.body)])).toEqual([
        ['/devices/list', []],
        ['/devices/list', ['page_cursor']],
      ]);
    } finally {
      recording.stop();
    }
  });
});

describe("Seam adapter against Seam's fake: a refused API key", () => {
  it('is a provider-credentials error, asked once, not a lock refusing a code', async () => {
    const recording = recordFetch();
    try {
      const error = await rejection(
        provider('seam_revoked_key').createCode({ deviceId: front, code: '482915', name: 'Ada' }),
      );
      expect(error).toBeInstanceOf(ProviderCredentialsError);
      expect(error).not.toBeInstanceOf(LockProviderError);
      expect((error as ProviderCredentialsError).status).toBe(401);
      expect((error as Error).message).not.toContain('seam_revoked_key');
      expect(recording.sent).toHaveLength(1);
    } finally {
      recording.stop();
    }
  });
});
