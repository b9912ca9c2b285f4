import type { LockProfile } from '#core/codes/constraints.ts';
import type { LockFailureReason } from '#core/errors.ts';
import type { Instant, LockProviderName } from '#core/model.ts';
import type { OfflineCodeLimits } from '#core/offline/limits.ts';

export interface CodeRequest {
  deviceId: string;
  code: string;
  name: string;
  /** Present for locks that store time-bound codes natively (R2.3). */
  startsAt?: Instant | undefined;
  endsAt?: Instant | undefined;
}

/** An offline code for a window (R11): the provider chooses the PIN, the lock verifies it unconnected. */
export interface OfflineCodeRequest {
  deviceId: string;
  name: string;
  startsAt: Instant;
  endsAt: Instant;
}

/** What to change on an existing code; omitted fields stay as they are. */
export interface CodeChanges {
  code?: string | undefined;
  name?: string | undefined;
  /** A new window: give both or neither (providers replace the window as a whole). */
  startsAt?: Instant | undefined;
  endsAt?: Instant | undefined;
}

/**
 * Where a code stands as the provider sees it. Only `set` counts as set (R4.2): the code is on the
 * lock, preloaded for its window when the lock schedules natively.
 */
export type CodeStatus = 'pending' | 'set' | 'removing' | 'unknown';

export interface CodeOnDevice {
  accessCodeId: string;
  /** Empty when the provider does not reveal the PIN (or has not assigned one yet). */
  code: string;
  name: string;
  /** Created through this provider account by Lockstep. */
  managed: boolean;
  /** Reported by providers that track it; absent means the provider did not say. */
  status?: CodeStatus | undefined;
  startsAt?: Instant | undefined;
  endsAt?: Instant | undefined;
  /** The provider's last reason for not setting it, when it reports one. */
  failure?: LockFailureReason | undefined;
}

/**
 * What a device reported about the codes it accepts, in the core's constraint vocabulary
 * (`lockConstraints`). Only reported values are present; the lock model's profile fills the rest.
 */
export type ReportedConstraints = Partial<LockProfile>;

export interface DeviceStatus {
  deviceId: string;
  online: boolean;
  /** The lock itself stores time-bound codes ahead of their window, so they can go on early (R2.3). */
  nativeScheduling: boolean;
  /** The provider can put PIN codes on this device remotely at all. */
  canProgramCodes: boolean;
  /** The provider can compute offline codes for this device (R11.1): PINs the lock checks with no connection. */
  canProgramOfflineCodes: boolean;
  /** The device's own offline-code limits when the provider reports them; the model's profile otherwise. */
  offlineCodeLimits?: OfflineCodeLimits | undefined;
  constraints: ReportedConstraints;
  /** Constraint types the provider reported that the core has no vocabulary for (e.g. `unique_first_four_digits`). */
  otherConstraints: string[];
}

/**
 * A smart-lock integration (Seam, the sandbox). Requests are accepted asynchronously: a code counts
 * as set only when the provider confirms it by webhook or a status read shows it `set` (R4.2).
 */
export interface LockProvider {
  readonly name: LockProviderName;
  createCode(request: CodeRequest): Promise<{ accessCodeId: string }>;
  /** The PIN comes from the provider; a device without the capability refuses (R11.1). */
  createOfflineCode(request: OfflineCodeRequest): Promise<{ accessCodeId: string; code: string }>;
  /** Accepted like a creation: the change counts once the provider confirms it on the lock. */
  updateCode(deviceId: string, accessCodeId: string, changes: CodeChanges): Promise<void>;
  /** Idempotent: a code already gone is not an error. */
  deleteCode(deviceId: string, accessCodeId: string): Promise<void>;
  /** The provider's view of one code; undefined when it does not know the code on that device. */
  getCode(deviceId: string, accessCodeId: string): Promise<CodeOnDevice | undefined>;
  /** Every code on the device, Lockstep's and pre-existing ones alike (R3.3). */
  listCodes(deviceId: string): Promise<CodeOnDevice[]>;
  getDevice(deviceId: string): Promise<DeviceStatus>;
}
