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
  properties: { locks: string[] }[];
}

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
});
