import { scheduledEntry } from '#handlers/scheduled/scheduled-entry.ts';
import { withLogging } from '#handlers/with-logging.ts';
import { loadConfig } from '../config/load.ts';
import { awsDeps } from './aws-deps.ts';

export const handler = withLogging(scheduledEntry(awsDeps(loadConfig())));
