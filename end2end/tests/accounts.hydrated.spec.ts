import { expect, test } from '@playwright/test';
import { DEMO, Portal } from './fixtures/portal';

test('a new parent joins in Chinese with the code from their letter and sees both children', async ({ page, baseURL }) => {
  const portal = new Portal(page);
  await portal.setLanguageCookie('zh-CN', baseURL!);
  // The QR code on the letter opens the page with the code filled in.
  await portal.open(`/join?code=${DEMO.joinCode}`);
  await portal.waitForHydration();
  await expect(page.getByLabel('访问码')).toHaveValue(DEMO.joinCode);
  await page.getByLabel('孩子的出生日期').fill(DEMO.joinBirthDate);
  await page.getByLabel('电子邮箱').fill('zhang.wei@example.org');
  await page.getByLabel('设置密码').fill('Dumplings at grandma 1988');
  await page.getByRole('button', { name: '加入' }).click();

  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  const switcher = page.locator('.child-menu');
  await expect(switcher.locator('summary')).toContainText('我的所有孩子');
  await switcher.locator('summary').click();
  const choices = switcher.getByRole('button');
  await expect(choices).toHaveCount(3);
  await expect(choices.nth(1)).toContainText('Zhang');
  await expect(choices.nth(2)).toContainText('Zhang');
  await portal.expectAccessibleAndTranslated();

  // Choosing a child persists: the page reloads with that child named in the bar.
  const name = (await choices.nth(1).innerText()).split('\n')[0].trim();
  await choices.nth(1).click();
  await expect(switcher.locator('summary')).toContainText(name);
  // The bar shows the first name, which fits a phone; the whole name is read out.
  await expect(switcher.locator('summary [aria-hidden="true"]')).toHaveText(name.split(' ')[0]);
  expect(await portal.clippedInTopBar()).toEqual([]);
  await page.reload();
  await expect(switcher.locator('summary')).toContainText(name);
});

test('an expired code gets the translated message and keeps what was typed', async ({ page, baseURL }) => {
  const portal = new Portal(page);
  await portal.setLanguageCookie('zh-CN', baseURL!);
  await portal.open('/join');
  await portal.waitForHydration();
  await page.getByLabel('访问码').fill(DEMO.expiredCode);
  await page.getByLabel('孩子的出生日期').fill('2019-01-01');
  await page.getByLabel('电子邮箱').fill('late@example.org');
  await page.getByLabel('设置密码').fill('Dumplings at grandma 1988');
  await page.getByRole('button', { name: '加入' }).click();
  await expect(page.getByRole('alert')).toHaveText('这个访问码已过期。请向学校办公室索取新的访问码。');
  await expect(page.getByLabel('访问码')).toHaveValue(DEMO.expiredCode);
  await expect(page.getByLabel('电子邮箱')).toHaveValue('late@example.org');
});

test('a parent signs in and out with the wasm running', async ({ page }) => {
  const portal = new Portal(page);
  await portal.open('/sign-in');
  await portal.waitForHydration();
  await page.getByLabel('Email address').fill(DEMO.parent);
  await page.getByLabel('Password').fill(DEMO.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('.child-menu summary')).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
});
