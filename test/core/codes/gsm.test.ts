import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gsmSeptets, isGsm0338, transliterateToGsm } from '#core/codes/gsm.ts';

describe('R3.4 R5.4 GSM 03.38 alphabet', () => {
  it('accepts the basic alphabet with its accented letters', () => {
    expect(isGsm0338('Renée Müller, Øster Ñoño @ 3£ ¿¡ ΔΩ')).toBe(true);
  });

  it('accepts the extension table', () => {
    expect(isGsm0338('[code] {x} ~ | \\ ^ €')).toBe(true);
  });

  it('refuses letters outside it', () => {
    for (const text of ['Łukasz', 'Zoë', 'François', 'Ana María', '王', '🙂', '“quoted”']) {
      expect(isGsm0338(text)).toBe(false);
    }
  });

  it('counts extension characters as two septets', () => {
    expect(gsmSeptets('Anna')).toBe(4);
    expect(gsmSeptets('€5')).toBe(3);
    expect(gsmSeptets('Łukasz')).toBeUndefined();
  });

  it('transliterates names to GSM-safe text', () => {
    expect(transliterateToGsm('Zoë Łukasz')).toBe('Zoe Lukasz');
    expect(transliterateToGsm('François Œuvre – “Ana María”')).toBe('Francois OEuvre - "Ana Maria"');
    expect(transliterateToGsm('Renée Müller')).toBe('Renée Müller');
  });

  it('replaces what has no stand-in with a question mark', () => {
    expect(transliterateToGsm('王 🙂')).toBe('? ?');
  });

  it('always yields GSM text, leaving GSM text as it was', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const out = transliterateToGsm(text);
        expect(isGsm0338(out)).toBe(true);
        if (isGsm0338(text)) expect(out).toBe(text);
      }),
    );
  });
});
