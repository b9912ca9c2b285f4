import { describe, expect, it } from 'vitest';
import { toE164 } from '#core/messages/phone.ts';

describe('R5.2 SMS numbers in E.164', () => {
  it.each([
    ['+1 (555) 123-4567', '+15551234567'],
    ['+49 151 1234 5678', '+4915112345678'],
    ['0033 6 12 34 56 78', '+33612345678'],
    ['+44.20.7946.0958', '+442079460958'],
  ])('normalizes %s to %s', (phone, e164) => {
    expect(toE164(phone)).toBe(e164);
  });

  it.each([
    ['a national number with no country code', '555 123 4567'],
    ['too few digits', '+12345'],
    ['too many digits', '+1234567890123456'],
    ['a zero country code', '+0123456789'],
    ['no number', ''],
  ])('refuses %s rather than guess', (_why, phone) => {
    expect(toE164(phone)).toBeUndefined();
  });
});
