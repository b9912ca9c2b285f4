import { scheduledJob } from '#handlers/jobs/scheduled-job.ts';
import { withLogging } from '#handlers/with-logging.ts';
import { loadConfig } from '../config/load.ts';
import { awsDeps } from './aws-deps.ts';

export const handler = withLogging(scheduledJob(await awsDeps(loadConfig())));
