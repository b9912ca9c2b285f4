import type { Instant, LockProviderName } from '#core/model.ts';

export interface CodeRequest {
  deviceId: string;
  code: string;
  name: string;
  /** Present for locks that store time-bound codes natively (R2.3). */
  startsAt?: Instant | undefined;
  endsAt?: Instant | undefined;
}

export interface CodeOnDevice {
  accessCodeId: string;
  code: string;
  name: string;
  /** Created through this provider account by Lockstep. */
  managed: boolean;
}

export interface DeviceStatus {
  deviceId: string;
  online: boolean;
}

export const LOCK_FAILURE_REASONS = [
  'duplicate_code',
  'name_rejected',
  'no_space',
  'device_offline',
  'failed_to_set',
  'transient',
] as const;
export type LockFailureReason = (typeof LOCK_FAILURE_REASONS)[number];

/** A lock provider refused a request; `reason` is the domain's name for why. */
export class LockProviderError extends Error {
  readonly reason: LockFailureReason;
  constructor(reason: LockFailureReason, message: string) {
    super(message);
    this.name = 'LockProviderError';
    this.reason = reason;
  }
}

/**
 * A smart-lock integration (Seam, the sandbox). Requests are accepted asynchronously: a code counts
 * as set only when the provider confirms it by webhook (R4.2).
 */
export interface LockProvider {
  readonly name: LockProviderName;
  createCode(request: CodeRequest): Promise<{ accessCodeId: string }>;
  deleteCode(deviceId: string, accessCodeId: string): Promise<void>;
  listCodes(deviceId: string): Promise<CodeOnDevice[]>;
  getDevice(deviceId: string): Promise<DeviceStatus>;
}
