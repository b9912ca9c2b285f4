import { randomInt } from 'node:crypto';
import type { RandomSource } from '#ports/clock.ts';

// randomInt takes an exclusive upper bound below 2^48.
const SCALE = 2 ** 48 - 1;

/**
 * R9.4: uniform numbers in [0, 1) from the operating system's cryptographic generator, for every PIN
 * that can reach a real lock. Seeded generators are for the simulator and tests only.
 */
export const secureRandom: RandomSource = () => randomInt(SCALE) / SCALE;
