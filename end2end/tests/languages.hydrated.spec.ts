import { expect, test, type Page } from '@playwright/test';
import { DEMO, signInOnPhone, chooseAudience } from './fixtures/portal';

// Pages carry every translation of what they show, so the language menu changes a notice's
// content as well as the interface, in place, with no request. JavaScript on only.

/** Navigations and data requests made from now on (Chromium may fetch icons when it likes). */
function watchRequests(page: Page): string[] {
  const requests: string[] = [];
  page.on('request', (r) => {
    if (['document', 'fetch', 'xhr'].includes(r.resourceType())) requests.push(r.url());
  });
  return requests;
}

test('a notice with a Chinese translation switches with the menu on the board and on its page, with no request', async ({ browser }) => {
  const stamp = Date.now();
  const title = `Sports day ${stamp}`;
  const chinese = `运动会 ${stamp}`;
  const office = await signInOnPhone(browser, 'office@riverside.example');
  await office.portal.open('/admin/notices/new');
  await office.page.locator('#notice-title').fill(title);
  await office.page.locator('#notice-body').fill('Wear **trainers**.');
  await chooseAudience(office.page, 'Year 3');
  await office.page.locator('#title-zh-CN').fill(chinese);
  await office.page.locator('#body-zh-CN').fill('请穿**运动鞋**。');
  await office.page.getByRole('button', { name: 'Publish' }).click();
  await expect(office.page).toHaveURL(/\/admin\/notices\/\d+$/);
  await office.page.context().close();

  const { page, portal } = await signInOnPhone(browser, DEMO.parent);
  await portal.open('/notices');
  await portal.waitForHydration();
  const card = page.locator('.notice-card', { hasText: String(stamp) });
  await expect(card.locator('.notice-card__title')).toHaveText(title);

  // The board: title, excerpt, badges and page chrome follow the menu.
  const requests = watchRequests(page);
  await portal.chooseLanguage('中文（简体）');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('通知');
  await expect(card.locator('.notice-card__title')).toHaveText(chinese);
  await expect(card.locator('.notice-card__title')).toHaveAttribute('lang', 'zh-CN');
  await expect(card.locator('.notice-card__excerpt')).toHaveText('请穿运动鞋。');
  // Arabic has no translation: the original, marked as English, under Arabic chrome.
  await portal.chooseLanguage('العربية');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('الإشعارات');
  await expect(card.locator('.notice-card__title')).toHaveText(title);
  await expect(card.locator('.notice-card__title')).toHaveAttribute('lang', 'en-GB');
  expect(requests).toEqual([]);

  // The notice's own page, loaded in Arabic, then switched.
  await card.locator('a').click();
  await expect(page).toHaveURL(/\/notices\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByRole('note')).toContainText('لم يُترجَم');
  await portal.expectAccessibleAndTranslated();
  requests.length = 0;
  await portal.chooseLanguage('中文（简体）');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(chinese);
  await expect(page.locator('.notice-body strong')).toHaveText('运动鞋');
  await expect(page.getByRole('note')).toHaveCount(0);
  await expect(page.getByRole('link', { name: '显示原文' })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(chinese));
  await portal.chooseLanguage('English');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.locator('.notice-body strong')).toHaveText('trainers');
  await expect(page.getByRole('link', { name: 'Show original' })).toHaveCount(0);
  expect(requests).toEqual([]);
  await portal.expectAccessibleAndTranslated();
});

test('a notice with an Arabic translation turns right to left with the menu, on the board and on its page', async ({ browser }) => {
  const stamp = Date.now();
  const title = `Library books ${stamp}`;
  const arabic = `كتب المكتبة ${stamp}`;
  const office = await signInOnPhone(browser, 'office@riverside.example');
  await office.portal.open('/admin/notices/new');
  await office.page.locator('#notice-title').fill(title);
  await office.page.locator('#notice-body').fill('Return them by Friday.');
  await chooseAudience(office.page, 'Year 3');
  // Typed right to left where it is typed.
  await expect(office.page.locator('#title-ar')).toHaveAttribute('dir', 'rtl');
  await office.page.locator('#title-ar').fill(arabic);
  await office.page.locator('#body-ar').fill('يرجى إعادتها يوم الجمعة.');
  await office.page.getByRole('button', { name: 'Publish' }).click();
  await expect(office.page).toHaveURL(/\/admin\/notices\/\d+$/);
  await office.page.context().close();

  const { page, portal } = await signInOnPhone(browser, DEMO.parent);
  await portal.open('/notices');
  await portal.waitForHydration();
  const cardTitle = page.locator('.notice-card', { hasText: String(stamp) }).locator('.notice-card__title');
  await expect(cardTitle).toHaveAttribute('dir', 'ltr');
  const requests = watchRequests(page);
  await portal.chooseLanguage('العربية');
  await expect(cardTitle).toHaveText(arabic);
  await expect(cardTitle).toHaveAttribute('lang', 'ar');
  await expect(cardTitle).toHaveAttribute('dir', 'rtl');
  expect(requests).toEqual([]);
  await cardTitle.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(arabic);
  await expect(page.locator('.notice-text')).toHaveAttribute('dir', 'rtl');
  requests.length = 0;
  await portal.chooseLanguage('English');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.locator('.notice-text')).toHaveAttribute('dir', 'ltr');
  expect(requests).toEqual([]);
});

