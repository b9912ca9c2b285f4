import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDeliveryRecords } from '#adapters/aws/dynamo-delivery-records.ts';
import { SeamWebhooks } from '#adapters/http/seam-webhook.ts';
import { lockDeliveries } from '#handlers/http/webhook-deliveries.ts';
import { withHttpMiddleware } from '#handlers/http/with-http-middleware.ts';
import { loadConfig } from '../config/load.ts';
import { awsDeps } from './aws-deps.ts';

const config = loadConfig();
const deps = await awsDeps(config);
const deliveries = new DynamoDeliveryRecords(new DynamoDBClient({}), config.tableName);
export const handler = withHttpMiddleware(
  lockDeliveries({ ...deps, lockWebhooks: new SeamWebhooks(deps.secrets.lockProvider, 'seam') }, deliveries),
);
