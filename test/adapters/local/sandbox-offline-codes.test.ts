import { describe, expect, it } from 'vitest';
import { LockProviderError } from '#core/errors.ts';
import { DAY, deliveries, HOUR, START, sandbox, useSandboxClock } from './sandbox-fixture.ts';

// R11.1 in the sandbox, kept minimal until the offline-codes issue: a lock model that computes
// offline codes gives a PIN per window; any other lock refuses.

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
});
