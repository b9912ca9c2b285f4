import type { Language } from './language.ts';
import type { WordingInput } from './wording.ts';

// R12: the code message for a staff member (a cleaner, a handyman): which property, which doors,
// the PIN, and the window it works in. Fixed like the guest wording (R5.4); no welcome, no stay.

/** `until` is empty for an `always` code: it works until the host removes it. */
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
    i.until
      ? `It works from ${i.from} until ${i.until}, local time at the property, and not outside that time. This replaces any earlier message about this visit.`
      : `It works at any time from ${i.from} (local time at the property) until the host removes it.`,
  ],
  sms: (i) => {
    const valid = i.until ? `Valid ${i.from} - ${i.until} (local time)` : `Valid from ${i.from} (local time)`;
    return [
      `${i.property}: Hi ${i.first}, your staff code for ${i.doors} is ${i.pin}. ${valid} only.`,
      `${i.property}: staff code ${i.pin} for ${i.doors}. ${valid}.`,
      `Code ${i.pin}. ${valid}.`,
    ];
  },
};

const es: StaffWording = {
  subject: (property) => `Tu código de personal para ${property}`,
  paragraphs: (i) => [
    `Hola ${i.first}:`,
    `Tu código para ${i.doors} en ${i.property} es ${i.pin}.`,
    i.until
      ? `Funciona desde ${i.from} hasta ${i.until}, hora local del alojamiento, y no fuera de ese horario. Sustituye a cualquier mensaje anterior sobre esta visita.`
      : `Funciona a cualquier hora desde ${i.from} (hora local del alojamiento) hasta que el anfitrión lo retire.`,
  ],
  sms: (i) => {
    const valid = i.until
      ? `Válido ${i.from} - ${i.until} (hora local)`
      : `Válido desde ${i.from} (hora local)`;
    return [
      `${i.property}: Hola ${i.first}, tu código de personal para ${i.doors} es ${i.pin}. ${valid}.`,
      `${i.property}: código ${i.pin} para ${i.doors}. ${valid}.`,
      `Código ${i.pin}. ${valid}.`,
    ];
  },
};

const fr: StaffWording = {
  subject: (property) => `Votre code d’intervention pour ${property}`,
  paragraphs: (i) => [
    `Bonjour ${i.first},`,
    `Votre code pour ${i.doors} à ${i.property} est ${i.pin}.`,
    i.until
      ? `Il fonctionne du ${i.from} au ${i.until}, heure locale du logement, et pas en dehors. Il remplace tout message précédent concernant ce passage.`
      : `Il fonctionne à toute heure à partir du ${i.from} (heure locale du logement), jusqu’à ce que l’hôte le retire.`,
  ],
  sms: (i) => {
    const valid = i.until
      ? `Valable du ${i.from} au ${i.until} (heure locale)`
      : `Valable à partir du ${i.from} (heure locale)`;
    return [
      `${i.property} : Bonjour ${i.first}, votre code pour ${i.doors} est ${i.pin}. ${valid}.`,
      `${i.property} : code ${i.pin} pour ${i.doors}. ${valid}.`,
      `Code ${i.pin}. ${valid}.`,
    ];
  },
};

const de: StaffWording = {
  subject: (property) => `Ihr Personal-Code für ${property}`,
  paragraphs: (i) => [
    `Hallo ${i.first},`,
    `Ihr Code für ${i.doors} in ${i.property} lautet ${i.pin}.`,
    i.until
      ? `Er gilt von ${i.from} bis ${i.until} Ortszeit und zu keiner anderen Zeit. Er ersetzt jede frühere Nachricht zu diesem Einsatz.`
      : `Er gilt ab ${i.from} Ortszeit jederzeit, bis der Gastgeber ihn entfernt.`,
  ],
  sms: (i) => {
    const valid = i.until ? `Gültig ${i.from} - ${i.until} (Ortszeit)` : `Gültig ab ${i.from} (Ortszeit)`;
    return [
      `${i.property}: Hallo ${i.first}, Ihr Personal-Code für ${i.doors} lautet ${i.pin}. ${valid}.`,
      `${i.property}: Code ${i.pin} für ${i.doors}. ${valid}.`,
      `Code ${i.pin}. ${valid}.`,
    ];
  },
};

export const STAFF_WORDING: Record<Language, StaffWording> = { en, es, fr, de };
