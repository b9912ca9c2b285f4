import { Logger } from '@aws-lambda-powertools/logger';
import { redactPins } from './log-redaction.ts';

/** One structured logger for every function; its replacer masks PINs in every line (R9.4). */
export const logger = new Logger({ serviceName: 'lockstep', jsonReplacerFn: redactPins });
