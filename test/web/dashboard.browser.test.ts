import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { airbnbFeed } from '../e2e/calendar-feed-bodies.ts';
import {
  type DashboardWorld,
  expectAccessible,
  expectingHttpError,
  firstRenderMs,
  openDashboardWorld,
  saveMetrics,
  saveScreen,
} from './browser-harness.ts';

// The host's dashboard (R13) in Chromium against the local runtime: sign-in by link, the arrivals
// board, a reservation, the locks, the properties and the alerts, by mouse and by keyboard.

interface AccessView {
  code: { pin: string; locks: { lockId: string; status: string }[] };
}

describe('the host dashboard in a browser', () => {
  let world: DashboardWorld;
  const metrics: Record<string, number> = {};
  const page = () => world.page;
  const card = (reservationId: string) => page().locator(`[data-reservation="${reservationId}"]`);

  beforeAll(async () => {
    world = await openDashboardWorld();
  });

  afterAll(async () => {
    await saveMetrics(metrics);
    await world?.close();
  });

  it('serves the page, its script and its style with strict security headers', async () => {
    let total = 0;
    let gzipped = 0;
    for (const [file, type] of [
      ['/', 'text/html'],
      ['/assets/dashboard.js', 'text/javascript'],
      ['/assets/dashboard.css', 'text/css'],
    ] as const) {
      const response = await fetch(`${world.server.url}${file}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain(type);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(response.headers.get('content-security-policy')).not.toContain('unsafe-inline');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      const body = Buffer.from(await response.arrayBuffer());
      total += body.length;
      gzipped += gzipSync(body).length;
    }
    Object.assign(metrics, { pageBytes: total, pageBytesGzip: gzipped });
  });

  it('signs in through the printed link, keeps the token out of the URL and shows the demo property', async () => {
    await page().goto(`${world.server.url}/`);
    await page().getByRole('heading', { name: 'Sign in to Lockstep' }).waitFor();
    await expectAccessible(page(), 'sign-in');
    await saveScreen(page(), 'sign-in');
    await page().goto(world.server.signInLink); // the same page: only the fragment changes
    await expect.poll(() => page().locator('.answer-text').textContent()).toContain('No guests arrive');
    expect(page().url()).not.toContain('token');
    expect(page().url()).toMatch(/#\/arrivals$/);
    expect(await page().evaluate(() => sessionStorage.getItem('lockstep.token'))).toBe(
      world.server.demo.token,
    );
    const doors = await page().locator('.week tbody th').allTextContents();
    expect(doors).toEqual(['front door', 'back door']);
    await expectAccessible(page(), 'empty arrivals');
  });

  it('shows a new booking arrive and its doors turn to set on the arrivals board', async () => {
    await world.server.book({ id: 'demo-1', guest: 'Ana Pérez', checkInInMinutes: 20, nights: 2 });
    await card('demo-1').waitFor();
    await expect.poll(() => card('demo-1').locator('.chip-set').count(), { timeout: 15_000 }).toBe(2);
    expect(await card('demo-1').locator('.chips').textContent()).toContain('front door: Set');
    await expect
      .poll(() => page().locator('.answer-text').textContent())
      .toBe('The arriving guest will get in');
    await expect.poll(() => card('demo-1').locator('.told').textContent()).toContain('Guest told');
    metrics.firstRenderMs = await firstRenderMs(world);
    await expectAccessible(page(), 'arrivals');
    await saveScreen(page(), 'arrivals');
  });

  it('keeps the PIN hidden until revealed, hides it again on leaving, and never puts it in the URL', async () => {
    const { pin } = (await world.server.api<AccessView>('GET', '/v1/reservations/demo-1')).code;
    await card('demo-1').getByRole('link', { name: 'Ana Pérez' }).click();
    const code = page().locator('.pin');
    await expect.poll(() => code.textContent()).toBe('••••••');
    expect(await page().locator('main').textContent()).not.toContain(pin);
    await page().getByRole('button', { name: 'Reveal code' }).click();
    expect(await code.textContent()).toBe(pin);
    expect(page().url()).not.toContain(pin);
    await expect.poll(() => page().locator('.timeline-picture circle').count()).toBeGreaterThan(4);
    await page().getByLabel('Message template').fill('Your code: %smartlock_code%');
    await page().getByRole('button', { name: 'Render message' }).click();
    await expect.poll(() => page().locator('.rendered').textContent()).toBe(`Your code: ${pin}`);
    await expectAccessible(page(), 'reservation');
    await saveScreen(page(), 'reservation');
    await page().getByRole('link', { name: '← Arrivals' }).click();
    await page().goBack();
    await expect.poll(() => code.textContent()).toBe('••••••');
    expect(page().url()).not.toContain(pin);
  });

  it('resends the code message and shows where it went (R13.3)', async () => {
    const emails = () =>
      world.server.runtime.outbox.entries.filter(
        (e) => e.via === 'email' && e.message.reservationId === 'demo-1',
      ).length;
    const before = emails();
    await page().getByRole('button', { name: 'Resend code message' }).click();
    await expect
      .poll(() => page().locator('[data-outcome="resend"]').textContent())
      .toMatch(/^Sent the code .+ by email, sms\.$/);
    expect(emails()).toBe(before + 1);
    expect(page().url()).toMatch(/#\/reservations\/demo-1$/);
    await expectAccessible(page(), 'reservation after a resend');
  });

  it('saves a buffer and backup codes, and shows the API’s error on the field it names', async () => {
    await page().goto(`${world.server.url}/#/properties`);
    const buffer = page().getByLabel('Buffer before check-in');
    await buffer.fill('45');
    await page().getByLabel('Backup codes on the locks').check();
    await page().getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(() => page().locator('.settings .outcome').textContent())
      .toBe('Saved. One reservation’s code window moved.');
    const property = await world.server.api<{
      settings: { bufferBeforeMinutes: number; backupCodes: boolean };
    }>('GET', '/v1/properties/beach-house');
    expect(property.settings).toMatchObject({ bufferBeforeMinutes: 45, backupCodes: true });
    await expectingHttpError(world, 400, async () => {
      await buffer.fill('5000');
      await page().getByRole('button', { name: 'Save settings' }).click();
      await expect.poll(() => buffer.getAttribute('aria-invalid')).toBe('true');
    });
    expect(await page().locator('.settings .outcome').textContent()).toContain('bufferBeforeMinutes');
    expect(await page().locator('#beach-house-bufferBeforeMinutes-error').textContent()).toMatch(/^Too big/);
    await expectAccessible(page(), 'properties');
    await saveScreen(page(), 'properties');
    await buffer.fill('45');
  });

  it('adds, reads and removes calendar feeds, and shows a failing feed’s problem (R10.5)', async () => {
    world.feeds.set('/good.ics', { kind: 'body', body: airbnbFeed([]) });
    world.feeds.set('/gone.ics', { kind: 'status', status: 404 });
    await page().goto(`${world.server.url}/#/properties`);
    const section = page().getByRole('region', { name: 'Calendar feeds of Beach House' });
    await expect.poll(() => section.locator('.muted').first().textContent()).toBe('No calendar feed yet.');
    for (const [path, channel] of [
      ['/good.ics', 'airbnb'],
      ['/gone.ics', 'vrbo'],
    ] as const) {
      await section.getByLabel('iCal link').fill(world.feeds.url(path));
      await section.getByLabel('Channel').selectOption(channel);
      await section.getByRole('button', { name: 'Add feed' }).click();
      await expect.poll(() => section.locator('.outcome').textContent()).toContain('Feed added');
    }
    await expect.poll(() => section.locator('.feed').count()).toBe(2);
    expect(await section.textContent()).not.toContain('/good.ics'); // links show masked (R10.7)
    await section.getByRole('button', { name: 'Sync now: Airbnb feed' }).click();
    await expect.poll(() => section.locator('.outcome').textContent()).toContain('Read: 0 added');
    const vrbo = section.locator('.feed', { hasText: 'Vrbo' });
    await expect.poll(() => vrbo.textContent()).toContain('404');
    expect(await section.locator('.feed', { hasText: 'Airbnb' }).textContent()).toContain('Reading fine');
    await expectAccessible(page(), 'properties with calendar feeds');
    await saveScreen(page(), 'properties-feeds');
    await section.getByRole('button', { name: 'Remove: Airbnb feed' }).click();
    await expect.poll(() => section.locator('.feed').count()).toBe(1);
    expect(await section.locator('.outcome').textContent()).toBe('Feed removed: its reservations stay.');
  });

  it('connects the lock account, shows each lock online and reports a resync', async () => {
    await page().goto(`${world.server.url}/#/locks`);
    await page().getByRole('button', { name: 'Connect sandbox account' }).click();
    await expect.poll(() => page().locator('.lock .chip-ok').count()).toBe(2);
    const pools = await page().locator('.pool-legend').allTextContents();
    expect(pools).toEqual(['5 available of 5', '5 available of 5']);
    const frontDoor = page().locator('[data-lock="front-door"]');
    await frontDoor.getByRole('button', { name: 'Resync' }).click();
    await expect
      .poll(() => frontDoor.locator('.outcome').textContent())
      .toBe('Resynced: checked 1 reservation, 0 reprogrammed.');
    await expectAccessible(page(), 'locks');
    await saveScreen(page(), 'locks');
  });

  it('alerts on a lock that refuses the code, on the board and in the alerts', async () => {
    // The device takes 12-digit codes only: every attempt is refused at once.
    world.server.runtime.sandbox.addDevice({
      deviceId: 'sandbox-cellar',
      model: 'generic',
      codeLengths: [12],
      maxCodes: 100,
    });
    await world.server.api('POST', '/v1/locks', {
      id: 'cellar-door',
      name: 'cellar door',
      provider: 'sandbox',
      deviceId: 'sandbox-cellar',
    });
    await page().getByRole('link', { name: 'Locks', exact: true }).click(); // already open: this loads it again
    const cellar = page().locator('[data-lock="cellar-door"]');
    await cellar.getByRole('button', { name: 'Match' }).click();
    await expect
      .poll(() => cellar.locator('.outcome').textContent(), { timeout: 10_000 })
      .toContain('Matched to Beach House');
    await page().getByRole('link', { name: 'Arrivals' }).click();
    await expect
      .poll(() => card('demo-1').locator('.chip-failed').textContent(), { timeout: 15_000 })
      .toBe('cellar door: Failed');
    expect(await page().locator('.answer-text').textContent()).toBe('1 of 1 guest needs attention');
    await expect
      .poll(() => card('demo-1').locator('.doing').textContent(), { timeout: 15_000 })
      .toMatch(
        /cellar door refused \d+ attempts? \(the lock did not take the code\); next attempt \w{3}, \w{3} \d+, \d+:\d\d [AP]M/,
      );
    await saveScreen(page(), 'arrivals-attention');
    await card('demo-1').getByRole('link', { name: 'Ana Pérez' }).click();
    const cellarRow = page().getByRole('row', { name: /cellar door/ });
    await expect.poll(() => page().getByRole('columnheader', { name: 'Next attempt' }).count()).toBe(1);
    expect(await cellarRow.locator('td').last().textContent()).toMatch(/\d+:\d\d [AP]M$/);
    await expectAccessible(page(), 'reservation with a failing lock');
    await saveScreen(page(), 'reservation-attention');
    await page().getByRole('link', { name: 'Alerts' }).click();
    await expect
      .poll(() => page().locator('.alert a').first().textContent())
      .toBe('Ana Pérez: failed on cellar door');
    const feedAlert = page().locator('.alert', { hasText: 'Calendar feed' });
    expect(await feedAlert.locator('a').textContent()).toMatch(/^Beach House: calendar feed .+ is failing$/);
    expect(await feedAlert.textContent()).toContain('404');
    await expectAccessible(page(), 'alerts');
    await saveScreen(page(), 'alerts');
  });

  it('can be used with the keyboard alone: Tab to a guest, Enter, Tab to Reveal, Enter', async () => {
    await page().goto(`${world.server.url}/#/arrivals`);
    await card('demo-1').waitFor();
    const focused = () => page().evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    for (let presses = 0; presses < 20 && (await focused()) !== 'Ana Pérez'; presses++)
      await page().keyboard.press('Tab');
    expect(await focused()).toBe('Ana Pérez');
    expect(await page().evaluate(() => document.activeElement?.matches(':focus-visible'))).toBe(true);
    await page().keyboard.press('Enter');
    await expect.poll(() => page().evaluate(() => document.activeElement?.tagName)).toBe('H1');
    for (let presses = 0; presses < 10 && (await focused()) !== 'Reveal code'; presses++)
      await page().keyboard.press('Tab');
    await page().keyboard.press('Enter');
    expect(await page().locator('.pin').textContent()).toMatch(/^\d{4,8}$/);
  });

  it('R11.3, R13.2, R13.4 shows a door holding an offline code, its first-use limit and its issue', async () => {
    // An igloohome lock offline from now on: the stay's programming finds it offline and the guest
    // gets an offline code for that door (R11.2). The window is set in real time, as the runtime runs.
    const now = Date.now();
    world.server.runtime.sandbox.addDevice({
      deviceId: 'sandbox-attic',
      model: 'igloohome',
      codeLengths: [6],
      maxCodes: 100,
      offlineCodes: true,
      offline: [{ from: now - 60_000, to: now + 30 * 86_400_000 }],
    });
    await world.server.api('POST', '/v1/locks', {
      id: 'attic-door',
      name: 'attic door',
      provider: 'sandbox',
      deviceId: 'sandbox-attic',
      model: 'igloohome',
      codeLengths: [6],
    });
    await world.server.api('PUT', '/v1/properties/beach-house/locks/attic-door');
    await world.server.book({ id: 'demo-2', guest: 'Bo Lind', checkInInMinutes: 90, nights: 1 });
    await page().goto(`${world.server.url}/#/arrivals`);
    await expect
      .poll(() => card('demo-2').locator('.chip-offline-code').textContent(), { timeout: 20_000 })
      .toMatch(/^attic door: Offline code, first use before \w{3}, \w{3} \d+, \d+:\d\d [AP]M$/);
    await expectAccessible(page(), 'arrivals with an offline code');
    await saveScreen(page(), 'arrivals-offline-code');

    await card('demo-2').getByRole('link', { name: 'Bo Lind' }).click();
    const atticRow = page().getByRole('row', { name: /attic door/ });
    await expect.poll(() => atticRow.locator('.chip-offline-code').textContent()).toBe('Offline code');
    expect(await atticRow.textContent()).toMatch(/first use before \w{3}, \w{3} \d+, \d+:\d\d [AP]M/);
    const issued = page().locator('.timeline-picture .tl-offline-code');
    expect(await issued.count()).toBe(1);
    expect(await issued.locator('title').textContent()).toMatch(/: Offline code issued$/);
    await expectAccessible(page(), 'reservation with an offline code');
    await saveScreen(page(), 'reservation-offline-code');

    await page().getByRole('link', { name: 'Locks', exact: true }).click();
    const attic = page().locator('[data-lock="attic-door"]');
    await expect.poll(() => attic.locator('.chip-offline-code').textContent()).toBe('Takes offline codes');
    expect(await page().locator('[data-lock="front-door"] .chip-offline-code').count()).toBe(0);
  });

  it('logged no console error and threw no page error', () => {
    expect(world.problems).toEqual([]);
  });
});
