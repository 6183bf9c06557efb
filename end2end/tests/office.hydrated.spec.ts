import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO, Portal, signInOnPhone } from './fixtures/portal';

const example = readFileSync(join(__dirname, '../../docs/roster-example.csv'), 'utf8');

async function signInAsOffice(portal: Portal) {
  const page = portal.page;
  await portal.open('/sign-in');
  await portal.waitForHydration();
  await page.getByLabel('Email address').fill('office@riverside.example');
  await page.getByLabel('Password').fill(DEMO.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/$/);
}

test('the office checks a broken roster file, then imports a good one, on a phone', async ({ page }) => {
  const portal = new Portal(page);
  await signInAsOffice(portal);
  await page.getByRole('link', { name: /Office tools/ }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await page.getByRole('link', { name: 'Import the roster' }).click();
  await expect(page).toHaveURL(/\/admin\/roster$/);
  await portal.expectAccessibleAndTranslated();

  const broken = example.replaceAll('2019-02-14', '14/02/2019');
  await page.getByLabel('MIS export (CSV)').setInputFiles({ name: 'export.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByRole('heading', { name: 'Problems found: 2' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'The date of birth is not a date (use YYYY-MM-DD).' }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import these changes' })).toHaveCount(0);
  await portal.expectAccessibleAndTranslated();

  await page.getByLabel('MIS export (CSV)').setInputFiles({ name: 'export.csv', mimeType: 'text/csv', buffer: Buffer.from(example) });
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByText('7 rows. Pupils: 4 new')).toBeVisible();
  await page.getByRole('button', { name: 'Import these changes' }).click();
  // The progress page refreshes itself until the import is done.
  await expect(page).toHaveURL(/\/admin\/roster\/progress\?upload=/);
  await expect(page.getByRole('status')).toHaveText('The roster is imported.', { timeout: 15_000 });
  await portal.expectAccessibleAndTranslated();
});

test('the office prints the access-code letters for a class', async ({ page }) => {
  const portal = new Portal(page);
  await signInAsOffice(portal);
  await portal.open('/admin/letters');
  await portal.expectAccessibleAndTranslated();
  await page.getByRole('button', { name: 'Print letters for 2B' }).click();
  const letters = page.locator('section.letter');
  expect(await letters.count()).toBeGreaterThan(10);
  await expect(letters.first().locator('svg')).toBeVisible();
  await portal.expectAccessibleAndTranslated();
});

test('the system admin creates a staff account and the new teacher sets a password', async ({ page }) => {
  const portal = new Portal(page);
  await portal.open('/sign-in');
  await portal.waitForHydration();
  await page.getByLabel('Email address').fill('it@riverside.example');
  await page.getByLabel('Password').fill(DEMO.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/$/);
  await portal.open('/admin/staff');
  await portal.expectAccessibleAndTranslated();
  await page.getByLabel('Name').fill('Mr Field');
  await page.getByLabel('Email address').fill('mr.field@riverside.example');
  await page.getByLabel('Teacher', { exact: true }).check();
  await page.getByRole('button', { name: 'Create the account' }).click();
  const code = (await page.locator('.letter__code').innerText()).trim();
  expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  await portal.expectAccessibleAndTranslated();

  await page.context().clearCookies();
  await portal.open(`/reset?code=${code}`);
  await portal.expectAccessibleAndTranslated();
  await page.getByLabel('Choose a password').fill('Rounders on the field 12');
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await expect(page.getByRole('status')).toContainText('Your new password is saved.');
  await portal.open('/sign-in');
  await portal.waitForHydration();
  await page.getByLabel('Email address').fill('mr.field@riverside.example');
  await page.getByLabel('Password').fill('Rounders on the field 12');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
});

test('the office pages fit a 360 px phone with 44 px touch targets', async ({ browser }) => {
  // Eight pages, each checked by axe: over 30 s on a busy 2-core machine.
  test.slow();
  for (const [email, paths] of [
    ['office@riverside.example', ['/admin', '/admin/letters', '/admin/roster', '/admin/calendar', '/admin/calendar/new', '/admin/news', '/admin/news/school']],
    ['it@riverside.example', ['/admin/staff']],
  ] as const) {
    const { page, portal } = await signInOnPhone(browser, email);
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of paths) {
      await portal.open(path);
      await portal.waitForHydration();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      // Controls in view (a wide table scrolls inside its own box) are big enough to tap.
      const small = await page.evaluate(() =>
        Array.from(document.querySelectorAll('main a, main button, main input:not([type=hidden])'))
          .map((el) => [el, el.getBoundingClientRect()] as const)
          .filter(([, r]) => r.width > 0 && r.height > 0)
          .filter(([el, r]) => r.height < 44 && !(el instanceof HTMLInputElement && el.type === 'checkbox'))
          .map(([el, r]) => `${el.tagName} ${el.textContent?.trim().slice(0, 30)} ${Math.round(r.height)}px`),
      );
      expect(small, path).toEqual([]);
      await portal.expectAccessibleAndTranslated();
    }
    await page.context().close();
  }
});
