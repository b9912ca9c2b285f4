import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm run simulate` refuses invalid scenarios with exit code 2, naming the field, and writes no report.

interface Scenario {
  start: string;
  end: string;
  locks: { model: string }[];
  reservations: { checkIn: string }[];
  properties: { locks: string[]; calendars?: unknown[] }[];
  staff?: unknown[];
}

/** A version 2 feed whose second snapshot answers with `status`. */
const feedWith = (status: unknown) => ({
  id: 'c1',
  channel: 'airbnb',
  snapshots: [
    { from: '2026-12-01T00:00:00Z', ics: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' },
    { from: '2026-12-03T06:00:00Z', status },
  ],
});

const first = <T>(items: T[]): T => {
  const item = items[0];
  if (item === undefined) throw new Error('the example changed shape');
  return item;
};

// A fresh process, as `npm run simulate` starts: no variable a runtime in this worker has set leaks in.
const { AWS_LAMBDA_MAX_CONCURRENCY: _, ...parentEnv } = process.env;
const runCli = (...args: string[]) =>
  spawnSync(process.execPath, ['simulator/cli.ts', ...args], {
    encoding: 'utf8',
    env: { ...parentEnv, POWERTOOLS_LOG_LEVEL: 'SILENT' },
  });

describe('simulator CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lockstep-sim-'));

  it.each([
    ['locks.0.model', (s: Scenario) => (first(s.locks).model = 'acme')],
    ['reservations.0.checkIn', (s: Scenario) => (first(s.reservations).checkIn = 'next friday')],
    ['properties.0.locks.1', (s: Scenario) => (first(s.properties).locks[1] = 'ghost')],
    ['end', (s: Scenario) => (s.end = s.start)],
    [
      'properties.0.calendars.0.snapshots.1.status',
      (s: Scenario) => (first(s.properties).calendars = [feedWith(302)]),
    ],
    [
      'staff.0.hoursWhenNoNextStay',
      (s: Scenario) =>
        (s.staff = [
          { id: 's1', name: 'Crew', propertyIds: ['lake-cabin'], schedule: 'always', hoursWhenNoNextStay: 4 },
        ]),
    ],
  ])('exits 2 naming %s and writes no report', (field, mutate) => {
    const scenario = JSON.parse(readFileSync('examples/calm-week.json', 'utf8')) as Scenario;
    mutate(scenario);
    const file = join(dir, `bad-${field}.json`);
    const report = join(dir, `bad-${field}.report.json`);
    writeFileSync(file, JSON.stringify(scenario));
    const result = runCli(file, '--report', report);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(field);
    expect(existsSync(report)).toBe(false);
  });

  it('exits 2 naming --store for a store it does not have, and writes no report', () => {
    const report = join(dir, 'bad-store.report.json');
    const result = runCli('examples/calm-week.json', '--store', 'postgres', '--report', report);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--store');
    expect(existsSync(report)).toBe(false);
  });
});
