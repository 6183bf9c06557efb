import { expect, test } from '@playwright/test';
import path from 'node:path';
import { DEMO, signIn } from './fixtures/portal';

// Runs with and without JavaScript: the post form is a plain multipart form, the feed is
// rendered on the server; with the wasm, the feed switches language in place.

const PHOTOS = [path.join(__dirname, 'fixtures', 'pond.jpg'), path.join(__dirname, 'fixtures', 'net.png')];

test("a 3A teacher's photos are held back until no tagged child's consent is broken (blurred, untagged); the 3A family sees them, likes the post and comments in Chinese; a 4B family never does", async ({ browser }, info) => {
  test.slow();
  const jsEnabled = info.project.name === 'js-on';
  const text = `Pond dipping this afternoon (${info.project.name})`;

  const teacher = await signIn(browser, 'teacher.3a@riverside.example', jsEnabled);
  await teacher.page.setViewportSize({ width: 390, height: 844 });
  await teacher.portal.open('/admin/news');
  await teacher.page.getByRole('link', { name: 'Class 3A' }).click();
  await expect(teacher.page.getByRole('heading', { level: 1 })).toHaveText('Post to Class 3A');
  if (jsEnabled) await teacher.portal.waitForHydration();
  await teacher.page.getByLabel('What happened?').fill(text);
  await teacher.page.locator('#news-photo').setInputFiles(PHOTOS);
  // A child whose family agreed to photos in their own portfolio only.
  const portfolioOnly = teacher.page.getByLabel(/\(own portfolio only\)$/).first();
  const child = ((await portfolioOnly.locator('xpath=..').textContent()) ?? '').replace(/\s*\(own portfolio only\)\s*$/, '').trim();
  expect(child.length).toBeGreaterThan(0);
  await portfolioOnly.check();
  expect(await teacher.portal.pageWidth()).toBeLessThanOrEqual(390);
  if (jsEnabled) await teacher.portal.expectAccessibleAndTranslated();
  await teacher.page.getByRole('button', { name: 'Publish' }).click();

  // Refused: the reason names the child and the ways out; the text and both photos are kept.
  const refusal = teacher.page.locator('.form-error[role="alert"]');
  await expect(refusal).toContainText('Not posted yet');
  await expect(refusal).toContainText(`${child}’s photo consent is “own portfolio only”`);
  await expect(teacher.page.getByLabel('What happened?')).toHaveValue(text);
  await expect(teacher.page.locator('.news-held img')).toHaveCount(2);
  for (const img of await teacher.page.locator('.news-held img').all()) {
    await expect.poll(() => img.evaluate((e: HTMLImageElement) => e.complete && e.naturalWidth)).toBeGreaterThan(0);
  }
  if (jsEnabled) await teacher.portal.expectAccessibleAndTranslated();

  // Their face blurred on the first photo: with a finger, or typed in without JavaScript. The
  // photo comes back blurred under a new address, the post still unpublished.
  const first = teacher.page.locator('.news-held__photo').first();
  const before = await first.locator('img').getAttribute('src');
  if (jsEnabled) {
    // All of the photo on screen: a finger cannot drag below the bottom of the screen.
    await first.locator('.news-blur__area').evaluate((e) => e.scrollIntoView({ block: 'center' }));
    const box = (await first.locator('.news-blur__area').boundingBox())!;
    await teacher.page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.25);
    await teacher.page.mouse.down();
    await teacher.page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 5 });
    await teacher.page.mouse.up();
    await expect(first.locator('.news-blur__box')).toBeVisible();
    await first.locator('summary').click();
    expect(Number(await first.getByLabel('From the left (%)').inputValue())).toBeCloseTo(30, 0);
    expect(Number(await first.getByLabel('Height (%)').inputValue())).toBeCloseTo(25, 0);
  } else {
    await first.locator('summary').click();
    await first.getByLabel('From the left (%)').fill('30');
    await first.getByLabel('From the top (%)').fill('25');
    await first.getByLabel('Width (%)').fill('30');
    await first.getByLabel('Height (%)').fill('25');
  }
  if (jsEnabled) await teacher.portal.expectAccessibleAndTranslated();
  await teacher.page.getByRole('button', { name: 'Blur the marked areas' }).click();
  await expect(teacher.page.locator('.news-held img')).toHaveCount(2);
  const after = await teacher.page.locator('.news-held__photo').first().locator('img').getAttribute('src');
  expect(after).not.toEqual(before);
  await expect(teacher.page.getByLabel('What happened?')).toHaveValue(text);

  // Untagged (and blurred), it goes out to the class story.
  await teacher.page.getByRole('checkbox', { name: `${child} (own portfolio only)`, exact: true }).uncheck();
  await teacher.page.getByRole('button', { name: 'Publish' }).click();
  await expect(teacher.page).toHaveURL(/\/news$/);
  await expect(teacher.page.getByText(text)).toBeVisible();
  await teacher.page.context().close();

  // The 3A family: the post and both photos, boxes reserved, at 360 px, in Chinese too.
  const parent = await signIn(browser, DEMO.parent, jsEnabled);
  await parent.page.setViewportSize({ width: 360, height: 740 });
  // Home: the post is among the latest news, with its story, opening words and first photo.
  const latest = parent.page.locator('section[aria-labelledby="latest-title"]');
  await expect(latest.getByRole('heading', { level: 2 })).toHaveText('Latest news');
  const latestPost = latest.getByRole('link').filter({ hasText: text });
  await expect(latestPost).toContainText('Class 3A');
  await expect(latestPost.locator('img')).toHaveCount(1);
  expect(await parent.portal.pageWidth()).toBeLessThanOrEqual(360);
  expect(await parent.portal.smallTargets()).toEqual([]);
  if (jsEnabled) await parent.portal.expectAccessibleAndTranslated();
  await parent.page.getByRole('navigation').getByRole('link', { name: 'News' }).click();
  await expect(parent.page).toHaveURL(/\/news$/);
  const post = parent.page.locator('article.news-post', { hasText: text });
  await expect(post).toBeVisible();
  await expect(post.getByRole('heading', { level: 2 })).toHaveText('Class 3A');
  const photos = post.locator('img.news-photo');
  await expect(photos).toHaveCount(2);
  await expect(photos.first()).toHaveAttribute('alt', 'Photo 1 of 2');
  for (const img of await photos.all()) {
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((e: HTMLImageElement) => e.complete && e.naturalWidth)).toBeGreaterThan(0);
    expect((await img.boundingBox())!.width).toBeLessThanOrEqual(360);
    // The browser took the WebP the page offers beside the JPEG.
    expect(await img.evaluate((e: HTMLImageElement) => e.currentSrc)).toMatch(/\/news\/photos\/\d+\/\d+\.webp$/);
  }
  await expect(parent.page.getByText(/Please do not download, forward or post photos/)).toBeVisible();
  expect(await parent.portal.pageWidth()).toBeLessThanOrEqual(360);
  if (jsEnabled) {
    await parent.portal.expectAccessibleAndTranslated();
    const requests: string[] = [];
    parent.page.on('request', (r) => {
      if (['document', 'fetch', 'xhr'].includes(r.resourceType())) requests.push(r.url());
    });
    await parent.portal.chooseLanguage('中文（简体）');
    await expect(parent.page.getByRole('heading', { level: 1 })).toHaveText('动态');
    await expect(post.getByRole('heading', { level: 2 })).toHaveText('3A 班');
    await expect(photos.first()).toHaveAttribute('alt', '第 1 张照片，共 2 张');
    expect(requests).toEqual([]);
  } else {
    await parent.portal.chooseLanguage('中文（简体）');
    await expect(parent.page.getByRole('heading', { level: 1 })).toHaveText('动态');
  }
  const photo = await photos.first().getAttribute('src');
  const postId = ((await post.getAttribute('id')) ?? '').replace('post-', '');

  // Liked, and commented on in Chinese: plain forms that come back to where the parent was.
  await post.getByRole('button', { name: '点赞' }).click();
  await expect(post.getByRole('button', { name: '已点赞' })).toHaveAttribute('aria-pressed', 'true');
  await expect(post).toContainText('1 个赞');
  await post.getByRole('link', { name: '评论' }).click();
  await expect(parent.page).toHaveURL(new RegExp(`/news/${postId}#comments$`));
  if (jsEnabled) await parent.portal.waitForHydration();
  const comment = `谢谢老师！孩子们很开心 <b>${info.project.name}</b>`;
  await parent.page.getByLabel('写评论').fill(comment);
  await parent.page.getByRole('button', { name: '发送' }).click();
  await expect(parent.page.locator('.news-comment', { hasText: comment })).toBeVisible();
  await expect(parent.page.locator('.news-comment b')).toHaveCount(0);
  // A web address is refused in Chinese; what was typed stays in the box.
  await parent.page.getByLabel('写评论').fill('照片在 www.example.com');
  await parent.page.getByRole('button', { name: '发送' }).click();
  await expect(parent.page.getByRole('alert')).toContainText('评论不能包含网址或电子邮件地址');
  await expect(parent.page.getByLabel('写评论')).toHaveValue('照片在 www.example.com');
  expect(await parent.portal.pageWidth()).toBeLessThanOrEqual(360);
  expect(await parent.portal.smallTargets()).toEqual([]);
  if (jsEnabled) {
    await parent.portal.waitForHydration();
    await parent.portal.expectAccessibleAndTranslated();
  }
  await parent.portal.chooseLanguage('English');
  await parent.page.context().close();

  // A 4B family: not the post, and not its photo by address.
  const other = await signIn(browser, 'parent2@riverside.example', jsEnabled);
  await other.portal.open('/news');
  await expect(other.page.getByRole('heading', { level: 1 })).toHaveText('News');
  await expect(other.page.getByText(text)).toHaveCount(0);
  expect((await other.page.request.get(photo!)).status()).toBe(404);
  // Nor the post and its comments by address.
  expect((await other.page.request.get(`/news/${postId}`)).status()).toBe(404);
  await other.page.context().close();
});

