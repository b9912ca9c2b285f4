import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../simulator/report.ts';
import { launchChromium } from '../../web/tools/browser.ts';
import { expectAccessible } from '../web/browser-harness.ts';

// `npm run simulate -- examples/stormy-weekend.json --html …`: the page it writes, opened in
// Chromium from the file alone.

interface DrawnChart {
  id: string;
  width: number;
  datasets: { label: string; points: number }[];
  /** Values of the first dataset, for the charts whose points are plain numbers. */
  first: unknown[];
}

// A fresh process, as `npm run simulate` starts: no variable a runtime in this worker has set leaks in.
const { AWS_LAMBDA_MAX_CONCURRENCY: _, ...parentEnv } = process.env;

describe('the simulator’s HTML report in a browser', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lockstep-sim-html-'));
  const reportPath = join(dir, 'stormy.report.json');
  const htmlPath = join(dir, 'stormy.html');
  let report: Report;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    const run = spawnSync(
      process.execPath,
      ['simulator/cli.ts', 'examples/stormy-weekend.json', '--report', reportPath, '--html', htmlPath],
      { encoding: 'utf8', env: { ...parentEnv, POWERTOOLS_LOG_LEVEL: 'SILENT' } },
    );
    expect(run.status, run.stderr).toBe(0);
    report = JSON.parse(readFileSync(reportPath, 'utf8')) as Report;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(htmlPath).href);
    await page.locator('body[data-charts]').waitFor({ state: 'attached' });
  }, 180_000); // the run itself takes about 10 s alone, several times that on a busy machine

  afterAll(async () => {
    await browser?.close();
  });

  it('is one file: the page asks for nothing beyond itself', () => {
    expect(requests).toEqual([pathToFileURL(htmlPath).href]);
  });

  it('shows the report’s KPIs', async () => {
    const shown = async (key: string) => page.locator(`[data-kpi="${key}"] dd`).textContent();
    const k = report.kpis;
    expect(await shown('reservations')).toBe(String(k.reservations));
    expect(await shown('workingCodeAtActiveFromRate')).toBe(
      `${((k.workingCodeAtActiveFromRate ?? 0) * 100).toFixed(1)} %`,
    );
    expect(await shown('guestsWithoutWorkingCode')).toBe(String(k.guestsWithoutWorkingCode));
    expect(await shown('backupCodesIssued')).toBe(String(k.backupCodesIssued));
    expect(await shown('guestMessages')).toBe(String(k.guestMessages));
    expect(await shown('hostAlerts')).toBe(String(k.hostAlerts));
    expect(await shown('codesLeftAfterDeletionDue')).toBe(String(k.codesLeftAfterDeletionDue));
    expect(await shown('foreignCodesTouched')).toBe(String(k.foreignCodesTouched));
    expect(await shown('infraUsdPerReservation')).toMatch(/^\$0\.\d+$/);
  });

  it('draws the four charts, each with the run’s data', async () => {
    const charts = (await page.evaluate(() => {
      const chartOf = (globalThis as unknown as { Chart: { getChart(c: HTMLCanvasElement): unknown } }).Chart;
      return [...document.querySelectorAll('canvas')].map((canvas) => {
        const chart = chartOf.getChart(canvas) as {
          data: { datasets: { label: string; data: unknown[] }[] };
        };
        return {
          id: canvas.id,
          width: canvas.width,
          datasets: chart.data.datasets.map((d) => ({ label: d.label, points: d.data.length })),
          first: chart.data.datasets[0]?.data ?? [],
        };
      });
    })) as DrawnChart[];
    expect(charts.map((c) => c.id)).toEqual([
      'working-codes',
      'attempts-backups',
      'outages-stays',
      'cost-by-service',
    ]);
    for (const chart of charts) expect(chart.width, chart.id).toBeGreaterThan(300);
    const byId = (id: string): DrawnChart => {
      const chart = charts.find((c) => c.id === id);
      if (!chart) throw new Error(`no chart ${id}`);
      return chart;
    };
    const total = (id: string) => (byId(id).first as number[]).reduce((a, b) => a + b, 0);
    // Every judged stay is one arrival in the first chart: the stormy weekend's four all got in.
    expect(total('working-codes')).toBe(
      report.reservations.filter((r) => r.workingCodeAtActiveFrom !== null).length,
    );
    // R4.1: storm-1's seven attempts on the rejecting lock are among the attempts drawn.
    expect(total('attempts-backups')).toBeGreaterThanOrEqual(7);
    // Two locks go offline in the stormy weekend: two outage bars, and the stays on those locks.
    expect(byId('outages-stays').datasets).toEqual([
      { label: 'Lock offline', points: 2 },
      { label: 'Stay (code window)', points: 4 },
    ]);
    expect((byId('cost-by-service').first as number[]).every((usd) => usd >= 0)).toBe(true);
    expect(await page.locator('body').getAttribute('data-charts')).toBe('4');
  });

  it('shows no guest’s PIN', async () => {
    const text = `${await page.locator('main').innerText()} ${await page.locator('#chart-specs').textContent()}`;
    for (const r of report.reservations) if (r.pin) expect(text).not.toContain(r.pin);
  });

  it('passes axe with no serious or critical violation', async () => {
    await expectAccessible(page, 'simulation report');
  });

  it('logged no console error or warning and threw no page error', () => {
    expect(problems).toEqual([]);
  });
});
