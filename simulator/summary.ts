import type { Report } from './report.ts';

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

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
    // Version 2: each staff member's windows and the lock codes they took (R12).
    ...(report.staff ?? []).map((member): [string, string] => {
      const windows = new Set(member.codes.map((c) => `${c.validFrom} ${c.validUntil}`)).size;
      const left = member.codes.filter((c) => c.removedAt === null).length;
      return [
        `staff ${member.id}`,
        `${count(windows, 'window')}, ${count(member.codes.length, 'lock code')}, ${left} left on a lock`,
      ];
    }),
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
}
