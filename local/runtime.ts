import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { InvokeStore } from '@aws/lambda-invoke-store';
import { secureRandom } from '#adapters/common/secure-random.ts';
import { HttpFeedFetcher } from '#adapters/http/feed-fetcher.ts';
import { SandboxLockProvider } from '#adapters/local/sandbox-locks.ts';
import { MemoryFailedWorkQueue } from '#adapters/memory/memory-failed-work.ts';
import { FEED_SHARDS } from '#config/table-layout.ts';
import type { Deps } from '#core/deps.ts';
import type { ScheduledEntry } from '#core/model.ts';
import { correlated } from '#handlers/correlation.ts';
import type { HttpResponse } from '#handlers/http/http.ts';
import { feedShard } from '#handlers/scheduled/feed-shard.ts';
import { healthcheckShard } from '#handlers/scheduled/healthcheck-shard.ts';
import { scheduledEntry } from '#handlers/scheduled/scheduled-entry.ts';
import { withLogging } from '#handlers/with-logging.ts';
import { provisionAttempt, provisionCheck } from '#handlers/workflow/provisioning-tasks.ts';
import type { InboxDelivery } from '#ports/channel-inbox.ts';
import {
  byEntryKind,
  ENTRY_FUNCTION,
  type EntryTarget,
  functionLabel,
} from '../lambdas/functions/catalog.ts';
import { Activity } from './activity.ts';
import { localContext } from './api-gateway-event.ts';
import { AsyncInvocations } from './async-invocations.ts';
import { type AwsCalls, inFunction, noAwsCalls } from './aws-calls.ts';
import { type EntryDispatch, EntryFiring } from './entry-firing.ts';
import { PlatformFaults } from './faults/platform-faults.ts';
import { localInboxConsumer } from './inbox-consumer.ts';
import { JsonListFile } from './json-list-file.ts';
import { LocalJwtIssuer } from './jwt.ts';
import { httpFunctions, LocalApiGateway, type LocalHttpRequest } from './local-api-gateway.ts';
import { LocalFeedReading } from './local-feed-reading.ts';
import { LocalHealthcheck } from './local-healthcheck.ts';
import { LocalInboxStream } from './local-inbox-stream.ts';
import { LocalScheduler } from './local-scheduler.ts';
import { type LocalStores, startLocalStores } from './local-stores.ts';
import { LocalWorkflows, type RunningExecution } from './local-workflows.ts';
import { LocalMetrics } from './metrics.ts';
import { Outbox } from './outbox.ts';
import type { RuntimeOptions } from './runtime-options.ts';
import { TrackedFeedFetcher } from './tracked-feed-fetcher.ts';
import { WebhookOutbox } from './webhook-outbox.ts';

/**
 * Lockstep on one machine: the same handlers and core as on AWS, with dynalite (or the in-memory store), a local scheduler,
 * aws-local-stepfunctions running the synthesized workflow, sandbox locks and an outbox.
 * Routes and entry targets are the catalog's; the clock is whatever Date is (wall time, or virtual).
 */
export class LocalRuntime {
  readonly activity = new Activity();
  readonly calls: AwsCalls = noAwsCalls();
  readonly jwt = new LocalJwtIssuer();
  /** What the functions counted (CloudWatch metrics on AWS). */
  readonly metrics = new LocalMetrics();
  readonly channelSecrets: string[];
  readonly lockProviderSecret: string;
  /** Work that failed where no caller could see it (a workflow execution, a scheduled entry). */
  readonly failures: { at: number; reservationId: string; what: string }[] = [];
  /** Lambda's on-failure destination for scheduled entries, failed executions and inbox deliveries (R9.5). */
  readonly failedWork = new MemoryFailedWorkQueue();
  readonly faults: PlatformFaults;
  private entries!: EntryFiring;
  private asyncInvocations!: AsyncInvocations;
  /** The channel webhook's inbox and its stream: each admitted delivery's consumer run and outcome. */
  inbox!: LocalInboxStream;
  private readonly options: RuntimeOptions;
  private stores!: LocalStores;
  deps!: Deps;
  scheduler!: LocalScheduler;
  workflows!: LocalWorkflows;
  /** The daily healthcheck (R4.3); `start()` arms its 08:00 New York entry on the runtime's clock. */
  healthcheck!: LocalHealthcheck;
  /** The calendar feed reading (R10.1); `start()` arms it at every quarter hour of the runtime's clock. */
  feedReading!: LocalFeedReading;
  /** Feed reads as tracked work; a server holding a request parks it (`held`), so virtual time reaches its timeout. */
  feedFetches!: TrackedFeedFetcher;
  sandbox!: SandboxLockProvider;
  outbox!: Outbox;
  /** Signed outbound webhooks (R6.5), recorded. */
  readonly webhooks = new WebhookOutbox('whsec_local_outbound');
  private gateway!: LocalApiGateway;
  private requestCount = 0;
  private invokeStore!: Awaited<ReturnType<typeof InvokeStore.getInstanceAsync>>;

