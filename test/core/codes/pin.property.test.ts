import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isTriviallyWeak,
  type LockConstraints,
  lockConstraints,
  pinViolations,
} from '#core/codes/constraints.ts';
import { choosePin, commonPinLengths, type PinChoice, type PinRequest } from '#core/codes/pin.ts';
import { NoValidPinError } from '#core/errors.ts';
import { LOCK_MODELS } from '#core/model.ts';
import { seededRandom } from './seeded-random.ts';

const FLAGS = [
  'noZeros',
  'cannotStartWith12',
  'noTripleConsecutiveInts',
  'noAscendingOrDescendingSequence',
  'atLeastThreeUniqueDigits',
] as const;

/** A lock of any model, its lengths and each PIN rule possibly overridden. */
const lockArb = (lengths: number[], alwaysOverride: boolean) =>
  fc
    .record({
      model: fc.constantFrom(...LOCK_MODELS),
      codeLengths: alwaysOverride
        ? fc.subarray(lengths, { minLength: 1 })
        : fc.option(fc.subarray(lengths, { minLength: 1 }), { nil: undefined }),
      flags: fc.tuple(...FLAGS.map(() => fc.option(fc.boolean(), { nil: undefined }))),
    })
    .map(({ model, codeLengths, flags }) => ({ model, codeLengths, flags }));

const locksArb = (lengths: number[], minLength: number, alwaysOverride = false) =>
  fc.array(lockArb(lengths, alwaysOverride), { minLength, maxLength: 4 }).map((specs) =>
    specs.map(({ model, codeLengths, flags }, i): LockConstraints => {
      const c = lockConstraints({ lockId: `lock-${i}`, model, codeLengths: codeLengths ?? [], maxCodes: 0 });
      FLAGS.forEach((flag, j) => {
        const value = flags[j];
        if (value !== undefined) c[flag] = value;
      });
      return c;
    }),
  );

const digitsArb = (min: number, max: number) =>
  fc
    .integer({ min, max })
    .chain((n) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n }));

/** The outcome, or the error when it is a NoValidPinError (anything else fails the property). */
function attempt(request: PinRequest): PinChoice | NoValidPinError {
  try {
    return choosePin(request);
  } catch (e) {
    if (e instanceof NoValidPinError) return e;
    throw e;
  }
}

const acceptedByAll = (pin: string, locks: readonly LockConstraints[]) =>
  locks.every((l) => pinViolations(pin, l).length === 0);

describe('R3.2 R3.3 PIN choice over arbitrary locks and existing codes', () => {
  it('picks a PIN every lock accepts that collides with nothing, or says no length is shared', () => {
    fc.assert(
      fc.property(
        locksArb([4, 5, 6, 7, 8], 1),
        fc.array(digitsArb(4, 8), { maxLength: 200 }),
        fc.integer(),
        fc.boolean(),
        (locks, codes, seed, adversarial) => {
          const base = { locks, source: 'random' as const };
          let takenCodes = codes;
          if (adversarial) {
            // Take the very PIN this seed would pick, so the chooser must look further.
            const first = attempt({ ...base, takenCodes, random: seededRandom(seed) });
            if (!(first instanceof NoValidPinError)) takenCodes = [...codes, first.pin];
          }
          const result = attempt({ ...base, takenCodes, random: seededRandom(seed) });
          if (result instanceof NoValidPinError) {
            expect(result.reason).toBe('no_common_length');
            const shared = [4, 5, 6, 7, 8].filter((n) => locks.every((l) => l.codeLengths.includes(n)));
            expect(shared).toEqual([]);
            expect(result.lockIds).toEqual(locks.map((l) => l.lockId));
            return;
          }
          expect(acceptedByAll(result.pin, locks)).toBe(true);
          expect(takenCodes).not.toContain(result.pin);
          expect(isTriviallyWeak(result.pin)).toBe(false);
          expect(result.pin).toHaveLength(commonPinLengths(locks)[0] ?? -1);
        },
      ),
    );
  });

  it('finds a PIN whenever one exists in a tiny space, and otherwise throws NoValidPinError', () => {
    const everyCode = [1, 2, 3].flatMap((n) =>
      Array.from({ length: 10 ** n }, (_, i) => String(i).padStart(n, '0')),
    );
    fc.assert(
      fc.property(
        locksArb([1, 2, 3], 1, true),
        fc.constantFrom(0, 0.5, 0.9, 0.99, 1),
        fc.integer(),
        (locks, density, seed) => {
          const coin = seededRandom(seed ^ 0x5bd1e995);
          const takenCodes = everyCode.filter(() => coin() < density);
          const taken = new Set(takenCodes);
          const possible = everyCode.filter(
            (p) => !taken.has(p) && !isTriviallyWeak(p) && acceptedByAll(p, locks),
          );
          const result = attempt({ locks, takenCodes, source: 'random', random: seededRandom(seed) });
          if (possible.length === 0) {
            expect(result).toBeInstanceOf(NoValidPinError);
          } else {
            expect(result).not.toBeInstanceOf(NoValidPinError);
            expect(possible).toContain((result as PinChoice).pin);
          }
        },
      ),
    );
  });

  it('gives the same choice for the same random sequence', () => {
    fc.assert(
      fc.property(
        locksArb([4, 5, 6, 7, 8], 0),
        fc.array(digitsArb(4, 8), { maxLength: 50 }),
        fc.integer(),
        (locks, takenCodes, seed) => {
          const run = () => attempt({ locks, takenCodes, source: 'random', random: seededRandom(seed) });
          expect(run()).toEqual(run());
        },
      ),
    );
  });
});

describe('R3.1 phone PINs over arbitrary phones', () => {
  const phoneArb = fc.option(fc.string({ unit: fc.constantFrom(...'0123456789 +-()'), maxLength: 20 }), {
    nil: undefined,
  });

  it('uses the phone’s last digits exactly when every lock allows them and no lock has them', () => {
    fc.assert(
      fc.property(
        locksArb([4, 5, 6, 7, 8], 1),
        phoneArb,
        fc.array(digitsArb(4, 8), { maxLength: 20 }),
        fc.integer(),
        (locks, phone, takenCodes, seed) => {
          const result = attempt({ locks, takenCodes, source: 'phone', phone, random: seededRandom(seed) });
          if (result instanceof NoValidPinError) return;
          const length = commonPinLengths(locks)[0] ?? 0;
          const digits = (phone ?? '').replace(/\D/g, '');
          const fromPhone = digits.slice(-length);
          const usable =
            digits.length >= length && acceptedByAll(fromPhone, locks) && !takenCodes.includes(fromPhone);
          if (usable) {
            expect(result).toEqual({ pin: fromPhone, source: 'phone' });
          } else {
            expect(result.source).toBe('random');
            expect(result.fallbackReason).toBe(
              digits === ''
                ? 'no_phone'
                : takenCodes.includes(fromPhone) && digits.length >= length && acceptedByAll(fromPhone, locks)
                  ? 'phone_taken'
                  : 'phone_not_allowed',
            );
            expect(acceptedByAll(result.pin, locks)).toBe(true);
            expect(takenCodes).not.toContain(result.pin);
          }
        },
      ),
    );
  });
});