test("a 3A teacher corrects a post, translates it into Chinese and pins it on a phone; the 3A family finds it on top and reads it in Chinese, switched in place, the original a tap away", async ({ browser }, info) => {
  test.slow();
  const jsEnabled = info.project.name === 'js-on';
  const typo = `Swimming kit needed on Tusday (${info.project.name})`;
  const fixed = `Swimming kit needed on Tuesday (${info.project.name})`;
  const chinese = `星期二请带游泳用品（${info.project.name}）`;

  const teacher = await signIn(browser, 'teacher.3a@riverside.example', jsEnabled);
  await teacher.page.setViewportSize({ width: 360, height: 740 });
  await teacher.portal.open('/admin/news');
  await teacher.page.getByRole('link', { name: 'Class 3A' }).click();
  await teacher.page.getByLabel('What happened?').fill(typo);
  await teacher.page.getByRole('button', { name: 'Publish' }).click();
  await expect(teacher.page).toHaveURL(/\/news$/);
  const id = ((await teacher.page.locator('article.news-post', { hasText: typo }).getAttribute('id')) ?? '').replace('post-', '');
  expect(Number(id)).toBeGreaterThan(0);
  await teacher.portal.open(`/news/${id}`);
  if (jsEnabled) await teacher.portal.waitForHydration();

  // The spelling corrected, then the Chinese translation written for the corrected text.
  await teacher.page.getByRole('link', { name: 'Edit the text and translations' }).click();
  await expect(teacher.page).toHaveURL(new RegExp(`/news/${id}/edit$`));
  if (jsEnabled) await teacher.portal.waitForHydration();
  await expect(teacher.page.getByLabel('Text in English (as written)')).toHaveValue(typo);
  await teacher.page.getByLabel('Text in English (as written)').fill(fixed);
  expect(await teacher.portal.pageWidth()).toBeLessThanOrEqual(360);
  expect(await teacher.portal.smallTargets()).toEqual([]);
  if (jsEnabled) await teacher.portal.expectAccessibleAndTranslated();
  await teacher.page.getByRole('button', { name: 'Save the changes' }).click();
  await expect(teacher.page).toHaveURL(new RegExp(`/news/${id}#post-${id}$`));
  await expect(teacher.page.locator(`#post-${id}`)).toContainText(fixed);
  await expect(teacher.page.locator(`#post-${id} .news-post__meta`)).toContainText('Edited');
  await teacher.page.getByRole('link', { name: 'Edit the text and translations' }).click();
  await teacher.page.getByLabel('Translation into 中文（简体） (optional)').fill(chinese);
  await expect(teacher.page.locator('.news-history')).toContainText(typo);
  if (jsEnabled) {
    await teacher.portal.waitForHydration();
    await teacher.portal.expectAccessibleAndTranslated();
  }
  await teacher.page.getByRole('button', { name: 'Save the changes' }).click();
  await expect(teacher.page.locator(`#post-${id}`)).toContainText(fixed);
  if (jsEnabled) await teacher.portal.waitForHydration();

  // Pinned: it heads the feed for its families.
  await teacher.page.getByRole('button', { name: 'Pin to the top of the feed' }).click();
  await expect(teacher.page.getByRole('button', { name: 'Unpin' })).toBeVisible();
  await expect(teacher.page.locator(`#post-${id} .news-post__pinned`)).toHaveText('Pinned');
  // Every control of the staff's post page fits a phone and is big enough for a finger.
  expect(await teacher.portal.pageWidth()).toBeLessThanOrEqual(360);
  expect(await teacher.portal.smallTargets()).toEqual([]);
  if (jsEnabled) {
    await teacher.portal.waitForHydration();
    await teacher.portal.expectAccessibleAndTranslated();
  }

  const parent = await signIn(browser, DEMO.parent, jsEnabled);
  await parent.page.setViewportSize({ width: 360, height: 740 });
  await parent.portal.open('/news');
  const first = parent.page.locator(`#post-${id}`);
  // On top: only pinned posts come before it (the other project's test may pin one too).
  const above = await parent.page.evaluate((mine) => {
    const posts = [...document.querySelectorAll('article.news-post')];
    return posts.slice(0, posts.findIndex((p) => p.id === mine) + 1).map((p) => p.querySelector('.news-post__pinned') !== null);
  }, `post-${id}`);
  expect(above.length).toBeGreaterThan(0);
  expect(above.every((pinned) => pinned)).toBe(true);
  await expect(first.locator('.news-post__pinned')).toHaveText('Pinned');
  await expect(first.locator('.news-post__text')).toHaveText(fixed);
  await expect(first.locator('.news-post__text')).toHaveAttribute('lang', 'en-GB');
  await expect(first).not.toContainText(typo);
  if (jsEnabled) {
    await parent.portal.waitForHydration();
    const requests: string[] = [];
    parent.page.on('request', (r) => {
      if (['document', 'fetch', 'xhr'].includes(r.resourceType())) requests.push(r.url());
    });
    await parent.portal.chooseLanguage('中文（简体）');
    await expect(first.locator('.news-post__text')).toHaveText(chinese);
    expect(requests).toEqual([]);
  } else {
    await parent.portal.chooseLanguage('中文（简体）');
    await expect(first.locator('.news-post__text')).toHaveText(chinese);
  }
  await expect(first.locator('.news-post__pinned')).toHaveText('置顶');
  await expect(first.locator('.news-post__text')).toHaveAttribute('lang', 'zh-CN');
  await first.locator('.news-post__original summary').click();
  await expect(first.locator('.news-post__original')).toContainText(fixed);
  expect(await parent.portal.pageWidth()).toBeLessThanOrEqual(360);
  expect(await parent.portal.smallTargets()).toEqual([]);
  if (jsEnabled) await parent.portal.expectAccessibleAndTranslated();
  // Families have no way to edit and never receive the replaced text.
  await parent.portal.open(`/news/${id}`);
  await expect(parent.page.getByRole('link', { name: /编辑|Edit/ })).toHaveCount(0);
  expect(await parent.page.content()).not.toContain(typo);
  expect((await parent.page.request.get(`/news/${id}/edit`)).status()).toBe(404);
  await parent.portal.chooseLanguage('English');
  await parent.page.context().close();

  // Unpinned again, so the other tests' feeds are as they expect.
  await teacher.page.getByRole('button', { name: 'Unpin' }).click();
  await expect(teacher.page.getByRole('button', { name: 'Pin to the top of the feed' })).toBeVisible();
  await teacher.page.context().close();
});

