import type { Lock, LockModel } from '../model.ts';
import { IGLOOHOME_OFFLINE_LIMITS, type OfflineCodeLimits } from '../offline/limits.ts';

// R3.2: what a lock accepts as a PIN and as a code name, in the vocabulary lock APIs use
// (Seam's `supported_code_lengths`, `max_active_codes_supported`, `code_constraints`).
// Each profile's sources are listed in docs/lock-models.md.

export interface LockConstraints {
  lockId: string;
  /** Allowed PIN lengths (`supported_code_lengths`). */
  codeLengths: number[];
  /** Codes the lock can hold in total, guest and backup codes alike (`max_active_codes_supported`). */
  maxCodes: number;
  /** `no_zeros`: the digit 0 may not appear. */
  noZeros: boolean;
  /** `cannot_start_with_12`: the PIN may not begin with the digits 1, 2. */
  cannotStartWith12: boolean;
  /**
   * `no_triple_consecutive_ints`: no three adjacent digits that are the same (`777`) or that step
   * by one up or down (`456`, `654`). Seam words it "no more than 3 digits in a row can be
   * consecutive or the same"; we take the stricter reading (a run of three is already refused),
   * since every PIN that passes it also passes the looser one.
   */
  noTripleConsecutiveInts: boolean;
  /**
   * `no_ascending_or_descending_sequence`: the whole PIN may not be one straight run stepping by
   * one, up or down, wrapping past 9/0 (`1234`, `8765`, `7890`, `2109`).
   */
  noAscendingOrDescendingSequence: boolean;
  /** `at_least_three_unique_digits`: three or more different digits. */
  atLeastThreeUniqueDigits: boolean;
  /** `name_length` → `max_length`, in characters. */
  nameMaxLength: number;
  /** `name_must_be_unique`: the provider refuses a second code with the same name. */
  nameMustBeUnique: boolean;
  /** `supports_backup_access_code_pool`: the model can keep a backup pool (R6.1). */
  supportsBackupPool: boolean;
  /** The model computes offline codes, with these limits (R11.1); absent when it cannot. */
  offlineCodes?: OfflineCodeLimits | undefined;
}

export type LockProfile = Omit<LockConstraints, 'lockId'>;

/** The limit most locks share (seed: "100 codes (active or inactive) on most locks"). */
export const DEFAULT_MAX_CODES = 100;

/** What most models share: no PIN rules beyond length, 20-character unique names, a backup pool. */
const TYPICAL = {
  maxCodes: DEFAULT_MAX_CODES,
  noZeros: false,
  cannotStartWith12: false,
  noTripleConsecutiveInts: false,
  noAscendingOrDescendingSequence: false,
  atLeastThreeUniqueDigits: false,
  nameMaxLength: 20,
  nameMustBeUnique: true,
  supportsBackupPool: true,
} as const satisfies Omit<LockProfile, 'codeLengths'>;

export const LOCK_MODEL_PROFILES: Record<LockModel, LockProfile> = {
  nuki: { ...TYPICAL, codeLengths: [6], noZeros: true, cannotStartWith12: true },
  august: { ...TYPICAL, codeLengths: [4, 5, 6] },
  yale: { ...TYPICAL, codeLengths: [4, 5, 6, 7, 8] },
  schlage: { ...TYPICAL, codeLengths: [4, 5, 6, 7, 8], nameMaxLength: 12 },
  igloohome: {
    ...TYPICAL,
    codeLengths: [4, 5, 6],
    supportsBackupPool: false,
    offlineCodes: IGLOOHOME_OFFLINE_LIMITS,
  },
  generic: { ...TYPICAL, codeLengths: [4, 5, 6, 7, 8] },
};

/**
 * The profile of the lock's model, with the lock's own codeLengths and maxCodes winning.
 * An empty or missing length list, or a maxCodes that is not a positive whole number, means the
 * provider did not say, so the profile's value stands.
 */
export function lockConstraints(
  lock: Pick<Lock, 'lockId' | 'model' | 'codeLengths' | 'maxCodes'>,
): LockConstraints {
  const profile = LOCK_MODEL_PROFILES[lock.model] ?? LOCK_MODEL_PROFILES.generic;
  const ownLengths = (lock.codeLengths ?? []).filter((n) => Number.isInteger(n) && n > 0);
  return {
    ...profile,
    lockId: lock.lockId,
    codeLengths:
      ownLengths.length > 0 ? [...new Set(ownLengths)].sort((a, b) => a - b) : [...profile.codeLengths],
    maxCodes: Number.isInteger(lock.maxCodes) && lock.maxCodes > 0 ? lock.maxCodes : profile.maxCodes,
  };
}

/** Slots still free on a lock that holds `codesOnLock` codes now (never negative). */
export function freeCodeSlots(c: Pick<LockConstraints, 'maxCodes'>, codesOnLock: number): number {
  return Math.max(0, c.maxCodes - codesOnLock);
}

export type PinViolation =
  | 'length'
  | 'zeros'
  | 'starts_with_12'
  | 'triple_consecutive'
  | 'sequence'
  | 'unique_digits'
  | 'not_digits';

const digitsOf = (pin: string): number[] => [...pin].map((ch) => ch.charCodeAt(0) - 48);

/** Three adjacent digits that repeat or step by one (see `noTripleConsecutiveInts`). */
export function hasTripleRun(pin: string): boolean {
  const d = digitsOf(pin);
  for (let i = 2; i < d.length; i++) {
    const a = d[i - 2] ?? 0;
    const b = d[i - 1] ?? 0;
    const c = d[i] ?? 0;
    const step = b - a;
    if (c - b === step && (step === 0 || step === 1 || step === -1)) return true;
  }
  return false;
}

/** Every digit one more (or one less) than the previous, wrapping 9→0 (see `noAscendingOrDescendingSequence`). */
export function isStraightRun(pin: string): boolean {
  const d = digitsOf(pin);
  if (d.length < 2) return false;
  const steps = d.slice(1).map((x, i) => (x - (d[i] ?? 0) + 10) % 10);
  return steps.every((s) => s === 1) || steps.every((s) => s === 9);
}

/** All digits the same (`0000`, `777777`). */
export function isAllOneDigit(pin: string): boolean {
  return pin.length > 0 && [...pin].every((ch) => ch === pin[0]);
}

/** R3.1: values too easy to guess for any random PIN, whatever the lock allows. */
export function isTriviallyWeak(pin: string): boolean {
  return isAllOneDigit(pin) || isStraightRun(pin);
}

/** Why a lock would refuse this PIN; empty when it accepts it. Never echoes the PIN (R9.4). */
export function pinViolations(pin: string, c: LockConstraints): PinViolation[] {
  if (!/^[0-9]+$/.test(pin)) return ['not_digits'];
  const found: PinViolation[] = [];
  if (!c.codeLengths.includes(pin.length)) found.push('length');
  if (c.noZeros && pin.includes('0')) found.push('zeros');
  if (c.cannotStartWith12 && pin.startsWith('12')) found.push('starts_with_12');
  if (c.noTripleConsecutiveInts && hasTripleRun(pin)) found.push('triple_consecutive');
  if (c.noAscendingOrDescendingSequence && isStraightRun(pin)) found.push('sequence');
  if (c.atLeastThreeUniqueDigits && new Set(pin).size < 3) found.push('unique_digits');
  return found;
}
