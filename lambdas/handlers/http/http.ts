import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import {
  ConflictError,
  DeliveryError,
  NotFoundError,
  PayloadTooLargeError,
  StaleWriteError,
  UnauthorizedError,
  ValidationError,
} from '#core/errors.ts';

export type HttpRequest = APIGatewayProxyEventV2 & {
  requestContext: { authorizer?: { jwt?: { claims?: Record<string, unknown> } } };
};
export type HttpResponse = APIGatewayProxyStructuredResultV2;
export type HttpRoute = (request: HttpRequest) => Promise<HttpResponse>;

export function json(statusCode: number, body: unknown): HttpResponse {
  return { statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** The raw body as the sender signed it. */
export function rawBody(request: HttpRequest): string {
  if (!request.body) return '';
  return request.isBase64Encoded ? Buffer.from(request.body, 'base64').toString('utf8') : request.body;
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError('body', 'must be a JSON document');
  }
}

const STATUS: ReadonlyArray<[new (...args: never[]) => Error, number]> = [
  [ValidationError, 400],
  [UnauthorizedError, 401],
  [NotFoundError, 404],
  [ConflictError, 409],
  [PayloadTooLargeError, 413],
  [StaleWriteError, 409],
  // A sender (the channel partner, SES, SNS) failed after its retries: the request may be repeated.
  [DeliveryError, 502],
];

/** One place maps errors to HTTP: 4xx say what was wrong; anything else is a 500 with only an id. */
export function errorResponse(
  error: unknown,
  correlationId: string,
): { response: HttpResponse; expected: boolean } {
  for (const [type, statusCode] of STATUS) {
    if (error instanceof type) {
      const { code, field } = error as Error & { code?: string; field?: string };
      return {
        response: json(statusCode, { error: { code, message: error.message, field }, correlationId }),
        expected: true,
      };
    }
  }
  return {
    response: json(500, {
      error: { code: 'internal_error', message: 'something went wrong' },
      correlationId,
    }),
    expected: false,
  };
}
