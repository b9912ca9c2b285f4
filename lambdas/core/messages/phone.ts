// R5.2: SMS goes to E.164 numbers (`+`, country code, at most 15 digits in all). Channels send
// phones as people type them; only a number that names its country can be normalized safely.

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * The number in E.164, or undefined when it cannot be known: no `+` or `00` international prefix
 * (guessing the country from the property could text a stranger), or too few or too many digits.
 */
export function toE164(phone: string | undefined): string | undefined {
  if (!phone) return undefined;
  const compact = phone.replace(/[\s().\-\u00A0]/g, '');
  const international = compact.startsWith('+')
    ? compact
    : compact.startsWith('00')
      ? `+${compact.slice(2)}`
      : undefined;
  return international !== undefined && E164.test(international) ? international : undefined;
}
