import type { EntryKind } from '#core/model.ts';
import { SEAM_RETRIES, SEAM_RETRIES_BEHIND_API, type SeamRetrySettings } from '../config/seam-retries.ts';

// Lockstep's wiring facts, stated once: lib/ deploys them, aws-deps.ts and local/runtime.ts wire them.
// lib/ reads this file, so it imports nothing at run time (type-only imports of the core's model).

/** Every Lambda function of Lockstep: its entry file under lambdas/functions/ and what it serves. */
export const FUNCTIONS = {
  channelWebhook: {
    entry: 'channel-webhook.ts',
    purpose: 'POST /webhooks/channel: admits signed channel partner events into the inbox',
  },
  channelInbox: {
    entry: 'channel-inbox.ts',
    purpose: 'Table stream consumer: acts on each channel delivery in the inbox (R9.1, R9.5)',
  },
  lockWebhook: { entry: 'lock-webhook.ts', purpose: 'POST /webhooks/locks: signed lock provider events' },
  hostApi: { entry: 'host-api.ts', purpose: 'ANY /v1/*: the host API behind the JWT authorizer' },
  scheduledEntry: {
    entry: 'scheduled-entry.ts',
    purpose: 'EventBridge Scheduler target: guest message and deletion',
  },
  provisionAttempt: {
    entry: 'provision-attempt.ts',
    purpose: 'Provisioning workflow task: request codes on locks',
  },
  provisionCheck: {
    entry: 'provision-check.ts',
    purpose: 'Provisioning workflow task: confirmations and the retry plan',
  },
  healthcheckShard: {
    entry: 'healthcheck-shard.ts',
    purpose: 'Daily healthcheck task: one shard of the codes due in 24 hours (R4.3)',
  },
  feedShard: {
    entry: 'feed-shard.ts',
    purpose: 'Calendar feed reading: one shard of the feeds due, every 15 minutes (R10.1)',
  },
} as const;

export type FunctionName = keyof typeof FUNCTIONS;

/** A function's short name, its entry file without `.ts`: `scheduled-entry`. */
export function functionLabel(name: FunctionName): string {
  return FUNCTIONS[name].entry.replace(/\.ts$/, '');
}

/**
 * Who may call a route: hosts with a JWT (checked by API Gateway), anyone, or a partner whose
 * signature and timestamp the function checks on every delivery (R9.1).
 */
export type RouteAuth = 'jwt' | 'public' | 'signed-webhook';

export interface HttpRouteFact {
  readonly method: 'GET' | 'POST' | 'ANY';
  /** A trailing `{proxy+}` stands for any rest of the path. */
  readonly path: string;
  readonly function: FunctionName;
  readonly auth: RouteAuth;
}

/** The HTTP API's routes. */
export const HTTP_ROUTES = [
  { method: 'POST', path: '/webhooks/channel', function: 'channelWebhook', auth: 'signed-webhook' },
  { method: 'POST', path: '/webhooks/locks', function: 'lockWebhook', auth: 'signed-webhook' },
  { method: 'ANY', path: '/v1/{proxy+}', function: 'hostApi', auth: 'jwt' },
  // The host API's function serves its OpenAPI document without a token.
  { method: 'GET', path: '/openapi.json', function: 'hostApi', auth: 'public' },
] as const satisfies readonly HttpRouteFact[];

/** The functions behind the HTTP API. */
export type HttpFunctionName = (typeof HTTP_ROUTES)[number]['function'];

const BEHIND_API = new Set<FunctionName>(HTTP_ROUTES.map((route) => route.function));

/**
 * How a function's Seam client retries one request: within the HTTP API's 30 s for the functions
 * behind it. lib/ sets each function's timeout above its worst case.
 */
export function seamRetriesOf(name: FunctionName): SeamRetrySettings {
  return BEHIND_API.has(name) ? SEAM_RETRIES_BEHIND_API : SEAM_RETRIES;
}

/** A route as API Gateway keys it: `POST /webhooks/channel`. */
export function routeKey(route: HttpRouteFact): string {
  return `${route.method} ${route.path}`;
}

/** The workflows and the functions that run their tasks, by each task's role in the workflow. */
export const WORKFLOW_TASKS = {
  provisioning: { attempt: 'provisionAttempt', check: 'provisionCheck' },
  healthcheck: { checkShard: 'healthcheckShard' },
} as const satisfies Record<string, Record<string, FunctionName>>;

export type WorkflowName = keyof typeof WORKFLOW_TASKS;
/** The functions that run a workflow's tasks. */
export type TaskFunction<W extends WorkflowName> =
  (typeof WORKFLOW_TASKS)[W][keyof (typeof WORKFLOW_TASKS)[W]];

/** The one function EventBridge Scheduler invokes with an entry (the deployment has one such ARN). */
export const ENTRY_FUNCTION = 'scheduledEntry' satisfies FunctionName;

/**
 * Where each scheduled entry kind fires: a retry of provisioning starts its workflow, the others
 * invoke the entry function (the first attempt and its check run there, so a code confirmed at once
 * costs no Standard workflow execution). Every kind of the core's model must be here.
 */
export const ENTRY_TARGETS = {
  provision: ENTRY_FUNCTION,
  'provision-check': ENTRY_FUNCTION,
  'provision-retry': 'provisioning',
  message: ENTRY_FUNCTION,
  delete: ENTRY_FUNCTION,
  'backup-check': ENTRY_FUNCTION,
} as const satisfies Record<EntryKind, WorkflowName | typeof ENTRY_FUNCTION>;

export type EntryTarget = (typeof ENTRY_TARGETS)[EntryKind];

/** Each entry kind's destination, given each target's (an ARN on AWS, a dispatcher locally). */
export function byEntryKind<T>(targets: Readonly<Record<EntryTarget, T>>): Record<EntryKind, T> {
  const entries = Object.entries(ENTRY_TARGETS) as [EntryKind, EntryTarget][];
  return Object.fromEntries(entries.map(([kind, target]) => [kind, targets[target]])) as Record<EntryKind, T>;
}

/**
 * The function the table's stream invokes with each new inbox item, and how: one record a batch,
 * a few retries close together (the shard waits meanwhile), then the on-failure queue (R9.5).
 */
export const INBOX_CONSUMER = {
  function: 'channelInbox',
  batchSize: 1,
  retryAttempts: 4,
} as const satisfies { function: FunctionName; batchSize: number; retryAttempts: number };

/** R4.3: the daily healthcheck's wall time, in a zone whose DST it follows. */
export const HEALTHCHECK_SCHEDULE = { hour: 8, minute: 0, timeZone: 'America/New_York' } as const;

/** R10.1: how often the calendar feeds are read, every shard each time. */
export const FEED_READ_EVERY_MINUTES = 15;

/** The function a feed-reading round invokes with `{ shard }`, every FEED_READ_EVERY_MINUTES. */
export const FEED_READING_FUNCTION = 'feedShard' satisfies FunctionName;
