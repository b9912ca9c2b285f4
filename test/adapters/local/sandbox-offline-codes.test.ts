import { describe, expect, it } from 'vitest';
import { LockProviderError } from '#core/errors.ts';
import { clock, DAY, deliveries, HOUR, START, sandbox, useSandboxClock } from './sandbox-fixture.ts';

// R11.1 in the sandbox: a lock model that computes offline codes gives a PIN per window within the
// brand's limits, and the lock opens for it unconnected only inside its window and its first-use
// limit; any other lock refuses.

useSandboxClock();

const window = { name: 'Ada', startsAt: START + DAY, endsAt: START + 3 * DAY };

describe('R11.1 sandbox offline codes', () => {
  it('refuses an offline code on a lock without the capability, saying so', async () => {
    const provider = sandbox();
    const error = await provider.createOfflineCode({ deviceId: 'd1', ...window }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LockProviderError);
    expect((error as LockProviderError).message).toBe('offline codes are not supported by this lock (d1)');
    expect((await provider.getDevice('d1')).canProgramOfflineCodes).toBe(false);
  });

  it('gives the same PIN for the same window, another for another, of the lock longest length', async () => {
    const provider = sandbox();
    provider.addDevice({
      deviceId: 'algo',
      model: 'igloohome',
      codeLengths: [4, 9],
      maxCodes: 100,
      offlineCodes: true,
    });
    const first = await provider.createOfflineCode({ deviceId: 'algo', ...window });
    const again = await provider.createOfflineCode({ deviceId: 'algo', ...window });
    const later = await provider.createOfflineCode({
      deviceId: 'algo',
      ...window,
      endsAt: window.endsAt + HOUR,
    });
    expect(first.code).toMatch(/^\d{9}$/);
    expect(again.code).toBe(first.code);
    expect(later.code).not.toBe(first.code);
    expect(again.accessCodeId).not.toBe(first.accessCodeId);
    expect((await provider.getDevice('algo')).canProgramOfflineCodes).toBe(true);
    // An offline code is computed, not sent to the lock: no slot taken, nothing confirmed.
    expect(provider.codesOnDevice('algo')).toEqual([]);
    expect(deliveries).toEqual([]);
  });

  it('refuses a window that ends before it starts', async () => {
    const provider = sandbox();
    provider.addDevice({
      deviceId: 'algo',
      model: 'igloohome',
      codeLengths: [9],
      maxCodes: 100,
      offlineCodes: true,
    });
    const backwards = { ...window, startsAt: window.endsAt, endsAt: window.startsAt };
    await expect(provider.createOfflineCode({ deviceId: 'algo', ...backwards })).rejects.toThrow(
      'endsAt must be after startsAt',
    );
  });

  const limits = { granularityMinutes: 60, maxHours: 72, firstUseWithinHours: 24, perIdenticalWindow: 2 };
  const algoLock = () => {
    const provider = sandbox();
    provider.addDevice({
      deviceId: 'algo',
      model: 'igloohome',
      codeLengths: [6],
      maxCodes: 100,
      offlineCodes: limits,
    });
    return provider;
  };

  it('rounds the window outward to the granularity and reports the limits', async () => {
    const provider = algoLock();
    const ragged = await provider.createOfflineCode({
      deviceId: 'algo',
      name: 'Ada',
      startsAt: START + DAY + 30 * 60_000,
      endsAt: START + 2 * DAY + 15 * 60_000,
    });
    const whole = await provider.createOfflineCode({
      deviceId: 'algo',
      name: 'Ada',
      startsAt: START + DAY,
      endsAt: START + 2 * DAY + HOUR,
    });
    expect(ragged.code).toBe(whole.code);
    expect((await provider.getDevice('algo')).offlineCodeLimits).toEqual(limits);
  });

  it('refuses a window longer than the brand allows, and a third code for one identical window', async () => {
    const provider = algoLock();
    const long = { deviceId: 'algo', name: 'Ada', startsAt: START, endsAt: START + 73 * HOUR };
    await expect(provider.createOfflineCode(long)).rejects.toThrow('offline codes last at most 72 hours');
    const stay = { deviceId: 'algo', ...window };
    await provider.createOfflineCode(stay);
    await provider.createOfflineCode(stay);
    await expect(provider.createOfflineCode(stay)).rejects.toThrow('no more offline codes for this window');
  });

  it('opens only inside the window, and only if first used within the limit of its start', async () => {
    const provider = algoLock();
    const { code } = await provider.createOfflineCode({ deviceId: 'algo', ...window });
    const late = await provider.createOfflineCode({
      deviceId: 'algo',
      name: 'Bo',
      startsAt: START + DAY,
      endsAt: START + 3 * DAY + HOUR,
    });
    expect(provider.tryOfflinePin('algo', code)).toBe(false); // before the window
    clock.setSystemTime(START + DAY + 2 * HOUR);
    expect(provider.tryOfflinePin('algo', code)).toBe(true);
    clock.setSystemTime(START + 2 * DAY + 2 * HOUR);
    expect(provider.tryOfflinePin('algo', late.code)).toBe(false); // first use too late
    expect(provider.tryOfflinePin('algo', code)).toBe(true); // used in time before, still good
    clock.setSystemTime(START + 3 * DAY);
    expect(provider.tryOfflinePin('algo', code)).toBe(false); // the window ended
  });
});
