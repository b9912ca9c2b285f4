import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DashboardWorld,
  expectAccessible,
  expectingHttpError,
  openDashboardWorld,
  saveScreen,
} from './browser-harness.ts';

// The dashboard's staff screens (R12, R13.4, R13.5) in Chromium against the local runtime: a
// cleaning crew on turnovers gets codes between the demo property's stays, is changed to always,
// has a PIN revealed, and is removed with their codes; bad input is refused at the field.

interface StaffView {
  staffId: string;
  schedule: string;
  codes: { codeId: string; pin: string; locks: { lockId: string; status: string }[] }[];
}

const HOUR_MINUTES = 60;

describe('the staff screens in a browser', () => {
  let world: DashboardWorld;
  let staffId = '';
  const page = () => world.page;
  const staffOnApi = () => world.server.api<{ staff: StaffView[] }>('GET', '/v1/staff');
  const memberOnApi = () => world.server.api<StaffView>('GET', `/v1/staff/${encodeURIComponent(staffId)}`);
  const pinsOnLocks = () =>
    world.server.demo.lockIds.flatMap((id) =>
      world.server.runtime.sandbox.codesOnDevice(`sandbox-${id}`).map((c) => c.code),
    );

  beforeAll(async () => {
    world = await openDashboardWorld();
    await world.server.api('POST', '/v1/lock-accounts', { provider: 'sandbox' });
    // Two stays with a gap between them: a turnover the crew's code covers (R12.1).
    await world.server.book({
      id: 'stay-1',
      guest: 'Ana Pérez',
      checkInInMinutes: 2 * HOUR_MINUTES,
      nights: 1,
    });
    await world.server.book({
      id: 'stay-2',
      guest: 'Bo Lind',
      checkInInMinutes: 2 * 24 * HOUR_MINUTES,
      nights: 2,
    });
    await page().goto(world.server.signInLink);
    await page().locator('.answer-text').waitFor();
  });

  afterAll(async () => {
    await world?.close();
  });

  it('R9.2 shows the API’s refusal next to the field it names, and adds nobody', async () => {
    await page().getByRole('link', { name: 'Staff', exact: true }).click();
    await page().getByText('No staff yet').waitFor();
    await page().getByRole('button', { name: 'Add staff member' }).click();
    const form = page().locator('#add-staff');
    await expect.poll(() => page().evaluate(() => document.activeElement?.id)).toBe('new-staff-name');
    await form.getByLabel('Name').fill('Clean Team');
    await form.getByLabel('Beach House').check();
    await form.getByLabel('Hours when no stay follows').fill('100');
    await expectingHttpError(world, 400, async () => {
      await form.getByRole('button', { name: 'Add staff member' }).click();
      await expect
        .poll(() => form.getByLabel('Hours when no stay follows').getAttribute('aria-invalid'))
        .toBe('true');
    });
    expect(await page().locator('#new-staff-hoursWhenNoNextStay-error').textContent()).not.toBe('');
    expect(await form.locator('.outcome').textContent()).toContain('hoursWhenNoNextStay');
    expect(await page().evaluate(() => document.activeElement?.id)).toBe('new-staff-hoursWhenNoNextStay');
    await expectAccessible(page(), 'staff form with an error');
    await saveScreen(page(), 'staff-form-error');

    await form.getByLabel('Hours when no stay follows').fill('');
    await form.getByLabel('Beach House').uncheck();
    await expectingHttpError(world, 400, async () => {
      await form.getByRole('button', { name: 'Add staff member' }).click();
      await expect.poll(() => form.getByLabel('Beach House').getAttribute('aria-invalid')).toBe('true');
    });
    expect(await page().locator('#new-staff-propertyIds-error').textContent()).not.toBe('');
    expect((await staffOnApi()).staff).toEqual([]);
  });

  it('R12.1 adds a cleaning crew between stays and lists them with their next code', async () => {
    const form = page().locator('#add-staff');
    await form.getByLabel('Email').fill('crew@example.com');
    await form.getByLabel('Beach House').check();
    await expect.poll(() => form.getByLabel('Between stays').isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Add staff member' }).click();
    await expect
      .poll(() => page().locator('[data-outcome="staff"]').textContent())
      .toBe('Added Clean Team: their codes follow the stays at Beach House.');
    const [added] = (await staffOnApi()).staff;
    staffId = added?.staffId ?? '';
    const card = page().locator(`[data-staff="${staffId}"]`);
    expect(await card.textContent()).toContain('Between stays, 4 h when no stay follows');
    expect(await card.textContent()).toContain('crew@example.com');
    expect(await card.locator('.next-code').textContent()).toMatch(/ → .+ at Beach House/);
    expect(await page().locator('#add-staff').isHidden()).toBe(true);
    await expectAccessible(page(), 'staff list');
    await saveScreen(page(), 'staff');
  });

  it('R12.2 shows the crew’s codes with each door’s status, turning to set', async () => {
    await page().getByRole('link', { name: 'Clean Team' }).click();
    const codes = page().locator('.staff-code');
    await expect.poll(() => codes.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const first = codes.first();
    expect(await first.locator('.chip').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^front door: /), expect.stringMatching(/^back door: /)]),
    );
    await expect.poll(() => first.locator('.chip-set').count(), { timeout: 20_000 }).toBe(2);
    // Every code the API lists is on the page, past ones folded away.
    const listed = (await memberOnApi()).codes.length;
    await expect.poll(() => codes.count()).toBe(listed);
    await expectAccessible(page(), 'staff member');
  });

  it('R13.5 keeps the crew’s PIN hidden until revealed, out of the URL, and hides it on leaving', async () => {
    const [code] = (await memberOnApi()).codes;
    const pin = code?.pin ?? 'no code';
    const item = page().locator(`[data-code="${code?.codeId}"]`);
    expect(await item.locator('.pin').textContent()).toBe('••••••');
    expect(await page().locator('main').textContent()).not.toContain(pin);
    await item.getByRole('button', { name: 'Reveal code' }).click();
    expect(await item.locator('.pin').textContent()).toBe(pin);
    expect(page().url()).not.toContain(pin);
    await saveScreen(page(), 'staff-member');
    await page().getByRole('link', { name: '← Staff' }).click();
    await page().goBack();
    await expect
      .poll(() => page().locator(`[data-code="${code?.codeId}"] .pin`).textContent())
      .toBe('••••••');
    expect(page().url()).not.toContain(pin);
  });

  it('R12.1 changes the crew to always: the hours go away and their codes follow', async () => {
    const form = page().getByRole('region', { name: 'Change details or schedule' });
    expect(await form.getByLabel('Hours when no stay follows').isVisible()).toBe(true);
    await form.getByLabel('Always').check();
    expect(await form.getByLabel('Hours when no stay follows').isVisible()).toBe(false);
    await form.getByLabel('Phone').fill('+1 555 123 0000');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect
      .poll(() => form.locator('.outcome').textContent())
      .toBe('Saved. Their codes follow the change now.');
    expect((await memberOnApi()).schedule).toBe('always');
    // The form shows the phone as Lockstep keeps it.
    expect(await form.getByLabel('Phone').inputValue()).toBe('+15551230000');
    expect(await page().getByRole('region', { name: 'About' }).textContent()).toContain('Always');
    await expect.poll(() => page().locator('.staff-code').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect
      .poll(() => page().locator('.staff-code-when strong').first().textContent())
      .toMatch(/^From .+, no end date$/);
    await expectAccessible(page(), 'staff member after a change');
    await saveScreen(page(), 'staff-member-always');
  });

  it('R13.4 lists the crew on the property, with a link to them', async () => {
    await page().getByRole('link', { name: 'Properties' }).click();
    const staff = page().getByRole('region', { name: 'Staff of Beach House' });
    await expect.poll(() => staff.textContent()).toContain('Clean Team · Always');
    await staff.getByRole('link', { name: 'Clean Team' }).click();
    await expect.poll(() => page().url()).toContain(`#/staff/${staffId}`);
  });

  it('R13.4 lists the crew’s codes on each lock', async () => {
    await page().getByRole('link', { name: 'Locks', exact: true }).click();
    for (const lockId of world.server.demo.lockIds)
      await expect
        .poll(() => page().locator(`[data-lock="${lockId}"] .lock-codes`).textContent())
        .toMatch(/Clean Team \(staff\) · (pending|requested|set)/);
    await expectAccessible(page(), 'locks with staff codes');
    await saveScreen(page(), 'locks-staff');
    await page().locator('.lock-codes').first().getByRole('link', { name: 'Clean Team' }).click();
    await expect.poll(() => page().url()).toContain(`#/staff/${staffId}`);
  });

  it('can be used with the keyboard alone: Tab to Reveal, Enter, and back', async () => {
    await page().getByRole('heading', { name: 'Codes' }).waitFor();
    const focused = () => page().evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    for (let presses = 0; presses < 20 && (await focused()) !== 'Reveal code'; presses++)
      await page().keyboard.press('Tab');
    await page().keyboard.press('Enter');
    expect(await focused()).toBe('Hide code');
    expect(await page().locator('.pin').first().textContent()).toMatch(/^\d{4,8}$/);
  });

  it('R12.2 removes the crew after asking, and their codes leave the locks', async () => {
    const pins = (await memberOnApi()).codes.map((c) => c.pin);
    await expect
      .poll(() => pinsOnLocks().filter((p) => pins.includes(p)).length, { timeout: 10_000 })
      .toBeGreaterThan(0);
    await page().getByRole('button', { name: 'Remove Clean Team' }).click();
    const question = page().getByRole('group', { name: 'Confirm the removal' });
    expect(await question.textContent()).toContain('removed from the locks at once');
    await expectAccessible(page(), 'staff removal');
    await saveScreen(page(), 'staff-remove');
    await question.getByRole('button', { name: 'Yes, remove Clean Team and their codes' }).click();
    await expect
      .poll(() => page().locator('[data-outcome="staff"]').textContent())
      .toBe('Removed Clean Team: their codes are being removed from the locks.');
    expect(page().url()).toMatch(/#\/staff$/);
    expect(await page().getByText('No staff yet').isVisible()).toBe(true);
    expect((await staffOnApi()).staff).toEqual([]);
    await expect.poll(() => pinsOnLocks().filter((p) => pins.includes(p)), { timeout: 20_000 }).toEqual([]);
    await page().getByRole('link', { name: 'Locks', exact: true }).click();
    await page().locator('.lock-codes').first().waitFor();
    expect(await page().locator('.lock-codes').allTextContents()).not.toContainEqual(
      expect.stringContaining('Clean Team'),
    );
  });

  it('adds a staff member with the keyboard alone', async () => {
    await page().getByRole('link', { name: 'Staff', exact: true }).click();
    await page().getByText('No staff yet').waitFor();
    const focused = () => page().evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    for (let presses = 0; presses < 20 && (await focused()) !== 'Add staff member'; presses++)
      await page().keyboard.press('Tab');
    await page().keyboard.press('Enter');
    await page().keyboard.type('Key Crew');
    // Email, phone, then the property's checkbox.
    for (let presses = 0; presses < 3; presses++) await page().keyboard.press('Tab');
    await page().keyboard.press('Space');
    for (let presses = 0; presses < 10 && (await focused()) !== 'Add staff member'; presses++)
      await page().keyboard.press('Tab');
    await page().keyboard.press('Enter');
    await expect
      .poll(() => page().locator('[data-outcome="staff"]').textContent())
      .toBe('Added Key Crew: their codes follow the stays at Beach House.');
    expect(await focused()).toBe('Key Crew');
  });

  it('logged no console error and threw no page error', () => {
    expect(world.problems).toEqual([]);
  });
});
