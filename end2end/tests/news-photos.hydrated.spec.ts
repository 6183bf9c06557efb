import { expect, test } from '@playwright/test';
import path from 'node:path';
import { signInOnPhone } from './fixtures/portal';

// With the script, each photo goes to the server on its own as soon as it is picked: one that
// does not get through says so and is tried again alone; the text typed and the other photo stay.

const PHOTOS = [path.join(__dirname, 'fixtures', 'pond.jpg'), path.join(__dirname, 'fixtures', 'net.png')];

test('a teacher’s photos go one at a time; a failed one is tried again alone, nothing typed is lost', async ({ browser }) => {
  test.slow();
  const text = 'Net making with Year 3 (photos one at a time)';
  const { page, portal } = await signInOnPhone(browser, 'teacher.3a@riverside.example');
  await portal.open('/admin/news');
  await page.getByRole('link', { name: 'Class 3A' }).click();
  await portal.waitForHydration();
  await page.getByLabel('What happened?').fill(text);

  // The first request for a photo fails as a dropped connection would.
  let failed = false;
  await page.route('**/admin/news/*/photo', async (route) => {
    if (!failed && (route.request().postDataBuffer()?.includes('pond.jpg') ?? false)) {
      failed = true;
      await route.abort('connectionfailed');
    } else {
      await route.continue();
    }
  });
  const sent: string[] = [];
  page.on('request', (r) => { if (r.url().endsWith('/photo')) sent.push(r.url()); });
  await page.locator('#news-photo').setInputFiles(PHOTOS);

  // net.png arrives, held for the form; pond.jpg says it was not sent.
  await expect(page.locator('.news-held img')).toHaveCount(1);
  const failure = page.locator('.news-sending__item--failed', { hasText: 'pond.jpg' });
  await expect(failure).toContainText('Not sent. Check the connection, then try again.');
  await expect(page.getByRole('button', { name: 'Publish' })).toBeEnabled();
  await expect(page.locator('#news-photo')).toHaveValue('');
  expect(await portal.pageWidth()).toBeLessThanOrEqual(390);
  await portal.expectAccessibleAndTranslated();

  await failure.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('.news-held img')).toHaveCount(2);
  await expect(page.locator('.news-sending__item')).toHaveCount(0);
  expect(sent.length).toBe(3);
  await expect(page.getByLabel('What happened?')).toHaveValue(text);

  // Published with both photos; the post itself carries no files.
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page).toHaveURL(/\/news$/);
  const post = page.locator('article.news-post', { hasText: text });
  await expect(post.locator('img.news-photo')).toHaveCount(2);
  await page.context().close();
});
