import { DynamoDeliveryRecords } from '#adapters/aws/dynamo-delivery-records.ts';
import { channelDeliveries } from '#handlers/http/webhook-deliveries.ts';
import { withHttpMiddleware } from '#handlers/http/with-http-middleware.ts';
import { loadConfig } from '../config/load.ts';
import { awsDeps } from './aws-deps.ts';
import { seamRetriesOf } from './catalog.ts';
import { routeOnSecret } from './route-on-secret.ts';

const config = loadConfig();
const deps = awsDeps(config, { seamRetries: seamRetriesOf('channelWebhook') });
const deliveries = new DynamoDeliveryRecords(deps.dynamo, config.tableName);
export const handler = withHttpMiddleware(
  await routeOnSecret(
    () => deps.secrets.list('channelPartner'),
    (channelSecrets) => channelDeliveries({ ...deps, channelSecrets }, deliveries),
  ),
);
