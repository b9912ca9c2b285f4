import type { FaultKind } from '#local/faults/fault-plan.ts';
import { isGuestEntry } from '#local/outbox.ts';
import type { LocalRuntime } from '#local/runtime.ts';

/** Version 2's fault figures (R9.5): what was injected, and what the guests saw twice. */
export interface FaultKpis {
  faultsInjected: Record<FaultKind, number>;
  /** A guest given the same message twice, by email or SMS (channel partners drop a repeated id). */
  duplicateGuestMessages: number;
  /** Of those, repeats of a message sent by a run that died before recording it: R9.5 allows these. */
  duplicateGuestMessagesAfterCrash: number;
}

/** The fault KPIs of a run with faults; none for a run without (its report stays as it was). */
export function faultKpis(runtime: LocalRuntime): FaultKpis | undefined {
  const plan = runtime.faults.plan;
  if (!plan) return undefined;
  const repeats = runtime.outbox.repeatedGuestSends.filter(isGuestEntry);
  // The same words to the same guest on the same way under two ids is a duplicate too.
  const seen = new Set<string>();
  let sameWords = 0;
  for (const entry of runtime.outbox.entries) {
    if (!isGuestEntry(entry)) continue;
    const key = `${entry.via}|${entry.message.reservationId}|${entry.message.text}`;
    if (seen.has(key)) sameWords++;
    seen.add(key);
  }
  const afterCrash = repeats.filter((e) => plan.messagesSentByFailedRuns.has(e.message.messageId)).length;
  return {
    faultsInjected: plan.injected(),
    duplicateGuestMessages: repeats.length + sameWords,
    duplicateGuestMessagesAfterCrash: afterCrash,
  };
}
