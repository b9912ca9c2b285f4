import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  LOCAL_HEALTHCHECK_SHARD_ARN,
  synthesizedHealthcheckDefinition,
} from '#local/workflow-definitions.ts';
import { HOUR, LockWorld, MINUTE } from '../core/lock-world.ts';

// R4.3: the daily healthcheck on the local runtime: the synthesized Distributed Map definition in
// aws-local-stepfunctions, started by a daily entry at 08:00 America/New_York, in virtual time.

const CHECK = Date.parse('2027-01-04T13:00:00Z'); // 08:00 America/New_York
const iso = (t: number) => new Date(t).toISOString().slice(0, 16);

describe('R4.3 the local daily healthcheck', () => {
  let world: LockWorld;
  afterEach(() => world.stop());

  const setUp = async (backupCodes: boolean) => {
    world = await LockWorld.start(CHECK - 5 * HOUR, { store: 'dynalite' });
    world.runtime.healthcheck.start();
    await world.property('hut', { backupCodes });
    await world.lock('door', {
      nativeScheduling: false,
      offline: [{ from: CHECK - 2 * HOUR, to: CHECK + 72 * HOUR }],
    });
    await world.match('hut', 'door');
    // Booked while the lock was online; the lock goes offline two hours before the healthcheck.
    await world.book('soon', 'hut', iso(CHECK + 20 * HOUR), iso(CHECK + 40 * HOUR));
  };

  it('runs at 08:00 New York and gives an at-risk code on an offline lock a backup', async () => {
    await setUp(true);
    await world.runUntil(CHECK - MINUTE);
    expect((await world.reservation('soon')).code.backup).toBeUndefined();

    await world.runUntil(CHECK + MINUTE);
    const r = await world.reservation('soon');
    expect(r.code.backup).toMatchObject({ lockId: 'door', issuedAt: CHECK });
    expect(r.timeline.find((t) => t.event === 'backup.issued')?.at).toBe(CHECK);
    world.expectClean();
  });

  it('counts one Step Functions start, one Standard transition, and one Express child and Lambda run per shard', async () => {
    await setUp(true);
    await world.runUntil(CHECK - MINUTE);
    const before = { ...world.runtime.calls };
    await world.runUntil(CHECK + MINUTE);
    expect(world.runtime.calls.stepFunctions - before.stepFunctions).toBe(1);
    expect(world.runtime.calls.lambda - before.lambda).toBe(100);
    expect(world.runtime.calls.stepFunctionsTransitions - before.stepFunctionsTransitions).toBe(1);
    expect(world.runtime.calls.stepFunctionsExpressRequests - before.stepFunctionsExpressRequests).toBe(100);
  });

  it('alerts the host instead when the property gives no backups', async () => {
    await setUp(false);
    await world.runUntil(CHECK + MINUTE);
    const alerts = world.runtime.outbox.entries.filter((e) => e.via === 'alert');
    expect(alerts.map((e) => [e.at, e.message.kind])).toContainEqual([CHECK, 'code_failed']);
  });

  it('runs again the next day, at 08:00 New York', async () => {
    await setUp(true);
    const runs: number[] = [];
    const run = world.runtime.healthcheck.run.bind(world.runtime.healthcheck);
    vi.spyOn(world.runtime.healthcheck, 'run').mockImplementation(() => {
      runs.push(Date.now());
      return run();
    });
    await world.runUntil(CHECK + 48 * HOUR + MINUTE);
    expect(runs.map(iso)).toEqual([iso(CHECK), iso(CHECK + 24 * HOUR), iso(CHECK + 48 * HOUR)]);
  });
});

describe('R4.3 the healthcheck definition the local runtime runs', () => {
  it('is the synthesized Distributed Map over the shards, its task at the local shard ARN', () => {
    const definition = synthesizedHealthcheckDefinition(100) as {
      States: Record<string, { Type: string; ItemsPath?: string; ItemProcessor?: Record<string, unknown> }>;
    };
    const map = Object.values(definition.States).find((s) => s.Type === 'Map');
    expect(map?.ItemsPath).toBe('$.shards');
    expect(map?.ItemProcessor).toMatchObject({ ProcessorConfig: { Mode: 'DISTRIBUTED' } });
    const tasks = Object.values((map?.ItemProcessor?.States ?? {}) as Record<string, { Resource?: string }>);
    expect(tasks.map((t) => t.Resource)).toEqual([LOCAL_HEALTHCHECK_SHARD_ARN]);
  });
});
