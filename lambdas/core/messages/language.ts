import type { Instant } from '../model.ts';

// R5.4: the languages Lockstep writes its fixed wording in, chosen by the guest's locale.

export const LANGUAGES = ['en', 'es', 'fr', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The locale each language's dates are written in when the guest's own locale says no more. */
const DEFAULT_LOCALE: Record<Language, string> = { en: 'en-US', es: 'es-ES', fr: 'fr-FR', de: 'de-DE' };

export interface MessageLanguage {
  language: Language;
  /** The locale dates are formatted in: the guest's own (`en-GB`, `es-MX`) when it is a supported language. */
  locale: string;
}

const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);

/** The guest's language when Lockstep writes it, else English; a channel's locale may be absent or odd. */
export function messageLanguage(guestLocale: string | undefined): MessageLanguage {
  const tag = (guestLocale ?? '').trim().replace('_', '-');
  const language = tag.split('-')[0]?.toLowerCase() ?? '';
  if (!isLanguage(language)) return { language: 'en', locale: DEFAULT_LOCALE.en };
  let locale = DEFAULT_LOCALE[language];
  try {
    if (tag.includes('-') && Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0) locale = tag;
  } catch {
    // A malformed tag (`es-!!`) keeps the language's default locale.
  }
  return { language, locale };
}

/** An instant as the property's wall clock shows it, written the way the guest's locale writes dates. */
export function formatStayTime(instant: Instant, timeZone: string, locale: string): string {
  const key = `${locale}\u0000${timeZone}`;
  let format = stayTimeFormats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone,
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    });
    stayTimeFormats.set(key, format);
  }
  return format.format(instant);
}

// Building a formatter costs far more than using one; locales and time zones are few.
const stayTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** "A", "A and B", "A, B and C" in the language. */
export function joinList(items: readonly string[], and: string): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

export const firstName = (name: string): string => name.trim().split(/\s+/)[0] || name.trim();
