import { expect, test, type Page } from '@playwright/test';
import { LOCALES, signIn } from './fixtures/portal';

// Runs with and without JavaScript: the office's pages are plain forms posting to their own
// addresses, and a report is an ordinary download link. Each project makes its own cycle.

/** A real one-page PDF saying `text`, with its cross-reference table. */
function pdfSaying(text: string): Buffer {
  const stream = `BT /F1 20 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

async function checkPhone(page: Page, portal: { pageWidth(): Promise<number>; smallTargets(): Promise<string[]> }) {
  expect(await portal.pageWidth()).toBeLessThanOrEqual(390);
  expect(await portal.smallTargets()).toEqual([]);
}

test('the office uploads a cycle for Year 5, the Thompson parent finds it under their Year 5 child and opens it, and the office sees it opened', async ({ browser, baseURL }, info) => {
  test.slow();
  const jsEnabled = info.project.name === 'js-on';
  const cycleName = jsEnabled ? 'Autumn report (phones)' : 'Autumn report (no script)';

  const office = await signIn(browser, 'office@riverside.example', jsEnabled);
  await office.portal.open('/admin');
  await office.page.locator('main').getByRole('link', { name: 'Reports' }).click();
  await expect(office.page).toHaveURL(/\/admin\/reports$/);
  await checkPhone(office.page, office.portal);
  if (jsEnabled) {
    await office.portal.waitForHydration();
    await office.portal.expectAccessibleAndTranslated();
  }
  await office.page.getByLabel(/^Name/).fill(cycleName);
  await office.page.getByLabel('Kind').selectOption('term');
  await office.page.getByLabel('Year 5').check();
  await office.page.getByRole('button', { name: 'Create the cycle' }).click();
  await expect(office.page).toHaveURL(/\/admin\/reports\/\d+$/);
  await expect(office.page.getByRole('heading', { level: 1 })).toHaveText(cycleName);
  const cycleUrl = office.page.url();

  // Isla Thompson (5B) is P00002; nobody is P99999.
  await office.page.getByLabel('A ZIP file or PDF files').setInputFiles([
    { name: 'P00002_autumn.pdf', mimeType: 'application/pdf', buffer: pdfSaying('Autumn report for Isla Thompson') },
    { name: 'P99999_autumn.pdf', mimeType: 'application/pdf', buffer: pdfSaying('Nobody') },
  ]);
  // With the page's script the files go with a progress bar (XMLHttpRequest); without it, as a form.
  if (jsEnabled) await office.portal.waitForHydration();
  const uploading = office.page.waitForRequest((r) => r.url().endsWith('/upload'));
  await office.page.getByRole('button', { name: 'Upload' }).click();
  expect((await uploading).resourceType()).toBe(jsEnabled ? 'xhr' : 'document');
  await expect(office.page.getByRole('status')).toHaveText('1 report added to the preview.');
  await expect(office.page.locator('.report-refused')).toContainText('P99999_autumn.pdf');
  await expect(office.page.locator('.report-refused')).toContainText('No pupil has the MIS id this name starts with.');
  await expect(office.page.locator('.report-card')).toContainText(['Isla Thompson (5B)']);
  await checkPhone(office.page, office.portal);
  if (jsEnabled) {
    await office.portal.waitForHydration();
    await office.portal.expectAccessibleAndTranslated();
  }
  await office.page.getByRole('button', { name: 'Publish to families' }).click();
  await expect(office.page.getByRole('status')).toHaveText('Published: families can download their reports now.');
  await expect(office.page.locator('.report-figures')).toHaveText('0 of 1 opened by their families');

  // The parent of Amelia (3A) and Isla (5B): the report is under Isla only.
  const parent = await signIn(browser, 'parent@riverside.example', jsEnabled);
  // The tab counts the reports not opened yet (this one, and the other project's if it is there).
  await expect(parent.portal.nav().getByRole('link', { name: /Reports/ }).locator('.tab-badge')).toContainText(/[12] new/);
  await parent.portal.open('/notifications');
  const entry = parent.page.locator('.notice-card', { hasText: cycleName });
  await expect(entry).toContainText('New report');
  await expect(entry.getByRole('link')).toHaveAttribute('href', '/reports');
  if (jsEnabled) {
    await parent.portal.waitForHydration();
    await parent.portal.expectAccessibleAndTranslated();
  }
  await parent.portal.nav().getByRole('link', { name: /Reports/ }).click();
  await expect(parent.page).toHaveURL(/\/reports$/);
  const isla = parent.page.locator('.report-child', { has: parent.page.getByRole('heading', { name: 'Isla Thompson' }) });
  const card = isla.locator('.report-card', { hasText: cycleName });
  await expect(card).toBeVisible();
  await expect(card.locator('.badge--new')).toHaveText('New');
  await expect(parent.page.locator('.report-child', { has: parent.page.getByRole('heading', { name: 'Amelia Thompson' }) })).toHaveCount(0);
  await checkPhone(parent.page, parent.portal);
  for (const locale of LOCALES) {
    if (jsEnabled) {
      await parent.portal.waitForHydration();
      await parent.portal.chooseLanguage({ 'en-GB': 'English', 'zh-CN': '中文（简体）', ar: 'العربية' }[locale.tag]);
    } else {
      await parent.portal.setLanguageCookie(locale.tag, baseURL!);
      await parent.portal.open('/reports');
    }
    await expect(parent.page.locator('html')).toHaveAttribute('dir', locale.dir);
    await expect(card.getByRole('link')).toContainText({ 'en-GB': 'Download', 'zh-CN': '下载', ar: 'تنزيل' }[locale.tag]);
    if (jsEnabled) await parent.portal.expectAccessibleAndTranslated();
    else await checkPhone(parent.page, parent.portal);
  }
  if (!jsEnabled) {
    await parent.portal.setLanguageCookie('en-GB', baseURL!);
    await parent.portal.open('/reports');
  } else {
    await parent.portal.chooseLanguage('English');
  }
  const downloading = parent.page.waitForEvent('download');
  await card.getByRole('link', { name: /Download/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^Autumn report .*Isla Thompson\.pdf$/);

  // The office's figures: opened, by whom.
  await office.portal.open(cycleUrl);
  await expect(office.page.locator('.report-figures')).toHaveText('1 of 1 opened by their families');
  await expect(office.page.locator('.report-card', { hasText: 'Isla Thompson (5B)' })).toContainText('Opened by');
  await expect(office.page.locator('.report-downloads')).toContainText('opened the report for Isla Thompson (5B)');
  await checkPhone(office.page, office.portal);
  if (jsEnabled) {
    await office.portal.waitForHydration();
    await office.portal.expectAccessibleAndTranslated();
  }
});
