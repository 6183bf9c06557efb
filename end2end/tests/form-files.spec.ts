import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './fixtures/portal';

// Runs with and without JavaScript: the form posts its answers and files as multipart, so a
// file is sent either way. Each run its own form and its own Thompson parent.

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

test('a parent sends a care plan with a medication form on a phone: a file that is not a PDF is refused with the answers kept, the PDF reaches the office', async ({ browser }, info) => {
  test.slow();
  const jsEnabled = info.project.name === 'js-on';
  const title = `Medicine in school (${info.project.name})`;

  const office = await signIn(browser, 'office@riverside.example', jsEnabled);
  await office.portal.open('/admin/forms/new?template=medication');
  await expect(office.page.getByRole('heading', { level: 1 })).toHaveText('New medication form');
  if (jsEnabled) await office.portal.waitForHydration();
  await office.page.locator('#form-title-en-GB').fill(title);
  await office.page.locator('#form-closes').fill(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
  await office.page.getByLabel('3A', { exact: true }).check();
  await office.page.getByRole('button', { name: 'Send to families' }).click();
  await expect(office.page).toHaveURL(/\/admin\/forms\/\d+$/);
  const figures = office.page.url();

  const { page, portal } = await signIn(browser, jsEnabled ? 'parent.b@riverside.example' : DEMO.parent, jsEnabled);
  await page.setViewportSize({ width: 360, height: 740 });
  await portal.open('/forms');
  await page.locator('.form-card', { hasText: title }).locator('.form-card__child').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  if (jsEnabled) await portal.waitForHydration();
  await page.getByLabel(/The name of the medicine/).fill('Cetirizine');
  await page.getByLabel(/dose/i).first().fill('5 ml after lunch');
  await page.getByLabel(/last day/i).fill('2027-07-31');
  await page.getByRole('group', { name: /Consent/ }).getByLabel('I give consent', { exact: true }).check();
  await page.getByLabel(/Your full name, as your signature/).fill('Sam Thompson');
  const file = page.getByLabel(/A care plan or a letter from the doctor/);
  await file.setInputFiles({ name: 'care-plan.pdf', mimeType: 'application/pdf', buffer: PNG });
  expect(await portal.pageWidth()).toBeLessThanOrEqual(360);
  expect(await portal.smallTargets()).toEqual([]);
  if (jsEnabled) await portal.expectAccessibleAndTranslated();

  // A picture named .pdf: refused beside the question, everything typed still there.
  await page.getByRole('button', { name: /Send my (answers|changes)/ }).click();
  await expect(page.locator('.form-error[role="alert"]')).toContainText('Your answers were not sent.');
  await expect(page.locator('#field-care_plan-problem')).toContainText('This file is not a PDF.');
  await expect(page.getByLabel(/The name of the medicine/)).toHaveValue('Cetirizine');
  await expect(page.getByLabel(/Your full name, as your signature/)).toHaveValue('Sam Thompson');
  if (jsEnabled) {
    await portal.waitForHydration();
    await portal.expectAccessibleAndTranslated();
  }

  await page.getByLabel(/A care plan or a letter from the doctor/).setInputFiles({ name: 'care-plan.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByRole('button', { name: /Send my (answers|changes)/ }).click();
  await expect(page).toHaveURL(/sent=1/);
  await expect(page.locator('.form-question', { hasText: 'A care plan' })).toContainText('Sent before: care-plan.pdf');

  // The office's figures link the file; it downloads as the PDF sent.
  await office.portal.open(figures);
  const link = office.page.getByRole('link', { name: 'care-plan.pdf' }).first();
  await expect(link).toBeVisible();
  const href = await link.getAttribute('href');
  const download = await office.page.request.get(href!);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toBe('application/pdf');
  expect(Buffer.from(await download.body()).equals(PDF)).toBe(true);
  // Another family cannot fetch it.
  const other = await signIn(browser, 'parent2@riverside.example', jsEnabled);
  expect((await other.page.request.get(href!)).status()).toBe(404);
});
