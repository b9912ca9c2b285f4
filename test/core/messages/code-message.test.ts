import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gsmSeptets, isGsm0338 } from '#core/codes/gsm.ts';
import { type CodeMessageInput, codeMessage } from '#core/messages/code-message.ts';
import { messageLanguage } from '#core/messages/language.ts';
import { smsSegments } from '#core/messages/sms.ts';

// 16:00 in Denver on 4 Dec 2026 is 23:00Z; 11:00 on 6 Dec is 18:00Z.
const input = (overrides: Partial<CodeMessageInput> = {}): CodeMessageInput => ({
  guestName: 'Ana Pérez',
  propertyName: 'Canyon House',
  pin: '482913',
  activeFrom: Date.parse('2026-12-04T23:00:00Z'),
  activeUntil: Date.parse('2026-12-06T18:00:00Z'),
  timeZone: 'America/Denver',
  doors: ['Front door', 'Garage'],
  isBackup: false,
  ...overrides,
});

describe('R5.4 the code message wording', () => {
  it('states the PIN, the doors and the window in the property local time, warmly', () => {
    const m = codeMessage(input());
    expect(m.language).toBe('en');
    expect(m.subject).toBe('Your door code for Canyon House');
    expect(m.text).toContain('Hi Ana,');
    expect(m.text).toContain('Your personal code for Front door and Garage is 482913.');
    // Denver wall clock, not UTC.
    expect(m.text).toMatch(
      /from Fri, Dec 4, 4:00\sPM until Sun, Dec 6, 11:00\sAM, local time at the property/,
    );
    expect(m.text).toContain('enjoy your stay');
  });

  it('has an HTML part with the same words, the PIN in bold and names escaped', () => {
    const m = codeMessage(input({ propertyName: 'Tom & Jerry <Loft>' }));
    expect(m.html).toContain('<strong>482913</strong>');
    expect(m.html).toContain('Tom &#38; Jerry &#60;Loft&#62;');
    expect(m.html).not.toContain('<Loft>');
    expect(m.html.match(/<p>/g)).toHaveLength(4);
  });

  it('says plainly that a backup code is the one to use', () => {
    const m = codeMessage(input({ isBackup: true }));
    expect(m.subject).toBe('Please use this door code for Canyon House');
    expect(m.text).toContain('Please use this code for Front door and Garage: 482913.');
    expect(m.text).toContain('replaces any code you were given before');
    expect(m.sms).toContain('please use code 482913');
  });

  it.each([
    [
      'es-ES',
      'es',
      'Hola, Ana:',
      'Tu código personal para Front door y Garage es 482913.',
      'vie, 4 dic, 16:00',
    ],
    ['es-MX', 'es', 'Hola, Ana:', 'es 482913', 'vie 4 de dic, 4:00 p.m.'],
    [
      'fr-FR',
      'fr',
      'Bonjour Ana,',
      'Votre code personnel pour Front door et Garage est le 482913.',
      'ven. 4 déc., 16:00',
    ],
    [
      'de-DE',
      'de',
      'Hallo Ana,',
      'Ihr persönlicher Code für Front door und Garage lautet 482913.',
      'Fr., 4. Dez., 16:00',
    ],
    ['en-GB', 'en', 'Hi Ana,', 'is 482913', 'Fri 4 Dec, 16:00'],
  ])('writes to a %s guest in their language and date format', (locale, language, greeting, code, from) => {
    const m = codeMessage(input({ guestLocale: locale }));
    expect(m.language).toBe(language);
    expect(m.text).toContain(greeting);
    expect(m.text).toContain(code);
    // ICU spaces some times with no-break spaces: compare them as spaces.
    const spaced = (t: string) => t.replace(/[\u00a0\u202f]/g, ' ');
    expect(spaced(m.text)).toContain(spaced(from));
  });

  it('falls back to English for a locale it does not write, or none', () => {
    expect(messageLanguage('ja-JP')).toEqual({ language: 'en', locale: 'en-US' });
    expect(messageLanguage(undefined)).toEqual({ language: 'en', locale: 'en-US' });
    expect(messageLanguage('de_AT')).toEqual({ language: 'de', locale: 'de-AT' });
    expect(codeMessage(input({ guestLocale: 'ja-JP' })).text).toContain('Hi Ana,');
  });

  it('names "the door" in the language when the property has no lock names', () => {
    expect(codeMessage(input({ doors: [] })).text).toContain('Your personal code for the door is');
    expect(codeMessage(input({ doors: [], guestLocale: 'de' })).text).toContain('Code für die Tür lautet');
  });
});

