import { FEED_READ_EVERY_MINUTES } from '../lambdas/functions/catalog.ts';
import type { AwsCalls } from './aws-calls.ts';
import { MAX_TIMER_MS } from './timers.ts';

type ShardHandler = (input: { shard: number }) => Promise<unknown>;

const EVERY_MS = FEED_READ_EVERY_MINUTES * 60_000;

/**
 * The scheduled feed reading on the local runtime (R10.1): at every quarter hour of the runtime's
 * clock (wall or virtual), the feed-shard handler runs once per shard, as the Lambda would.
 */
export class LocalFeedReading {
  private readonly readShard: ShardHandler;
  private readonly calls: AwsCalls;
  private readonly shards: number;
  private readonly onFailure: (error: unknown) => void;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(readShard: ShardHandler, calls: AwsCalls, shards: number, onFailure: (error: unknown) => void) {
    this.readShard = readShard;
    this.calls = calls;
    this.shards = shards;
    this.onFailure = onFailure;
  }

  /** Arms the next quarter hour after now, then every quarter hour after each run. */
  start(): void {
    this.stop();
    this.armFor(nextRun());
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** One round: every shard, one invocation each. */
  async run(): Promise<void> {
    for (let shard = 0; shard < this.shards; shard++) {
      this.calls.lambda++;
      try {
        await this.readShard({ shard });
      } catch (error) {
        this.onFailure(error);
      }
    }
  }

  private armFor(at: number): void {
    this.timer = setTimeout(
      () => {
        if (Date.now() < at) return this.armFor(at);
        void this.run();
        this.armFor(nextRun());
      },
      Math.min(MAX_TIMER_MS, Math.max(0, at - Date.now())),
    );
    this.timer.unref?.();
  }
}

/** The next quarter hour strictly after now, as a rate schedule on AWS would fire. */
const nextRun = (): number => (Math.floor(Date.now() / EVERY_MS) + 1) * EVERY_MS;
