import { LOCK_MODEL_PROFILES, type LockConstraints } from './constraints.ts';
import { isGsm0338, transliterateToGsm } from './gsm.ts';

// R3.4: a code is named after the guest, unless the name cannot work on every matched lock; then
// the reservation's confirmation code names it instead.

export interface NameRequest {
  guestName: string;
  confirmationCode: string;
  locks: LockConstraints[];
  /** Names already on any matched lock, excluding this reservation's own code. */
  namesOnLocks: readonly string[];
  /** The same guest has another booking whose window overlaps this one (R3.4). */
  guestHasOverlappingBooking: boolean;
  /** A previous attempt's name was rejected by the provider without a reason. */
  providerRejectedName: boolean;
}

export type NameFallbackReason =
  | 'name_taken'
  | 'too_long'
  | 'not_gsm'
  | 'overlapping_booking'
  | 'rejected'
  /** The guest's name is empty once trimmed. */
  | 'no_name';

export interface NameChoice {
  name: string;
  usedConfirmationCode: boolean;
  reason?: NameFallbackReason;
}

/** Trimmed, inner runs of white space made one space, composed (NFC) so lengths count letters. */
export function normalizeName(name: string): string {
  return name.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Names compare without case: some lock apps treat 'ANNA' and 'Anna' as the same name. */
const nameKey = (name: string) => normalizeName(name).toLocaleLowerCase('en');

/** Characters, not UTF-16 units, so 'Zoë' is 3 long. */
const charLength = (text: string) => [...text].length;

/** The tightest name length over the locks; the generic profile's when no lock is matched yet. */
export function nameMaxLength(locks: readonly LockConstraints[]): number {
  const limits = locks.map((l) => l.nameMaxLength).filter((n) => Number.isInteger(n) && n > 0);
  return limits.length > 0 ? Math.min(...limits) : LOCK_MODEL_PROFILES.generic.nameMaxLength;
}

export function chooseCodeName(request: NameRequest): NameChoice {
  const maxLength = nameMaxLength(request.locks);
  const taken = new Set(request.namesOnLocks.map(nameKey));
  const guestName = normalizeName(request.guestName);
  const reason = guestNameProblem(request, guestName, maxLength, taken);
  if (reason === undefined) return { name: guestName, usedConfirmationCode: false };
  const mustBeUnique = request.locks.some((l) => l.nameMustBeUnique);
  return {
    name: confirmationCodeName(request.confirmationCode, maxLength, mustBeUnique ? taken : new Set()),
    usedConfirmationCode: true,
    reason,
  };
}

/** The first reason, in this order, that the guest's name cannot be used; undefined when it can. */
function guestNameProblem(
  request: NameRequest,
  guestName: string,
  maxLength: number,
  taken: ReadonlySet<string>,
): NameFallbackReason | undefined {
  if (request.providerRejectedName) return 'rejected';
  if (request.guestHasOverlappingBooking) return 'overlapping_booking';
  if (guestName === '') return 'no_name';
  if (!isGsm0338(guestName)) return 'not_gsm';
  if (charLength(guestName) > maxLength) return 'too_long';
  // R3.4 falls back whenever the name is on a lock, whether or not that lock insists on uniqueness.
  if (taken.has(nameKey(guestName))) return 'name_taken';
  return undefined;
}

/**
 * The confirmation code as a name. Cut to the lock's limit when still too long (keeping its
 * start, which channels make distinctive); when a lock needs unique names and it is taken anyway
 * (a truncated code, or a second code for the same booking), a '-2', '-3'… suffix tells it apart.
 */
function confirmationCodeName(
  confirmationCode: string,
  maxLength: number,
  taken: ReadonlySet<string>,
): string {
  const base = transliterateToGsm(normalizeName(confirmationCode));
  const cut = (text: string, room: number) => [...text].slice(0, Math.max(0, room)).join('');
  const plain = cut(base, maxLength);
  if (!taken.has(nameKey(plain))) return plain;
  // At most |taken| suffixes can be taken, so one of the first |taken| + 1 is free.
  for (let n = 2; n <= taken.size + 2; n++) {
    const suffix = `-${n}`;
    if (suffix.length >= maxLength) break;
    const name = cut(base, maxLength - suffix.length) + suffix;
    if (!taken.has(nameKey(name))) return name;
  }
  return plain;
}
