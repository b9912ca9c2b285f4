import type { LockProviderName } from '#core/model.ts';

/** Where an access code created on a lock belongs, so provider webhooks can find it. */
export interface AccessCodeRef {
  provider: LockProviderName;
  accessCodeId: string;
  hostId: string;
  reservationId: string;
  lockId: string;
  /** Set when the code is a backup pool code of the lock (R6), not a reservation's code. */
  poolCodeId?: string | undefined;
}

/** Which reservation or pool owns each access code Lockstep created, for provider webhooks (R4.2). */
export interface AccessCodeIndex {
  putAccessCodeRef(ref: AccessCodeRef): Promise<void>;
  findAccessCode(provider: LockProviderName, accessCodeId: string): Promise<AccessCodeRef | undefined>;
}
