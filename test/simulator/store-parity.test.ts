import { describe, expect, it } from 'vitest';
import type { Report } from '../../simulator/report.ts';
import { runExample } from '../support/examples.ts';

// The simulator's default in-memory store and `--store dynalite` (the real DynamoStore) give the same
// report, byte for byte, but for the capacity units: the in-memory store bills index writes, refused
// writes and empty queries as DynamoDB does, where dynalite reports none (docs/decisions.md).

/** The report as JSON text, with the two capacity figures set apart. */
function withoutCapacity(report: Report): { text: string; readUnits: number; writeUnits: number } {
  const { dynamodbReadUnits, dynamodbWriteUnits, ...calls } = report.kpis.awsCalls;
  const text = JSON.stringify({ ...report, kpis: { ...report.kpis, awsCalls: calls } }, null, 2);
  return { text, readUnits: dynamodbReadUnits, writeUnits: dynamodbWriteUnits };
}

describe('simulator store parity', () => {
  it.each(['calm-week', 'last-minute'])(
    'examples/%s.json: the same report on memory and on dynalite, DynamoDB calls included (R9.1)',
    async (name) => {
      const memory = withoutCapacity(await runExample(name, { store: 'memory' }));
      const dynalite = withoutCapacity(await runExample(name, { store: 'dynalite' }));
      expect(memory.text).toBe(dynalite.text);
      expect(memory.text).toContain('"dynamodb"');
      // Index writes and empty queries are billed on memory only, so it never bills less.
      expect(memory.writeUnits).toBeGreaterThan(dynalite.writeUnits);
      expect(memory.readUnits).toBeGreaterThanOrEqual(dynalite.readUnits);
    },
    60_000,
  );
});
