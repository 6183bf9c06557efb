import { expect, test } from '@playwright/test';
import { signIn } from './fixtures/portal';

// Needs the wasm: without it the language menu reloads the page (the shell tests cover that).

test('a form switches language in place with no request: Chinese from its translation, Arabic right to left as the school wrote it', async ({ browser }) => {
  const { page, portal } = await signIn(browser, 'parent.b@riverside.example', true);
  await portal.open('/forms');
  await page.locator('.form-card', { hasText: 'Year 3 trip to the Science Museum' }).locator('.form-card__child').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Year 3 trip to the Science Museum');
  await portal.waitForHydration();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await portal.chooseLanguage('中文（简体）');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('三年级科学博物馆之旅');
  await expect(page.locator('.form-wording')).toContainText('我同意我的孩子参加本次外出活动');
  await expect(page.locator('input[name="language"]')).toHaveValue('zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'zh-CN');
  await portal.expectAccessibleAndTranslated();
  await portal.chooseLanguage('العربية');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('.form-page > .stale')).toContainText('هذا النموذج غير مترجم');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Year 3 trip to the Science Museum');
  // The school's words keep their language and direction; the page's own words around them are Arabic.
  await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'en-GB');
  await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('dir', 'ltr');
  // The consent's wording comes from the template's Arabic: right to left, whatever the title's language.
  await expect(page.locator('.form-wording')).toContainText('أوافق');
  expect(await page.locator('.form-wording').evaluate((e) => getComputedStyle(e).direction)).toBe('rtl');
  expect(await page.locator('.form-page > .stale').evaluate((e) => getComputedStyle(e).direction)).toBe('rtl');
  await portal.expectAccessibleAndTranslated();
  expect(requests.filter((u) => !u.includes('/api/language'))).toEqual([]);
  await portal.chooseLanguage('English');
});
