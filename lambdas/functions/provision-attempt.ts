import { withLogging } from '#handlers/with-logging.ts';
import { provisionAttempt } from '#handlers/workflow/provisioning-tasks.ts';
import { loadConfig } from '../config/load.ts';
import { awsDeps } from './aws-deps.ts';

export const handler = withLogging(provisionAttempt(awsDeps(loadConfig())));
