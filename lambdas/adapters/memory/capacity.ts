// DynamoDB's capacity units, computed from item sizes as DynamoDB bills them, so a run on the
// in-memory store still prices its DynamoDB calls (docs/decisions.md, "Capacity units in memory").

/** An item as DynamoDB holds it, for sizing: each attribute a string or a number. */
export type SizedAttributes = Readonly<Record<string, string | number | undefined>>;

/** Told of every call the DynamoDB adapters would have made, with the capacity units it consumes. */
export interface CapacityMeter {
  read(units: number): void;
  write(units: number): void;
}

export const unmetered: CapacityMeter = { read: () => {}, write: () => {} };

const READ_UNIT_BYTES = 4096;
const WRITE_UNIT_BYTES = 1024;

/** An item's size: every attribute's name and value, in UTF-8 bytes (numbers as DynamoDB stores them). */
export function itemBytes(attributes: SizedAttributes): number {
  let bytes = 0;
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    bytes +=
      Buffer.byteLength(name) + (typeof value === 'number' ? numberBytes(value) : Buffer.byteLength(value));
  }
  return bytes;
}

/**
 * A number's stored size: one byte, plus its significant digits in pairs aligned on the decimal
 * point (base 100), plus one for a negative sign. DynamoDB documents it as "about one byte per two
 * significant digits, plus one"; the pairing is what dynalite, modelled on DynamoDB, reports.
 */
export function numberBytes(value: number): number {
  if (!Number.isInteger(value)) throw new RangeError('only whole numbers are stored');
  if (value === 0) return 1;
  const digits = String(Math.abs(value));
  const significant = digits.replace(/0+$/, '').length;
  // The highest digit's power of ten; an even one starts a pair on its own when the count is even.
  const exponent = digits.length - 1;
  const unpaired = significant % 2 === 0 && exponent % 2 === 0 ? 1 : 0;
  return 1 + Math.ceil(significant / 2) + unpaired + (value < 0 ? 1 : 0);
}

/**
 * A read's units: the bytes read (a Query sums its items first) rounded up to 4 KB, at least one
 * unit even when nothing is found; eventually consistent reads cost half.
 */
export function readUnits(bytes: number, consistent: boolean): number {
  const units = Math.max(1, Math.ceil(bytes / READ_UNIT_BYTES));
  return consistent ? units : units / 2;
}

/** A write's units: the larger of the item before and after, rounded up to 1 KB, at least one. */
export function writeUnits(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / WRITE_UNIT_BYTES));
}