test('compose and a notice’s figures follow the menu in place, typed text and saved state kept, with no request', async ({ browser }) => {
  const title = `Library books ${Date.now()}`;
  const { page, portal } = await signInOnPhone(browser, 'office@riverside.example');
  await portal.open('/admin/notices/new');
  await portal.waitForHydration();
  await page.locator('#notice-title').fill(title);
  await page.locator('#notice-body').fill('Please return them on **Friday**.');
  await chooseAudience(page, 'Year 3');
  await expect(page.locator('.audience__reach')).toContainText(/Reaches \d+ families/, { timeout: 10_000 });
  await expect(page.locator('[data-autosave-status]')).toContainText('Draft saved at');

  const requests = watchRequests(page);
  await portal.chooseLanguage('العربية');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('إشعار جديد');
  await expect(page.locator('#field-audience legend')).toHaveText('لمن الإشعار؟');
  await expect(page.locator('.audience__reach')).toContainText('يصل إلى');
  await expect(page.locator('[data-autosave-status]')).not.toContainText('Draft saved');
  await expect(page.locator('#notice-title')).toHaveValue(title);
  await expect(page.locator('details.audience__all').getByLabel('Year 3', { exact: true })).toBeChecked();
  await portal.expectAccessibleAndTranslated();
  await portal.chooseLanguage('中文（简体）');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('新建通知');
  await expect(page.locator('.audience__reach')).toContainText('覆盖');
  expect(requests).toEqual([]);

  // Published, its figures page switches too.
  await portal.chooseLanguage('English');
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page).toHaveURL(/\/admin\/notices\/\d+$/);
  await portal.waitForHydration();
  await expect(page.getByRole('heading', { name: 'Who has seen it' })).toBeVisible();
  requests.length = 0;
  await portal.chooseLanguage('العربية');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { name: 'من اطّلع عليه' })).toBeVisible();
  await expect(page.getByText(/قرأه \d+/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  expect(requests).toEqual([]);
  await portal.expectAccessibleAndTranslated();
});

test('the office pages follow the menu in place, a refused form keeping what was typed, with no request', async ({ browser }) => {
  // Reached by in-app navigation from the staff tools: the office's roster page.
  const office = await signInOnPhone(browser, 'office@riverside.example');
  await office.portal.open('/admin');
  await office.portal.waitForHydration();
  await office.page.getByRole('link', { name: 'Import the roster' }).click();
  await expect(office.page).toHaveURL(/\/admin\/roster$/);
  await expect(office.page.getByLabel('MIS export (CSV)')).toBeVisible();
  const officeRequests = watchRequests(office.page);
  await office.portal.chooseLanguage('العربية');
  await expect(office.page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(office.page.getByRole('heading', { level: 1 })).toHaveText('استيراد السجل');
  expect(officeRequests).toEqual([]);
  await office.portal.expectAccessibleAndTranslated();
  await office.page.context().close();

  // The system admin's staff accounts: a new account without a role is refused.
  const { page, portal } = await signInOnPhone(browser, 'it@riverside.example');
  await portal.open('/admin/staff');
  await portal.waitForHydration();
  await page.getByLabel('Name').fill('Ms Roleless');
  await page.getByLabel('Email address').fill('ms.roleless@riverside.example');
  await page.getByRole('button', { name: 'Create the account' }).click();
  const alert = page.getByRole('alert').filter({ hasText: /\S/ });
  await expect(alert).toBeVisible();
  const english = await alert.innerText();
  await expect(page.getByLabel('Name')).toHaveValue('Ms Roleless');
  await expect(page.getByLabel('Email address')).toHaveValue('ms.roleless@riverside.example');
  await portal.waitForHydration();
  const requests = watchRequests(page);
  await portal.chooseLanguage('العربية');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('حسابات الموظفين');
  await expect(page.getByRole('heading', { name: 'حساب موظف جديد' })).toBeVisible();
  await expect(alert).not.toHaveText(english);
  await expect(page.locator('#staff-name')).toHaveValue('Ms Roleless');
  expect(requests).toEqual([]);
  await portal.expectAccessibleAndTranslated();
});
