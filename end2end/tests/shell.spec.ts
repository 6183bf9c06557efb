import { test, expect } from '@playwright/test';
import { LOCALES, PAGES, Portal } from './fixtures/portal';

// These run with JavaScript off and on: the server-rendered page must be complete by itself.

test('home page arrives complete from the server', async ({ page }) => {
  const portal = new Portal(page);
  await portal.open('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Riverside Primary School');
  await expect(page.locator('.top-bar__school-full')).toHaveText('Riverside Primary School');
  await expect(page.locator('.top-bar__school')).toHaveAccessibleName('Riverside Primary School');
  const tabs = portal.nav().getByRole('link');
  await expect(tabs).toHaveText(['Home', 'News', 'Notices', 'Calendar', 'Forms', 'Reports']);
  await expect(portal.nav().getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
});

test('sign-in page has a labelled form', async ({ page }) => {
  await new Portal(page).open('/sign-in');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  await expect(page.getByLabel('Email address')).toHaveAttribute('autocomplete', 'username');
  await expect(page.getByLabel('Password')).toHaveAttribute('type', 'password');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
});

test('an unknown address answers 404 with a translated page', async ({ page, baseURL }) => {
  const portal = new Portal(page);
  await portal.setLanguageCookie('zh-CN', baseURL!);
  const response = await portal.open('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('找不到页面');
});

test('the language menu opens and works without the wasm as well', async ({ page }) => {
  const portal = new Portal(page);
  await portal.open('/calendar');
  if (test.info().project.name === 'js-on') await portal.waitForHydration();
  await portal.chooseLanguage('中文（简体）');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('日历');
  await expect(page).toHaveURL(/\/calendar$/);
});

test('arabic mirrors the layout', async ({ page, baseURL }) => {
  const portal = new Portal(page);
  await portal.setLanguageCookie('ar', baseURL!);
  await portal.open('/');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const home = await portal.nav().getByRole('link', { name: 'الرئيسية' }).boundingBox();
  const reports = await portal.nav().getByRole('link', { name: 'التقارير' }).boundingBox();
  expect(home!.x).toBeGreaterThan(reports!.x);
  const school = await page.locator('.top-bar__school').boundingBox();
  const menu = await page.locator('.lang-menu > summary').boundingBox();
  expect(school!.x).toBeGreaterThan(menu!.x);
});

for (const path of PAGES) {
  test(`${path} fits a 360 px phone with 44 px touch targets in every language`, async ({ page, baseURL }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    const portal = new Portal(page);
    for (const locale of LOCALES) {
      await portal.setLanguageCookie(locale.tag, baseURL!);
      await portal.open(path);
      await expect(page.locator('html')).toHaveAttribute('lang', locale.tag);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(overflow).toBeLessThanOrEqual(360);
      // Too small to tap, or pushed off either edge (right-to-left overflow does not scroll).
      const misplaced = await page.evaluate(() =>
        Array.from(document.querySelectorAll('a, button, summary, input'))
          .filter((el) => {
            const r = el.getBoundingClientRect();
            const style = getComputedStyle(el);
            // Only what a finger can reach now: skip the off-screen skip link and closed menus.
            return r.width > 0 && r.height > 0 && r.bottom > 0 && style.visibility !== 'hidden';
          })
          .map((el) => ({ el: el.outerHTML.slice(0, 60), ...el.getBoundingClientRect().toJSON() }))
          .filter((r) => r.height < 44 || r.width < 44 || r.left < 0 || r.right > 360),
      );
      expect(misplaced, locale.tag).toEqual([]);
    }
  });
}
