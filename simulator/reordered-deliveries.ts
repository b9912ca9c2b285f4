import type { Instant } from '#core/model.ts';
import type { FaultPlan } from '#local/faults/fault-plan.ts';
import type { ScenarioReservation } from './scenario.ts';

const MINUTE = 60_000;

/**
 * Which of a stay's channel deliveries arrive after their next neighbour (`channelWebhooks.
 * reorderWithinMinutes`): each pair of successive reservation events (acceptance = -1, then the
 * indexes of `events`) closer than the window is swapped on a coin toss from the faults' seed. The
 * earlier one then arrives right after the later one. Host messages are not reservation events.
 */
export function heldBackDeliveries(
  plan: FaultPlan | undefined,
  r: ScenarioReservation,
  acceptedAt: Instant,
): Map<number, Instant> {
  const held = new Map<number, Instant>();
  const window = (plan?.settings.channelWebhooks.reorderWithinMinutes ?? 0) * MINUTE;
  if (!plan || window <= 0) return held;
  const deliveries = [{ index: -1, at: acceptedAt }];
  for (const [index, e] of r.events.entries()) {
    if (e.type !== 'message') deliveries.push({ index, at: Date.parse(e.at) });
  }
  for (let i = 0; i + 1 < deliveries.length; i++) {
    const earlier = deliveries[i];
    const later = deliveries[i + 1];
    if (!earlier || !later || held.has(earlier.index) || later.at - earlier.at > window) continue;
    if (later.at < earlier.at) continue;
    const draw = plan.stream(`reorder|${r.id}|${earlier.index}`);
    // A swapped pair's later event is not swapped again with its own next neighbour.
    if (draw() < 0.5) {
      plan.count('reorderedChannelDelivery');
      held.set(earlier.index, later.at);
      i++;
    }
  }
  return held;
}
