import type { Language } from './language.ts';

// R5.4: Lockstep's own words for the code message, one table per language. Fixed, not host-editable.

export interface WordingInput {
  first: string;
  property: string;
  /** The door names already joined ("Front door and Garage"). */
  doors: string;
  pin: string;
  from: string;
  until: string;
  isBackup: boolean;
  /** Doors that take different codes (backups on some locks), joined: "4821 for Front and 7730 for Gate". */
  perDoor?: string | undefined;
  /** R11.3: the sentence naming when offline codes must first be used, when a door has one. */
  firstUse?: string | undefined;
}

export interface Wording {
  theDoor: string;
  and: string;
  /** Joins a code to its door in `perDoor` ("4821 for Front"). */
  forDoor: string;
  subject(property: string, isBackup: boolean): string;
  /** The email and channel message, one paragraph per entry. */
  paragraphs(i: WordingInput): string[];
  /** SMS forms, fullest first; the sender takes the first that fits two segments. */
  sms(i: WordingInput): string[];
  /** The subject of a host's own message when it goes out by email (R5.5). */
  hostMessageSubject(property: string): string;
  /** Joins an offline code's door to its first-use limit ("Front before Dec 4, 5:00 PM"). */
  before: string;
  /** R11.3: the sentence for offline codes, given each door and its limit joined. */
  firstUse(list: string): string;
}

const en: Wording = {
  theDoor: 'the door',
  and: 'and',
  forDoor: 'for',
  subject: (property, isBackup) =>
    isBackup ? `Please use this door code for ${property}` : `Your door code for ${property}`,
  paragraphs: (i) => [
    `Hi ${i.first},`,
    i.perDoor
      ? `We're looking forward to welcoming you at ${i.property}! Please use these codes: ${i.perDoor}. They replace any code you were given before.`
      : i.isBackup
        ? `We're looking forward to welcoming you at ${i.property}! Please use this code for ${i.doors}: ${i.pin}. It replaces any code you were given before.`
        : `We're looking forward to welcoming you at ${i.property}! Your personal code for ${i.doors} is ${i.pin}.`,
    `It works from ${i.from} until ${i.until}, local time at the property.`,
    ...(i.firstUse ? [i.firstUse] : []),
    'Safe travels, and enjoy your stay!',
  ],
  sms: (i) => {
    const code = i.perDoor
      ? `please use codes ${i.perDoor} (they replace any earlier code)`
      : i.isBackup
        ? `please use code ${i.pin} for ${i.doors} (it replaces any earlier code)`
        : `your code for ${i.doors} is ${i.pin}`;
    const window = `Valid ${i.from} - ${i.until} (local time).` + (i.firstUse ? ` ${i.firstUse}` : '');
    return [
      `${i.property}: Hi ${i.first}, ${code}. ${window} Enjoy your stay!`,
      `${i.property}: ${code}. ${window}`,
      i.perDoor
        ? `Use codes ${i.perDoor}. ${window}`
        : `${i.isBackup ? 'Use code' : 'Code'} ${i.pin} for ${i.doors}. ${window}`,
    ];
  },
  hostMessageSubject: (property) => `A message about your stay at ${property}`,
  before: 'before',
  firstUse: (list) => `Please use your code for the first time at ${list}, or the lock will refuse it.`,
};

const es: Wording = {
  theDoor: 'la puerta',
  and: 'y',
  forDoor: 'para',
  subject: (property, isBackup) =>
    isBackup ? `Usa este código de acceso para ${property}` : `Tu código de acceso para ${property}`,
  paragraphs: (i) => [
    `Hola, ${i.first}:`,
    i.perDoor
      ? `¡Qué ganas de recibirte en ${i.property}! Por favor, usa estos códigos: ${i.perDoor}. Sustituyen a cualquier código que hayas recibido antes.`
      : i.isBackup
        ? `¡Qué ganas de recibirte en ${i.property}! Por favor, usa este código para ${i.doors}: ${i.pin}. Sustituye a cualquier código que hayas recibido antes.`
        : `¡Qué ganas de recibirte en ${i.property}! Tu código personal para ${i.doors} es ${i.pin}.`,
    `Funciona desde ${i.from} hasta ${i.until}, hora local del alojamiento.`,
    ...(i.firstUse ? [i.firstUse] : []),
    '¡Buen viaje y que disfrutes de tu estancia!',
  ],
  sms: (i) => {
    const code = i.perDoor
      ? `usa los códigos ${i.perDoor} (sustituyen a cualquier código anterior)`
      : i.isBackup
        ? `usa el código ${i.pin} para ${i.doors} (sustituye a cualquier código anterior)`
        : `tu código para ${i.doors} es ${i.pin}`;
    const window = `Válido ${i.from} - ${i.until} (hora local).` + (i.firstUse ? ` ${i.firstUse}` : '');
    return [
      `${i.property}: Hola, ${i.first}: ${code}. ${window} ¡Disfruta de tu estancia!`,
      `${i.property}: ${code}. ${window}`,
      i.perDoor
        ? `Usa los códigos ${i.perDoor}. ${window}`
        : `${i.isBackup ? 'Usa el código' : 'Código'} ${i.pin} para ${i.doors}. ${window}`,
    ];
  },
  hostMessageSubject: (property) => `Un mensaje sobre tu estancia en ${property}`,
  before: 'antes del',
  firstUse: (list) => `Usa tu código por primera vez en ${list}; si no, la cerradura lo rechazará.`,
};

