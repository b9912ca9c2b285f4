import type { ScheduledEntry } from '#core/model.ts';
import type { FaultPlan } from './fault-plan.ts';

/** EventBridge Scheduler delivers at least once: now and then an entry fires twice at its instant. */
export function firingTwiceSometimes(
  plan: FaultPlan,
  fire: (entry: ScheduledEntry) => Promise<void>,
): (entry: ScheduledEntry) => Promise<void> {
  return async (entry) => {
    const draw = plan.stream(`schedule|${entry.name}|${entry.at}`);
    const twice = plan.roll(draw, plan.settings.schedulerDuplicateRate, 'duplicateSchedule');
    await Promise.all(twice ? [fire(entry), fire(entry)] : [fire(entry)]);
  };
}
