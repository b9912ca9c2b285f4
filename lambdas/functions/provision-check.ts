import { withLogging } from '#handlers/with-logging.ts';
import { provisionCheck } from '#handlers/workflow/provisioning-tasks.ts';
import { loadConfig } from '../config/load.ts';
import { awsDeps } from './aws-deps.ts';

export const handler = withLogging(provisionCheck(awsDeps(loadConfig())));
