import { AsyncLocalStorage } from 'node:async_hooks';
import { seededRandom } from '../random.ts';

/** The scenario's `faults` section (docs/simulation-contract.md, "Platform faults"), every rate 0..1. */
export interface FaultSettings {
  seed: number;
  store: { errorRate: number; ambiguousWriteRate: number };
  lockProvider: {
    errorRate: number;
    lostWebhookRate: number;
    duplicateWebhookRate: number;
    /** A confirmation is held back between these two numbers of minutes. */
    webhookDelayMinutes: [number, number];
  };
  channelWebhooks: { duplicateRate: number; reorderWithinMinutes: number };
  functionCrashRate: number;
  schedulerDuplicateRate: number;
}

/** The kinds `kpis.faultsInjected` counts, in report order. */
export const FAULT_KINDS = [
  'storeError',
  'ambiguousWrite',
  'lockProviderError',
  'lostLockWebhook',
  'duplicateLockWebhook',
  'lateLockWebhook',
  'duplicateChannelDelivery',
  'reorderedChannelDelivery',
  'functionCrash',
  'duplicateSchedule',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** One function invocation as the faults see it: its own draws, and whether it has died. */
export interface Invocation {
  readonly draw: () => number;
  /** The call after which it dies, or undefined when it lives (functionCrashRate). */
  readonly crashAfterCall: number | undefined;
  calls: number;
  dead: boolean;
  /** Guest message ids it handed to a sender: if it then dies, a retry may send them again (R9.5). */
  readonly sentMessageIds: string[];
}

/** How many calls into an invocation a crash may come: one of the first few. */
const CRASH_WITHIN_CALLS = 6;

/**
 * Decides every injected fault. Draws come from the faults' own seed, never the scenario's, and are
 * keyed by what they are about (an invocation's event, a delivery's id) and how often that key was
 * seen, so a fault lands on the same work whatever order concurrent work ran in.
 */
export class FaultPlan {
  readonly settings: FaultSettings;
  private readonly counts = new Map<FaultKind, number>();
  private readonly seen = new Map<string, number>();
  private readonly current = new AsyncLocalStorage<Invocation>();
  /** Guest message ids sent by invocations that then died or failed before answering. */
  readonly messagesSentByFailedRuns = new Set<string>();

  constructor(settings: FaultSettings) {
    this.settings = settings;
  }

  /** A generator for one occurrence of `key`: the n-th time a key is asked for, the n-th stream. */
  stream(key: string): () => number {
    const n = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, n);
    return seededRandom(hash(`${this.settings.seed}|${key}|${n}`));
  }

  /** True with probability `rate`, counted under `kind` when true. */
  roll(draw: () => number, rate: number, kind: FaultKind): boolean {
    const hit = rate > 0 && draw() < rate;
    if (hit) this.count(kind);
    return hit;
  }

  count(kind: FaultKind): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
  }

  /** Counts by kind, every kind present, in a fixed order (byte-identical reports). */
  injected(): Record<FaultKind, number> {
    return Object.fromEntries(FAULT_KINDS.map((k) => [k, this.counts.get(k) ?? 0])) as Record<
      FaultKind,
      number
    >;
  }

  /** Runs one function invocation keyed by `key`; port calls inside it see its faults. */
  invoke<T>(key: string, run: () => Promise<T>): Promise<T> {
    const draw = this.stream(`invoke|${key}`);
    const crashes = this.roll(draw, this.settings.functionCrashRate, 'functionCrash');
    const invocation: Invocation = {
      draw,
      crashAfterCall: crashes ? 1 + Math.floor(draw() * CRASH_WITHIN_CALLS) : undefined,
      calls: 0,
      dead: false,
      sentMessageIds: [],
    };
    return this.current.run(invocation, async () => {
      try {
        const result = await run();
        // Fewer calls than the crash point: it dies just before answering.
        if (invocation.crashAfterCall !== undefined) die(invocation);
        return result;
      } catch (error) {
        for (const id of invocation.sentMessageIds) this.messagesSentByFailedRuns.add(id);
        throw invocation.dead ? new FunctionCrashError() : error;
      }
    });
  }

  /** The invocation running here, if any: work outside functions (the simulator's probes) sees no faults. */
  invocation(): Invocation | undefined {
    return this.current.getStore();
  }
}

/**
 * A function that died mid-run (the runtime exited). Named as Lambda reports it, so a state
 * machine's Retry can name it too.
 */
export class FunctionCrashError extends Error {
  constructor() {
    super('the function died before answering');
    this.name = 'Runtime.ExitError';
  }
}

/** Marks the invocation dead and throws: nothing it does after this point happens. */
export function die(invocation: Invocation): never {
  invocation.dead = true;
  throw new FunctionCrashError();
}

/** FNV-1a, 32 bits: a key's seed. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
