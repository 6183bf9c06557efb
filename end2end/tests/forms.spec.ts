import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './fixtures/portal';

// Runs with and without JavaScript: the form is a plain form posting to its own address. The
// runs share one server, so a repeated run finds its earlier answer and sends a change.

test("a parent of two answers the Year 3 trip consent for the Year 3 child only: a refused answer keeps what was typed, the sent one is confirmed and the list says done", async ({ browser }, info) => {
  test.slow();
  const jsEnabled = info.project.name === 'js-on';
  // Each run its own Thompson parent: both answer for the same 3A child, neither over the other.
  const { page, portal } = await signIn(browser, jsEnabled ? 'parent.b@riverside.example' : DEMO.parent, jsEnabled);
  await page.setViewportSize({ width: 360, height: 740 });

  // Home: the forms waiting for an answer, and their count on the Forms tab (a repeated run has
  // answered already: then neither).
  await portal.open('/');
  const waiting = page.locator('section[aria-labelledby="forms-title"]');
  await expect(waiting.getByRole('heading', { level: 2 })).toHaveText('Forms to answer');
  const trip = waiting.getByRole('link', { name: /Year 3 trip to the Science Museum/ });
  if (await trip.count()) {
    await expect(trip).toContainText('For ');
    await expect(portal.nav().getByRole('link', { name: /Forms/ }).locator('.tab-badge')).toContainText(/\d+ to answer/);
  }
  expect(await portal.pageWidth()).toBeLessThanOrEqual(360);
  expect(await portal.smallTargets()).toEqual([]);
  if (jsEnabled) {
    await portal.waitForHydration();
    await portal.expectAccessibleAndTranslated();
  }

  await portal.nav().getByRole('link', { name: 'Forms' }).click();
  await expect(page).toHaveURL(/\/forms$/);
  const card = page.locator('.form-card', { hasText: 'Year 3 trip to the Science Museum' });
  await expect(card).toBeVisible();
  // Sent to Year 3: the 3A child is on it, the 5B child is not.
  await expect(card.locator('.form-card__child')).toHaveCount(1);
  if (jsEnabled) {
    await portal.waitForHydration();
    await portal.expectAccessibleAndTranslated();
  }
  await card.locator('.form-card__child').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Year 3 trip to the Science Museum');
  await expect(page.locator('.form-wording')).toContainText('I give permission for my child');
  if (jsEnabled) await portal.waitForHydration();

  const details = page.getByLabel(/Please describe them/);
  if (jsEnabled) {
    // Asked only after "Yes": hidden until then, hidden again after "No".
    await page.getByRole('group', { name: /medical needs/ }).getByLabel('No').check();
    await expect(details).toBeHidden();
    await page.getByRole('group', { name: /medical needs/ }).getByLabel('Yes').check();
    await expect(details).toBeVisible();
  } else {
    await expect(details).toBeVisible();
    await expect(page.getByText('Answer this only if you answered “Yes”')).toBeVisible();
    await page.getByRole('group', { name: /medical needs/ }).getByLabel('Yes').check();
  }
  await page.getByRole('group', { name: /Consent for this trip/ }).getByLabel('I give consent', { exact: true }).check();
  await details.fill('Inhaler before lunch');
  const phone = `01632 ${info.project.name === 'js-on' ? '960001' : '960002'}`;
  await page.getByLabel(/A phone number we can reach you on/).fill(phone);
  if (jsEnabled) {
    // The page closed before sending (another app, no signal): the phone kept what was typed.
    await page.reload();
    await portal.waitForHydration();
    await expect(page.locator('.form-answers [role="status"]')).toHaveText('What you typed earlier on this phone is back. It has not been sent yet.');
    await expect(page.getByLabel(/A phone number we can reach you on/)).toHaveValue(phone);
    await expect(details).toBeVisible();
    await expect(details).toHaveValue('Inhaler before lunch');
    await expect(page.getByRole('group', { name: /Consent for this trip/ }).getByLabel('I give consent', { exact: true })).toBeChecked();
  }
  await page.getByLabel(/Your full name, as your signature/).fill('');
  expect(await portal.pageWidth()).toBeLessThanOrEqual(360);
  expect(await portal.smallTargets()).toEqual([]);
  if (jsEnabled) await portal.expectAccessibleAndTranslated();

  // No signature: refused, in words beside the question, with everything typed kept.
  await page.getByRole('button', { name: /Send my (answers|changes)/ }).click();
  await expect(page.locator('.form-error[role="alert"]')).toContainText('Your answers were not sent.');
  await expect(page.locator('#field-signature-problem')).toHaveText('Please answer this question.');
  await expect(page.getByLabel(/A phone number we can reach you on/)).toHaveValue(phone);
  await expect(page.getByLabel(/Please describe them/)).toHaveValue('Inhaler before lunch');
  if (jsEnabled) {
    await portal.waitForHydration();
    await portal.expectAccessibleAndTranslated();
  }

  await page.getByLabel(/Your full name, as your signature/).fill('Sam Thompson');
  await page.getByRole('button', { name: /Send my (answers|changes)/ }).click();
  await expect(page).toHaveURL(/sent=1/);
  await expect(page.getByRole('status')).toHaveText('Thank you: your answers were sent to the school.');
  await expect(page.locator('.form-page__answered')).toContainText('You answered on');
  await expect(page.getByLabel(/A phone number we can reach you on/)).toHaveValue(phone);

  await page.getByRole('link', { name: 'All forms' }).click();
  await expect(card.locator('.badge')).toHaveText('Done');
  if (jsEnabled) {
    // Sent: the draft is gone, and the page shows the stored answers.
    await card.locator('.form-card__child').click();
    await portal.waitForHydration();
    await expect(page.getByLabel(/A phone number we can reach you on/)).toHaveValue(phone);
    await expect(page.getByText('What you typed earlier')).toHaveCount(0);
  }
});

