import type { Context } from 'aws-lambda';
import type { HttpRequest } from '#handlers/http/http.ts';

export interface LocalRequest {
  method: string;
  path: string;
  query?: string;
  headers: Record<string, string>;
  body: string;
  requestId: string;
  now: number;
  /** Claims a verified JWT carried, as API Gateway's JWT authorizer passes them. */
  claims?: Record<string, unknown>;
}

/** An HTTP request as API Gateway (HTTP API, payload 2.0) hands it to a Lambda function. */
export function toApiGatewayEvent(request: LocalRequest, routeKey: string): HttpRequest {
  return {
    version: '2.0',
    routeKey,
    rawPath: request.path,
    rawQueryString: request.query ?? '',
    headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v])),
    body: request.body,
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: request.method,
        path: request.path,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: '',
      },
      requestId: request.requestId,
      routeKey,
      stage: '$default',
      time: new Date(request.now).toISOString(),
      timeEpoch: request.now,
      ...(request.claims ? { authorizer: { jwt: { claims: request.claims, scopes: [] } } } : {}),
    },
  } as HttpRequest;
}

/** Enough of a Lambda context for middy and the Powertools logger. */
export function localContext(functionName: string, requestId: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '256',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 30_000,
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}
