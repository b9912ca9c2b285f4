import { describe, expect, it } from 'vitest';
import {
  freeCodeSlots,
  hasTripleRun,
  isStraightRun,
  isTriviallyWeak,
  LOCK_MODEL_PROFILES,
  type LockConstraints,
  lockConstraints,
  pinViolations,
} from '#core/codes/constraints.ts';
import { LOCK_MODELS } from '#core/model.ts';

const nuki = lockConstraints({ lockId: 'front', model: 'nuki', codeLengths: [], maxCodes: 0 });
const open: LockConstraints = lockConstraints({
  lockId: 'open',
  model: 'generic',
  codeLengths: [],
  maxCodes: 0,
});
const only = (flags: Partial<LockConstraints>): LockConstraints => ({ ...open, ...flags });

describe('R3.2 lock constraints', () => {
  it('has a profile for every lock model', () => {
    for (const model of LOCK_MODELS) {
      const profile = LOCK_MODEL_PROFILES[model];
      expect(profile.codeLengths.length).toBeGreaterThan(0);
      expect(profile.maxCodes).toBeGreaterThan(0);
      expect(profile.nameMaxLength).toBeGreaterThan(0);
    }
  });

  it('lets the lock’s own code lengths and code limit win over its model’s profile', () => {
    const c = lockConstraints({ lockId: 'side', model: 'schlage', codeLengths: [8, 4, 4], maxCodes: 30 });
    expect(c).toMatchObject({ lockId: 'side', codeLengths: [4, 8], maxCodes: 30, nameMaxLength: 12 });
  });

  it('keeps the profile’s values when the lock reports none', () => {
    expect(nuki).toMatchObject({ codeLengths: [6], maxCodes: 100, noZeros: true, cannotStartWith12: true });
  });

  it('counts the free code slots on a lock', () => {
    expect(freeCodeSlots(nuki, 97)).toBe(3);
    expect(freeCodeSlots(nuki, 120)).toBe(0);
  });

  it('refuses a PIN with a 0 on a Nuki lock', () => {
    expect(pinViolations('357906', nuki)).toEqual(['zeros']);
  });

  it('refuses a PIN starting with 12 on a Nuki lock', () => {
    expect(pinViolations('125793', nuki)).toEqual(['starts_with_12']);
    expect(pinViolations('312579', nuki)).toEqual([]);
  });

  it('refuses a PIN of another length than 6 on a Nuki lock', () => {
    expect(pinViolations('3579', nuki)).toEqual(['length']);
  });

  it('refuses anything but digits', () => {
    expect(pinViolations('35 79', open)).toEqual(['not_digits']);
    expect(pinViolations('', open)).toEqual(['not_digits']);
    expect(pinViolations('３５７９', open)).toEqual(['not_digits']);
  });

  it('refuses three equal or consecutive digits in a row under no_triple_consecutive_ints', () => {
    const c = only({ noTripleConsecutiveInts: true });
    expect(pinViolations('391117', c)).toEqual(['triple_consecutive']);
    expect(pinViolations('394567', c)).toEqual(['triple_consecutive']);
    expect(pinViolations('398767', c)).toEqual(['triple_consecutive']);
    expect(pinViolations('391127', c)).toEqual([]);
    expect(pinViolations('3913', c)).toEqual([]);
  });

  it('refuses a straight run under no_ascending_or_descending_sequence, wrapping past 9', () => {
    const c = only({ noAscendingOrDescendingSequence: true });
    for (const pin of ['1234', '987654', '7890', '2109']) expect(pinViolations(pin, c)).toEqual(['sequence']);
    expect(pinViolations('1235', c)).toEqual([]);
  });

  it('refuses fewer than three different digits under at_least_three_unique_digits', () => {
    const c = only({ atLeastThreeUniqueDigits: true });
    expect(pinViolations('121212', c)).toEqual(['unique_digits']);
    expect(pinViolations('121213', c)).toEqual([]);
  });

  it('reports every rule a PIN breaks', () => {
    const strict = only({
      codeLengths: [6],
      noZeros: true,
      cannotStartWith12: true,
      noTripleConsecutiveInts: true,
      noAscendingOrDescendingSequence: true,
      atLeastThreeUniqueDigits: true,
    });
    expect(pinViolations('1234', strict)).toEqual([
      'length',
      'starts_with_12',
      'triple_consecutive',
      'sequence',
    ]);
    expect(pinViolations('100000', strict)).toEqual(['zeros', 'triple_consecutive', 'unique_digits']);
  });

  it('spots the helpers’ patterns directly', () => {
    expect(hasTripleRun('111')).toBe(true);
    expect(hasTripleRun('135')).toBe(false);
    expect(isStraightRun('8901')).toBe(true);
    expect(isStraightRun('5')).toBe(false);
  });
});

describe('R3.1 trivially weak PINs', () => {
  it('calls all-one-digit values and straight runs weak', () => {
    for (const pin of ['0000', '777777', '123456', '654321', '4567']) expect(isTriviallyWeak(pin)).toBe(true);
  });

  it('calls an ordinary PIN not weak', () => {
    expect(isTriviallyWeak('482913')).toBe(false);
  });
});
