import { seamWebhookFormat } from '#adapters/http/seam-webhook.ts';
import { hostApi } from '#handlers/http/host-api.ts';
import { withHttpMiddleware } from '#handlers/http/with-http-middleware.ts';
import { loadConfig } from '../config/load.ts';
import { awsDeps } from './aws-deps.ts';

export const handler = withHttpMiddleware(hostApi(await awsDeps(loadConfig()), seamWebhookFormat));
