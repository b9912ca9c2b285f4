import { seamWebhookFormat } from '#adapters/http/seam-webhook.ts';
import { hostApi } from '#handlers/http/host-api.ts';
import { withHttpMiddleware } from '#handlers/http/with-http-middleware.ts';
import { loadConfig } from '../config/load.ts';
import { awsDeps } from './aws-deps.ts';
import { seamRetriesOf } from './catalog.ts';

// No secret at cold start: /openapi.json and the read routes work before Seam's key is set.
export const handler = withHttpMiddleware(
  hostApi(awsDeps(loadConfig(), { seamRetries: seamRetriesOf('hostApi') }), seamWebhookFormat),
);
