import { Logger } from '@aws-lambda-powertools/logger';

/** One structured logger for every function. Log ids and outcomes, never a PIN (R9.4). */
export const logger = new Logger({ serviceName: 'lockstep' });
