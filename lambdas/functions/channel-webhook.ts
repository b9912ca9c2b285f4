import { channelWebhook } from '#handlers/http/channel-webhook.ts';
import { withHttpMiddleware } from '#handlers/http/with-http-middleware.ts';
import { loadConfig } from '../config/load.ts';
import { awsDeps, webhookSecrets } from './aws-deps.ts';

const config = loadConfig();
const secrets = await webhookSecrets(config);
export const handler = withHttpMiddleware(
  channelWebhook({ ...awsDeps(config), channelSecrets: secrets.channel }),
);
