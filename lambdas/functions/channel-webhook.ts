import { DynamoChannelInbox } from '#adapters/aws/dynamo-channel-inbox.ts';
import { channelIntake } from '#handlers/http/channel-intake.ts';
import { withHttpMiddleware } from '#handlers/http/with-http-middleware.ts';
import { loadConfig } from '../config/load.ts';
import { awsDeps } from './aws-deps.ts';
import { seamRetriesOf } from './catalog.ts';
import { routeOnSecret } from './route-on-secret.ts';

const config = loadConfig();
const deps = awsDeps(config, { seamRetries: seamRetriesOf('channelWebhook') });
const inbox = new DynamoChannelInbox(deps.dynamo, config.tableName);
export const handler = withHttpMiddleware(
  await routeOnSecret(
    () => deps.secrets.list('channelPartner'),
    (channelSecrets) => channelIntake({ ...deps, channelSecrets, inbox }),
  ),
);
