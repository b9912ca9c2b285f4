import { backupPoolView } from '#core/backup/pool-view.ts';
import { NotFoundError } from '#core/errors.ts';
import { json } from '../http.ts';
import { type RouteEntry, route } from '../route.ts';
import { LockPath } from '../schemas/host-api.ts';

/**
 * GET /v1/locks/{lockId}/backup-pool (R6.4): the pool's size and counts, the health signals active
 * now and their raised/cleared history. PINs of pool codes are not shown (R9.4).
 */
export const backupPoolRoute: RouteEntry = route(
  'GET',
  '/v1/locks/{lockId}/backup-pool',
  { summary: 'Read a lock’s backup code pool and its health signals (R6.4)', params: LockPath },
  async (deps, hostId, { params }) => {
    const view = await backupPoolView(deps, hostId, params.lockId);
    if (!view) throw new NotFoundError('lock', 'lockId');
    return json(200, view);
  },
);