test("a family reads back through a long class story on a phone: older posts join the feed as they scroll to its end, or page by page without JavaScript", async ({ browser }, info) => {
  test.slow();
  const jsEnabled = info.project.name === 'js-on';
  // Numbered so that no label is part of another; marked with this run, so a run's posts are
  // told apart from the other project's and any earlier run's on the same server.
  const run = `${info.project.name}-${Date.now().toString(36)}`;
  const label = (n: number) => `4B diary ${run} no. ${String(n).padStart(2, '0')}.`;

  // The office posts to 4B's story (its own family's feed; the other tests read 3A's).
  const office = await signIn(browser, 'office@riverside.example', jsEnabled);
  await office.portal.open('/admin/news');
  const story = await office.page.getByRole('link', { name: 'Class 4B' }).getAttribute('href');
  expect(story).toMatch(/^\/admin\/news\/c\d+$/);
  for (let n = 1; n <= 45; n++) {
    const response = await office.page.request.post(story!, { multipart: { body: label(n) }, maxRedirects: 0 });
    expect(response.status()).toBe(303);
  }
  await office.page.context().close();

  const parent = await signIn(browser, 'parent2@riverside.example', jsEnabled);
  await parent.page.setViewportSize({ width: 360, height: 740 });
  await parent.portal.open('/news');
  const posts = parent.page.locator('article.news-post');
  const oldest = posts.filter({ hasText: label(1) });
  await expect(posts).toHaveCount(20);
  await expect(oldest).toHaveCount(0);
  const older = parent.page.getByRole('link', { name: 'Older posts' });

  if (jsEnabled) {
    await parent.portal.waitForHydration();
    const address = parent.page.url();
    const pages: string[] = [];
    parent.page.on('request', (r) => {
      if (r.resourceType() === 'document') pages.push(r.url());
    });
    // From the keyboard: reaching the link scrolls it into view, which starts the next twenty;
    // pressed then or not, they join the feed and focus moves to the first of them, as
    // following the link would have, without leaving the page.
    await older.focus();
    await parent.page.keyboard.press('Enter');
    await expect(posts.nth(20)).toBeFocused();
    expect(await posts.count()).toBeGreaterThanOrEqual(40);
    // Scrolled to the end: the rest come by themselves.
    await expect
      .poll(async () => {
        await parent.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        return oldest.count();
      }, { timeout: 20_000 })
      .toBe(1);
    expect(parent.page.url()).toBe(address);
    expect(pages).toEqual([]);
    // Every post once, in order, newest first.
    const mine = (await posts.allTextContents())
      .map((text) => /no\. (\d\d)\./.exec(text.includes(run) ? text : '')?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number);
    expect(mine).toEqual(Array.from({ length: 45 }, (_, i) => 45 - i));
    await parent.portal.expectAccessibleAndTranslated();
  } else {
    // Without JavaScript the link is the next page.
    let followed = 0;
    while ((await oldest.count()) === 0) {
      await older.click();
      await expect(parent.page).toHaveURL(/\/news\?before=\d+$/);
      followed += 1;
      expect(followed).toBeLessThan(10);
    }
    expect(followed).toBeGreaterThanOrEqual(2);
  }
  expect(await parent.portal.pageWidth()).toBeLessThanOrEqual(360);
  expect(await parent.portal.smallTargets()).toEqual([]);
  await parent.page.context().close();
});
