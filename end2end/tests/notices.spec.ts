import { expect, test } from '@playwright/test';
import { DEMO, Portal, chooseAudience, signIn } from './fixtures/portal';

// Runs with and without JavaScript: composing is a server-rendered form, parents' pages are
// rendered on the server, and acknowledging is a plain form post.

/** axe-core runs inside the page, so only where JavaScript runs; the markup is the same. */
async function axe(portal: Portal, jsEnabled: boolean) {
  if (jsEnabled) await portal.expectAccessibleAndTranslated();
}

test('the office publishes to Year 3 in English and Chinese; a Chinese-reading Year 3 parent reads and acknowledges; Year 4 never sees it', async ({ browser }, info) => {
  // Three people's journeys with axe on each page: longer than one page's test.
  test.slow();
  const jsEnabled = info.project.name === 'js-on';
  const stamp = `${info.project.name}-${Date.now()}`;
  const title = `Farm trip ${stamp}`;
  const chineseTitle = `农场旅行 ${stamp}`;

  // The office writes the notice.
  const office = await signIn(browser, 'office@riverside.example', jsEnabled);
  await office.page.getByRole('link', { name: /Notices \(staff\)/ }).click();
  await expect(office.page).toHaveURL(/\/admin\/notices$/);
  await axe(office.portal, jsEnabled);
  await office.page.getByRole('link', { name: 'New notice' }).click();
  await axe(office.portal, jsEnabled);
  await office.page.locator('#notice-title').fill(title);
  await office.page.locator('#notice-body').fill('Please bring **wellies** and a packed lunch.');
  await chooseAudience(office.page, 'Year 3', jsEnabled);
  if (jsEnabled) {
    // With the page's script the draft saves itself and the reach updates without a button.
    await expect(office.page.locator('[data-autosave-status]')).toContainText('Draft saved at', { timeout: 10_000 });
    await expect(office.page.locator('.audience__reach')).toContainText(/Reaches \d+ families/);
  }
  await office.page.getByRole('button', { name: 'Check who it reaches' }).click();
  await expect(office.page.locator('.audience__reach')).toContainText(/Reaches \d+ families/);
  // The check saved a draft and kept everything typed.
  await expect(office.page.locator('#notice-title')).toHaveValue(title);
  await expect(office.page.locator('details.audience__all').getByLabel('Year 3', { exact: true })).toBeChecked();
  await office.page.getByLabel('Parents must acknowledge it').check();
  await office.page.locator('#title-zh-CN').fill(chineseTitle);
  await office.page.locator('#body-zh-CN').fill('请带**雨靴**和午餐。');
  await axe(office.portal, jsEnabled);
  await office.page.getByRole('button', { name: 'Publish' }).click();
  await expect(office.page).toHaveURL(/\/admin\/notices\/\d+$/);
  await expect(office.page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(office.page.getByText('Acknowledged by 0 (0%)')).toBeVisible();
  await axe(office.portal, jsEnabled);
  const staffPage = office.page.url();

  // A Year 3 parent reading in Chinese.
  const parent = await signIn(browser, DEMO.parent, jsEnabled);
  await parent.portal.chooseLanguage('中文（简体）');
  await expect(parent.page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await parent.page.getByRole('navigation').getByRole('link', { name: /通知/ }).click();
  await expect(parent.page).toHaveURL(/\/notices$/);
  const card = parent.page.getByRole('link', { name: new RegExp(chineseTitle) });
  await expect(card).toBeVisible();
  await expect(card).toContainText('请确认');
  await expect(parent.page.getByText(title)).toHaveCount(0);
  await axe(parent.portal, jsEnabled);
  await card.click();
  await expect(parent.page.getByRole('heading', { name: chineseTitle })).toBeVisible();
  await expect(parent.page.locator('.notice-body strong')).toHaveText('雨靴');
  await axe(parent.portal, jsEnabled);
  await parent.page.getByRole('link', { name: '显示原文' }).click();
  await expect(parent.page.getByRole('heading', { name: title })).toBeVisible();
  await expect(parent.page.getByRole('heading', { name: chineseTitle })).toBeVisible();
  await axe(parent.portal, jsEnabled);
  await parent.page.getByRole('button', { name: '确认已读' }).click();
  await expect(parent.page.getByRole('status')).toContainText('确认');
  await expect(parent.page.getByRole('button', { name: '确认已读' })).toHaveCount(0);
  await axe(parent.portal, jsEnabled);

  // A Year 4 parent never sees it, in the board or by its address.
  const other = await signIn(browser, 'parent2@riverside.example', jsEnabled);
  await other.portal.open('/notices');
  await expect(other.page.getByRole('heading', { name: 'Notices' })).toBeVisible();
  await expect(other.page.getByText(title)).toHaveCount(0);
  const id = staffPage.split('/').pop();
  await other.portal.open(`/notices/${id}`);
  await expect(other.page.getByText(title)).toHaveCount(0);
  await expect(other.page.getByRole('alert')).toBeVisible();

  // The office's figures show the acknowledgement.
  await office.page.goto(staffPage);
  await expect(office.page.getByText(/Acknowledged by 1 \(\d+%\)/)).toBeVisible();
  await expect(office.page.locator('svg.chart')).toBeVisible();
  await axe(office.portal, jsEnabled);
});

test('the notification centre lists new notices at phone width', async ({ browser }, info) => {
  const jsEnabled = info.project.name === 'js-on';
  const parent = await signIn(browser, DEMO.parent, jsEnabled);
  await parent.portal.open('/notifications');
  await expect(parent.page.getByRole('heading', { name: 'Notifications' })).toBeVisible();
  const width = await parent.page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await axe(parent.portal, jsEnabled);
});

test('a parent’s home says what needs them now, under the child it concerns, at phone width', async ({ browser }, info) => {
  const jsEnabled = info.project.name === 'js-on';
  const title = `Swimming kit ${info.project.name}-${Date.now()}`;
  const office = await signIn(browser, 'office@riverside.example', jsEnabled);
  await office.portal.open('/admin/notices/new');
  await office.page.locator('#notice-title').fill(title);
  await office.page.locator('#notice-body').fill('Bring it on Monday.');
  await chooseAudience(office.page, 'Year 3', jsEnabled);
  await office.page.getByLabel('Parents must acknowledge it').check();
  await office.page.getByRole('button', { name: 'Publish' }).click();
  await expect(office.page).toHaveURL(/\/admin\/notices\/\d+$/);

  const parent = await signIn(browser, DEMO.parent, jsEnabled);
  const needs = parent.page.locator('.needs');
  await expect(needs.getByRole('heading', { name: 'What needs you now' })).toBeVisible();
  const year3 = needs.locator('.needs__child', { hasText: '(3A)' }).first();
  await expect(year3.getByText(/Unread notices: \d+/)).toBeVisible();
  const due = year3.getByRole('link', { name: new RegExp(title) });
  await expect(due).toBeVisible();
  await expect(needs.locator('.needs__child', { hasText: '(5B)' }).getByText(title)).toHaveCount(0);
  const width = await parent.page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await axe(parent.portal, jsEnabled);
  await due.click();
  await expect(parent.page).toHaveURL(/\/notices\/\d+$/);
  await expect(parent.page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
});

test('the top bar fits a 390 px phone: the school’s short name and "All" for the children', async ({ browser }, info) => {
  const jsEnabled = info.project.name === 'js-on';
  const parent = await signIn(browser, DEMO.parent, jsEnabled);
  const bar = parent.page.locator('.top-bar');
  await expect(bar.locator('.top-bar__school-short')).toHaveText('Riverside');
  await expect(bar.locator('.top-bar__school')).toContainText('Riverside Primary School');
  await expect(bar.locator('.child-menu > summary [aria-hidden="true"]')).toHaveText('All');
  await expect(bar.locator('.child-menu > summary')).toContainText('All my children');
  expect(await parent.portal.clippedInTopBar()).toEqual([]);
  await axe(parent.portal, jsEnabled);
});

test('compose fits a 360 px phone: the audience is compact, a class is found by search and a chip removed', async ({ browser }, info) => {
  const jsEnabled = info.project.name === 'js-on';
  const office = await signIn(browser, 'office@riverside.example', jsEnabled);
  await office.page.setViewportSize({ width: 360, height: 740 });
  await office.portal.open('/admin/notices/new');
  if (jsEnabled) await office.portal.waitForHydration();
  // Every year group, class and pupil is on offer, folded away: the audience takes under a screen.
  const audience = office.page.locator('#field-audience');
  expect((await audience.boundingBox())!.height).toBeLessThan(740);
  expect(await office.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const small = await office.page.evaluate(() =>
    Array.from(document.querySelectorAll('#main a, #main button, #main summary, #main select, #main input:not([type=checkbox]):not([type=hidden]), #main label.check'))
      .filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; })
      .map((el) => ({ el: el.outerHTML.slice(0, 80), ...el.getBoundingClientRect().toJSON() }))
      .filter((r) => r.height < 44 || r.width < 44 || r.left < 0 || r.right > 360),
  );
  expect(small).toEqual([]);
  await axe(office.portal, jsEnabled);
  if (!jsEnabled) return;

  await office.page.getByLabel('Find a year group, class or pupil').fill('3b');
  const matches = office.page.locator('.audience__matches');
  await expect(matches.getByRole('button', { name: 'Add 3B', exact: true })).toBeVisible();
  // Pupils are found by their class too.
  await expect(matches.getByRole('button', { name: /^Add .+ \(3B\)$/ }).first()).toBeVisible();
  await matches.getByRole('button', { name: 'Add 3B', exact: true }).click();
  const chips = office.page.locator('.chips').first();
  await expect(chips.getByRole('button', { name: 'Remove 3B', exact: true })).toBeVisible();
  await expect(office.page.locator('details.audience__all').getByLabel('3B', { exact: true })).toBeChecked();
  await expect(office.page.locator('.audience__reach')).toContainText(/Reaches \d+ families/, { timeout: 10_000 });
  await axe(office.portal, jsEnabled);
  await chips.getByRole('button', { name: 'Remove 3B', exact: true }).click();
  await expect(chips.getByRole('button')).toHaveCount(0);
  await expect(office.page.locator('details.audience__all').getByLabel('3B', { exact: true })).not.toBeChecked();
  // A box ticked in the full list shows as a chip, which goes when the box is unticked.
  const all = office.page.locator('details.audience__all');
  await all.locator('> summary').click();
  await all.getByLabel('4B', { exact: true }).check();
  await expect(chips.getByRole('button', { name: 'Remove 4B', exact: true })).toBeVisible();
  await all.getByLabel('4B', { exact: true }).uncheck();
  await expect(chips.getByRole('button')).toHaveCount(0);

  // The pupils' boxes, left as the server sent them when the page hydrated, do the same, and a
  // pupil's chip ticks their box.
  const pupils = all.locator('input[name=pupil]');
  const pupilCount = await pupils.count();
  expect(pupilCount).toBeGreaterThan(100);
  const firstClass = all.locator('details.audience__pupils').first();
  await firstClass.locator('> summary').click();
  const pupil = firstClass.locator('label.check').first();
  const pupilName = (await pupil.innerText()).trim();
  const className = (await firstClass.locator('> summary').innerText()).trim();
  await pupil.getByRole('checkbox').check();
  const pupilChip = chips.getByRole('button', { name: `Remove ${pupilName} (${className})`, exact: true });
  await expect(pupilChip).toBeVisible();
  await pupilChip.click();
  await expect(pupil.getByRole('checkbox')).not.toBeChecked();
  await office.page.getByLabel('Find a year group, class or pupil').fill(pupilName);
  await matches.getByRole('button', { name: `Add ${pupilName} (${className})`, exact: true }).click();
  await expect(pupil.getByRole('checkbox')).toBeChecked();

  // Opened from the list of notices without a page load, the form builds every box in the browser.
  await office.portal.open('/admin/notices');
  await office.portal.waitForHydration();
  await office.page.evaluate(() => document.documentElement.setAttribute('data-same-page', 'yes'));
  await office.page.getByRole('link', { name: 'New notice' }).click();
  await expect(office.page).toHaveURL(/\/admin\/notices\/new$/);
  await expect(office.page.locator('html')).toHaveAttribute('data-same-page', 'yes');
  await expect(pupils).toHaveCount(pupilCount);
  await all.locator('> summary').click();
  await firstClass.locator('> summary').click();
  await pupil.getByRole('checkbox').check();
  await expect(chips.getByRole('button', { name: `Remove ${pupilName} (${className})`, exact: true })).toBeVisible();
});

test('the board shows twenty notices a page; older and newer pages are links that work with and without JavaScript', async ({ browser }, info) => {
  test.slow();
  const jsEnabled = info.project.name === 'js-on';
  // Marked with this run: the other project posts to the same child at the same time.
  const run = `${info.project.name}-${Date.now().toString(36)}`;
  const label = (n: number) => `Reading record ${run} no. ${String(n).padStart(2, '0')}`;

  // The office writes 21 notices to class 4B, where parent2@'s child is.
  const office = await signIn(browser, 'office@riverside.example', jsEnabled);
  await office.portal.open('/admin/notices/new');
  const class4b = await office.page.locator('details.audience__all').getByLabel('4B', { exact: true }).getAttribute('value');
  expect(class4b).toMatch(/^\d+$/);
  for (let n = 1; n <= 21; n++) {
    const response = await office.page.request.post('/admin/notices/new', {
      multipart: { title: label(n), body: 'Please sign it.', language: 'en-GB', class: class4b!, action: 'publish' },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(303);
    expect(response.headers()['location']).toMatch(/^\/admin\/notices\/\d+$/);
  }
  await office.page.context().close();

  const parent = await signIn(browser, 'parent2@riverside.example', jsEnabled);
  await parent.page.setViewportSize({ width: 360, height: 740 });
  await parent.portal.open('/notices');
  const cards = parent.page.locator('li.notice-card');
  await expect(cards).toHaveCount(20);
  // The newest of this run is on the first page, under the school's pinned notices.
  await expect(cards.filter({ hasText: label(21) })).toHaveCount(1);
  const oldest = cards.filter({ hasText: label(1) });
  await expect(oldest).toHaveCount(0);
  await expect(parent.page.getByRole('link', { name: 'Newer notices' })).toHaveCount(0);
  if (jsEnabled) await parent.portal.waitForHydration();
  const older = parent.page.getByRole('link', { name: 'Older notices' });
  const box = await older.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);
  await axe(parent.portal, jsEnabled);

  // The first of this run's notices is a page or two back (the other project's are newer).
  let page = 1;
  while (page < 4 && (await oldest.count()) === 0) {
    const top = await cards.first().textContent();
    await older.click();
    page += 1;
    await expect(parent.page).toHaveURL(new RegExp(`/notices\\?page=${page}$`));
    // The next page's cards are all different ones.
    await expect(cards.first()).not.toHaveText(top!);
    await expect(parent.page.getByRole('link', { name: 'Newer notices' })).toBeVisible();
  }
  await expect(oldest).toHaveCount(1);
  const width = await parent.page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  await axe(parent.portal, jsEnabled);

  // Back to the newest.
  const newest = cards.filter({ hasText: label(21) });
  for (page -= 1; page >= 1; page--) {
    await parent.page.getByRole('link', { name: 'Newer notices' }).click();
    await expect(parent.page).toHaveURL(page === 1 ? /\/notices$/ : new RegExp(`/notices\\?page=${page}$`));
  }
  await expect(newest).toHaveCount(1);
  await expect(cards).toHaveCount(20);
});
