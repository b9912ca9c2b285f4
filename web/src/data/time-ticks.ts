import { zoneOffset } from '../format.ts';

// Ticks for a time axis at round wall-clock times of a zone: whole hours or midnights.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const STEPS = [HOUR, 3 * HOUR, 6 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY];

interface Ticks {
  at: number[];
  /** Steps of a day or more are labelled by date, shorter ones by hour. */
  daily: boolean;
}

export function timeTicks(start: number, end: number, timeZone: string, most = 7): Ticks {
  const step = STEPS.find((s) => (end - start) / s <= most) ?? (STEPS.at(-1) as number);
  const offset = zoneOffset(start, timeZone);
  const at: number[] = [];
  for (let t = Math.ceil((start + offset) / step) * step - offset; t <= end; t += step) at.push(t);
  return { at, daily: step >= DAY };
}
