import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './browser.ts';

// `npm run screenshot:sim`: the stormy weekend's HTML report (`npm run simulate -- … --html`), for
// docs/simulator.md. The simulator runs as its own process, as a host would run it.

const REPO = path.join(import.meta.dirname, '..', '..');
const PAGE = path.join(REPO, 'reports', 'stormy-weekend.html');
const OUT = path.join(REPO, 'docs', 'images', 'simulator-report.png');

const run = spawnSync(
  process.execPath,
  ['simulator/cli.ts', 'examples/stormy-weekend.json', '--html', PAGE],
  {
    cwd: REPO,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'SILENT' },
  },
);
if (run.status !== 0) throw new Error(`the simulation failed (exit ${run.status})`);

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(PAGE).href);
  await page.locator('body[data-charts]').waitFor({ state: 'attached' });
  await page.screenshot({ path: OUT, fullPage: true });
  console.log(`wrote ${path.relative(process.cwd(), OUT)}`);
} finally {
  await browser.close();
}
