import { describe, expect, it } from 'vitest';
import { InvalidScenarioError, parseScenario } from '../../simulator/scenario.ts';

// The scenario's `faults` section is checked like the rest: unknown or invalid input names its field.

const base = {
  seed: 1,
  start: '2026-12-01T00:00:00Z',
  end: '2026-12-02T00:00:00Z',
  properties: [],
  locks: [],
  reservations: [],
};

const fieldOf = (faults: unknown): string => {
  try {
    parseScenario({ ...base, faults });
  } catch (error) {
    if (error instanceof InvalidScenarioError) return error.field;
    throw error;
  }
  return '(accepted)';
};

describe('scenario faults (R9.5)', () => {
  it('accepts a section with only a seed, every fault off', () => {
    const { faults } = parseScenario({ ...base, faults: { seed: 3 } });
    expect(faults).toMatchObject({ functionCrashRate: 0, store: { errorRate: 0 } });
  });

  it('names an unknown field', () => {
    expect(fieldOf({ seed: 3, store: { errorRate: 0.1, throttle: 1 } })).toBe('faults.store');
    expect(fieldOf({ seed: 3, lightning: true })).toBe('faults');
  });

  it('names a rate outside 0..1, a missing seed and an inverted delay range', () => {
    expect(fieldOf({ seed: 3, functionCrashRate: 1.5 })).toBe('faults.functionCrashRate');
    expect(fieldOf({ store: {} })).toBe('faults.seed');
    expect(fieldOf({ seed: 3, lockProvider: { webhookDelayMinutes: [30, 0] } })).toBe(
      'faults.lockProvider.webhookDelayMinutes',
    );
  });
});
