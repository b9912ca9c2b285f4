import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIRMATION_DELAY_MS as DELAY } from '#adapters/local/sandbox-locks.ts';
import { clock, DAY, events, rejection, START, sandbox, set, useSandboxClock } from './sandbox-fixture.ts';

// The port's update and read operations on the sandbox (issue 4); creation and removal are in
// sandbox-locks.test.ts.

useSandboxClock();

describe('sandbox lock provider: updating codes', () => {
  it('confirms an update by webhook after the delay; the lock keeps the old PIN until then', async () => {
    const provider = sandbox();
    const { accessCodeId } = await set(provider, '2468');
    await clock.tickAsync(DELAY);
    await provider.updateCode('d1', accessCodeId, { code: '1357', name: 'Ada' });
    expect(provider.codesOnDevice('d1').map((c) => c.code)).toEqual(['2468']);
    expect(await provider.getCode('d1', accessCodeId)).toMatchObject({ code: '1357', status: 'pending' });

    await clock.tickAsync(DELAY);
    expect(events().at(-1)).toEqual([2 * DELAY, 'access_code.set_on_device', accessCodeId]);
    expect(provider.codesOnDevice('d1')).toEqual([
      { accessCodeId, code: '1357', name: 'Ada', managed: true },
    ]);
  });

  it('moves the window and keeps what was not changed', async () => {
    const provider = sandbox();
    const { accessCodeId } = await provider.createCode({
      deviceId: 'd1',
      code: '2468',
      name: 'Ada',
      startsAt: START + DAY,
      endsAt: START + 2 * DAY,
    });
    await provider.updateCode('d1', accessCodeId, { startsAt: START + 3 * DAY, endsAt: START + 4 * DAY });
    await clock.tickAsync(DELAY);
    expect(await provider.getCode('d1', accessCodeId)).toEqual({
      accessCodeId,
      code: '2468',
      name: 'Ada',
      managed: true,
      startsAt: START + 3 * DAY,
      endsAt: START + 4 * DAY,
      status: 'set',
    });
  });

  it('allows keeping the same PIN but refuses one another code holds (duplicate_code)', async () => {
    const provider = sandbox();
    const { accessCodeId } = await set(provider, '2468');
    await set(provider, '1357');
    await expect(provider.updateCode('d1', accessCodeId, { code: '2468', name: 'Ada' })).resolves.toBe(
      undefined,
    );
    expect(await rejection(provider.updateCode('d1', accessCodeId, { code: '1357' }))).toBe('duplicate_code');
  });

  it('does not need a free slot to update a code on a full lock', async () => {
    const provider = sandbox();
    const [first] = [await set(provider, '1111'), await set(provider, '2222'), await set(provider, '3333')];
    await expect(provider.updateCode('d1', first?.accessCodeId ?? '', { code: '4444' })).resolves.toBe(
      undefined,
    );
  });

  it('refuses a bad PIN, half a window, or an unknown code (failed_to_set)', async () => {
    const provider = sandbox();
    const { accessCodeId } = await set(provider, '2468');
    expect(await rejection(provider.updateCode('d1', accessCodeId, { code: '123' }))).toBe('failed_to_set');
    expect(await rejection(provider.updateCode('d1', accessCodeId, { startsAt: START }))).toBe(
      'failed_to_set',
    );
    expect(await rejection(provider.updateCode('d1', 'ac_unknown', { name: 'x' }))).toBe('failed_to_set');
  });

  it('leaves the old version on the lock when the device rejects the update', async () => {
    const provider = sandbox();
    provider.addDevice({
      deviceId: 'd2',
      model: 'yale',
      codeLengths: [6],
      maxCodes: 10,
      existingCodes: [{ code: '135790', name: 'Owner' }],
      rejectNext: 1,
    });
    const [owner] = await provider.listCodes('d2');
    const accessCodeId = owner?.accessCodeId ?? '';
    await provider.updateCode('d2', accessCodeId, { name: 'Owner 2' });
    await clock.tickAsync(DELAY);
    expect(events()).toEqual([[DELAY, 'access_code.failed_to_set_on_device', accessCodeId]]);
    expect(provider.codesOnDevice('d2')).toMatchObject([{ accessCodeId, name: 'Owner' }]);
    expect(await provider.getCode('d2', accessCodeId)).toMatchObject({ name: 'Owner', status: 'set' });
  });

  it('counts an update of a foreign code', async () => {
    const provider = sandbox();
    provider.addDevice({
      deviceId: 'd2',
      model: 'nuki',
      codeLengths: [6],
      maxCodes: 10,
      existingCodes: [{ code: '482915', name: 'Cleaner' }],
    });
    const [cleaner] = await provider.listCodes('d2');
    await provider.updateCode('d2', cleaner?.accessCodeId ?? '', { name: 'Cleaner 2' });
    expect(provider.foreignCodesTouched()).toBe(1);
  });
});

describe('sandbox lock provider: reading codes and devices', () => {
  it('reads a code as pending, then set, then removing, then unknown', async () => {
    const provider = sandbox();
    const { accessCodeId } = await set(provider, '2468');
    expect((await provider.getCode('d1', accessCodeId))?.status).toBe('pending');
    await clock.tickAsync(DELAY);
    expect(await provider.getCode('d1', accessCodeId)).toEqual({
      accessCodeId,
      code: '2468',
      name: 'guest 2468',
      managed: true,
      status: 'set',
    });
    await provider.deleteCode('d1', accessCodeId);
    expect((await provider.getCode('d1', accessCodeId))?.status).toBe('removing');
    await clock.tickAsync(DELAY);
    expect(await provider.getCode('d1', accessCodeId)).toBeUndefined();
  });

  it('reads a wiped code as unknown to the provider, like the listing', async () => {
    const provider = sandbox();
    const { accessCodeId } = await set(provider, '2468');
    await clock.tickAsync(DELAY);
    provider.wipe('d1');
    expect(await provider.getCode('d1', accessCodeId)).toBeUndefined();
  });

  it('lists set codes as set and pending ones as pending', async () => {
    const provider = sandbox();
    await set(provider, '1111');
    await clock.tickAsync(DELAY);
    await set(provider, '2222');
    expect((await provider.listCodes('d1')).map((c) => [c.code, c.status])).toEqual([
      ['1111', 'set'],
      ['2222', 'pending'],
    ]);
  });

  it('reports capabilities: scheduling, lengths and slots', async () => {
    const provider = sandbox();
    provider.addDevice({
      deviceId: 'd2',
      model: 'nuki',
      codeLengths: [6],
      maxCodes: 50,
      nativeScheduling: false,
    });
    expect(await provider.getDevice('d1')).toEqual({
      deviceId: 'd1',
      online: true,
      nativeScheduling: true,
      canProgramCodes: true,
      canProgramOfflineCodes: false,
      constraints: { codeLengths: [4, 6], maxCodes: 3 },
      otherConstraints: [],
    });
    expect(await provider.getDevice('d2')).toMatchObject({
      nativeScheduling: false,
      constraints: { codeLengths: [6], maxCodes: 50 },
    });
  });
});
