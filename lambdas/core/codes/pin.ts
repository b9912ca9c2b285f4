import type { RandomSource } from '#ports/clock.ts';
import { NoValidPinError } from '../errors.ts';
import { isTriviallyWeak, LOCK_MODEL_PROFILES, type LockConstraints, pinViolations } from './constraints.ts';

// R3.1–R3.3: one PIN for every matched lock, valid on each, colliding with no code on any of them.

export interface PinRequest {
  /** Every lock matched to the property (R1.1). */
  locks: LockConstraints[];
  /** Every code on any matched lock, Lockstep's or foreign (R3.3). */
  takenCodes: readonly string[];
  source: 'random' | 'phone';
  /** The guest's phone as given, in any formatting. */
  phone?: string | undefined;
  random: RandomSource;
}

export type PinFallbackReason = 'no_phone' | 'phone_not_allowed' | 'phone_taken';

export interface PinChoice {
  pin: string;
  source: 'phone' | 'random';
  /** Set when the property asked for the phone but a random PIN was chosen instead (R3.1). */
  fallbackReason?: PinFallbackReason;
}

/** Most locks take 6 digits and Nuki takes only 6: the best default between security and typing. */
export const PREFERRED_PIN_LENGTH = 6;
/** Longer lengths are ignored: no keypad we model takes them, and they only make the walk longer. */
export const MAX_PIN_LENGTH = 12;
/** Random tries before switching to the exhaustive walk; ample unless the space is nearly full. */
export const RANDOM_DRAWS = 64;

/**
 * The lengths every lock accepts, best first: closest to 6, a tie going to the longer one
 * (4–8 everywhere → 6; only 4 and 5 → 5; only 7 and 8 → 7). With no lock matched yet, the generic
 * profile's lengths apply, so a PIN can still be shown at acceptance (R2.2).
 */
export function commonPinLengths(locks: readonly LockConstraints[]): number[] {
  const lists =
    locks.length > 0 ? locks.map((l) => l.codeLengths) : [LOCK_MODEL_PROFILES.generic.codeLengths];
  const [first = [], ...rest] = lists;
  const common = [...new Set(first)].filter(
    (n) => Number.isInteger(n) && n >= 1 && n <= MAX_PIN_LENGTH && rest.every((list) => list.includes(n)),
  );
  const distance = (n: number) => Math.abs(n - PREFERRED_PIN_LENGTH);
  return common.sort((a, b) => distance(a) - distance(b) || b - a);
}

export function choosePin(request: PinRequest): PinChoice {
  const { locks } = request;
  const lengths = commonPinLengths(locks);
  const lockIds = locks.map((l) => l.lockId);
  const [length] = lengths;
  if (length === undefined) {
    const detail = locks.map((l) => `${l.lockId}: ${l.codeLengths.join(', ') || 'none'}`).join('; ');
    throw new NoValidPinError(
      'no_common_length',
      lockIds,
      `no PIN length is supported by every matched lock (${detail})`,
    );
  }
  const taken = new Set(request.takenCodes);
  const fitsEveryLock = (pin: string) => locks.every((l) => pinViolations(pin, l).length === 0);

  let fallbackReason: PinFallbackReason | undefined;
  if (request.source === 'phone') {
    const phone = phonePin(request.phone, length);
    if (phone.pin === undefined) fallbackReason = phone.reason;
    else if (!fitsEveryLock(phone.pin)) fallbackReason = 'phone_not_allowed';
    else if (taken.has(phone.pin)) fallbackReason = 'phone_taken';
    else return { pin: phone.pin, source: 'phone' };
  }

  const acceptable = (pin: string) => !taken.has(pin) && !isTriviallyWeak(pin) && fitsEveryLock(pin);
  const pin = randomPin(lengths, locks, acceptable, request.random);
  if (pin === undefined) {
    throw new NoValidPinError(
      'all_taken',
      lockIds,
      `every PIN the matched locks accept is taken or too weak (${lockIds.join(', ') || 'no lock'})`,
    );
  }
  return fallbackReason ? { pin, source: 'random', fallbackReason } : { pin, source: 'random' };
}

/** The last `length` digits of the phone, ignoring formatting (`+44 (0)20 7946-0018`). */
export function phonePin(
  phone: string | undefined,
  length: number,
): { pin: string; reason?: undefined } | { pin?: undefined; reason: 'no_phone' | 'phone_not_allowed' } {
  const digits = (phone ?? '').replace(/[^0-9]/g, '');
  if (digits === '') return { reason: 'no_phone' };
  if (digits.length < length) return { reason: 'phone_not_allowed' };
  return { pin: digits.slice(-length) };
}

/**
 * For each common length, best first: a bounded number of random draws, then a walk over every
 * candidate of that length from a random start. It therefore ends with a PIN whenever one exists
 * and with `undefined` otherwise, and the same random sequence always gives the same PIN.
 */
function randomPin(
  lengths: readonly number[],
  locks: readonly LockConstraints[],
  acceptable: (pin: string) => boolean,
  random: RandomSource,
): string | undefined {
  // Leaving 0 out of the alphabet when any lock refuses it shrinks the walk by a tenth per digit.
  const alphabet = locks.some((l) => l.noZeros) ? '123456789' : '0123456789';
  for (const length of lengths) {
    const size = alphabet.length ** length;
    for (let draw = 0; draw < RANDOM_DRAWS; draw++) {
      const pin = candidate(alphabet, length, randomIndex(random, size));
      if (acceptable(pin)) return pin;
    }
    const stride = scatteringStride(size);
    let index = randomIndex(random, size);
    for (let step = 0; step < size; step++) {
      const pin = candidate(alphabet, length, index);
      if (acceptable(pin)) return pin;
      index = (index + stride) % size;
    }
  }
  return undefined;
}

/**
 * A step coprime with the size, so the walk visits every index exactly once, and near the golden
 * section of it, so neighbours in the walk are far apart in the space. A plain +1 walk would crawl
 * through long refused blocks (every 12-digit PIN starting with 12 is 10^10 indices in a row).
 */
function scatteringStride(size: number): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  let stride = Math.max(1, Math.floor(size * 0.6180339887));
  while (gcd(size, stride) !== 1) stride++;
  return stride;
}

function randomIndex(random: RandomSource, size: number): number {
  const u = random();
  const unit = Number.isFinite(u) ? Math.min(Math.max(u, 0), 1) : 0;
  return Math.min(size - 1, Math.floor(unit * size));
}

/** The index written in base |alphabet| with `length` places. */
function candidate(alphabet: string, length: number, index: number): string {
  const base = alphabet.length;
  let rest = index;
  let pin = '';
  for (let place = 0; place < length; place++) {
    pin = (alphabet[rest % base] ?? '') + pin;
    rest = Math.floor(rest / base);
  }
  return pin;
}
