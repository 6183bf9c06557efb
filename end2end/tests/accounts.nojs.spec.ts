import { expect, test } from '@playwright/test';
import { DEMO, Portal } from './fixtures/portal';

// JavaScript is off in this project: plain form posts must be enough to join, sign in and out.
test('without JavaScript a parent joins, signs out and signs in again', async ({ page }) => {
  const portal = new Portal(page);
  await portal.open(`/join?code=${DEMO.secondJoinCode}`);
  await page.getByLabel('A child’s date of birth').fill(DEMO.secondJoinBirthDate);
  await page.getByLabel('Email address').fill('chen.jing@example.org');
  await page.getByLabel('Choose a password').fill('Lanterns by the river 2017');
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('.child-menu summary')).toContainText('All my children');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();

  await portal.open('/sign-in');
  await page.getByLabel('Email address').fill('chen.jing@example.org');
  await page.getByLabel('Password').fill('Lanterns by the river 2017');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
});