describe('R5.4 the SMS form', () => {
  it('is GSM 03.38 text in one segment for an ordinary stay, with the PIN, doors and window', () => {
    const sms = codeMessage(input({ guestName: 'Zoë Łukasz', guestLocale: 'fr-FR' })).sms;
    expect(isGsm0338(sms)).toBe(true);
    expect(smsSegments(sms)).toBeLessThanOrEqual(2);
    expect(sms).toContain('Bonjour Zoe,');
    expect(sms).toContain('482913');
    expect(sms).toContain('Front door et Garage');
    expect(sms).toContain('du ven. 4 déc., 16:00 au dim. 6 déc., 11:00');
  });

  it('clips long names so the message still fits two segments', () => {
    const long = codeMessage(
      input({
        propertyName: 'The Old Lighthouse Keeper’s Cottage at Windy Point',
        doors: ['Main entrance gate', 'Side door by the garden', 'Garage (code pad on the left)'],
        guestName: 'Maximiliana Alexandrovna-Fitzgerald',
        guestLocale: 'de-DE',
      }),
    ).sms;
    expect(smsSegments(long)).toBe(2);
    expect(long).toMatch(/^The Old Lighthouse Keeper's Cottage a\.\.\.: Hallo Maximiliana, /);
    expect(long).toContain('lautet 482913. Gültig Fr., 4. Dez., 16:00 - So., 6. Dez., 11:00 (Ortszeit).');
  });

  it('drops the greeting, then the property, before it would take a third segment', () => {
    // Extension characters take two septets each.
    const sms = codeMessage(input({ propertyName: '['.repeat(60), doors: ['{'.repeat(90)] })).sms;
    expect(smsSegments(sms)).toBe(2);
    expect(sms).toMatch(
      /^Code 482913 for \{+\.{4} Valid Fri, Dec 4, 4:00 PM - Sun, Dec 6, 11:00 AM \(local time\)\.$/,
    );
  });

  it('stays GSM and within two segments (306 septets) whatever the names, language and code', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 200 });
    fc.assert(
      fc.property(
        text,
        text,
        fc.array(text, { maxLength: 12 }),
        fc.constantFrom('en-US', 'es-ES', 'fr-FR', 'de-DE', 'es-MX', 'fr-CA'),
        fc.stringMatching(/^\d{4,12}$/),
        fc.boolean(),
        (guestName, propertyName, doors, guestLocale, pin, isBackup) => {
          const sms = codeMessage(input({ guestName, propertyName, doors, guestLocale, pin, isBackup })).sms;
          expect(isGsm0338(sms)).toBe(true);
          expect(gsmSeptets(sms)).toBeLessThanOrEqual(306);
          expect(sms).toContain(pin);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('R4.4, R5.4 a message naming each door with its own code (backups on some locks)', () => {
  const doorCodes = [
    { door: 'Front door', pin: '731905' },
    { door: 'Garage', pin: '482913' },
  ];

  it('names each door with the code that opens it and says they replace earlier codes', () => {
    const m = codeMessage(input({ pin: '731905', isBackup: true, doorCodes }));
    expect(m.text).toContain(
      'Please use these codes: 731905 for Front door and 482913 for Garage. They replace any code you were given before.',
    );
    expect(m.sms).toContain('731905 for Front door and 482913 for Garage');
  });

  it('is worded in the guest language too', () => {
    expect(codeMessage(input({ isBackup: true, doorCodes, guestLocale: 'de-DE' })).text).toContain(
      'Bitte verwenden Sie diese Codes: 731905 für Front door und 482913 für Garage.',
    );
    expect(codeMessage(input({ isBackup: true, doorCodes, guestLocale: 'es-ES' })).text).toContain(
      'usa estos códigos: 731905 para Front door y 482913 para Garage.',
    );
  });

  it('keeps the one-code wording when every door takes the same code', () => {
    const same = doorCodes.map((d) => ({ ...d, pin: '482913' }));
    expect(codeMessage(input({ doorCodes: same })).text).toContain(
      'Your personal code for Front door and Garage is 482913.',
    );
  });

  it('keeps the SMS within GSM 03.38 and two segments, however long the door names', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 60 }), { minLength: 2, maxLength: 4 }),
        (names) => {
          const codes = names.map((door, i) => ({ door, pin: String(100000 + i) }));
          const sms = codeMessage(input({ isBackup: true, doorCodes: codes, doors: names })).sms;
          expect(isGsm0338(sms)).toBe(true);
          expect(smsSegments(sms)).toBeLessThanOrEqual(2);
        },
      ),
    );
  });
});

describe('R11.3 an offline code in the code message', () => {
  const offline = input({
    isBackup: true,
    doors: ['Front door'],
    firstUseBy: [{ door: 'Front door', by: Date.parse('2026-12-05T23:00:00Z') }],
  });

  it('says when the door code must first be used, in the property local time', () => {
    const m = codeMessage(offline);
    expect(m.text).toMatch(
      /Please use your code for the first time at Front door before Sat, Dec 5, 4:00\sPM, or the lock will refuse it\./,
    );
    expect(m.sms).toMatch(/first time at Front door before/);
  });

  it('says nothing of a first use when no door has an offline code', () => {
    expect(codeMessage(input()).text).not.toContain('first time');
  });
});
