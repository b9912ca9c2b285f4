import type { Language } from './language.ts';
import type { WordingInput } from './wording.ts';

// R12: the code message for a staff member (a cleaner, a handyman): which property, which doors,
// the PIN, and the window it works in. Fixed like the guest wording (R5.4); no welcome, no stay.

export interface StaffWording {
  subject(property: string): string;
  paragraphs(i: WordingInput): string[];
  /** SMS forms, fullest first; the sender takes the first that fits two segments. */
  sms(i: WordingInput): string[];
}

const en: StaffWording = {
  subject: (property) => `Your staff code for ${property}`,
  paragraphs: (i) => [
    `Hi ${i.first},`,
    `Your code for ${i.doors} at ${i.property} is ${i.pin}.`,
    `It works from ${i.from} until ${i.until}, local time at the property, and not outside that time. This replaces any earlier message about this visit.`,
  ],
  sms: (i) => [
    `${i.property}: Hi ${i.first}, your staff code for ${i.doors} is ${i.pin}. Valid ${i.from} - ${i.until} (local time) only.`,
    `${i.property}: staff code ${i.pin} for ${i.doors}. Valid ${i.from} - ${i.until} (local time).`,
    `Code ${i.pin}. Valid ${i.from} - ${i.until} (local time).`,
  ],
};

const es: StaffWording = {
  subject: (property) => `Tu código de personal para ${property}`,
  paragraphs: (i) => [
    `Hola ${i.first}:`,
    `Tu código para ${i.doors} en ${i.property} es ${i.pin}.`,
    `Funciona desde ${i.from} hasta ${i.until}, hora local del alojamiento, y no fuera de ese horario. Sustituye a cualquier mensaje anterior sobre esta visita.`,
  ],
  sms: (i) => [
    `${i.property}: Hola ${i.first}, tu código de personal para ${i.doors} es ${i.pin}. Válido ${i.from} - ${i.until} (hora local).`,
    `${i.property}: código ${i.pin} para ${i.doors}. Válido ${i.from} - ${i.until} (hora local).`,
    `Código ${i.pin}. Válido ${i.from} - ${i.until} (hora local).`,
  ],
};

const fr: StaffWording = {
  subject: (property) => `Votre code d’intervention pour ${property}`,
  paragraphs: (i) => [
    `Bonjour ${i.first},`,
    `Votre code pour ${i.doors} à ${i.property} est ${i.pin}.`,
    `Il fonctionne du ${i.from} au ${i.until}, heure locale du logement, et pas en dehors. Il remplace tout message précédent concernant ce passage.`,
  ],
  sms: (i) => [
    `${i.property} : Bonjour ${i.first}, votre code pour ${i.doors} est ${i.pin}. Valable du ${i.from} au ${i.until} (heure locale).`,
    `${i.property} : code ${i.pin} pour ${i.doors}. Valable du ${i.from} au ${i.until} (heure locale).`,
    `Code ${i.pin}. Valable du ${i.from} au ${i.until} (heure locale).`,
  ],
};

const de: StaffWording = {
  subject: (property) => `Ihr Personal-Code für ${property}`,
  paragraphs: (i) => [
    `Hallo ${i.first},`,
    `Ihr Code für ${i.doors} in ${i.property} lautet ${i.pin}.`,
    `Er gilt von ${i.from} bis ${i.until} Ortszeit und zu keiner anderen Zeit. Er ersetzt jede frühere Nachricht zu diesem Einsatz.`,
  ],
  sms: (i) => [
    `${i.property}: Hallo ${i.first}, Ihr Personal-Code für ${i.doors} lautet ${i.pin}. Gültig ${i.from} - ${i.until} (Ortszeit).`,
    `${i.property}: Code ${i.pin} für ${i.doors}. Gültig ${i.from} - ${i.until} (Ortszeit).`,
    `Code ${i.pin}. Gültig ${i.from} - ${i.until} (Ortszeit).`,
  ],
};

export const STAFF_WORDING: Record<Language, StaffWording> = { en, es, fr, de };
