import { afterAll, beforeAll, describe, expect, expectTypeOf, it, vi } from 'vitest';

// Every invocation logs its event and function name, so the local runtime's routing can be read back.
vi.hoisted(() => {
  process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
  process.env.POWERTOOLS_LOGGER_LOG_EVENT = 'true';
});

import { Template } from 'aws-cdk-lib/assertions';
import type { EntryInput } from '#core/reservations/run-entry.ts';
import { OPENAPI_PATH } from '#handlers/http/openapi.ts';
import { LocalRuntime } from '#local/runtime.ts';
import {
  type ENTRY_FUNCTION,
  type ENTRY_TARGETS,
  FUNCTIONS,
  type FunctionName,
  functionLabel,
  HTTP_ROUTES,
  routeKey,
} from '../../lambdas/functions/catalog.ts';
import { buildTestApp, logicalIdOf } from '../lib/app-fixture.ts';
import { captureOutput } from '../support/capture-output.ts';

type Resource = { Type: string; Properties: Record<string, unknown> };

/** The catalog's routes as `key → function (authorization)`, the form both checks below read back. */
const catalogRoutes = (authorization: (auth: string) => string, name: (fn: FunctionName) => string) =>
  HTTP_ROUTES.map(
    (route) => `${routeKey(route)} → ${name(route.function)} (${authorization(route.auth)})`,
  ).sort();

describe('the synthesized HTTP API', () => {
  const { application } = buildTestApp();
  const resources = Object.entries(
    Template.fromStack(application).toJSON().Resources as Record<string, Resource>,
  );
  const functionOf = new Map(
    (Object.keys(FUNCTIONS) as FunctionName[]).map((name) => [
      logicalIdOf(application.functions[name].function, application),
      name,
    ]),
  );
  const integrationFunction = new Map(
    resources
      .filter(([, r]) => r.Type === 'AWS::ApiGatewayV2::Integration')
      .map(([id, r]) => [
        id,
        functionOf.get((r.Properties.IntegrationUri as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0]),
      ]),
  );

  it('has exactly the catalog routes, each to its function, the JWT ones behind the authorizer', () => {
    const routes = resources
      .filter(([, r]) => r.Type === 'AWS::ApiGatewayV2::Route')
      .map(([, r]) => {
        const [, parts] = (r.Properties.Target as { 'Fn::Join': [string, [string, { Ref: string }]] })[
          'Fn::Join'
        ];
        return `${r.Properties.RouteKey} → ${integrationFunction.get(parts[1].Ref)} (${r.Properties.AuthorizationType})`;
      })
      .sort();
    expect(routes).toEqual(
      catalogRoutes(
        (auth) => (auth === 'jwt' ? 'JWT' : 'NONE'),
        (fn) => fn,
      ),
    );
  });
});

describe('the local runtime', () => {
  let runtime: LocalRuntime;

  beforeAll(async () => {
    runtime = await LocalRuntime.start();
  });

  afterAll(async () => {
    await runtime?.stop();
  });

  it('routes each catalog route to its function, and refuses a JWT route without a token before any runs', async () => {
    const token = runtime.jwt.issue('host-1', Date.now());
    const invoked: string[] = [];
    const refused: string[] = [];
    const lines = await captureOutput(async () => {
      for (const route of HTTP_ROUTES) {
        const request = {
          method: route.method === 'ANY' ? 'GET' : route.method,
          path: route.path.replace('{proxy+}', 'properties'),
        };
        const lambdaCalls = runtime.calls.lambda;
        const anonymous = await runtime.request(request);
        if (runtime.calls.lambda === lambdaCalls && anonymous.statusCode === 401)
          refused.push(routeKey(route));
        if (route.auth === 'jwt')
          await runtime.request({ ...request, headers: { authorization: `Bearer ${token}` } });
      }
    });
    for (const line of lines.filter((l) => l.startsWith('{'))) {
      const log = JSON.parse(line) as { function_name?: string; event?: { routeKey?: string } };
      if (log.event?.routeKey) invoked.push(`${log.event.routeKey} → ${log.function_name} (invoked)`);
    }
    expect(invoked.sort()).toEqual(catalogRoutes(() => 'invoked', functionLabel));
    expect(refused).toEqual(HTTP_ROUTES.filter((r) => r.auth === 'jwt').map(routeKey));
  });

  it('answers a path outside the catalog with 404, as API Gateway does', async () => {
    expect((await runtime.request({ method: 'GET', path: '/v2/properties' })).statusCode).toBe(404);
  });
});

describe('the catalog', () => {
  it('serves the host API function’s OpenAPI document on its public route', () => {
    expect(HTTP_ROUTES.filter((r) => r.auth === 'public').map((r) => [r.function, r.path])).toEqual([
      ['hostApi', OPENAPI_PATH],
    ]);
  });

  it('sends the entry function exactly the kinds the core runs as plain functions', () => {
    type FunctionKinds = {
      [K in keyof typeof ENTRY_TARGETS]: (typeof ENTRY_TARGETS)[K] extends typeof ENTRY_FUNCTION ? K : never;
    }[keyof typeof ENTRY_TARGETS];
    expectTypeOf<FunctionKinds>().toEqualTypeOf<EntryInput['kind']>();
  });
});
