import { healthcheckShard } from '#handlers/scheduled/healthcheck-shard.ts';
import { withLogging } from '#handlers/with-logging.ts';
import { loadConfig } from '../config/load.ts';
import { awsDeps } from './aws-deps.ts';

export const handler = withLogging(healthcheckShard(awsDeps(loadConfig())));
