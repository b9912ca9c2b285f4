import * as z from 'zod';
import type { Deps } from '#core/deps.ts';
import { attemptProvisioning } from '#core/provisioning/attempt.ts';
import { checkProvisioning } from '#core/provisioning/check.ts';
import { validate } from '../http/validate.ts';

const ProvisioningTaskInput = z.object({ hostId: z.string().min(1), reservationId: z.string().min(1) });

/** Task `Attempt` of the provisioning workflow. */
export const provisionAttempt = (deps: Deps) => async (event: unknown) =>
  attemptProvisioning(deps, validate(ProvisioningTaskInput, event));

/** Task `Check` of the provisioning workflow. */
export const provisionCheck = (deps: Deps) => async (event: unknown) =>
  checkProvisioning(deps, validate(ProvisioningTaskInput, event));
