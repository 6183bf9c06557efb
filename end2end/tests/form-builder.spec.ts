import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './fixtures/portal';

// Runs with and without JavaScript: the question editor is a plain form whose buttons post it to
// itself (add, move, remove a question), so both ways take the same path.

test("the office builds a form of its own questions on a phone — a choice in English and Chinese, a yes/no question and one asked only after “yes” — and the 3A family answers it", async ({ browser }, info) => {
  test.slow();
  const jsEnabled = info.project.name === 'js-on';
  const title = `Sports day T-shirts (${info.project.name})`;
  const office = await signIn(browser, 'office@riverside.example', jsEnabled);
  const page = office.page;
  await page.setViewportSize({ width: 390, height: 844 });
  await office.portal.open('/admin/forms');
  await page.getByRole('link', { name: 'New form with your own questions' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New form with your own questions');
  if (jsEnabled) await office.portal.waitForHydration();

  await page.locator('#form-title-en-GB').fill(title);
  await page.locator('#q1-kind').selectOption('choice');
  await page.locator('#q1-label-en-GB').fill('T-shirt size');
  await page.locator('#q1-options-en-GB').fill('Small\nMedium\nLarge');
  await page.locator('#q1-options-zh-CN').fill('小\n中\n大');
  await page.getByRole('button', { name: 'Add a question' }).click();
  // The page comes back with a second question and everything typed kept.
  await expect(page.locator('#q2-kind')).toBeVisible();
  await expect(page.locator('#form-title-en-GB')).toHaveValue(title);
  await expect(page.locator('#q1-options-zh-CN')).toHaveValue('小\n中\n大');
  await page.locator('#q2-kind').selectOption('yes-no');
  await page.locator('#q2-label-en-GB').fill('Will your child need a second shirt?');
  await page.getByRole('button', { name: 'Add a question' }).click();
  await page.locator('#q3-kind').selectOption('long-text');
  await page.locator('#q3-label-en-GB').fill('How many more, and which sizes?');
  await page.locator('#q3-when').selectOption('2');
  await page.getByLabel('Year 3', { exact: true }).check();
  await page.locator('#form-closes').fill(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
  expect(await office.portal.pageWidth()).toBeLessThanOrEqual(390);
  expect(await office.portal.smallTargets()).toEqual([]);
  if (jsEnabled) {
    await office.portal.waitForHydration();
    await office.portal.expectAccessibleAndTranslated();
  }

  // Asked after a question it cannot depend on: refused by its number, nothing lost.
  await page.locator('#q3-when').selectOption('1');
  await page.getByRole('button', { name: 'Send to families' }).click();
  await expect(page.locator('.form-error[role="alert"]')).toContainText('Question 3 can depend only on an earlier yes-or-no question.');
  await expect(page.locator('#q3-label-en-GB')).toHaveValue('How many more, and which sizes?');
  await expect(page.getByLabel('Year 3', { exact: true })).toBeChecked();
  await page.locator('#q3-when').selectOption('2');
  await page.getByRole('button', { name: 'Send to families' }).click();
  await expect(page).toHaveURL(/\/admin\/forms\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await office.page.context().close();

  // The 3A family: the options, in Chinese too; the last question only after "yes".
  const parent = await signIn(browser, DEMO.parent, jsEnabled);
  await parent.page.setViewportSize({ width: 360, height: 740 });
  await parent.portal.open('/forms');
  await parent.page.locator('.form-card', { hasText: title }).locator('.form-card__child').click();
  await expect(parent.page.getByRole('heading', { level: 1 })).toHaveText(title);
  if (jsEnabled) await parent.portal.waitForHydration();
  const size = parent.page.getByRole('group', { name: /T-shirt size/ });
  await expect(size.getByRole('radio')).toHaveCount(3);
  const more = parent.page.getByLabel(/How many more/);
  if (jsEnabled) {
    await parent.page.getByRole('group', { name: /second shirt/ }).getByLabel('No').check();
    await expect(more).toBeHidden();
    await parent.page.getByRole('group', { name: /second shirt/ }).getByLabel('Yes').check();
    await expect(more).toBeVisible();
  }
  await size.getByLabel('Medium').check();
  await parent.page.getByRole('group', { name: /second shirt/ }).getByLabel('Yes').check();
  await more.fill('One more, size small');
  expect(await parent.portal.pageWidth()).toBeLessThanOrEqual(360);
  if (jsEnabled) await parent.portal.expectAccessibleAndTranslated();
  await parent.page.getByRole('button', { name: /Send my (answers|changes)/ }).click();
  await expect(parent.page.getByText('Thank you: your answers were sent to the school.')).toBeVisible();
  await parent.portal.chooseLanguage('中文（简体）');
  await expect(parent.page.getByRole('group', { name: /T-shirt size/ }).getByLabel('中', { exact: true })).toBeChecked();
  await parent.portal.chooseLanguage('English');
  await parent.page.context().close();
});

test('a form answered once per family, built at 360 px: the Thompsons (3A and 5B) see one card naming both children, one answer covers both, and the other parent finds it done', async ({ browser }, info) => {
  test.slow();
  const jsEnabled = info.project.name === 'js-on';
  const title = `Winter fair helpers (${info.project.name})`;
  const office = await signIn(browser, 'office@riverside.example', jsEnabled);
  const page = office.page;
  await page.setViewportSize({ width: 360, height: 740 });
  await office.portal.open('/admin/forms/new?template=custom');
  if (jsEnabled) await office.portal.waitForHydration();
  await page.locator('#form-title-en-GB').fill(title);
  await page.getByLabel('Once for the whole family, for all their children').check();
  await page.locator('#q1-kind').selectOption('yes-no');
  await page.locator('#q1-label-en-GB').fill('Can someone from your family help on a stall?');
  await page.getByLabel('Year 3', { exact: true }).check();
  await page.getByLabel('Year 5', { exact: true }).check();
  await page.locator('#form-closes').fill(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
  expect(await office.portal.pageWidth()).toBeLessThanOrEqual(360);
  expect(await office.portal.smallTargets()).toEqual([]);
  if (jsEnabled) await office.portal.expectAccessibleAndTranslated();
  await page.getByRole('button', { name: 'Send to families' }).click();
  await expect(page).toHaveURL(/\/admin\/forms\/\d+$/);
  await office.page.context().close();

  const parent = await signIn(browser, DEMO.parent, jsEnabled);
  await parent.page.setViewportSize({ width: 360, height: 740 });
  await parent.portal.open('/forms');
  const card = parent.page.locator('.form-card', { hasText: title });
  await expect(card.getByRole('link')).toHaveCount(1);
  await expect(card.getByRole('link')).toContainText('Amelia Thompson');
  await expect(card.getByRole('link')).toContainText('Isla Thompson');
  await card.getByRole('link').click();
  await expect(parent.page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(parent.page.locator('.form-page__child')).toContainText('One answer for all your children:');
  if (jsEnabled) {
    await parent.portal.waitForHydration();
    await parent.portal.expectAccessibleAndTranslated();
  }
  await parent.page.getByRole('group', { name: /help on a stall/ }).getByLabel('Yes').check();
  await parent.page.getByRole('button', { name: /Send my (answers|changes)/ }).click();
  await expect(parent.page.getByText('Thank you: your answers were sent to the school.')).toBeVisible();
  await parent.portal.open('/forms');
  await expect(parent.page.locator('.form-card', { hasText: title }).locator('.badge')).toHaveText('Done');
  await parent.page.context().close();

  const other = await signIn(browser, 'parent.b@riverside.example', jsEnabled);
  await other.page.setViewportSize({ width: 360, height: 740 });
  await other.portal.open('/forms');
  const theirs = other.page.locator('.form-card', { hasText: title });
  await expect(theirs.locator('.badge')).toHaveText('Done');
  await theirs.getByRole('link').click();
  await expect(other.page.getByText(/answered for your family on/)).toBeVisible();
  await expect(other.page.getByRole('group', { name: /help on a stall/ }).getByLabel('Yes')).toBeChecked();
  await other.page.context().close();
});
