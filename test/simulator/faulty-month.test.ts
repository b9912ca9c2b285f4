import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../simulator/report.ts';
import { parseScenario } from '../../simulator/scenario.ts';
import { simulate } from '../../simulator/simulate.ts';
import { runExample } from '../support/examples.ts';

// R9.5: the stormy month with every platform fault on gives every guest what the calm platform does.

const outcomes = (report: Report) =>
  report.reservations.map((r) => ({
    id: r.id,
    status: r.status,
    working: r.workingCodeAtActiveFrom,
    told: r.guestMessages.length > 0,
    backup: r.backup !== null,
    alerts: r.hostAlerts.map((a) => a.kind),
  }));

describe('examples/faulty-month.json (R9.5)', () => {
  let faulty: Report;
  let calm: Report;
  beforeAll(async () => {
    faulty = await runExample('faulty-month');
    const { faults: _, ...withoutFaults } = JSON.parse(readFileSync('examples/faulty-month.json', 'utf8'));
    calm = await simulate(parseScenario(withoutFaults));
  }, 600_000);

  it('injects every kind of platform fault (R9.5)', () => {
    const injected = faulty.kpis.faultsInjected ?? {};
    for (const [kind, count] of Object.entries(injected))
      expect({ kind, count }).not.toMatchObject({ count: 0 });
    expect(Object.keys(injected)).toHaveLength(10);
  });

  it('gives every guest a working code where a lock was reachable, as without faults (R9.5)', () => {
    expect(faulty.kpis.workingCodeAtActiveFromRate).toBe(1);
    expect(calm.kpis.workingCodeAtActiveFromRate).toBe(1);
    expect(outcomes(faulty)).toEqual(outcomes(calm));
  });

  it('leaves no code after its deletion is due and touches no foreign code (R7.2, R1.3, R9.5)', () => {
    expect(faulty.kpis.codesLeftAfterDeletionDue).toBe(0);
    expect(faulty.kpis.foreignCodesTouched).toBe(0);
    const leftOnLocks = faulty.locks.flatMap((l) =>
      l.codesAtEnd.filter((c) => !c.name.startsWith('Backup ')),
    );
    expect(leftOnLocks.filter((c) => c.owner === 'lockstep')).toEqual([]);
  });

  it('repeats a guest message only after a run died between sending and recording it (R9.5)', () => {
    expect(faulty.kpis.duplicateGuestMessages).toBe(faulty.kpis.duplicateGuestMessagesAfterCrash);
    expect(faulty.kpis.guestMessages).toBe(calm.kpis.guestMessages);
  });

  it('reports no fault figures for the same month without faults', () => {
    expect(calm.kpis.faultsInjected).toBeUndefined();
    expect(calm.kpis.duplicateGuestMessages).toBeUndefined();
  });
});

describe('platform faults are seeded (R9.5)', () => {
  it('replays a faulty scenario byte for byte with the same seeds', async () => {
    const stormy = JSON.parse(readFileSync('examples/stormy-weekend.json', 'utf8'));
    const { faults } = JSON.parse(readFileSync('examples/faulty-month.json', 'utf8'));
    const scenario = parseScenario({ ...stormy, faults: { ...faults, functionCrashRate: 0.05 } });
    const first = await simulate(scenario);
    expect(first.kpis.faultsInjected?.functionCrash).toBeGreaterThan(0);
    expect(JSON.stringify(await simulate(scenario))).toBe(JSON.stringify(first));
  }, 300_000);
});
