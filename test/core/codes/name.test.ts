import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LockConstraints, lockConstraints } from '#core/codes/constraints.ts';
import { isGsm0338 } from '#core/codes/gsm.ts';
import { chooseCodeName, type NameRequest, nameMaxLength } from '#core/codes/name.ts';
import type { LockModel } from '#core/model.ts';

const lock = (lockId: string, model: LockModel): LockConstraints =>
  lockConstraints({ lockId, model, codeLengths: [], maxCodes: 0 });

const request = (overrides: Partial<NameRequest>): NameRequest => ({
  guestName: 'Anna Smith',
  confirmationCode: 'HMXK4Z9QPA',
  locks: [lock('front', 'nuki')],
  namesOnLocks: [],
  guestHasOverlappingBooking: false,
  providerRejectedName: false,
  ...overrides,
});

describe('R3.4 code name', () => {
  it('names the code after the guest', () => {
    expect(chooseCodeName(request({}))).toEqual({ name: 'Anna Smith', usedConfirmationCode: false });
  });

  it('tidies the white space in the guest’s name', () => {
    expect(chooseCodeName(request({ guestName: '  Anna \t Smith ' })).name).toBe('Anna Smith');
  });

  it('uses the confirmation code when the name is already on a lock, whatever its case', () => {
    const choice = chooseCodeName(request({ namesOnLocks: ['ANNA SMITH'] }));
    expect(choice).toEqual({ name: 'HMXK4Z9QPA', usedConfirmationCode: true, reason: 'name_taken' });
  });

  it('uses the confirmation code when the name is too long for the strictest lock', () => {
    const locks = [lock('front', 'nuki'), lock('back', 'schlage')];
    const choice = chooseCodeName(request({ locks, guestName: 'Annabelle Smithson' }));
    expect(choice).toMatchObject({ name: 'HMXK4Z9QPA', reason: 'too_long' });
  });

  it('cuts the confirmation code too when it is itself too long', () => {
    const locks = [lock('back', 'schlage')];
    const choice = chooseCodeName(
      request({ locks, guestName: 'Annabelle Smithson', confirmationCode: 'ABCDEFGHIJKLMNOP' }),
    );
    expect(choice).toMatchObject({ name: 'ABCDEFGHIJKL', usedConfirmationCode: true, reason: 'too_long' });
  });

  it('uses the confirmation code when the name has characters outside GSM 03.38', () => {
    expect(chooseCodeName(request({ guestName: 'Łukasz Nowak' })).reason).toBe('not_gsm');
    expect(chooseCodeName(request({ guestName: '王小明' })).reason).toBe('not_gsm');
    expect(chooseCodeName(request({ guestName: 'Anna 🙂' })).reason).toBe('not_gsm');
  });

  it('keeps a name whose accents are in GSM 03.38', () => {
    expect(chooseCodeName(request({ guestName: 'Renée Müller' }))).toMatchObject({
      usedConfirmationCode: false,
    });
  });

  it('uses the confirmation code when the same guest has an overlapping booking', () => {
    expect(chooseCodeName(request({ guestHasOverlappingBooking: true }))).toEqual({
      name: 'HMXK4Z9QPA',
      usedConfirmationCode: true,
      reason: 'overlapping_booking',
    });
  });

  it('uses the confirmation code after the provider rejected the name without a reason', () => {
    expect(chooseCodeName(request({ providerRejectedName: true })).reason).toBe('rejected');
  });

  it('uses the confirmation code when the guest has no name', () => {
    expect(chooseCodeName(request({ guestName: '   ' }))).toMatchObject({
      usedConfirmationCode: true,
      reason: 'no_name',
    });
  });

  it('tells the confirmation code apart when a lock needs unique names and already has it', () => {
    const choice = chooseCodeName(request({ namesOnLocks: ['Anna Smith', 'HMXK4Z9QPA', 'HMXK4Z9QPA-2'] }));
    expect(choice.name).toBe('HMXK4Z9QPA-3');
  });

  it('keeps the suffix inside the length limit', () => {
    const locks = [lock('back', 'schlage')];
    const choice = chooseCodeName(
      request({
        locks,
        guestHasOverlappingBooking: true,
        confirmationCode: 'ABCDEFGHIJKLMNOP',
        namesOnLocks: ['ABCDEFGHIJKL'],
      }),
    );
    expect(choice.name).toBe('ABCDEFGHIJ-2');
  });

  it('takes the generic limit while no lock is matched yet', () => {
    expect(nameMaxLength([])).toBe(20);
  });

  it('always gives a GSM name no longer than every lock allows and not already taken', () => {
    const models: LockModel[] = ['nuki', 'august', 'yale', 'schlage', 'igloohome', 'generic'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...models), { minLength: 1, maxLength: 3 }),
        fc.string({ maxLength: 30 }),
        fc.stringMatching(/^[A-Z0-9]{6,16}$/),
        fc.array(fc.string({ maxLength: 14 }), { maxLength: 10 }),
        fc.boolean(),
        fc.boolean(),
        (
          lockModels,
          guestName,
          confirmationCode,
          namesOnLocks,
          guestHasOverlappingBooking,
          providerRejectedName,
        ) => {
          const locks = lockModels.map((m, i) => lock(`l${i}`, m));
          const choice = chooseCodeName({
            guestName,
            confirmationCode,
            locks,
            namesOnLocks,
            guestHasOverlappingBooking,
            providerRejectedName,
          });
          expect(isGsm0338(choice.name)).toBe(true);
          expect([...choice.name].length).toBeLessThanOrEqual(nameMaxLength(locks));
          const taken = namesOnLocks.map((n) => n.trim().replace(/\s+/g, ' ').toLowerCase());
          expect(taken).not.toContain(choice.name.toLowerCase());
          expect(choice.usedConfirmationCode).toBe(choice.reason !== undefined);
        },
      ),
    );
  });
});
