import type { Deps } from '#core/deps.ts';
import type { ScheduledEntry } from '#core/model.ts';
import type { LockProvider } from '#ports/lock-provider.ts';
import { firingTwiceSometimes } from './duplicate-schedules.ts';
import { FaultPlan, type FaultSettings, FunctionCrashError } from './fault-plan.ts';
import { faultyPort, type PortKind } from './faulty-ports.ts';
import { faultyLockDeliveries } from './lock-deliveries.ts';

type Deliver = (headers: Record<string, string>, body: string) => Promise<void>;

// The kind of each port of Deps, for faultyPort; ports absent here (clock, random, ids, metrics)
// are not calls to another service and never fail.
const PORT_KINDS: Partial<Record<keyof Deps, PortKind>> = {
  properties: 'store',
  locks: 'store',
  connections: 'store',
  reservations: 'store',
  accessCodes: 'store',
  pools: 'store',
  hostAccounts: 'store',
  feeds: 'store',
  staff: 'store',
  email: 'guestSender',
  sms: 'guestSender',
  channelMessenger: 'guestSender',
  hostNotifier: 'other',
  outboundWebhooks: 'other',
  scheduler: 'other',
  workflows: 'other',
  feedFetcher: 'other',
};

/**
 * The local runtime's platform faults (R9.5): with no settings every method hands work through
 * untouched, so a scenario without `faults` runs exactly as before.
 */
export class PlatformFaults {
  readonly plan: FaultPlan | undefined;

  constructor(settings?: FaultSettings) {
    this.plan = settings ? new FaultPlan(settings) : undefined;
  }

  /** The functions' ports, each failing as its service would. */
  deps(deps: Deps): Deps {
    const plan = this.plan;
    if (!plan) return deps;
    const wrapped: Record<string, unknown> = { ...deps };
    for (const [name, kind] of Object.entries(PORT_KINDS)) {
      wrapped[name] = faultyPort(deps[name as keyof Deps] as object, plan, kind);
    }
    const providers = new Map<string, LockProvider>();
    wrapped.lockProvider = (name: Parameters<Deps['lockProvider']>[0]) => {
      let provider = providers.get(name);
      if (!provider) {
        provider = faultyPort(deps.lockProvider(name), plan, 'lockProvider');
        providers.set(name, provider);
      }
      return provider;
    };
    return wrapped as unknown as Deps;
  }

  /** A table port outside Deps (the webhook delivery records, the channel inbox), failing as the others. */
  store<T extends object>(port: T): T {
    return this.plan ? faultyPort(port, this.plan, 'store') : port;
  }

  /** One function invocation: it may die after any call, and then answers nothing. */
  invoke<T>(key: string, run: () => Promise<T>): Promise<T> {
    return this.plan ? this.plan.invoke(key, run) : run();
  }

  /** The lock provider's webhooks: lost, doubled or late. */
  lockDeliveries(deliver: Deliver): Deliver {
    return this.plan ? faultyLockDeliveries(this.plan, deliver) : deliver;
  }

  /** The scheduler's firing: now and then twice. */
  schedulerFiring(fire: (entry: ScheduledEntry) => Promise<void>) {
    return this.plan ? firingTwiceSometimes(this.plan, fire) : fire;
  }
}

export const isFunctionCrash = (error: unknown): boolean => error instanceof FunctionCrashError;
