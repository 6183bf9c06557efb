import { test, expect } from '@playwright/test';
import { LOCALES, PAGES, Portal } from './fixtures/portal';

// Behaviour that needs the wasm (the js-off project does not load this file): instant language
// switching, hydration, client-side errors.

test('hydrates without errors or CSP violations', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(msg.text());
  });
  page.on('pageerror', (err) => problems.push(err.message));
  const portal = new Portal(page);
  await portal.open('/');
  await portal.waitForHydration();
  await portal.nav().getByRole('link', { name: 'Notices' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Notices');
  expect(problems).toEqual([]);
});

test('the language menu switches en-GB → zh-CN → ar in place and the choice survives a reload', async ({ page }) => {
  const portal = new Portal(page);
  await portal.open('/');
  await portal.waitForHydration();
  // A page load would wipe this marker; an in-place switch keeps it.
  await page.evaluate(() => ((window as unknown as { sgMarker: number }).sgMarker = 42));
  const requests: string[] = [];
  // Navigations and data requests only: Chromium may fetch the favicon whenever it likes.
  page.on('request', (r) => {
    if (['document', 'fetch', 'xhr'].includes(r.resourceType())) requests.push(r.url());
  });

  await portal.chooseLanguage('中文（简体）');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(portal.nav().getByRole('link', { name: '通知' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('欢迎来到Riverside Primary School');

  await portal.chooseLanguage('العربية');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(portal.nav().getByRole('link', { name: 'الإشعارات' })).toBeVisible();

  expect(await page.evaluate(() => (window as unknown as { sgMarker?: number }).sgMarker)).toBe(42);
  expect(requests).toEqual([]);

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await portal.waitForHydration();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Riverside Primary School');
});

test('a refused sign-in shows a translated error and keeps what was typed', async ({ page, baseURL }) => {
  const portal = new Portal(page);
  await portal.setLanguageCookie('zh-CN', baseURL!);
  await portal.open('/sign-in');
  await portal.waitForHydration();
  await page.getByLabel('电子邮箱').fill('parent@example.com');
  await page.getByLabel('密码').fill('not-the-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toHaveText('电子邮箱或密码不正确。');
  await expect(page.getByLabel('电子邮箱')).toHaveValue('parent@example.com');
  await expect(page).toHaveURL(/\/sign-in$/);
});

// axe needs JavaScript to run, so it runs here twice per page: on the server-rendered page with
// the wasm withheld (what a parent sees before it arrives), and after hydration.
for (const locale of LOCALES) {
  test(`axe finds no violations on any page in ${locale.tag}, before and after hydration`, async ({ page, baseURL }) => {
    test.setTimeout(90_000);
    const portal = new Portal(page);
    await portal.setLanguageCookie(locale.tag, baseURL!);
    for (const hydrated of [false, true]) {
      if (!hydrated) await page.route('**/*.wasm', (route) => route.abort());
      else await page.unroute('**/*.wasm');
      for (const path of PAGES) {
        await portal.open(path);
        if (hydrated) await portal.waitForHydration();
        await expect(page.locator('html')).toHaveAttribute('lang', locale.tag);
        await expect(page.locator('html')).toHaveAttribute('dir', locale.dir);
        await expect(portal.nav().getByRole('link', { name: locale.notices })).toBeVisible();
        await portal.expectAccessibleAndTranslated();
      }
    }
  });
}
