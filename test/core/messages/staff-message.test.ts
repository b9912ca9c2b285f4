import { describe, expect, it } from 'vitest';
import { isGsm0338 } from '#core/codes/gsm.ts';
import { type CodeMessageInput, codeMessage } from '#core/messages/code-message.ts';
import { smsSegments } from '#core/messages/sms.ts';

// R12: a staff member's code message: the property, the doors, the PIN and the window, worded for a
// visit to work rather than a stay; an `always` code names no end.

const input = (overrides: Partial<CodeMessageInput> = {}): CodeMessageInput => ({
  guestName: 'Sparkle Cleaning',
  propertyName: 'Lakeside Cottage',
  pin: '632112',
  activeFrom: Date.parse('2026-12-04T16:30:00Z'),
  activeUntil: Date.parse('2026-12-06T20:00:00Z'),
  timeZone: 'America/New_York',
  doors: ['Front door', 'Boat shed'],
  isBackup: false,
  forStaff: true,
  ...overrides,
});

describe('R12 the staff code message', () => {
  it('names the PIN, the doors and the window in the property’s local time, and no stay', () => {
    const m = codeMessage(input());
    expect(m.subject).toBe('Your staff code for Lakeside Cottage');
    expect(m.text).toContain('Your code for Front door and Boat shed at Lakeside Cottage is 632112.');
    expect(m.text).toMatch(
      /from Fri, Dec 4, 11:30\sAM until Sun, Dec 6, 3:00\sPM, local time at the property/,
    );
    expect(m.text).not.toMatch(/stay|welcom/i);
    expect(m.html).toContain('<strong>632112</strong>');
  });

  it('names no end for an `always` code', () => {
    const m = codeMessage(input({ openEnded: true, activeUntil: Date.parse('2036-12-04T16:30:00Z') }));
    expect(m.text).toContain('until the host removes it');
    expect(m.text).not.toContain('2036');
    expect(m.sms).not.toContain('2036');
  });

  it.each(['en-US', 'es-ES', 'fr-FR', 'de-DE'])(
    'in %s, keeps the SMS within GSM 03.38 and two segments, the PIN in it (R5.4)',
    (locale) => {
      for (const openEnded of [false, true]) {
        const m = codeMessage(input({ guestLocale: locale, openEnded, propertyName: 'A'.repeat(120) }));
        expect(isGsm0338(m.sms)).toBe(true);
        expect(smsSegments(m.sms)).toBeLessThanOrEqual(2);
        expect(m.sms).toContain('632112');
        expect(m.text).toContain('632112');
      }
    },
  );
});
