import { expect, test } from '@playwright/test';
import { signIn } from './fixtures/portal';

// Runs with and without JavaScript: the contact page and the office's list are plain forms
// posting to their own addresses. Each run its own parent, so the office approves each one's
// change by its new number.

test('a parent corrects their phone number on a phone, a wrong one is refused with what was typed kept, and the office approves the change', async ({ browser }, info) => {
  test.slow();
  const jsEnabled = info.project.name === 'js-on';
  const { page, portal } = await signIn(browser, jsEnabled ? 'parent2@riverside.example' : 'parent.b@riverside.example', jsEnabled);
  await page.setViewportSize({ width: 360, height: 740 });
  const phone = jsEnabled ? '07700 900161' : '07700 900162';

  await portal.nav().getByRole('link', { name: 'Forms' }).click();
  await page.getByRole('link', { name: 'Your contact details' }).click();
  await expect(page).toHaveURL(/\/forms\/contact$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your contact details');
  const main = page.getByLabel('Main phone number');
  const held = await main.inputValue();
  expect(held).not.toEqual('');
  expect(await portal.pageWidth()).toBeLessThanOrEqual(360);
  expect(await portal.smallTargets()).toEqual([]);
  if (jsEnabled) {
    await portal.waitForHydration();
    await portal.expectAccessibleAndTranslated();
  }

  // A number with letters in it: refused beside the field, what was typed still there.
  await main.fill('0161 CALL ME');
  await page.getByLabel('Other e-mail address').fill('grandma@example.org');
  await page.getByRole('button', { name: 'Send the change to the school' }).click();
  await expect(page.locator('.form-error[role="alert"]')).toContainText('Nothing was sent.');
  await expect(page.locator('#contact-phone-problem')).toContainText('This does not look like a phone number');
  await expect(page.getByLabel('Main phone number')).toHaveValue('0161 CALL ME');
  await expect(page.getByLabel('Other e-mail address')).toHaveValue('grandma@example.org');
  if (jsEnabled) {
    await portal.waitForHydration();
    await portal.expectAccessibleAndTranslated();
  }

  await page.getByLabel('Main phone number').fill(phone);
  await page.getByRole('button', { name: 'Send the change to the school' }).click();
  await expect(page).toHaveURL(/\/forms\/contact\?sent=1$/);
  await expect(page.getByRole('status')).toContainText('The school office will check your change');
  await expect(page.locator('.contact-waiting')).toContainText(`Main phone number: ${held} → ${phone}`);
  // Until the office approves, the school keeps the number it holds.
  await expect(page.getByLabel('Main phone number')).toHaveValue(held);
  if (jsEnabled) {
    await portal.waitForHydration();
    await portal.expectAccessibleAndTranslated();
    await portal.chooseLanguage('中文（简体）');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('您的联系方式');
    await expect(page.locator('.contact-waiting')).toContainText(`主要电话号码：${held} → ${phone}`);
    await portal.chooseLanguage('English');
  }

  const office = await signIn(browser, 'office@riverside.example', jsEnabled);
  await office.page.setViewportSize({ width: 360, height: 740 });
  await office.portal.open('/admin/forms');
  await office.page.getByRole('link', { name: /Changes families asked for/ }).click();
  await expect(office.page).toHaveURL(/\/admin\/forms\/changes$/);
  const card = office.page.locator('.change-card', { hasText: phone });
  await expect(card).toBeVisible();
  await expect(card).toContainText(`${held} → ${phone}`);
  expect(await office.portal.pageWidth()).toBeLessThanOrEqual(360);
  expect(await office.portal.smallTargets()).toEqual([]);
  if (jsEnabled) {
    await office.portal.waitForHydration();
    await office.portal.expectAccessibleAndTranslated();
  }
  await card.getByRole('button', { name: 'Approve' }).click();
  await expect(office.page.getByRole('status')).toHaveText('Approved: the school’s records now hold the new details.');
  await expect(office.page.locator('.change-card', { hasText: phone })).toContainText('Approved by');
  if (jsEnabled) {
    await office.portal.waitForHydration();
    await office.portal.expectAccessibleAndTranslated();
  }

  // The school now holds the new number, and nothing is waiting.
  await portal.open('/forms/contact');
  await expect(page.getByLabel('Main phone number')).toHaveValue(phone);
  await expect(page.locator('.contact-waiting')).toHaveCount(0);
});
