import type { ProvisioningInput } from '#ports/workflows.ts';
import type { Deps } from '../deps.ts';
import { alertCodeFailed } from '../messages/alert-host.ts';
import { type CheckResult, checkProvisioning } from './attempt.ts';

const NOT_SET = new Set(['pending', 'requested', 'failed']);

/**
 * The workflow's Check step, plus R8.2: when the retries run out with the code still not on a lock,
 * the host hears it (unless the code message already told them, for the same stay window).
 */
export async function checkProvisioningAndAlert(deps: Deps, input: ProvisioningInput): Promise<CheckResult> {
  const result = await checkProvisioning(deps, input);
  if (result.outcome !== 'stopped') return result;
  const r = await deps.reservations.getReservation(input.hostId, input.reservationId);
  if (r?.status !== 'accepted') return result;
  const failing = r.code.locks.filter((s) => NOT_SET.has(s.status)).map((s) => s.lockId);
  if (failing.length === 0) return result;
  const property = await deps.properties.getProperty(r.hostId, r.propertyId);
  await alertCodeFailed(deps, r, property, failing, 'retries_exhausted');
  return result;
}
