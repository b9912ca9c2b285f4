import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchChromium } from './browser.ts';
import { buildDashboard } from './build.ts';
import { startDemoServer } from './demo-server.ts';

// `npm run screenshot`: the arrivals board with a few demo bookings, for the README.

const OUT = path.join(import.meta.dirname, '..', '..', 'docs', 'images', 'arrivals-board.png');

await buildDashboard();
const server = await startDemoServer();
try {
  await server.api('POST', '/v1/lock-accounts', { provider: 'sandbox' });
  await server.book({ id: 'demo-1', guest: 'Ana Pérez', checkInInMinutes: 20, nights: 2 });
  await server.book({ id: 'demo-2', guest: 'Ben Okafor', checkInInMinutes: 2 * 24 * 60 + 60, nights: 3 });
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
  await mkdir(path.dirname(OUT), { recursive: true });
  await page.screenshot({ path: OUT, fullPage: true });
  await browser.close();
  console.log(`wrote ${path.relative(process.cwd(), OUT)}`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await server.stop();
}
// The runtime's scheduler still holds timers for the bookings' later entries: end here, as bench/ does.
process.exit();
