import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchChromium } from './browser.ts';
import { buildDashboard } from './build.ts';
import { startDemoServer } from './demo-server.ts';
import { addShowcase } from './showcase.ts';

// `npm run screenshot`: the arrivals board with a few demo bookings, for the README, and the cleaning
// crew's page between those stays, for docs/dashboard.md.

const IMAGES = path.join(import.meta.dirname, '..', '..', 'docs', 'images');
const OUT = path.join(IMAGES, 'arrivals-board.png');
const STAFF_OUT = path.join(IMAGES, 'staff-member.png');

await buildDashboard();
const server = await startDemoServer();
try {
  await server.api('POST', '/v1/lock-accounts', { provider: 'sandbox' });
  const crew = await addShowcase(server, Date.now());
  await server.book({ id: 'demo-1', guest: 'Ana Pérez', checkInInMinutes: 20, nights: 2 });
  // Ben arrives five hours after Ana leaves: the crew's turnover code (R12.1) fills the gap.
  await server.book({ id: 'demo-2', guest: 'Ben Okafor', checkInInMinutes: 2 * 24 * 60 + 5 * 60, nights: 3 });
  await server.book({ id: 'demo-3', guest: 'Chloé Martin', checkInInMinutes: 5 * 24 * 60 + 120, nights: 2 });
  const browser = await launchChromium();
  const page = await browser.newPage({
    viewport: { width: 1200, height: 900 },
    deviceScaleFactor: 1,
    timezoneId: server.demo.timeZone,
  });
  await page.goto(server.signInLink);
  // The first guest's doors get their code within a second or two of the booking.
  await page.getByText('The week by door').waitFor();
  await page.locator('[data-reservation="demo-1"] .chip-set').nth(1).waitFor({ timeout: 20_000 });
  await page.getByText('Guest told').first().waitFor();
  await page.locator('[data-reservation="demo-1"] .chip-offline-code').waitFor({ timeout: 20_000 });
  // Once the side gate is back, the later stay's door reads pending, not offline.
  await page
    .locator('[data-reservation="demo-3"] .chip-offline')
    .waitFor({ state: 'detached', timeout: 40_000 });
  await mkdir(IMAGES, { recursive: true });
  await page.screenshot({ path: OUT, fullPage: true });
  await page.goto(`${server.url}/#/staff/${encodeURIComponent(crew.staffId)}`);
  // The crew's first code goes on the online doors at once; they confirm within a second or two.
  await page.locator('.staff-code').first().locator('.chip-set').nth(1).waitFor({ timeout: 20_000 });
  await page.screenshot({ path: STAFF_OUT, fullPage: true });
  await browser.close();
  for (const file of [OUT, STAFF_OUT]) console.log(`wrote ${path.relative(process.cwd(), file)}`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await server.stop();
}
// The runtime's scheduler still holds timers for the bookings' later entries: end here, as bench/ does.
process.exit();