test('another family sees no form meant for Year 3, and cannot open it', async ({ browser }, info) => {
  const { page, portal } = await signIn(browser, 'parent2@riverside.example', info.project.name === 'js-on');
  await portal.open('/forms');
  await expect(page.locator('.empty-state')).toHaveText('There are no forms waiting for you.');
  const response = await portal.open('/forms/1');
  expect(response?.status()).toBe(404);
});

test('the office sends a trip consent to class 3A in English and Chinese: refused without an audience, kept as typed; the 3A family answers it in Chinese; the figures show it, those waiting are reminded once, the CSV and XLSX list it', async ({ browser, baseURL }, info) => {
  test.slow();
  const jsEnabled = info.project.name === 'js-on';
  const title = `3A pond study (${info.project.name})`;
  const titleZh = `三年级池塘考察（${info.project.name}）`;
  const office = await signIn(browser, 'office@riverside.example', jsEnabled);
  const page = office.page;
  await page.setViewportSize({ width: 360, height: 740 });
  await office.portal.open('/admin');
  await page.locator('main').getByRole('link', { name: 'Forms' }).click();
  await expect(page).toHaveURL(/\/admin\/forms$/);
  await page.getByRole('link', { name: 'New trip consent form' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New trip consent form');
  if (jsEnabled) await office.portal.waitForHydration();
  await page.locator('#form-title-en-GB').fill(title);
  await page.locator('#form-details-en-GB').fill('To the school pond after lunch. Wellies, please.');
  await page.locator('#form-title-zh-CN').fill(titleZh);
  await page.locator('#form-details-zh-CN').fill('午饭后去学校池塘。请穿雨靴。');
  const lastDay = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  await page.locator('#form-closes').fill(lastDay);
  expect(await office.portal.pageWidth()).toBeLessThanOrEqual(360);
  expect(await office.portal.smallTargets()).toEqual([]);
  if (jsEnabled) await office.portal.expectAccessibleAndTranslated();

  // Nobody chosen: refused, everything typed kept.
  await page.getByRole('button', { name: 'Send to families' }).click();
  await expect(page.locator('.form-error[role="alert"]')).toContainText('Please choose at least one year group or class.');
  await expect(page.locator('#form-title-zh-CN')).toHaveValue(titleZh);
  await expect(page.locator('#form-details-en-GB')).toHaveValue('To the school pond after lunch. Wellies, please.');
  await expect(page.locator('#form-closes')).toHaveValue(lastDay);

  await page.getByLabel('3A', { exact: true }).check();
  await page.getByRole('button', { name: 'Send to families' }).click();
  await expect(page).toHaveURL(/\/admin\/forms\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.locator('.form-figures__progress')).toContainText('0 of');
  await expect(page.locator('.form-figures tbody tr').first()).toContainText('3A');
  expect(await office.portal.pageWidth()).toBeLessThanOrEqual(360);
  if (jsEnabled) {
    await office.portal.waitForHydration();
    await office.portal.expectAccessibleAndTranslated();
  }

  // The 3A family reads it in Chinese; the 4B family never sees it.
  const parent = await signIn(browser, DEMO.parent, jsEnabled);
  await parent.portal.setLanguageCookie('zh-CN', baseURL!);
  await parent.portal.open('/forms');
  await expect(parent.page.locator('.form-card', { hasText: titleZh })).toBeVisible();
  const other = await signIn(browser, 'parent2@riverside.example', jsEnabled);
  await other.portal.open('/forms');
  await expect(other.page.getByText(title)).toHaveCount(0);

  // The parent answers in Chinese, with a typed name as the signature.
  const figuresUrl = page.url();
  await parent.page.locator('.form-card', { hasText: titleZh }).locator('.form-card__child').click();
  await expect(parent.page.getByRole('heading', { level: 1 })).toHaveText(titleZh);
  if (jsEnabled) await parent.portal.waitForHydration();
  await parent.page.locator('input[name="f_consent"][value="yes"]').check();
  await parent.page.locator('input[name="f_medical"][value="no"]').check();
  await parent.page.locator('[name="f_phone"]').fill('01632 960003');
  await parent.page.locator('[name="f_signature"]').fill(`Sam Thompson ${info.project.name}`);
  const pad = parent.page.locator('.signature-pad__box');
  if (jsEnabled) {
    // Signed with the finger too: a stroke across the box, then cleared and signed again.
    await expect(pad).toBeVisible();
    const draw = async (from: number, to: number) => {
      // All of the box on screen: a finger cannot draw below the bottom of the screen.
      await pad.evaluate((e) => e.scrollIntoView({ block: 'center' }));
      const box = (await pad.boundingBox())!;
      const mouse = parent.page.mouse;
      await mouse.move(box.x + box.width * from, box.y + box.height * 0.6);
      await mouse.down();
      for (let step = 1; step <= 8; step++) {
        const x = from + ((to - from) * step) / 8;
        await mouse.move(box.x + box.width * x, box.y + box.height * (step % 2 ? 0.3 : 0.7));
      }
      await mouse.up();
    };
    await draw(0.1, 0.5);
    await expect(parent.page.locator('[name="f_signature.drawn"]')).toHaveValue(/^M\d+ \d+(L\d+ \d+)+$/);
    await parent.page.getByRole('button', { name: '清除手写签名' }).click();
    await expect(parent.page.locator('[name="f_signature.drawn"]')).toHaveValue('');
    await draw(0.2, 0.9);
    expect(await parent.portal.pageWidth()).toBeLessThanOrEqual(390);
    expect(await parent.portal.smallTargets()).toEqual([]);
    await parent.portal.expectAccessibleAndTranslated();
  } else {
    // Nothing can be drawn without JavaScript: the typed name is the signature.
    await expect(pad).toHaveCount(0);
  }
  await parent.page.locator('button[name="action"][value="send"]').click();
  await expect(parent.page).toHaveURL(/sent=1/);

  // The office's figures show one answered; those still waiting are reminded once a day.
  await page.goto(figuresUrl);
  await expect(page.locator('.form-figures__progress')).toContainText('1 of');
  await expect(page.locator('.form-figures')).toContainText('Gives consent');
  const drawn = page.locator('.signature-drawn');
  if (jsEnabled) {
    await expect(drawn).toHaveAttribute('aria-label', /Signature drawn by/);
    await expect(drawn.locator('path')).toHaveAttribute('d', /^M\d+ \d+(L\d+ \d+)+$/);
  } else {
    await expect(drawn).toHaveCount(0);
  }
  if (jsEnabled) await office.portal.waitForHydration();
  await page.getByRole('button', { name: 'Remind those still to answer' }).click();
  await expect(page.getByRole('status')).toContainText(/were reminded|was reminded/);
  await expect(page.getByText('Last reminder sent')).toBeVisible();
  if (jsEnabled) {
    await office.portal.waitForHydration();
    await office.portal.expectAccessibleAndTranslated();
  }
  expect(await office.portal.smallTargets()).toEqual([]);
  await page.getByRole('button', { name: 'Remind those still to answer' }).click();
  await expect(page.getByRole('status')).toContainText('A reminder went less than a day ago');

  // The CSV lists the answer; the XLSX is a workbook.
  const csvHref = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
  const csv = await page.request.get(csvHref!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const text = await csv.text();
  expect(text).toContain(`Sam Thompson ${info.project.name}`);
  expect(text).toContain('I give consent');
  const xlsxHref = await page.getByRole('link', { name: 'Download Excel (XLSX)' }).getAttribute('href');
  const xlsx = await page.request.get(xlsxHref!);
  expect(xlsx.status()).toBe(200);
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');

  // The printable list for the trip leader: the child with consent, what the parent told us.
  await page.getByRole('link', { name: 'Printable list' }).click();
  await expect(page).toHaveURL(/\?print=1$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.locator('.form-figures__progress')).toContainText('1 with consent');
  const listed = page.locator('.trip-list tbody tr', { hasText: 'Gives consent' });
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText('01632 960003');
  expect(await office.portal.pageWidth()).toBeLessThanOrEqual(360);
  expect(await office.portal.smallTargets()).toEqual([]);
  if (jsEnabled) {
    await office.portal.waitForHydration();
    await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
    await office.portal.expectAccessibleAndTranslated();
  } else {
    await expect(page.getByRole('button', { name: 'Print' })).toHaveCount(0);
  }
});

test('the office records the answer a parent gave by phone: whose answer first, then the form as they would see it; the figures mark it as taken by phone', async ({ browser }, info) => {
  test.slow();
  const jsEnabled = info.project.name === 'js-on';
  const { page, portal } = await signIn(browser, 'office@riverside.example', jsEnabled);
  await page.setViewportSize({ width: 360, height: 740 });
  await portal.open('/admin/forms');
  await page.getByRole('link', { name: 'Year 3 trip to the Science Museum' }).click();
  await expect(page.locator('.form-figures')).toBeVisible();
  // Each run a different child still to answer (the Thompsons answer in the tests above).
  const row = page.locator('.form-figures tbody tr')
    .filter({ hasText: 'To do' })
    .filter({ hasNotText: 'Thompson' })
    .nth(jsEnabled ? 1 : 2);
  const child = (await row.locator('td').first().textContent())!.trim();
  await row.getByRole('link', { name: 'Record an answer given by phone' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Record an answer given by phone');
  await expect(page.getByText('Who gave the answer?')).toBeVisible();
  if (jsEnabled) {
    await portal.waitForHydration();
    await portal.expectAccessibleAndTranslated();
  }
  expect(await portal.smallTargets()).toEqual([]);
  // A guardian the roster lets consent.
  await page.locator('.form-record__choices li').filter({ hasNot: page.locator('.form-card__due') }).first().getByRole('link').click();
  await expect(page.getByRole('note').filter({ hasText: 'You are recording the answers' })).toBeVisible();
  if (jsEnabled) await portal.waitForHydration();
  await page.getByRole('group', { name: /Consent for this trip/ }).getByLabel('I give consent', { exact: true }).check();
  await page.getByRole('group', { name: /medical needs/ }).getByLabel('No').check();
  await page.getByLabel(/A phone number we can reach you on/).fill('01632 960004');
  await page.getByLabel(/Your full name, as your signature/).fill(`Given by phone (${info.project.name})`);
  expect(await portal.pageWidth()).toBeLessThanOrEqual(360);
  expect(await portal.smallTargets()).toEqual([]);
  if (jsEnabled) await portal.expectAccessibleAndTranslated();
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(page).toHaveURL(/done=recorded/);
  await expect(page.getByRole('status')).toHaveText('The answer given by phone was recorded.');
  await expect(page.locator('.form-figures tbody tr', { hasText: child })).toContainText('(by phone, taken by');
});