const fr: Wording = {
  theDoor: 'la porte',
  and: 'et',
  forDoor: 'pour',
  subject: (property, isBackup) =>
    isBackup ? `Merci d'utiliser ce code d'accès pour ${property}` : `Votre code d'accès pour ${property}`,
  paragraphs: (i) => [
    `Bonjour ${i.first},`,
    i.perDoor
      ? `Nous avons hâte de vous accueillir à ${i.property} ! Merci d'utiliser ces codes : ${i.perDoor}. Ils remplacent tout code reçu auparavant.`
      : i.isBackup
        ? `Nous avons hâte de vous accueillir à ${i.property} ! Merci d'utiliser ce code pour ${i.doors} : ${i.pin}. Il remplace tout code reçu auparavant.`
        : `Nous avons hâte de vous accueillir à ${i.property} ! Votre code personnel pour ${i.doors} est le ${i.pin}.`,
    `Il fonctionne du ${i.from} au ${i.until}, heure locale du logement.`,
    ...(i.firstUse ? [i.firstUse] : []),
    'Bon voyage et excellent séjour !',
  ],
  sms: (i) => {
    const code = i.perDoor
      ? `utilisez les codes ${i.perDoor} (ils remplacent tout code précédent)`
      : i.isBackup
        ? `utilisez le code ${i.pin} pour ${i.doors} (il remplace tout code précédent)`
        : `votre code pour ${i.doors} est le ${i.pin}`;
    const window =
      `Valable du ${i.from} au ${i.until} (heure locale).` + (i.firstUse ? ` ${i.firstUse}` : '');
    return [
      `${i.property} : Bonjour ${i.first}, ${code}. ${window} Excellent séjour !`,
      `${i.property} : ${code}. ${window}`,
      i.perDoor ? `Codes ${i.perDoor}. ${window}` : `Code ${i.pin} pour ${i.doors}. ${window}`,
    ];
  },
  hostMessageSubject: (property) => `Un message concernant votre séjour à ${property}`,
  before: 'avant le',
  firstUse: (list) => `Utilisez votre code une première fois sur ${list}, sinon la serrure le refusera.`,
};

const de: Wording = {
  theDoor: 'die Tür',
  and: 'und',
  forDoor: 'für',
  subject: (property, isBackup) =>
    isBackup ? `Bitte verwenden Sie diesen Türcode für ${property}` : `Ihr Türcode für ${property}`,
  paragraphs: (i) => [
    `Hallo ${i.first},`,
    i.perDoor
      ? `wir freuen uns, Sie in ${i.property} willkommen zu heißen! Bitte verwenden Sie diese Codes: ${i.perDoor}. Sie ersetzen jeden Code, den Sie vorher erhalten haben.`
      : i.isBackup
        ? `wir freuen uns, Sie in ${i.property} willkommen zu heißen! Bitte verwenden Sie diesen Code für ${i.doors}: ${i.pin}. Er ersetzt jeden Code, den Sie vorher erhalten haben.`
        : `wir freuen uns, Sie in ${i.property} willkommen zu heißen! Ihr persönlicher Code für ${i.doors} lautet ${i.pin}.`,
    `Er gilt von ${i.from} bis ${i.until}, Ortszeit der Unterkunft.`,
    ...(i.firstUse ? [i.firstUse] : []),
    'Gute Anreise und einen schönen Aufenthalt!',
  ],
  sms: (i) => {
    const code = i.perDoor
      ? `bitte verwenden Sie die Codes ${i.perDoor} (sie ersetzen jeden früheren Code)`
      : i.isBackup
        ? `bitte verwenden Sie Code ${i.pin} für ${i.doors} (er ersetzt jeden früheren Code)`
        : `Ihr Code für ${i.doors} lautet ${i.pin}`;
    const window = `Gültig ${i.from} - ${i.until} (Ortszeit).` + (i.firstUse ? ` ${i.firstUse}` : '');
    return [
      `${i.property}: Hallo ${i.first}, ${code}. ${window} Schönen Aufenthalt!`,
      `${i.property}: ${code}. ${window}`,
      i.perDoor ? `Codes ${i.perDoor}. ${window}` : `Code ${i.pin} für ${i.doors}. ${window}`,
    ];
  },
  hostMessageSubject: (property) => `Eine Nachricht zu Ihrem Aufenthalt in ${property}`,
  before: 'vor',
  firstUse: (list) => `Benutzen Sie Ihren Code zum ersten Mal an ${list}, sonst lehnt das Schloss ihn ab.`,
};

export const WORDING: Record<Language, Wording> = { en, es, fr, de };
