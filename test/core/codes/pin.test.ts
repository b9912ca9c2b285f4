import { describe, expect, it } from 'vitest';
import { type LockConstraints, lockConstraints, pinViolations } from '#core/codes/constraints.ts';
import { choosePin, commonPinLengths, type PinRequest, phonePin } from '#core/codes/pin.ts';
import { NoValidPinError } from '#core/errors.ts';
import type { LockModel } from '#core/model.ts';
import { replay, seededRandom } from './seeded-random.ts';

const lock = (lockId: string, model: LockModel, codeLengths: number[] = []): LockConstraints =>
  lockConstraints({ lockId, model, codeLengths, maxCodes: 0 });

const request = (overrides: Partial<PinRequest>): PinRequest => ({
  locks: [lock('front', 'generic')],
  takenCodes: [],
  source: 'random',
  random: seededRandom(1),
  ...overrides,
});

describe('R3.1 PIN source', () => {
  it('uses the last digits of the guest’s phone, whatever its formatting', () => {
    const choice = choosePin(request({ source: 'phone', phone: '+1 (415) 555-7391' }));
    expect(choice).toEqual({ pin: '557391', source: 'phone' });
  });

  it('falls back to a random PIN when no phone is known', () => {
    const choice = choosePin(request({ source: 'phone', phone: undefined }));
    expect(choice).toMatchObject({ source: 'random', fallbackReason: 'no_phone' });
  });

  it('falls back when the phone has no digits', () => {
    expect(choosePin(request({ source: 'phone', phone: ' - ' })).fallbackReason).toBe('no_phone');
  });

  it('falls back when the phone has fewer digits than the PIN needs', () => {
    expect(choosePin(request({ source: 'phone', phone: '5391' })).fallbackReason).toBe('phone_not_allowed');
  });

  it('falls back when a matched Nuki lock refuses the phone’s 0', () => {
    const choice = choosePin(
      request({ locks: [lock('a', 'nuki'), lock('b', 'yale')], source: 'phone', phone: '+49 30 901820' }),
    );
    expect(choice).toMatchObject({ source: 'random', fallbackReason: 'phone_not_allowed' });
    expect(choice.pin).not.toContain('0');
  });

  it('falls back when a matched Nuki lock refuses a phone ending in 12…', () => {
    const choice = choosePin(
      request({ locks: [lock('a', 'nuki')], source: 'phone', phone: '+44 7700 125679' }),
    );
    expect(choice.fallbackReason).toBe('phone_not_allowed');
  });

  it('falls back when the phone’s digits are already a code on a matched lock', () => {
    const choice = choosePin(request({ source: 'phone', phone: '+1 415 555 7391', takenCodes: ['557391'] }));
    expect(choice).toMatchObject({ source: 'random', fallbackReason: 'phone_taken' });
    expect(choice.pin).not.toBe('557391');
  });

  it('never gives a random PIN of one digit or a straight run', () => {
    // The first draws land on 000000, 123456 and 987654; the next one is ordinary.
    const random = replay(0, 0.1234565, 0.9876545, 0.4829135);
    expect(choosePin(request({ random }))).toEqual({ pin: '482913', source: 'random' });
  });

  it('reads the last digits only', () => {
    expect(phonePin('+33 6 12 34 56 78', 4)).toEqual({ pin: '5678' });
    expect(phonePin(undefined, 4)).toEqual({ reason: 'no_phone' });
  });
});

describe('R3.2 a PIN valid on every matched lock', () => {
  it('prefers 6 digits when every lock takes them', () => {
    expect(commonPinLengths([lock('a', 'yale'), lock('b', 'schlage')])).toEqual([6, 7, 5, 8, 4]);
  });

  it('takes the common length closest to 6, the longer on a tie', () => {
    expect(commonPinLengths([lock('a', 'generic', [4, 5])])[0]).toBe(5);
    expect(commonPinLengths([lock('a', 'generic', [7, 8])])[0]).toBe(7);
    expect(commonPinLengths([lock('a', 'generic', [4, 8])])[0]).toBe(8);
  });

  it('picks a PIN every lock accepts', () => {
    const locks = [lock('a', 'nuki'), lock('b', 'august'), lock('c', 'schlage', [6])];
    const { pin } = choosePin(request({ locks, random: seededRandom(7) }));
    for (const l of locks) expect(pinViolations(pin, l)).toEqual([]);
  });

  it('uses the generic lengths while no lock is matched yet', () => {
    expect(choosePin(request({ locks: [] })).pin).toHaveLength(6);
  });

  it('fails with the locks named when they share no length', () => {
    const act = () => choosePin(request({ locks: [lock('front', 'nuki'), lock('back', 'schlage', [4])] }));
    expect(act).toThrow(NoValidPinError);
    expect(act).toThrow(/front: 6; back: 4/);
    try {
      act();
    } catch (e) {
      expect(e).toMatchObject({
        code: 'no_valid_pin',
        reason: 'no_common_length',
        lockIds: ['front', 'back'],
      });
    }
  });

  it('gives the same PIN for the same random sequence', () => {
    const locks = [lock('a', 'nuki'), lock('b', 'igloohome')];
    const first = choosePin(request({ locks, random: seededRandom(42) }));
    const again = choosePin(request({ locks, random: seededRandom(42) }));
    expect(again).toEqual(first);
  });
});

describe('R3.3 no collision with codes on the locks', () => {
  it('never picks a code already on a matched lock', () => {
    // The first draw would give 482913, taken; the second 591738.
    const random = replay(0.4829135, 0.5917385);
    expect(choosePin(request({ random, takenCodes: ['482913'] })).pin).toBe('591738');
  });

  it('finds the one PIN left when random draws keep landing on taken ones', () => {
    const all = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
    const free = '47';
    const locks = [lock('tiny', 'generic', [2])];
    const choice = choosePin(
      request({ locks, takenCodes: all.filter((p) => p !== free), random: replay(0.1) }),
    );
    expect(choice.pin).toBe(free);
  });

  it('moves to another common length when the preferred one is full', () => {
    const threeDigit = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
    const locks = [lock('a', 'generic', [3, 10])];
    const { pin } = choosePin(request({ locks, takenCodes: threeDigit, random: seededRandom(3) }));
    expect(pin).toHaveLength(10);
  });

  it('steps quickly past a long run of refused PINs once random draws give up', () => {
    // Every 3-digit code is taken and every draw lands among the 10^10 PINs starting with 12.
    const threeDigit = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
    const locks = [{ ...lock('a', 'generic', [3, 12]), cannotStartWith12: true }];
    const started = performance.now();
    const { pin } = choosePin(request({ locks, takenCodes: threeDigit, random: replay(0.1234) }));
    expect(pin).toHaveLength(12);
    expect(pin.startsWith('12')).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('fails clearly, and at once, when every acceptable PIN is taken', () => {
    const digits = '123456789';
    const every: string[] = [];
    for (const a of digits)
      for (const b of digits) for (const c of digits) for (const d of digits) every.push(a + b + c + d);
    const locks = [{ ...lock('shed', 'generic', [4]), noZeros: true }];
    const started = performance.now();
    expect(() => choosePin(request({ locks, takenCodes: every }))).toThrow(/taken or too weak \(shed\)/);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
