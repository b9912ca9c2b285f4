import type { RandomSource } from '#ports/clock.ts';

export { seededRandom } from '#local/random.ts';

/** A source that replays the given numbers, then repeats the last one. */
export function replay(...values: number[]): RandomSource {
  let i = 0;
  return () => values[Math.min(i++, values.length - 1)] ?? 0;
}
