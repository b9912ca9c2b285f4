import type { Cost } from '#local/aws-cost.ts';
import type { Report } from '../report.ts';
import { type ChartSpec, chartSpecs, infraServices, shortDay } from './chart-configs.ts';
import { PAGE_SCRIPT, PAGE_STYLE } from './page-assets.ts';
import {
  attemptsAndBackupsByDay,
  type DailySeries,
  type Outage,
  outagesAgainstStays,
  workingCodesByArrivalDay,
} from './report-charts.ts';

// `npm run simulate -- SCENARIO.json --html REPORT.html`: one self-contained page (no network: the
// charting library, script and style are inline, and its CSP forbids fetching anything) with the
// KPIs and charts a host reads at a glance. Built from the report alone, plus the scenario's outages.
// No PIN appears on the page: it may be passed around.

export interface ReportPageInput {
  report: Report;
  /** The scenario's lock outages: the report does not repeat them. */
  outages: Outage[];
  cost: Cost;
  /** What the run was (the scenario file's name). */
  title: string;
  /** Chart.js's UMD build, inlined as it is. */
  chartLibrary: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const esc = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
/** Inline script text cannot hold `</script`: escape every `<` inside JSON. */
const jsonForScript = (value: unknown) => JSON.stringify(value).replaceAll('<', '\\u003c');

const percent = (rate: number | null) => (rate === null ? 'n/a' : `${(rate * 100).toFixed(1)} %`);
const usd = (n: number) => `$${n.toPrecision(3)}`;
const whenUtc = (t: number) => `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

interface Kpi {
  key: string;
  label: string;
  value: string;
  /** Whether the figure is as it should be (a zero of things that must be zero), for colour. */
  tone?: 'good' | 'bad';
}

function kpis(report: Report, cost: Cost): Kpi[] {
  const k = report.kpis;
  const mustBeZero = (n: number) => (n === 0 ? 'good' : 'bad');
  return [
    { key: 'reservations', label: 'Reservations', value: String(k.reservations) },
    {
      key: 'workingCodeAtActiveFromRate',
      label: 'Working code at arrival',
      value: percent(k.workingCodeAtActiveFromRate),
      tone: k.workingCodeAtActiveFromRate === null || k.workingCodeAtActiveFromRate === 1 ? 'good' : 'bad',
    },
    {
      key: 'guestsWithoutWorkingCode',
      label: 'Guests without a working code',
      value: String(k.guestsWithoutWorkingCode),
      tone: mustBeZero(k.guestsWithoutWorkingCode),
    },
    { key: 'backupCodesIssued', label: 'Backup codes issued', value: String(k.backupCodesIssued) },
    { key: 'guestMessages', label: 'Guest messages', value: String(k.guestMessages) },
    { key: 'hostAlerts', label: 'Host alerts', value: String(k.hostAlerts) },
    {
      key: 'codesLeftAfterDeletionDue',
      label: 'Codes left after deletion due',
      value: String(k.codesLeftAfterDeletionDue),
      tone: mustBeZero(k.codesLeftAfterDeletionDue),
    },
    {
      key: 'foreignCodesTouched',
      label: 'Foreign codes touched',
      value: String(k.foreignCodesTouched),
      tone: mustBeZero(k.foreignCodesTouched),
    },
    {
      key: 'infraUsdPerReservation',
      label: 'Infrastructure cost per reservation',
      value: usd(cost.infraUsdPerReservation),
    },
  ];
}

function kpiList(items: Kpi[]): string {
  const item = (k: Kpi) =>
    `<div class="kpi${k.tone ? ` kpi-${k.tone}` : ''}" data-kpi="${k.key}"><dt>${esc(k.label)}</dt>` +
    `<dd>${esc(k.value)}</dd></div>`;
  return `<dl class="kpis">${items.map(item).join('')}</dl>`;
}

function table(caption: string, head: string[], rows: string[][]): string {
  const cells = (tag: string, row: string[]) => row.map((c) => `<${tag}>${esc(c)}</${tag}>`).join('');
  return (
    `<details><summary>${esc(caption)}</summary><table><thead><tr>${cells('th', head)}</tr></thead>` +
    `<tbody>${rows.map((r) => `<tr>${cells('td', r)}</tr>`).join('')}</tbody></table></details>`
  );
}

const dailyTable = (series: DailySeries) =>
  table(
    'The numbers',
    ['Day (UTC)', ...series.series.map((s) => s.label)],
    series.days.map((d, i) => [shortDay(d), ...series.series.map((s) => String(s.values[i] ?? 0))]),
  );

function outageTable(report: Report, outages: Outage[]): string {
  const chart = outagesAgainstStays(report, outages);
  const rows = chart.rows.map((r) => [
    r.lockId,
    r.outages.map(([from, to]) => `${whenUtc(from)} – ${whenUtc(to)}`).join('; '),
    String(r.stays.length),
    String(r.staysHit),
  ]);
  const more =
    chart.moreLocks > 0 ? `<p class="note">and ${chart.moreLocks} more locks with outages</p>` : '';
  return (
    table('The numbers', ['Lock', 'Offline', 'Stays on the lock', 'Stays during an outage'], rows) + more
  );
}

function costTable(report: Report, cost: Cost): string {
  const n = report.kpis.reservations;
  const rows = [
    ...infraServices(cost).map((s) => ({ name: s.name, perReservation: s.usdPerMillion / 1e6 })),
    { name: 'Infrastructure', perReservation: cost.infraUsdPerReservation },
    { name: 'SES email', perReservation: cost.byService.ses },
    { name: 'SMS (SNS)', perReservation: cost.byService.sns },
    { name: 'All', perReservation: cost.totalUsdPerReservation },
  ];
  return (
    '<p class="note">Priced at us-east-1 list prices. The daily healthcheck costs the same each day however ' +
    'few stays there are, so it weighs most in a small run.</p><table class="cost"><thead><tr><th>Service</th><th>Per reservation</th><th>This run</th></tr></thead><tbody>' +
    rows
      .map(
        (r) =>
          `<tr><td>${esc(r.name)}</td><td>${usd(r.perReservation)}</td><td>${usd(r.perReservation * n)}</td></tr>`,
      )
      .join('') +
    '</tbody></table>'
  );
}

function figure(spec: ChartSpec, details: string): string {
  return (
    `<section class="chart" aria-labelledby="${spec.id}-title"><h2 id="${spec.id}-title">${esc(spec.title)}</h2>` +
    `<div class="canvas-box" style="height:${spec.height}px">` +
    `<canvas id="${spec.id}" role="img" aria-label="${esc(spec.summary)}"></canvas></div>${details}</section>`
  );
}

export function reportPage(input: ReportPageInput): string {
  const { report, outages, cost } = input;
  const specs = chartSpecs(report, outages, cost);
  const details: Record<string, string> = {
    'working-codes': dailyTable(workingCodesByArrivalDay(report)),
    'attempts-backups': dailyTable(attemptsAndBackupsByDay(report)),
    'outages-stays': outageTable(report, outages),
    'cost-by-service': costTable(report, cost),
  };
  const noOutage = specs.some((s) => s.id === 'outages-stays')
    ? ''
    : '<section class="chart"><h2>Lock outages against stays</h2><p>No lock was offline in this run.</p></section>';
  const period = `${whenUtc(Date.parse(report.scenario.start))} to ${whenUtc(Date.parse(report.scenario.end))}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(input.title)}: simulation report</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header><h1>${esc(input.title)}</h1><p>Simulated ${esc(period)}, seed ${report.scenario.seed}.</p></header>
<main>
<section aria-label="Key figures">${kpiList(kpis(report, cost))}</section>
<div class="charts">
${specs.map((s) => figure(s, details[s.id] ?? '')).join('\n')}
${noOutage}
</div>
</main>
<script type="application/json" id="chart-specs">${jsonForScript(specs)}</script>
<script>${input.chartLibrary}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
