import { readFileSync } from 'node:fs';
import type { Report, ReservationReport } from '../../simulator/report.ts';
import { parseScenario } from '../../simulator/scenario.ts';
import { type SimulateOptions, simulate } from '../../simulator/simulate.ts';

/** Replays `examples/<name>.json` through the simulator, as `npm run simulate` would. */
export const runExample = (name: string, options: SimulateOptions = {}): Promise<Report> =>
  simulate(parseScenario(JSON.parse(readFileSync(`examples/${name}.json`, 'utf8'))), options);

/** The report of one reservation; a missing one fails the test at once. */
export function byId(report: Report, id: string): ReservationReport {
  const found = report.reservations.find((r) => r.id === id);
  if (!found) throw new Error(`no reservation ${id}`);
  return found;
}
