import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDeliveryRecords } from '#adapters/aws/dynamo-delivery-records.ts';
import { lockDeliveries } from '#handlers/http/webhook-deliveries.ts';
import { withHttpMiddleware } from '#handlers/http/with-http-middleware.ts';
import { loadConfig } from '../config/load.ts';
import { awsDeps } from './aws-deps.ts';

const config = loadConfig();
const deps = await awsDeps(config);
const deliveries = new DynamoDeliveryRecords(new DynamoDBClient({}), config.tableName);
export const handler = withHttpMiddleware(
  lockDeliveries(
    { ...deps, lockProviderSecrets: deps.secrets.lockProvider, lockProviderName: 'seam' },
    deliveries,
  ),
);
