import type { Cost } from '#local/aws-cost.ts';
import type { Report } from '../report.ts';
import {
  attemptsAndBackupsByDay,
  type DailySeries,
  type Outage,
  type OutageChart,
  outagesAgainstStays,
  workingCodesByArrivalDay,
} from './report-charts.ts';

// Chart.js configurations for the HTML report, as plain JSON: the page's script only adds the
// formatting callbacks JSON cannot carry (flagged by `timeline`).

export interface ChartSpec {
  id: string;
  title: string;
  /** What the chart shows, for screen readers (the canvas's label). */
  summary: string;
  /** The x axis is milliseconds since the epoch: the page formats its ticks and tooltips as dates. */
  timeline?: true;
  /** CSS height in pixels: a timeline grows with its rows. */
  height: number;
  config: { type: 'bar'; data: unknown; options: Record<string, unknown> };
}

// Colours that keep 3:1 contrast against white for graphics (WCAG 1.4.11).
export const COLOURS = {
  good: '#2e7d32',
  bad: '#c62828',
  attempt: '#1565c0',
  failed: '#e65100',
  backup: '#6a1b9a',
  stay: '#1565c0',
  offline: '#c62828',
} as const;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `2026-12-04` → `Dec 4`: fixed English names, so the page reads the same on every machine. */
export const shortDay = (day: string) => `${MONTHS[Number(day.slice(5, 7)) - 1]} ${Number(day.slice(8, 10))}`;

const axisTitle = (text: string) => ({ display: true, text });

const baseOptions = {
  animation: false,
  responsive: true,
  maintainAspectRatio: false,
  plugins: { legend: { position: 'bottom' } },
};

function dailyBars(series: DailySeries, colours: string[], stacked: boolean, xTitle: string, yTitle: string) {
  return {
    type: 'bar' as const,
    data: {
      labels: series.days.map(shortDay),
      datasets: series.series.map((s, i) => ({
        label: s.label,
        data: s.values,
        backgroundColor: colours[i],
      })),
    },
    options: {
      ...baseOptions,
      scales: {
        x: { stacked, title: axisTitle(xTitle) },
        y: { stacked, beginAtZero: true, ticks: { precision: 0 }, title: axisTitle(yTitle) },
      },
    },
  };
}

function timelineBars(chart: OutageChart) {
  const lockIds = chart.rows.map((r) => r.lockId);
  return {
    type: 'bar' as const,
    data: {
      labels: lockIds,
      datasets: [
        {
          label: 'Lock offline',
          data: chart.rows.flatMap((r) => r.outages.map((w) => ({ x: w, y: r.lockId }))),
          backgroundColor: `${COLOURS.offline}99`,
          borderColor: COLOURS.offline,
          borderWidth: 1,
          barPercentage: 0.9,
          categoryPercentage: 1,
          grouped: false,
          order: 1, // drawn first: the stays stay visible across an outage
        },
        {
          label: 'Stay (code window)',
          data: chart.rows.flatMap((r) => r.stays.map((s) => ({ x: s.span, y: r.lockId }))),
          backgroundColor: COLOURS.stay,
          borderColor: '#ffffff',
          borderWidth: 1,
          barPercentage: 0.4,
          categoryPercentage: 1,
          grouped: false,
          order: 0,
        },
      ],
    },
    options: {
      ...baseOptions,
      indexAxis: 'y',
      scales: {
        x: {
          type: 'linear',
          min: chart.span[0],
          max: chart.span[1],
          ticks: { stepSize: 86_400_000, maxRotation: 0 },
          title: axisTitle('Day (UTC)'),
        },
        y: { title: axisTitle('Lock') },
      },
    },
  };
}

const SERVICES = [
  ['dynamodb', 'DynamoDB'],
  ['stepFunctions', 'Step Functions'],
  ['lambda', 'Lambda'],
  ['scheduler', 'EventBridge Scheduler'],
] as const;

/** The infrastructure services a reservation's lifecycle pays for; SES and SMS are in the table beside. */
export const infraServices = (cost: Cost) =>
  SERVICES.map(([key, name]) => ({ name, usdPerMillion: cost.byService[key] * 1e6 }));

function costBars(cost: Cost) {
  const rows = infraServices(cost);
  return {
    type: 'bar' as const,
    data: {
      labels: rows.map((r) => r.name),
      datasets: [
        {
          label: 'USD per million reservations',
          data: rows.map((r) => Number(r.usdPerMillion.toFixed(2))),
          backgroundColor: COLOURS.attempt,
        },
      ],
    },
    options: {
      ...baseOptions,
      indexAxis: 'y',
      plugins: { legend: { display: false } },
      scales: { x: { beginAtZero: true, title: axisTitle('USD per million reservations') } },
    },
  };
}

export function chartSpecs(report: Report, outages: Outage[], cost: Cost): ChartSpec[] {
  const timeline = outagesAgainstStays(report, outages);
  const specs: ChartSpec[] = [
    {
      id: 'working-codes',
      title: 'Working codes by arrival day',
      summary:
        'Stacked bars per arrival day: stays whose guest held a working code at arrival, and stays without.',
      height: 280,
      config: dailyBars(
        workingCodesByArrivalDay(report),
        [COLOURS.good, COLOURS.bad],
        true,
        'Arrival day (UTC)',
        'Stays',
      ),
    },
    {
      id: 'attempts-backups',
      title: 'Attempts and backups over time',
      summary: 'Bars per day: attempts to set a code on a lock, failed attempts, backup codes issued.',
      height: 280,
      config: dailyBars(
        attemptsAndBackupsByDay(report),
        [COLOURS.attempt, COLOURS.failed, COLOURS.backup],
        false,
        'Day (UTC)',
        'Count',
      ),
    },
  ];
  if (timeline.rows.length > 0)
    specs.push({
      id: 'outages-stays',
      title: 'Lock outages against stays',
      summary: 'One row per lock that went offline: its outages, and the code windows of the stays on it.',
      timeline: true,
      height: 120 + 56 * timeline.rows.length,
      config: timelineBars(timeline),
    });
  specs.push({
    id: 'cost-by-service',
    title: 'Infrastructure cost by service',
    summary:
      'Horizontal bars: USD per million reservations for DynamoDB, Step Functions, Lambda and Scheduler.',
    height: 240,
    config: costBars(cost),
  });
  return specs;
}
