import type { Instant, LockProviderName } from '#core/model.ts';

/** A lock provider account the host connected; one per provider. */
export interface LockAccount {
  hostId: string;
  provider: LockProviderName;
  connectedAt: Instant;
}

/** Where the host's alert emails go (R8.2). */
export interface HostContact {
  hostId: string;
  alertEmail: string;
}

/** What a host account holds beside its properties: connected lock accounts and the alert address. */
export interface HostAccountStore {
  putLockAccount(account: LockAccount): Promise<void>;
  listLockAccounts(hostId: string): Promise<LockAccount[]>;
  getHostContact(hostId: string): Promise<HostContact | undefined>;
  putHostContact(contact: HostContact): Promise<void>;
}
