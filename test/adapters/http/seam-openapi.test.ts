import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeamLockProvider } from '#adapters/http/seam-lock-provider.ts';
import { FakeSeam } from '../../support/fake-seam.ts';
import { recordFetch, type SentRequest } from '../../support/recording-fetch.ts';
import { SeamConnect } from '../../support/seam-connect.ts';
import { loadSeamOpenApi, requestProblems, type SeamOpenApi } from '../../support/seam-openapi.ts';

// Every request the Seam adapter can send, recorded at `fetch` and checked against the OpenAPI
// description Seam publishes in `@seamapi/types`: route, method, and each body field.

const START = Date.UTC(2027, 0, 10, 15);
const END = Date.UTC(2027, 0, 12, 10);

let spec: SeamOpenApi;
const sent: SentRequest[] = [];

/** Every port method against Seam's fake, plus the paged code list that only the project's fake pages. */
async function tourOfTheAdapter(): Promise<void> {
  const seam = await SeamConnect.start();
  const paging = await FakeSeam.start();
  const recording = recordFetch();
  try {
    const device = seam.addDevice({
      deviceType: 'schlage_lock',
      canProgramOnlineCodes: true,
      canProgramOfflineCodes: true,
    });
    const seamLocks = new SeamLockProvider({ apiKey: seam.apiKey, baseUrl: seam.url, sleep: async () => {} });
    const ongoing = await seamLocks.createCode({ deviceId: device, code: '482915', name: 'Ada' });
    const timed = await seamLocks.createCode({
      deviceId: device,
      code: '731946',
      name: 'Bo',
      startsAt: START,
      endsAt: END,
    });
    await seamLocks.createOfflineCode({ deviceId: device, name: 'Cy', startsAt: START, endsAt: END });
    await seamLocks.updateCode(device, timed.accessCodeId, {
      code: '735946',
      name: 'HMX42',
      startsAt: START,
      endsAt: END,
    });
    await seamLocks.getCode(device, timed.accessCodeId);
    await seamLocks.listCodes(device);
    await seamLocks.deleteCode(device, ongoing.accessCodeId);
    await seamLocks.getDevice(device);
    await seamLocks.listDevices();

    paging.addDevice({ device_id: 'dev_1' });
    paging.pageSize = 1;
    const paged = new SeamLockProvider({ apiKey: paging.apiKey, baseUrl: paging.url, sleep: async () => {} });
    for (const code of ['111222', '333444']) await paged.createCode({ deviceId: 'dev_1', code, name: code });
    await paged.listCodes('dev_1');
  } finally {
    recording.stop();
    sent.push(...recording.sent);
    await Promise.all([seam.stop(), paging.stop()]);
  }
}

beforeAll(async () => {
  spec = await loadSeamOpenApi();
  await tourOfTheAdapter();
});
afterAll(() => {
  sent.length = 0;
});

describe("Seam adapter requests against Seam's OpenAPI description", () => {
  it('sends only routes, methods and body fields that Seam describes, with their types and limits', () => {
    const problems = sent.flatMap((request) => requestProblems(spec, request));
    expect(problems).toEqual([]);
  });

  it('covered every route the adapter uses, a page cursor included', () => {
    const routes = new Set(sent.map((r) => `${r.method} ${r.path}`));
    expect([...routes].sort()).toEqual(
      [
        'post /access_codes/create',
        'post /access_codes/delete',
        'post /access_codes/get',
        'post /access_codes/list',
        'post /access_codes/unmanaged/list',
        'post /access_codes/update',
        'post /devices/get',
        'post /devices/list',
      ].sort(),
    );
    expect(sent.some((r) => r.body.page_cursor !== undefined)).toBe(true);
    expect(sent.some((r) => r.body.is_offline_access_code === true && r.body.code === undefined)).toBe(true);
  });

  it('finds a field Seam does not know, a value outside an enum, a PIN of letters and a wrong method', () => {
    const create = (body: Record<string, unknown>): SentRequest => ({
      method: 'post',
      path: '/access_codes/create',
      body: { device_id: 'dev_1', ...body },
    });
    expect(requestProblems(spec, create({ pin: '482915' }))).toEqual(['pin: not a field of this route']);
    expect(requestProblems(spec, create({ max_time_rounding: '2h' }))).toEqual([
      'max_time_rounding: "2h" not in enum',
    ]);
    expect(requestProblems(spec, create({ code: 'abcd' }))).toEqual(['code: breaks its pattern']);
    expect(requestProblems(spec, { method: 'post', path: '/access_codes/create', body: {} })).toEqual([
      'device_id: required but missing',
    ]);
    expect(requestProblems(spec, { method: 'get', path: '/access_codes/create', body: {} })).toEqual([
      'GET /access_codes/create: method not allowed',
    ]);
    expect(requestProblems(spec, { method: 'post', path: '/access_codes/set', body: {} })).toEqual([
      '/access_codes/set: no such route',
    ]);
  });
});
