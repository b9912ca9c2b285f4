import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SeamLockProvider } from '#adapters/http/seam-lock-provider.ts';
import { LockProviderError } from '#core/errors.ts';
import { FakeSeam } from '../../support/fake-seam.ts';

// What Seam's own fake cannot produce (seam-connect-*.test.ts cover the rest): a delete of a code
// Seam no longer knows (its fake answers 500), a list paged and mixing managed and unmanaged codes,
// an offline code answered before its PIN is assigned.

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
describe('Seam adapter: access codes, cases only the project fake produces', () => {
  it('R7.3 treats a code Seam no longer knows as deleted, so a retried deletion succeeds', async () => {
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
