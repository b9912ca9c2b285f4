import type { Report } from './report.ts';

/** The short KPI table that ends a run's output. */
export function kpiTable(report: Report): string {
  const k = report.kpis;
  const rate =
    k.workingCodeAtActiveFromRate === null ? 'n/a' : `${(k.workingCodeAtActiveFromRate * 100).toFixed(1)} %`;
  const calls = Object.entries(k.awsCalls)
    .map(([service, n]) => `${service} ${n}`)
    .join(', ');
  const rows: [string, string][] = [
    ['reservations', String(k.reservations)],
    ['working code at activeFrom', rate],
    ['guests without a working code', String(k.guestsWithoutWorkingCode)],
    ['backup codes issued', String(k.backupCodesIssued)],
    ['guest messages', String(k.guestMessages)],
    ['host alerts', String(k.hostAlerts)],
    ['codes left after deletion due', String(k.codesLeftAfterDeletionDue)],
    ['foreign codes touched', String(k.foreignCodesTouched)],
    ['AWS calls', calls],
    ['notes', String(report.notes.length)],
    // Version 2: each calendar feed's reads, as the product counted them (R10.5).
    ...(report.calendars ?? []).map((c): [string, string] => [
      `feed ${c.id}`,
      `${c.reads} reads, ${c.failedReads} failed, ${c.hostAlerts.length} alerts`,
    ]),
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
}
