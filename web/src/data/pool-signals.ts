import type { PoolSignal } from '../api/types.ts';

/** R6.4's three pool signals in the host's words, with how serious each is. */
const POOL_SIGNALS: Record<PoolSignal, [severity: 'problem' | 'warning', text: string]> = {
  empty_backup_access_code_pool: ['problem', 'No backup code is programmed'],
  partial_backup_access_code_pool: ['warning', 'Some backup codes failed to program'],
  many_active_backup_codes: ['warning', 'Over 75 % of backup codes are with guests'],
};

export const poolSignal = (signal: string) => POOL_SIGNALS[signal as PoolSignal] ?? ['warning', signal];
