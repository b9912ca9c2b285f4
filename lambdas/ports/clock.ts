import type { Instant } from '#core/model.ts';

export interface Clock {
  now(): Instant;
}

/** A source of uniform numbers in [0, 1); seeded in the simulator and tests. */
export type RandomSource = () => number;
