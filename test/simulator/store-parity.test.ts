import { describe, expect, it } from 'vitest';
import type { Report } from '../../simulator/report.ts';
import { runExample } from '../support/examples.ts';

// The simulator's default in-memory store and `--store dynalite` (the real DynamoStore) give the same
// report. Two things may differ (docs/decisions.md): the capacity units (the in-memory store bills
// index writes, refused writes and empty queries as DynamoDB does, where dynalite reports none), and,
// where two functions run at the same virtual instant (a last-minute booking's first attempt and its
// code message), the order in which their work interleaves: dynalite answers over real I/O, the
// memory store at once, so the same-instant timeline order and the calls that follow from it differ.

/** The report as JSON text, with the two capacity figures set apart. */
function withoutCapacity(report: Report): { text: string; readUnits: number; writeUnits: number } {
  const { dynamodbReadUnits, dynamodbWriteUnits, ...calls } = report.kpis.awsCalls;
  const text = JSON.stringify({ ...report, kpis: { ...report.kpis, awsCalls: calls } }, null, 2);
  return { text, readUnits: dynamodbReadUnits, writeUnits: dynamodbWriteUnits };
}

/** What the guests and locks lived through: the report with same-instant events in one fixed order and no call counts. */
function outcome(report: Report): string {
  const key = (e: object) => JSON.stringify(e);
  const reservations = report.reservations.map((r) => ({
    ...r,
    timeline: [...r.timeline].sort((a, b) => a.at.localeCompare(b.at) || key(a).localeCompare(key(b))),
  }));
  const { awsCalls: _calls, ...kpis } = report.kpis;
  return JSON.stringify({ ...report, reservations, kpis }, null, 2);
}

describe('simulator store parity', () => {
  it('examples/calm-week.json: the same report on memory and on dynalite, DynamoDB calls included (R9.1)', async () => {
    const memory = withoutCapacity(await runExample('calm-week', { store: 'memory' }));
    const dynalite = withoutCapacity(await runExample('calm-week', { store: 'dynalite' }));
    expect(memory.text).toBe(dynalite.text);
    expect(memory.text).toContain('"dynamodb"');
    // Index writes and empty queries are billed on memory only, so it never bills less.
    expect(memory.writeUnits).toBeGreaterThan(dynalite.writeUnits);
    expect(memory.readUnits).toBeGreaterThanOrEqual(dynalite.readUnits);
  }, 60_000);

  it('examples/last-minute.json: the same outcome on memory and on dynalite when functions run at one instant', async () => {
    const memory = await runExample('last-minute', { store: 'memory' });
    const dynalite = await runExample('last-minute', { store: 'dynalite' });
    expect(outcome(memory)).toBe(outcome(dynalite));
    expect(memory.kpis.workingCodeAtActiveFromRate).toBe(1);
  }, 60_000);

  it('examples/turnover-crew.json: the same staff codes and outcome on memory and on dynalite (R12)', async () => {
    const memory = await runExample('turnover-crew', { store: 'memory' });
    const dynalite = await runExample('turnover-crew', { store: 'dynalite' });
    expect(outcome(memory)).toBe(outcome(dynalite));
    expect(memory.staff?.flatMap((s) => s.codes).length).toBeGreaterThan(0);
  }, 60_000);
});