  constructor(options: RuntimeOptions = {}) {
    this.options = options;
    this.faults = new PlatformFaults(options.faults);
    this.channelSecrets = options.channelSecrets ?? [randomUUID()];
    // Seam's webhook secrets are Svix keys: whsec_ and base64 bytes.
    this.lockProviderSecret = options.lockProviderSecret ?? `whsec_${randomBytes(24).toString('base64')}`;
  }

  static async start(options: RuntimeOptions = {}): Promise<LocalRuntime> {
    const runtime = new LocalRuntime(options);
    await runtime.init();
    return runtime;
  }

  private async init(): Promise<void> {
    // Invocations overlap in this one process, as on Lambda managed instances: each runs in its own
    // InvokeStore context, so the logger's per-invocation state (context, correlation id) stays its own.
    process.env.AWS_LAMBDA_MAX_CONCURRENCY ??= '1000';
    this.invokeStore = await InvokeStore.getInstanceAsync(true);
    this.stores = await startLocalStores(
      this.options.store ?? 'dynalite',
      this.activity,
      this.calls,
      this.options.dataPath && path.join(this.options.dataPath, 'dynamo'),
    );
    const onDisk = <T>(name: string) =>
      this.options.dataPath ? new JsonListFile<T>(path.join(this.options.dataPath, name)) : undefined;
    const newId = this.options.newId ?? (() => randomUUID());
    this.outbox = new Outbox(this.calls, this.options.onMessage);
    this.sandbox = new SandboxLockProvider({
      now: () => Date.now(),
      newId: (prefix) => `${prefix}_${newId()}`,
      webhookSecret: this.lockProviderSecret,
      confirmationDelayMs: this.options.confirmationDelayMs,
      deliver: this.faults.lockDeliveries(async (headers, body) => {
        const response = await this.request({ method: 'POST', path: '/webhooks/locks', headers, body });
        if (response.statusCode !== 200) throw new Error(`lock webhook answered ${response.statusCode}`);
      }),
    });
    this.scheduler = new LocalScheduler(
      this.calls,
      this.faults.schedulerFiring((entry) => this.entries.fire(entry)),
      onDisk<ScheduledEntry>('schedules.json'),
    );
    const tasks = {
      provisionAttempt: this.taskHandler('provision-attempt', (deps) => provisionAttempt(deps)),
      provisionCheck: this.taskHandler('provision-check', (deps) => provisionCheck(deps)),
    };
    // A failed execution goes to the on-failure destination (an EventBridge rule on AWS), to run again.
    this.workflows = new LocalWorkflows(
      tasks,
      this.calls,
      (error, input) => {
        const work = { kind: 'provision' as const, ...input, name: `provision-${input.reservationId}` };
        void this.entries.failed(work, error);
      },
      onDisk<RunningExecution>('executions.json'),
    );
    this.healthcheck = new LocalHealthcheck(
      this.taskHandler('healthcheck-shard', (deps) => healthcheckShard(deps)),
      this.calls,
      (error) => this.fail(Date.now(), '', `healthcheck: ${String(error)}`),
    );
    this.feedReading = new LocalFeedReading(
      this.taskHandler('feed-shard', (deps) => feedShard(deps)),
      this.calls,
      FEED_SHARDS,
      (error) => this.fail(Date.now(), '', `feed reading: ${String(error)}`),
    );
    this.feedFetches = new TrackedFeedFetcher(
      new HttpFeedFetcher({ allowLoopbackHttp: true }),
      this.activity,
    );
    this.deps = correlated(
      this.faults.deps({
        ...this.stores.stores,
        feeds: this.stores.feeds,
        staff: this.stores.staff,
        // R10.7: the local runtime also reads plain http on loopback (test servers, a local PMS).
        feedFetcher: this.feedFetches,
        scheduler: this.scheduler,
        workflows: this.workflows,
        lockProvider: () => this.sandbox,
        email: this.outbox,
        sms: this.outbox,
        channelMessenger: this.outbox,
        hostNotifier: this.outbox,
        outboundWebhooks: this.webhooks,
        metrics: this.metrics,
        clock: { now: () => Date.now() },
        random: this.options.random ?? secureRandom,
        newId,
      }),
    );
    const deps = this.deps;
    // One on-failure destination and sweep for every kind of asynchronous work, as on AWS.
    this.asyncInvocations = new AsyncInvocations({
      activity: this.activity,
      queue: this.failedWork,
      redrive: (work) =>
        work.kind === 'channel-delivery'
          ? this.inbox.redrive(work)
          : this.entries.redrive({ ...work, kind: work.kind }),
      onDestination: (work, error) =>
        this.fail(work.failedAt, work.reservationId, `${work.kind}: ${String(error)}`),
    });
    const deliveries = this.faults.store(this.stores.deliveries);
    this.inbox = new LocalInboxStream({
      activity: this.activity,
      asyncInvocations: this.asyncInvocations,
      file: onDisk<InboxDelivery>('inbox.json'),
      consume: localInboxConsumer({
        deps,
        records: deliveries,
        calls: this.calls,
        invoke: (label, handler, key) => this.invocation(label, handler, key),
      }),
    });
    this.gateway = new LocalApiGateway({
      calls: this.calls,
      jwt: this.jwt,
      // The stream sits under the faults: a put that was applied and then timed out still streams.
      routes: httpFunctions(deps, deliveries, this.faults.store(this.inbox.streamed(this.stores.inbox)), {
        channelSecrets: this.channelSecrets,
        lockProviderSecret: this.lockProviderSecret,
      }),
      invoke: (label, handler, key) => this.invocation(label, handler, key),
    });
    const entryHandler = withLogging(scheduledEntry(deps));
    const targets: Record<EntryTarget, EntryDispatch> = {
      provisioning: (entry, input) => this.workflows.startProvisioning(input, `${entry.name}-${Date.now()}`),
      [ENTRY_FUNCTION]: async (entry, input) => {
        this.calls.lambda++;
        await this.invocation(
          functionLabel(ENTRY_FUNCTION),
          entryHandler,
          `${ENTRY_FUNCTION}|${entry.name}`,
        )({ kind: entry.kind, ...input }, localContext(functionLabel(ENTRY_FUNCTION), entry.name));
      },
    };
    this.entries = new EntryFiring({
      activity: this.activity,
      targets: byEntryKind(targets),
      asyncInvocations: this.asyncInvocations,
    });
  }

