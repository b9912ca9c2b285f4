import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchChromium } from '../../web/tools/browser.ts';
import { buildDashboard } from '../../web/tools/build.ts';
import { type DemoServer, startDemoServer } from '../../web/tools/demo-server.ts';
import { FeedServer } from '../support/feed-server.ts';

// The dashboard's browser tests' world: the built page served by the local runtime with the demo
// host, Debian's Chromium, and the checks every screen gets (console errors, axe-core, a screenshot).

const REPO = path.join(import.meta.dirname, '..', '..');
const SCREENS_DIR = path.join(REPO, 'reports', 'screens');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface DashboardWorld {
  server: DemoServer;
  /** Calendar feeds on loopback, for the properties view (R10.5). */
  feeds: FeedServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors, in order. */
  problems: string[];
  close(): Promise<void>;
}

export async function openDashboardWorld(): Promise<DashboardWorld> {
  await buildDashboard();
  const [server, browser, feeds] = await Promise.all([
    startDemoServer(),
    launchChromium(),
    FeedServer.start(),
  ]);
  // The host's browser is where the property is: times on the page read alike either way.
  const context = await browser.newContext({
    viewport: { width: 1200, height: 900 },
    timezoneId: 'America/New_York',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  watchProblems(page, problems);
  return {
    server,
    feeds,
    browser,
    context,
    page,
    problems,
    close: async () => {
      await browser.close();
      await server.stop();
      await feeds.stop();
    },
  };
}

/** Collects the page's console errors and uncaught errors into `problems`. */
function watchProblems(page: Page, problems: string[]): void {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
}

/** Opens the sign-in link in a new tab: ms from navigation start to the arrivals board drawn. */
export async function firstRenderMs(world: DashboardWorld): Promise<number> {
  const tab = await world.context.newPage();
  watchProblems(tab, world.problems);
  await tab.goto(world.server.signInLink);
  await tab.locator('.answer-text').waitFor();
  const mark = await tab.evaluate(
    () => performance.getEntriesByName('lockstep:arrivals-rendered')[0]?.startTime,
  );
  await tab.close();
  return Math.round(mark ?? Number.NaN);
}

/** axe-core on the page as it is now: no serious or critical violation. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(AXE_SOURCE);
  const results = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as AxeResults;
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `axe on the ${screen} screen`).toEqual([]);
}

export async function saveScreen(page: Page, name: string): Promise<void> {
  await mkdir(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`), fullPage: true });
}

/** Figures measured on the way (page weight, first render), for the report: never asserted. */
export async function saveMetrics(metrics: Record<string, number>): Promise<void> {
  await mkdir(SCREENS_DIR, { recursive: true });
  await writeFile(path.join(SCREENS_DIR, 'metrics.json'), `${JSON.stringify(metrics, null, 2)}\n`);
}

/** Runs a step that makes the API answer `status` on purpose, and forgets the console line it logs. */
export async function expectingHttpError(world: DashboardWorld, status: number, step: () => Promise<void>) {
  const before = world.problems.length;
  await step();
  const logged = world.problems.splice(before);
  expect(logged.filter((p) => !p.includes(`status of ${status}`))).toEqual([]);
}
