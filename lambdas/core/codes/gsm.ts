// The GSM 03.38 (3GPP TS 23.038) default alphabet: what an SMS carries at 7 bits a character, and
// what R3.4 allows in a code name. The extension table's characters cost two septets each.

const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const EXTENSION = '\f^{}\\[~]|€';

const BASIC_SET = new Set(BASIC);
const EXTENSION_SET = new Set(EXTENSION);

const isGsmChar = (ch: string) => BASIC_SET.has(ch) || EXTENSION_SET.has(ch);

/** Every character is in the basic alphabet or its extension table. */
export function isGsm0338(text: string): boolean {
  for (const ch of text) if (!isGsmChar(ch)) return false;
  return true;
}

/** Septets the text takes in an SMS (extension characters take two); undefined when not GSM. */
export function gsmSeptets(text: string): number | undefined {
  let septets = 0;
  for (const ch of text) {
    if (BASIC_SET.has(ch)) septets += 1;
    else if (EXTENSION_SET.has(ch)) septets += 2;
    else return undefined;
  }
  return septets;
}

/** Letters and signs that do not lose their accent to Unicode decomposition, and common punctuation. */
const REPLACEMENTS: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Œ: 'OE',
  œ: 'oe',
  Þ: 'Th',
  þ: 'th',
  Ð: 'D',
  ð: 'd',
  ĸ: 'k',
  ŀ: 'l',
  Ŀ: 'L',
  ç: 'c',
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u2033': '"',
  '«': '"',
  '»': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u2026': '...',
  '\u00A0': ' ',
  '\u2007': ' ',
  '\u202F': ' ',
  '\t': ' ',
  '\u2022': '*',
  '·': '.',
  '`': "'",
  '´': "'",
  '¢': 'c',
  '©': '(c)',
  '®': '(R)',
  '™': 'TM',
};

const COMBINING_MARKS = /\p{M}/gu;

/**
 * GSM-safe text for an SMS: characters already in the alphabet stay as they are (é, ñ, ü…),
 * others lose their accent (ë → e) or take a plain stand-in (Ł → L, “ → "), and anything left
 * becomes '?'. For example 'Zoë Łukasz' → 'Zoe Lukasz'.
 */
export function transliterateToGsm(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (isGsmChar(ch)) {
      out += ch;
      continue;
    }
    const replacement = REPLACEMENTS[ch];
    if (replacement !== undefined) {
      out += replacement;
      continue;
    }
    const bare = ch.normalize('NFD').replace(COMBINING_MARKS, '');
    out += bare !== '' && isGsm0338(bare) ? bare : '?';
  }
  return out;
}