  /** Work that failed where no caller could see it, for the host's view and the report. */
  private fail(at: number, reservationId: string, what: string): void {
    this.failures.push({ at, reservationId, what });
  }

  private taskHandler(name: string, make: (deps: Deps) => (event: unknown) => Promise<unknown>) {
    return (input: unknown) =>
      this.activity.track(async () => {
        const handler = this.invocation(
          name,
          withLogging(make(this.deps)),
          `${name}|${JSON.stringify(input)}`,
        );
        return handler(input, localContext(name, `${name}-${++this.requestCount}`) as never);
      });
  }

  /**
   * One Lambda invocation: its own logger state, even while others are running, and the platform's
   * faults for the event `key` names.
   */
  private invocation<E, C, R>(label: string, handler: (event: E, context: C) => Promise<R>, key: string) {
    return (event: E, context: C): Promise<R> =>
      this.invokeStore.run({}, () =>
        inFunction(label, () => this.faults.invoke(key, () => handler(event, context))),
      );
  }

  /** Answers an HTTP request as API Gateway and the functions behind it would. */
  async request(request: LocalHttpRequest): Promise<HttpResponse> {
    return this.activity.track(() => this.gateway.request(request, `req-${++this.requestCount}`));
  }

  /**
   * After a restart on the same `dataPath`: the scheduled entries come back (overdue ones fire at
   * once) and the provisioning executions the last process left running start again. Called once the
   * lock provider knows its devices, so nothing runs against a provider that is not ready.
   */
  resume(): { entries: number; executions: number; deliveries: number } {
    return {
      entries: this.scheduler.resume(),
      executions: this.workflows.resume(),
      deliveries: this.inbox.resume(),
    };
  }

  /** DynamoDB calls by the function that made them, on the in-memory store (bench:sim's breakdown). */
  get dynamodbCallsByFunction(): Readonly<Record<string, number>> {
    return this.stores.callsByFunction;
  }

  async stop(): Promise<void> {
    this.healthcheck.stop();
    this.feedReading.stop();
    await this.stores.stop();
  }
}
