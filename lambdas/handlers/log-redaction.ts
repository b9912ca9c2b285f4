/**
 * The logger's redaction step (R9.4): PINs never reach a log line, whatever a caller logs.
 * Keys that hold a PIN are masked; JSON text and plain text inside strings (a logged body, an error
 * message) have their PIN fields masked too.
 */
export const MASK = '***';

const PIN_KEYS = new Set([
  'pin',
  'pins',
  'newpin',
  'oldpin',
  'backupcode',
  'backupcodes',
  'backuppin',
  'smartlock_code',
]);
/** `code` holds a PIN in lock payloads and an identifier in errors (`invalid_request`): keep those. */
const ERROR_CODE = /^[a-z]+(?:_[a-z]+)*$/;
const EMBEDDED_JSON =
  /("(?:pin|pins|newPin|oldPin|backupCode|backupPin|code|smartlock_code)"\s*:\s*)("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|\[[^\]]*\])/gi;
const PLAIN_TEXT = /\b(pin|code|passcode)(\s*(?:is|:|=)?\s*)\d{4,12}\b/gi;

/** A calendar feed URL (R10.7) in a logged body: only its scheme and host are kept. */
const EMBEDDED_URL = /("url"\s*:\s*"[a-z][a-z0-9+.-]*:\/\/[^/"\\?#]*)(?:[^"\\]|\\.)*"/gi;
const FEED_URL = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*).+$/i;

function isPinKey(key: string): boolean {
  return PIN_KEYS.has(key.toLowerCase());
}

function maskText(text: string): string {
  return text
    .replace(EMBEDDED_URL, '$1/…"')
    .replace(EMBEDDED_JSON, (_all, name: string, value: string) =>
      name.toLowerCase().startsWith('"code"') && ERROR_CODE.test(value.slice(1, -1))
        ? _all
        : `${name}"${MASK}"`,
    )
    .replace(PLAIN_TEXT, `$1$2${MASK}`);
}

/** A JSON replacer for the Powertools logger (`jsonReplacerFn`). */
export function redactPins(key: string, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (isPinKey(key)) return MASK;
  if (key.toLowerCase() === 'url' && typeof value === 'string') return value.replace(FEED_URL, '$1/…');
  if (key.toLowerCase() === 'code' && (typeof value === 'string' || typeof value === 'number')) {
    return typeof value === 'string' && ERROR_CODE.test(value) ? value : MASK;
  }
  if (typeof value === 'string') return maskText(value);
  return value;
}
