import { EVERY_FAULT } from '../simulator/every-fault.ts';
import { generateScenario } from '../simulator/generate.ts';
import type { Report } from '../simulator/report.ts';
import type { Scenario } from '../simulator/scenario.ts';
import { simulate } from '../simulator/simulate.ts';

// `npm run bench:faults` (R9.5): a generated scenario (1,000 reservations over 30 days by default,
// BENCH_RESERVATIONS to change it) replayed twice, on a calm platform and with every platform fault
// on, and the guests' outcomes compared. Prints the differences, the faults injected and the time.

const RESERVATIONS = Number(process.env.BENCH_RESERVATIONS ?? 1_000);
const generated = generateScenario({
  reservations: RESERVATIONS,
  properties: Math.max(1, Math.ceil(RESERVATIONS / 20)),
  locks: Math.max(2, Math.ceil(RESERVATIONS / 12)),
  days: 30,
  seed: 2026,
});

async function timed(scenario: Scenario): Promise<{ report: Report; seconds: number }> {
  const startedAt = performance.now();
  const report = await simulate(scenario);
  return { report, seconds: Number(((performance.now() - startedAt) / 1000).toFixed(1)) };
}

/** What a guest experienced: the code working at activeFrom, being told, a backup, the host's alerts. */
const outcome = (r: Report['reservations'][number]) =>
  JSON.stringify({
    status: r.status,
    working: r.workingCodeAtActiveFrom,
    told: r.guestMessages.length > 0,
    backup: r.backup !== null,
    alerts: r.hostAlerts.map((a) => a.kind),
  });

const calm = await timed(generated);
const faulty = await timed({ ...generated, faults: EVERY_FAULT });
const before = new Map(calm.report.reservations.map((r) => [r.id, outcome(r)]));
const changed = faulty.report.reservations
  .filter((r) => before.get(r.id) !== outcome(r))
  .map((r) => ({ id: r.id, calm: before.get(r.id), faulty: outcome(r) }));
const k = faulty.report.kpis;
console.log(
  JSON.stringify(
    {
      reservations: k.reservations,
      calm: {
        seconds: calm.seconds,
        workingCodeAtActiveFromRate: calm.report.kpis.workingCodeAtActiveFromRate,
        codesLeftAfterDeletionDue: calm.report.kpis.codesLeftAfterDeletionDue,
        foreignCodesTouched: calm.report.kpis.foreignCodesTouched,
        hostAlerts: calm.report.kpis.hostAlerts,
      },
      faulty: {
        seconds: faulty.seconds,
        workingCodeAtActiveFromRate: k.workingCodeAtActiveFromRate,
        codesLeftAfterDeletionDue: k.codesLeftAfterDeletionDue,
        foreignCodesTouched: k.foreignCodesTouched,
        hostAlerts: k.hostAlerts,
        faultsInjected: k.faultsInjected,
        duplicateGuestMessages: k.duplicateGuestMessages,
        duplicateGuestMessagesAfterCrash: k.duplicateGuestMessagesAfterCrash,
      },
      guestsWhoseOutcomeChanged: changed.length,
      firstChanges: changed.slice(0, 10),
    },
    null,
    2,
  ),
);
