import type { LockAccount } from '#ports/host-account-store.ts';
import type { Deps } from '../deps.ts';
import { ConflictError, LockProviderError, NotFoundError } from '../errors.ts';
import type { LockProviderName } from '../model.ts';

// A host's lock provider accounts: the deployment's provider connections the host uses (the sandbox
// locally, the operator's Seam workspace on AWS), and the host's locks on each with live status.

/** Connects the account once; connecting it again answers the same account (`created: false`). */
export async function connectLockAccount(
  deps: Pick<Deps, 'hostAccounts' | 'lockProvider' | 'clock'>,
  hostId: string,
  provider: LockProviderName,
): Promise<{ account: LockAccount; created: boolean }> {
  const existing = (await deps.hostAccounts.listLockAccounts(hostId)).find((a) => a.provider === provider);
  if (existing) return { account: existing, created: false };
  try {
    deps.lockProvider(provider);
  } catch {
    throw new ConflictError(`lock provider ${provider} is not available in this deployment`);
  }
  const account = { hostId, provider, connectedAt: deps.clock.now() };
  await deps.hostAccounts.putLockAccount(account);
  return { account, created: true };
}

export interface AccountLock {
  lockId: string;
  name: string;
  deviceId: string;
  /** What the provider reports now; `reachable: false` when it could not say. */
  device:
    | {
        reachable: true;
        online: boolean;
        nativeScheduling: boolean;
        canProgramCodes: boolean;
        canProgramOfflineCodes: boolean;
        constraints: object;
        otherConstraints: string[];
      }
    | { reachable: false; reason: string };
}

/** The host's locks on a connected account, each with the provider's live status and capabilities. */
export async function accountLocks(
  deps: Pick<Deps, 'hostAccounts' | 'locks' | 'lockProvider'>,
  hostId: string,
  provider: LockProviderName,
): Promise<AccountLock[]> {
  const accounts = await deps.hostAccounts.listLockAccounts(hostId);
  if (!accounts.some((a) => a.provider === provider)) throw new NotFoundError('lock account', 'provider');
  const locks = (await deps.locks.listLocks(hostId)).filter((l) => l.provider === provider);
  return Promise.all(
    locks.map(async (lock): Promise<AccountLock> => {
      const base = { lockId: lock.lockId, name: lock.name, deviceId: lock.deviceId };
      try {
        const { deviceId: _, ...status } = await deps.lockProvider(provider).getDevice(lock.deviceId);
        return { ...base, device: { reachable: true, ...status } };
      } catch (error) {
        if (!(error instanceof LockProviderError)) throw error;
        return { ...base, device: { reachable: false, reason: error.reason } };
      }
    }),
  );
}
