import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SeamLockProvider } from '#adapters/http/seam-lock-provider.ts';
import { recordFetch } from '../../support/recording-fetch.ts';
import { SeamConnect } from '../../support/seam-connect.ts';

// The Seam adapter's device reads against Seam's own fake server, on loopback.

let seam: SeamConnect;

beforeEach(async () => {
  seam = await SeamConnect.start();
});
afterEach(() => seam.stop());

const provider = () =>
  new SeamLockProvider({ apiKey: seam.apiKey, baseUrl: seam.url, sleep: async () => {} });

describe("Seam adapter against Seam's fake: devices", () => {
  it('R3.2 reads status and constraints in the core constraint vocabulary', async () => {
    const nuki = seam.addDevice({
      deviceType: 'smartthings_lock',
      canProgramOnlineCodes: true,
      online: false,
      extra: {
        properties: {
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
        },
      },
    });
    expect(await provider().getDevice(nuki)).toEqual({
      deviceId: nuki,
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
  });

  it('R2.3, R11.1 reads the capability flags; native scheduling only for providers that preload codes', async () => {
    const yale = seam.addDevice({
      deviceType: 'yale_lock',
      canProgramOnlineCodes: true,
      canProgramOfflineCodes: true,
    });
    const smartthings = seam.addDevice({ deviceType: 'smartthings_lock', canProgramOnlineCodes: true });
    const noCodesNow = seam.addDevice({ deviceType: 'yale_lock', canProgramOnlineCodes: false });
    const seamLocks = provider();
    expect(await seamLocks.getDevice(yale)).toMatchObject({
      online: true,
      nativeScheduling: true,
      canProgramCodes: true,
      canProgramOfflineCodes: true,
    });
    expect((await seamLocks.getDevice(smartthings)).nativeScheduling).toBe(false);
    expect(await seamLocks.getDevice(noCodesNow)).toMatchObject({
      nativeScheduling: false,
      canProgramCodes: false,
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
    for (let i = 0; i < 501; i++) seam.addDevice({ deviceType: 'schlage_lock', canProgramOnlineCodes: true });
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
