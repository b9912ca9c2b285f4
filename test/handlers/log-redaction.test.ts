import { describe, expect, it } from 'vitest';
import { MASK, redactPins } from '#handlers/log-redaction.ts';

const redact = (value: unknown) => JSON.parse(JSON.stringify(value, redactPins));

describe('R9.4 the log redaction step', () => {
  it('masks values under PIN keys, whatever their shape', () => {
    expect(redact({ pin: '4821', backupCode: 990011, code: { pin: '1234', locks: [] } })).toEqual({
      pin: MASK,
      backupCode: MASK,
      code: { pin: MASK, locks: [] },
    });
  });

  it('keeps error codes and masks a code that could be a PIN', () => {
    expect(redact({ error: { code: 'invalid_request' }, event: { code: '5567' } })).toEqual({
      error: { code: 'invalid_request' },
      event: { code: MASK },
    });
  });

  it('masks PIN fields inside JSON text and plain text', () => {
    const body = JSON.stringify({ code: { pin: '018621', name: 'Ana' }, error: { code: 'not_found' } });
    expect(redact({ body, message: 'lock refused PIN 018621', note: 'code: 4455 refused' })).toEqual({
      body: JSON.stringify({ code: { pin: MASK, name: 'Ana' }, error: { code: 'not_found' } }),
      message: `lock refused PIN ${MASK}`,
      note: `code: ${MASK} refused`,
    });
  });

  it('R10.7 keeps only the scheme and host of a calendar feed URL, as a field or inside JSON text', () => {
    const url = 'https://www.airbnb.com/calendar/ical/123.ics?s=secret';
    const body = JSON.stringify({ url, channel: 'airbnb' });
    expect(redact({ url, body })).toEqual({
      url: 'https://www.airbnb.com/…',
      body: JSON.stringify({ url: 'https://www.airbnb.com/…', channel: 'airbnb' }),
    });
  });
});
