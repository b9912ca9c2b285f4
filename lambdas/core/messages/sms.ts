import { gsmSeptets, transliterateToGsm } from '../codes/gsm.ts';

// R5.4: an SMS in the GSM 03.38 alphabet (7 bits a character) of at most two segments. One segment
// holds 160 septets; once concatenated each holds 153, the rest carrying the joining header.

export const SINGLE_SEGMENT_SEPTETS = 160;
export const CONCATENATED_SEGMENT_SEPTETS = 153;
export const MAX_SMS_SEGMENTS = 2;

/** Segments a GSM text takes; undefined when it is not GSM 03.38. */
export function smsSegments(text: string): number | undefined {
  const septets = gsmSeptets(text);
  if (septets === undefined) return undefined;
  if (septets <= SINGLE_SEGMENT_SEPTETS) return 1;
  return Math.ceil(septets / CONCATENATED_SEGMENT_SEPTETS);
}

/** At most `max` characters, ending in "..." when cut. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 3)).join('')}...`;
}

/**
 * The first form, made GSM-safe, that fits two segments. The last form is the shortest the wording
 * has; should even it overflow (it cannot with clipped names), it is cut to fit rather than sent long.
 */
export function fitSms(forms: readonly string[]): string {
  let last = '';
  for (const form of forms) {
    last = transliterateToGsm(form);
    if ((smsSegments(last) ?? Number.POSITIVE_INFINITY) <= MAX_SMS_SEGMENTS) return last;
  }
  const limit = MAX_SMS_SEGMENTS * CONCATENATED_SEGMENT_SEPTETS;
  let cut = '';
  for (const ch of last) {
    if ((gsmSeptets(cut + ch) ?? limit + 1) > limit) break;
    cut += ch;
  }
  return cut;
}
