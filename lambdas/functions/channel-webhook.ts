import { channelWebhook } from '#handlers/http/channel-webhook.ts';
import { withHttpMiddleware } from '#handlers/http/with-http-middleware.ts';
import { loadConfig } from '../config/load.ts';
import { awsDeps } from './aws-deps.ts';

const deps = await awsDeps(loadConfig());
export const handler = withHttpMiddleware(channelWebhook({ ...deps, channelSecrets: deps.secrets.channel }));
