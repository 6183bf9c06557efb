import { expect, test } from '@playwright/test';
import { DEMO, chooseAudience, signIn } from './fixtures/portal';

// Runs with and without JavaScript: the agenda and an event's page are rendered on the server,
// and "Add to my calendar" is a plain download.

const TRIP = 'Class 3A trip to the Science Museum';
/** A trip letter: a PDF as far as the portal's content check reads. */
const LETTER = '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';
const TRIP_ZH = '3A班科学博物馆之旅';
const ASSEMBLY = 'Year 4 class assembly';

test('a 3A parent finds the class trip in the agenda, reads it in Chinese and adds it to their calendar; a Year 4 parent never sees it', async ({ browser }, info) => {
  test.slow();
  const jsEnabled = info.project.name === 'js-on';
  const parent = await signIn(browser, DEMO.parent, jsEnabled);
  await parent.page.getByRole('navigation').getByRole('link', { name: 'Calendar' }).click();
  await expect(parent.page).toHaveURL(/\/calendar$/);
  await expect(parent.page.getByRole('heading', { level: 1 })).toHaveText('Calendar');
  const trip = parent.page.getByRole('link', { name: new RegExp(TRIP) });
  await expect(trip).toBeVisible();
  await expect(trip).toContainText('For ');
  await expect(parent.page.getByText(ASSEMBLY)).toHaveCount(0);
  await expect(parent.page.getByText('Staff meeting')).toHaveCount(0);
  // Each event is a whole-row link, big enough to tap.
  expect((await trip.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  if (jsEnabled) await parent.portal.expectAccessibleAndTranslated();
  // At 360 px (the narrowest phone we support) nothing scrolls sideways.
  await parent.page.setViewportSize({ width: 360, height: 740 });
  expect(await parent.portal.pageWidth()).toBeLessThanOrEqual(360);

  await trip.click();
  await expect(parent.page).toHaveURL(/\/calendar\/\d+$/);
  await expect(parent.page.getByRole('heading', { level: 1 })).toHaveText(TRIP);
  await expect(parent.page.getByText('Science Museum, Exhibition Road, London')).toBeVisible();
  const add = parent.page.getByRole('link', { name: 'Add to my calendar' });
  const href = await add.getAttribute('href');
  expect(href).toMatch(/^\/calendar\/\d+\/event\.ics$/);
  expect(await parent.portal.pageWidth()).toBeLessThanOrEqual(360);
  expect((await add.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  if (jsEnabled) await parent.portal.expectAccessibleAndTranslated();

  // Chinese: with the wasm the page switches in place, without a request.
  const requests: string[] = [];
  parent.page.on('request', (r) => {
    if (['document', 'fetch', 'xhr'].includes(r.resourceType())) requests.push(r.url());
  });
  await parent.portal.chooseLanguage('中文（简体）');
  await expect(parent.page.getByRole('heading', { level: 1 })).toHaveText(TRIP_ZH);
  await expect(parent.page.getByRole('link', { name: '添加到我的日历' })).toBeVisible();
  if (jsEnabled) {
    expect(requests).toEqual([]);
    await parent.portal.chooseLanguage('العربية');
    await expect(parent.page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(parent.page.getByRole('heading', { level: 1 })).toHaveText('رحلة الصف 3A إلى متحف العلوم');
    expect(requests).toEqual([]);
    await parent.portal.expectAccessibleAndTranslated();
  }

  // The download: one event, in the language the parent reads.
  const download = await parent.page.request.get(href!);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toContain('text/calendar');
  const ics = await download.text();
  expect(ics).toContain('BEGIN:VEVENT');
  expect(ics).toContain(jsEnabled ? 'SUMMARY:رحلة الصف 3A إلى متحف العلوم' : `SUMMARY:${TRIP_ZH}`);
  const tripPath = new URL(parent.page.url()).pathname;
  await parent.page.context().close();

  // A Year 4 parent: the assembly, not the trip, neither in the list nor by its address.
  const other = await signIn(browser, 'parent2@riverside.example', jsEnabled);
  await other.portal.open('/calendar');
  await expect(other.page.getByRole('link', { name: new RegExp(ASSEMBLY) })).toBeVisible();
  await expect(other.page.getByText(TRIP)).toHaveCount(0);
  const refused = await other.portal.open(tripPath);
  expect(refused?.status()).toBe(404);
  await expect(other.page.getByText(TRIP)).toHaveCount(0);
  expect((await other.page.request.get(href!)).status()).toBe(404);
  await other.page.context().close();
});

test("a parent puts the school's events on their phone's calendar: a private address, shown once, ended by a new one", async ({ browser }, info) => {
  test.slow();
  const jsEnabled = info.project.name === 'js-on';
  // Each project its own family, so the two runs never end each other's address.
  const [email, theirs] = jsEnabled ? [DEMO.parent, TRIP] : ['parent2@riverside.example', ASSEMBLY];
  const parent = await signIn(browser, email, jsEnabled);
  await parent.page.setViewportSize({ width: 360, height: 740 });
  await parent.portal.open('/calendar');
  await parent.page.getByRole('link', { name: 'Your calendar on your phone' }).click();
  await expect(parent.page).toHaveURL(/\/calendar\/subscribe$/);
  await expect(parent.page.getByRole('heading', { level: 1 })).toHaveText('Your calendar on your phone');
  if (jsEnabled) await parent.portal.expectAccessibleAndTranslated();

  await parent.page.getByRole('button', { name: /^Make (my calendar|a new) address$/ }).click();
  const open = parent.page.getByRole('link', { name: "Add to this phone's calendar" });
  await expect(open).toHaveAttribute('href', /^webcal:\/\/[^/]+\/calendar\/feed\/[A-Za-z0-9_-]{22}\.ics$/);
  expect((await open.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  const address = await parent.page.getByLabel(/copy it into/).inputValue();
  expect(address).toMatch(/^https?:\/\/[^/]+\/calendar\/feed\/[A-Za-z0-9_-]{22}\.ics$/);
  const feedPath = new URL(address).pathname;
  expect(await parent.portal.pageWidth()).toBeLessThanOrEqual(360);
  if (jsEnabled) await parent.portal.expectAccessibleAndTranslated();

  // The calendar app's view: no session, just the address.
  const calendarApp = await browser.newContext();
  const feed = await calendarApp.request.get(feedPath);
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toContain('text/calendar');
  const ics = await feed.text();
  expect(ics).toContain('BEGIN:VTIMEZONE');
  expect(ics).toContain(`SUMMARY:${theirs}`);
  expect(ics).not.toContain(`SUMMARY:${jsEnabled ? ASSEMBLY : TRIP}`);

  // Coming back, the address is not shown again: only its date, and the way to a new one.
  await parent.portal.open('/calendar/subscribe');
  await expect(open).toHaveCount(0);
  await expect(parent.page.getByText(/For your privacy it is shown only once/)).toBeVisible();
  await parent.page.getByRole('button', { name: 'Make a new address' }).click();
  const renewed = new URL(await parent.page.getByLabel(/copy it into/).inputValue()).pathname;
  expect(renewed).not.toBe(feedPath);
  expect((await calendarApp.request.get(feedPath)).status()).toBe(404);
  expect((await calendarApp.request.get(renewed)).status()).toBe(200);

  const stop = parent.page.getByRole('button', { name: 'Turn off my calendar address' });
  expect((await stop.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await stop.click();
  await expect(parent.page.getByRole('status')).toHaveText(/Your calendar address is turned off/);
  expect((await calendarApp.request.get(renewed)).status()).toBe(404);
  if (jsEnabled) await parent.portal.expectAccessibleAndTranslated();
  await calendarApp.close();
  await parent.page.context().close();
});

/** `days` days from today, as a date input takes it. */
function daysAhead(days: number): string {
  const day = new Date(Date.now() + days * 86_400_000);
  return day.toISOString().slice(0, 10);
}

test('the office puts a Year 3 trip on the calendar in English and Chinese; a Year 3 parent reads it in Chinese, then Arabic, and downloads it; Year 4 never sees it', async ({ browser }, info) => {
  test.slow();
  const jsEnabled = info.project.name === 'js-on';
  const stamp = `${info.project.name}-${Date.now()}`;
  const title = `Year 3 castle trip ${stamp}`;
  const chineseTitle = `三年级城堡之旅 ${stamp}`;
  // Far enough ahead to be inside no notice period, whatever the demo's holidays.
  const day = daysAhead(60);

  const office = await signIn(browser, 'office@riverside.example', jsEnabled);
  await office.portal.open('/admin');
  await office.page.getByRole('link', { name: 'School calendar' }).click();
  await expect(office.page).toHaveURL(/\/admin\/calendar$/);
  await expect(office.page.getByRole('heading', { level: 1 })).toHaveText('School calendar');
  if (jsEnabled) await office.portal.expectAccessibleAndTranslated();
  await office.page.getByRole('link', { name: 'Add an event' }).click();
  await expect(office.page).toHaveURL(/\/admin\/calendar\/new$/);
  await office.page.locator('#event-title').fill(title);
  await office.page.locator('#event-category').selectOption('trip');
  await office.page.locator('#event-description').fill('Packed lunch and **wellies**, please.');
  await office.page.locator('#event-start-date').fill(day);
  await office.page.locator('#event-start-time').fill('09:30');
  // A slip of the finger: it ends before it starts.
  await office.page.locator('#event-end-time').fill('08:00');
  await office.page.locator('#event-location').fill('Castle Hill');
  await chooseAudience(office.page, 'Year 3', jsEnabled);
  await office.page.locator('#event-title-zh-CN').fill(chineseTitle);
  // The trip's letter goes with the refused post and is kept for the next one.
  await office.page.locator('#event-file').setInputFiles({ name: 'castle letter.pdf', mimeType: 'application/pdf', buffer: Buffer.from(LETTER) });
  expect(await office.portal.pageWidth()).toBeLessThanOrEqual(390);
  if (jsEnabled) await office.portal.expectAccessibleAndTranslated();
  await office.page.getByRole('button', { name: 'Put it on the calendar' }).click();

  // Refused, in words, with everything typed still there.
  await expect(office.page.locator('div.form-error[role="alert"]')).toContainText('The event must end after it starts.');
  await expect(office.page.locator('#event-title')).toHaveValue(title);
  await expect(office.page.locator('#event-title-zh-CN')).toHaveValue(chineseTitle);
  await expect(office.page.locator('#event-location')).toHaveValue('Castle Hill');
  await expect(office.page.locator('details.audience__all').getByLabel('Year 3', { exact: true })).toBeChecked();
  await expect(office.page.getByLabel(/castle letter\.pdf/)).not.toBeChecked();
  if (jsEnabled) await office.portal.expectAccessibleAndTranslated();
  await office.page.locator('#event-end-time').fill('15:00');
  await office.page.getByRole('button', { name: 'Put it on the calendar' }).click();
  await expect(office.page).toHaveURL(/\/admin\/calendar$/);
  const row = office.page.getByRole('link', { name: title });
  await expect(row).toBeVisible();
  await expect(office.page.locator('.staff-event', { has: row })).toContainText('Year 3');
  // A notice about the trip starts from the event: its title, place and audience, and Chinese.
  await row.click();
  await office.page.getByRole('link', { name: 'Write a notice about this event' }).click();
  await expect(office.page).toHaveURL(/\/admin\/notices\/new\?event=\d+$/);
  await expect(office.page.locator('#notice-title')).toHaveValue(title);
  await expect(office.page.locator('#notice-body')).toHaveValue(/Castle Hill/);
  await expect(office.page.locator('#title-zh-CN')).toHaveValue(chineseTitle);
  if (jsEnabled) await office.portal.expectAccessibleAndTranslated();
  await office.page.context().close();

  // A Year 3 parent reading in Chinese finds it in the agenda.
  const parent = await signIn(browser, DEMO.parent, jsEnabled);
  await parent.portal.chooseLanguage('中文（简体）');
  await parent.portal.open('/calendar');
  const entry = parent.page.getByRole('link', { name: new RegExp(chineseTitle) });
  await expect(entry).toBeVisible();
  await expect(parent.page.getByText(title)).toHaveCount(0);
  if (jsEnabled) await parent.portal.expectAccessibleAndTranslated();
  await entry.click();
  await expect(parent.page.getByRole('heading', { level: 1 })).toHaveText(chineseTitle);
  await expect(parent.page.getByText('Castle Hill')).toBeVisible();
  const letterHref = await parent.page.getByRole('link', { name: /castle letter\.pdf/ }).getAttribute('href');
  const letter = await parent.page.request.get(letterHref!);
  expect(letter.status()).toBe(200);
  expect((await letter.body()).toString()).toBe(LETTER);
  const href = await parent.page.getByRole('link', { name: '添加到我的日历' }).getAttribute('href');
  if (jsEnabled) {
    // Arabic, which the office did not write: the original, said so, without a request.
    const requests: string[] = [];
    parent.page.on('request', (r) => {
      if (['document', 'fetch', 'xhr'].includes(r.resourceType())) requests.push(r.url());
    });
    await parent.portal.chooseLanguage('العربية');
    await expect(parent.page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(parent.page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(parent.page.locator('.stale')).toBeVisible();
    expect(requests).toEqual([]);
    await parent.portal.expectAccessibleAndTranslated();
  }
  const download = await parent.page.request.get(href!);
  expect(download.status()).toBe(200);
  const ics = await download.text();
  expect(ics).toContain(jsEnabled ? `SUMMARY:${title}` : `SUMMARY:${chineseTitle}`);
  expect(ics).toContain('LOCATION:Castle Hill');
  const eventPath = new URL(parent.page.url()).pathname;
  await parent.page.context().close();

  // A Year 4 parent: not in the agenda, not by its address.
  const other = await signIn(browser, 'parent2@riverside.example', jsEnabled);
  await other.portal.open('/calendar');
  await expect(other.page.getByText(title)).toHaveCount(0);
  expect((await other.portal.open(eventPath))?.status()).toBe(404);
  expect((await other.page.request.get(href!)).status()).toBe(404);
  expect((await other.page.request.get(letterHref!)).status()).toBe(404);
  await other.page.context().close();
});

test('a parent finds the month of the class trip, sees it on its day and opens it; at 360 px the grid fits and every day with events is a big enough target', async ({ browser }, info) => {
  test.slow();
  const jsEnabled = info.project.name === 'js-on';
  const parent = await signIn(browser, DEMO.parent, jsEnabled);
  await parent.page.setViewportSize({ width: 360, height: 740 });
  await parent.portal.open('/calendar');
  await parent.page.getByRole('link', { name: 'Month', exact: true }).click();
  await expect(parent.page).toHaveURL(/\/calendar\/month$/);
  await expect(parent.page.getByRole('link', { name: 'Month', exact: true })).toHaveAttribute('aria-current', 'page');
  // The trip is in this month or one of the next two (the demo puts it a few weeks ahead).
  const trip = parent.page.getByRole('link', { name: new RegExp(TRIP) });
  for (let step = 0; step < 3 && (await trip.count()) === 0; step++) {
    await parent.page.getByRole('link', { name: 'Next month' }).click();
    await expect(parent.page).toHaveURL(/\/calendar\/month\?m=\d{4}-\d{2}$/);
  }
  await expect(trip).toBeVisible();
  await expect(parent.page.getByText(ASSEMBLY)).toHaveCount(0);
  expect(await parent.portal.pageWidth()).toBeLessThanOrEqual(360);
  for (const day of await parent.page.locator('a.month__day').all()) {
    const box = (await day.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.width).toBeGreaterThanOrEqual(40);
  }
  if (jsEnabled) {
    await parent.portal.expectAccessibleAndTranslated();
    // The month's name and its days follow the language menu without a request.
    const requests: string[] = [];
    parent.page.on('request', (r) => {
      if (['document', 'fetch', 'xhr'].includes(r.resourceType())) requests.push(r.url());
    });
    await parent.portal.chooseLanguage('中文（简体）');
    await expect(parent.page.locator('.month-nav__title')).toHaveText(/^\d{4}年\d{1,2}月$/);
    await expect(parent.page.getByRole('link', { name: new RegExp(TRIP_ZH) })).toBeVisible();
    expect(requests).toEqual([]);
    await parent.portal.chooseLanguage('English');
  }
  await trip.click();
  await expect(parent.page).toHaveURL(/\/calendar\/\d+$/);
  await expect(parent.page.getByRole('heading', { level: 1 })).toHaveText(TRIP);
  await parent.page.context().close();
});

test('the office narrows the month to a class or a year group, with or without JavaScript, on a 360 px phone', async ({ browser }, info) => {
  test.slow();
  const jsEnabled = info.project.name === 'js-on';
  const office = await signIn(browser, 'office@riverside.example', jsEnabled);
  await office.page.setViewportSize({ width: 360, height: 740 });
  await office.portal.open('/calendar/month');
  const trip = office.page.getByRole('link', { name: new RegExp(TRIP) });
  for (let step = 0; step < 3 && (await trip.count()) === 0; step++) {
    await office.page.getByRole('link', { name: 'Next month' }).click();
    await expect(office.page).toHaveURL(/\/calendar\/month\?m=\d{4}-\d{2}$/);
  }
  await expect(trip).toBeVisible();
  const month = new URL(office.page.url()).searchParams.get('m');

  const filter = office.page.getByLabel('Events for');
  await filter.selectOption({ label: 'Year 4' });
  await office.page.getByRole('button', { name: 'Show' }).click();
  await expect(office.page).toHaveURL(/\/calendar\/month\?m=\d{4}-\d{2}&for=y\d+$/);
  await expect(trip).toHaveCount(0);
  await expect(office.page.getByLabel('Events for')).toHaveValue(/^y\d+$/);

  await office.page.getByLabel('Events for').selectOption({ label: '3A' });
  await office.page.getByRole('button', { name: 'Show' }).click();
  await expect(office.page).toHaveURL(/for=c\d+$/);
  await expect(trip).toBeVisible();
  if (month) expect(new URL(office.page.url()).searchParams.get('m')).toBe(month);
  // The months either side keep the class chosen.
  await expect(office.page.getByRole('link', { name: 'Next month' })).toHaveAttribute('href', /&for=c\d+$/);
  expect(await office.portal.pageWidth()).toBeLessThanOrEqual(360);
  const show = (await office.page.getByRole('button', { name: 'Show' }).boundingBox())!;
  expect(show.height).toBeGreaterThanOrEqual(44);
  if (jsEnabled) await office.portal.expectAccessibleAndTranslated();
  await office.page.context().close();
});

test("the office imports a term's dates from a spreadsheet: a refused file named by its line in Chinese, then a preview, then all of it; a Year 3 parent sees what is theirs", async ({ browser }, info) => {
  test.slow();
  const jsEnabled = info.project.name === 'js-on';
  const stamp = `${info.project.name}-${Date.now()}`;
  const closure = `Imported INSET day ${stamp}`;
  const trip = `Imported Year 3 museum trip ${stamp}`;
  const day = daysAhead(75);
  const csv = (header: string) =>
    `${header}\n${closure},${day},,,inset,\n"${trip}",${day},09:00,15:00,trip,Year 3\n`;
  const file = (text: string) => ({ name: 'terms.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });

  const office = await signIn(browser, 'office@riverside.example', jsEnabled);
  await office.page.setViewportSize({ width: 390, height: 844 });
  await office.portal.open('/admin/calendar');
  await office.page.getByRole('link', { name: 'Import term dates' }).click();
  await expect(office.page).toHaveURL(/\/admin\/calendar\/import$/);
  await expect(office.page.getByRole('heading', { level: 1 })).toHaveText('Import term dates and events');
  if (jsEnabled) await office.portal.expectAccessibleAndTranslated();

  // A misspelt column, read in Chinese: the problem names the line and the column; nothing saved.
  await office.portal.chooseLanguage('中文（简体）');
  await office.page.locator('#import-file').setInputFiles(file(csv('title,start_date,start_time,end_time,category,audiance')));
  await office.page.getByRole('button', { name: '检查文件' }).click();
  await expect(office.page.locator('p.form-error[role="alert"]')).toContainText('文件未导入');
  await expect(office.page.locator('.roster-problems')).toContainText('未知的列"audiance"');
  await expect(office.page.getByRole('button', { name: '导入这些活动' })).toHaveCount(0);
  expect(await office.portal.pageWidth()).toBeLessThanOrEqual(390);
  if (jsEnabled) await office.portal.expectAccessibleAndTranslated();

  // The corrected file: every event shown first, then imported in one go.
  await office.portal.chooseLanguage('English');
  await office.page.locator('#import-file').setInputFiles(file(csv('title,start_date,start_time,end_time,category,audience')));
  await office.page.getByRole('button', { name: 'Check the file' }).click();
  await expect(office.page.locator('main [role="status"]')).toContainText('Events to add: 2.');
  const preview = office.page.locator('.staff-event', { hasText: trip });
  await expect(preview).toContainText('Year 3');
  await expect(preview).toContainText('Line 3');
  await office.page.setViewportSize({ width: 360, height: 740 });
  expect(await office.portal.pageWidth()).toBeLessThanOrEqual(360);
  if (jsEnabled) await office.portal.expectAccessibleAndTranslated();
  const importButton = office.page.getByRole('button', { name: 'Import these events' });
  expect((await importButton.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await importButton.click();
  await expect(office.page.locator('main [role="status"]')).toContainText('Events imported: 2.');
  await office.page.getByRole('link', { name: 'Back to the school calendar' }).click();
  await expect(office.page.getByRole('link', { name: trip })).toBeVisible();
  await office.page.context().close();

  const parent = await signIn(browser, DEMO.parent, jsEnabled);
  await parent.portal.open('/calendar');
  await expect(parent.page.getByRole('link', { name: new RegExp(trip) })).toBeVisible();
  await expect(parent.page.getByRole('link', { name: new RegExp(closure) })).toBeVisible();
  await parent.page.context().close();
  const other = await signIn(browser, 'parent2@riverside.example', jsEnabled);
  await other.portal.open('/calendar');
  await expect(other.page.getByRole('link', { name: new RegExp(closure) })).toBeVisible();
  await expect(other.page.getByText(trip)).toHaveCount(0);
  await other.page.context().close();
});

test("a parent's home shows the family's week at 360 px: the INSET day, not another class's assembly; in Chinese without a request; a tap opens the event", async ({ browser }, info) => {
  const jsEnabled = info.project.name === 'js-on';
  const parent = await signIn(browser, DEMO.parent, jsEnabled);
  await parent.page.setViewportSize({ width: 360, height: 740 });
  await parent.portal.open('/');
  const week = parent.page.locator('section[aria-labelledby="week-title"]');
  await expect(week.getByRole('heading', { level: 2 })).toHaveText('This week');
  // The demo's INSET day is four days ahead, for the whole school; the assembly is Year 4's.
  const inset = week.getByRole('link', { name: /INSET day/ });
  await expect(inset).toBeVisible();
  await expect(week.getByText(ASSEMBLY)).toHaveCount(0);
  await expect(week.getByText('Staff meeting')).toHaveCount(0);
  expect((await inset.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  expect(await parent.portal.pageWidth()).toBeLessThanOrEqual(360);
  if (jsEnabled) {
    await parent.portal.expectAccessibleAndTranslated();
    const english = await inset.textContent();
    const requests: string[] = [];
    parent.page.on('request', (r) => {
      if (['document', 'fetch', 'xhr'].includes(r.resourceType())) requests.push(r.url());
    });
    await parent.portal.chooseLanguage('中文（简体）');
    await expect(week.getByRole('heading', { level: 2 })).toHaveText('本周');
    // The day is written for Chinese readers; the title stays as the school wrote it.
    await expect(inset).not.toHaveText(english!);
    await expect(inset).toContainText('INSET day');
    expect(requests).toEqual([]);
    await parent.portal.expectAccessibleAndTranslated();
  }
  await inset.click();
  await expect(parent.page).toHaveURL(/\/calendar\/\d+$/);
  await expect(parent.page.getByRole('heading', { level: 1 })).toContainText('INSET day');
  await parent.page.context().close();

  // The Year 4 family's week has their assembly, before the INSET day.
  const other = await signIn(browser, 'parent2@riverside.example', jsEnabled);
  await other.portal.open('/');
  const theirs = other.page.locator('section[aria-labelledby="week-title"] li');
  await expect(theirs.first()).toContainText(ASSEMBLY);
  await expect(theirs.nth(1)).toContainText('INSET day');
  await other.page.context().close();
});
