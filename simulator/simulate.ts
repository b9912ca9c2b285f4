import type { LocalStoreKind } from '#local/local-stores.ts';
import { seededRandom, sequentialIds } from '#local/random.ts';
import { LocalRuntime } from '#local/runtime.ts';
import { VirtualTime } from '#local/virtual-time.ts';
import { FeedWorld } from './feed-world.ts';
import { buildReport, type Report } from './report.ts';
import type { Scenario } from './scenario.ts';
import { CHANNEL_SECRET, SimulatedWorld } from './world.ts';

export interface SimulateOptions {
  /** Called as virtual time moves, with the share of the scenario's span already played. */
  onProgress?: (fraction: number) => void;
  /**
   * Where the product keeps its state: `memory` (the default) runs the in-memory store, held to the
   * same contract tests as DynamoStore; `dynalite` runs the real DynamoStore against dynalite.
   */
  store?: LocalStoreKind;
  /** Shown the runtime once the run is over, before it stops (bench:sim reads its call counts). */
  onFinished?: (runtime: LocalRuntime) => void;
  /** Shown the runtime once the scenario is set up, before time runs (tests watch the locks with onProgress). */
  onStarted?: (runtime: LocalRuntime) => void;
}

/**
 * Replays a scenario through the real handlers, store code and synthesized workflow in virtual
 * time. Same scenario and seed, same report, byte for byte.
 */
export async function simulate(scenario: Scenario, options: SimulateOptions = {}): Promise<Report> {
  const start = Date.parse(scenario.start);
  const end = Date.parse(scenario.end);
  const runtime = await LocalRuntime.start({
    random: seededRandom(scenario.seed),
    newId: sequentialIds(),
    store: options.store ?? 'memory',
    channelSecrets: [CHANNEL_SECRET],
    lockProviderSecret: `whsec_${Buffer.from('simulated-lock-provider-secret').toString('base64')}`,
    ...(scenario.faults ? { faults: scenario.faults } : {}),
  });
  // The workflow's Retry jitter draws from Math.random: seed it too, for the run's length only.
  const mathRandom = Math.random;
  Math.random = seededRandom(scenario.seed ^ 0x5eed);
  // A run reports failures by their message; stack traces it never shows cost more than whole
  // handlers (aws-local-stepfunctions' JSONPath throws an Error for each path it evaluates).
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  // Version 2's feeds, served on loopback: the server starts on real timers, before the virtual clock.
  const feeds = await FeedWorld.start(runtime, scenario);
  const time = VirtualTime.install(start, runtime.activity);
  runtime.healthcheck.start(); // R4.3: armed on the virtual clock, so 08:00 New York in scenario time
  try {
    const world = new SimulatedWorld(runtime, scenario, feeds);
    await world.setUp();
    options.onStarted?.(runtime);
    // R10.1's quarter-hour reading, armed only with feeds to read: a version 1 report stays as it was.
    if (feeds) runtime.feedReading.start();
    await time.runUntil(end, (now) => options.onProgress?.(Math.min(1, (now - start) / (end - start))));
    // A failure is what the product did: the report says so instead of the run stopping.
    for (const f of runtime.failures) {
      const about = f.reservationId ? { reservationId: f.reservationId } : {};
      world.observations.notes.push({ at: f.at, ...about, note: `failure: ${f.what}` });
    }
    world.observations.notes.sort((a, b) => a.at - b.at);
    const report = await buildReport(runtime, scenario, world.observations, feeds);
    options.onFinished?.(runtime);
    return report;
  } finally {
    time.uninstall();
    Math.random = mathRandom;
    Error.stackTraceLimit = stackTraceLimit;
    await feeds?.stop();
    await runtime.stop();
  }
}
