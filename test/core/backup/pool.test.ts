import { describe, expect, it } from 'vitest';
import {
  expiredIssues,
  issuable,
  nextPoolHealth,
  type PoolCode,
  poolCodeName,
  poolSignals,
  poolSize,
} from '#core/backup/pool.ts';

const code = (poolCodeId: string, status: PoolCode['status'], extra: Partial<PoolCode> = {}): PoolCode => ({
  hostId: 'h1',
  lockId: 'front',
  poolCodeId,
  pin: `40${poolCodeId}`,
  name: `Backup ${poolCodeId}`,
  status,
  createdAt: Number(poolCodeId),
  version: 1,
  ...extra,
});
const key = { hostId: 'h1', lockId: 'front' };

describe('R6.1 pool size per lock', () => {
  it('keeps 5 codes on a model that supports a pool, and the size the lock asks for', () => {
    expect(poolSize({ model: 'august' })).toBe(5);
    expect(poolSize({ model: 'august', backupPoolSize: 8 })).toBe(8);
  });

  it('keeps none on a model without the capability unless the lock says it has it', () => {
    expect(poolSize({ model: 'igloohome' })).toBe(0);
    expect(poolSize({ model: 'igloohome', supportsBackupPool: true })).toBe(5);
    expect(poolSize({ model: 'nuki', supportsBackupPool: false })).toBe(0);
  });

  it('names pool codes uniquely within 12 characters', () => {
    expect(poolCodeName(new Set(['Backup 1', 'Backup 2']))).toBe('Backup 3');
  });
});

describe('R6.4 pool health signals', () => {
  it('is empty when no code is programmed and free', () => {
    expect(poolSignals([code('1', 'requested'), code('2', 'issued')], 5)).toEqual([
      'empty_backup_access_code_pool',
    ]);
  });

  it('is partial when some codes failed to program', () => {
    expect(poolSignals([code('1', 'set'), code('2', 'failed')], 5)).toEqual([
      'partial_backup_access_code_pool',
    ]);
  });

  it('warns when more than 75 % of the pool is issued, not at exactly 75 %', () => {
    const four = [code('1', 'issued'), code('2', 'issued'), code('3', 'issued'), code('4', 'set')];
    expect(poolSignals(four, 4)).toEqual([]);
    expect(poolSignals([...four.slice(0, 3), code('4', 'issued'), code('5', 'set')], 5)).toEqual([
      'many_active_backup_codes',
    ]);
  });

  it('raises and clears signals as events, and reports no change when nothing changed', () => {
    const raised = nextPoolHealth(undefined, key, [], 5, 100);
    expect(raised?.events).toEqual([{ at: 100, signal: 'empty_backup_access_code_pool', active: true }]);
    expect(nextPoolHealth(raised, key, [], 5, 150)).toBeUndefined();
    const cleared = nextPoolHealth(raised, key, [code('1', 'set')], 5, 200);
    expect(cleared?.active).toEqual([]);
    expect(cleared?.events.at(-1)).toEqual({
      at: 200,
      signal: 'empty_backup_access_code_pool',
      active: false,
    });
    expect(cleared?.version).toBe(2);
  });
});

describe('R6.2 R6.3 which codes are issued and retired', () => {
  it('issues only programmed free codes, oldest first', () => {
    const codes = [code('3', 'set'), code('1', 'issued'), code('2', 'set'), code('4', 'requested')];
    expect(issuable(codes).map((c) => c.poolCodeId)).toEqual(['2', '3']);
  });

  it('retires an issued code once its reservation’s activeUntil has passed', () => {
    const issued = code('1', 'issued', { issuedTo: { reservationId: 'r1', at: 10, until: 500 } });
    expect(expiredIssues([issued], 499)).toEqual([]);
    expect(expiredIssues([issued], 500)).toEqual([issued]);
  });
});
