import { ValidationError } from '../errors.ts';

// R5.5: Lockstep's shortcode in a host's own message.

export const SMARTLOCK_CODE = '%smartlock_code%';

// A shortcode is a word between percent signs; "50% off" or "100%" are left as they are.
const SHORTCODE = /%([A-Za-z][A-Za-z0-9_]*)%/g;

export interface RenderedTemplate {
  text: string;
  /** The template carried the code, so sending it communicates the code (R5.1, R5.5). */
  carriesCode: boolean;
}

/** Renders `%smartlock_code%` as the guest's current code; any other shortcode is refused, naming them all. */
export function renderTemplate(template: string, pin: string): RenderedTemplate {
  const unknown = new Set<string>();
  let carriesCode = false;
  const text = template.replace(SHORTCODE, (match: string) => {
    if (match === SMARTLOCK_CODE) {
      carriesCode = true;
      return pin;
    }
    unknown.add(match);
    return match;
  });
  if (unknown.size > 0) {
    throw new ValidationError(
      'template',
      `unknown shortcode${unknown.size > 1 ? 's' : ''} ${[...unknown].join(', ')}; only ${SMARTLOCK_CODE} is known`,
    );
  }
  return { text, carriesCode };
}
