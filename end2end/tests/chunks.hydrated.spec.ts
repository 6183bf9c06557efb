import { expect, test, type Browser } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO, signInOnPhone, chooseAudience } from './fixtures/portal';

// The wasm is split: the shell, sign-in, home and the board are in the main module, every other
// section is a chunk fetched when first opened. These run with JavaScript on only.

/** The build's manifest and chunk map, read from the site folder the server serves. */
function build() {
  const pkg = join(process.env.SG_SITE_ROOT ?? join(__dirname, '../../target/site'), 'pkg');
  const manifest = readFileSync(join(pkg, 'manifest.txt'), 'utf8');
  const value = (key: string) => manifest.split('\n').filter((l) => l.startsWith(`${key}=`)).map((l) => l.slice(key.length + 1));
  const map: Record<string, string[]> = JSON.parse(readFileSync(join(pkg, value('split')[0]), 'utf8'));
  const routeChunks = (prefix: string) =>
    Object.entries(map)
      .filter(([id]) => id.startsWith(prefix))
      .flatMap(([, stems]) => stems.map((s) => `${s}.wasm`));
  return {
    main: value('wasm')[0],
    chunks: value('chunk'),
    noticeChunks: routeChunks('__notice_route_view'),
    calendarChunks: routeChunks('__calendar_route_view'),
  };
}

/** The office publishes a notice to Year 3 (the demo parent's older child is in 3A). */
async function publishToYear3(browser: Browser, title: string) {
  const office = await signInOnPhone(browser, 'office@riverside.example');
  await office.portal.open('/admin/notices/new');
  await office.page.locator('#notice-title').fill(title);
  await office.page.locator('#notice-body').fill('Bring a coat.');
  await chooseAudience(office.page, 'Year 3');
  await office.page.getByRole('button', { name: 'Publish' }).click();
  await expect(office.page).toHaveURL(/\/admin\/notices\/\d+$/);
  await office.page.context().close();
}

test('a parent going home → notices → a notice → calendar downloads the main wasm and the parents\' chunks only, never a staff chunk', async ({ browser }) => {
  const { main, chunks, noticeChunks, calendarChunks } = build();
  expect(noticeChunks.length).toBeGreaterThan(0);
  expect(calendarChunks.length).toBeGreaterThan(0);
  const title = `Coats ${Date.now()}`;
  await publishToYear3(browser, title);

  const { page } = await signInOnPhone(browser, DEMO.parent);
  const fetched = new Set<string>();
  page.on('request', (request) => {
    const name = new URL(request.url()).pathname.split('/').pop() ?? '';
    if (name.endsWith('.wasm')) fetched.add(name);
  });
  await page.getByRole('navigation').getByRole('link', { name: 'Notices' }).click();
  await expect(page).toHaveURL(/\/notices$/);
  await page.getByRole('link', { name: new RegExp(title) }).click();
  await expect(page).toHaveURL(/\/notices\/\d+$/);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Calendar' }).click();
  await expect(page).toHaveURL(/\/calendar$/);
  await expect(page.getByRole('link', { name: /Parents' evening/ })).toBeVisible();

  // Navigation stayed inside the app: the main wasm was not fetched again, the notice's and the
  // calendar's chunks were, and nothing else (the staff pages' chunks above all).
  for (const chunk of [...noticeChunks, ...calendarChunks]) expect(fetched).toContain(chunk);
  const others = chunks.filter((c) => !noticeChunks.includes(c) && !calendarChunks.includes(c));
  expect(others.length).toBeGreaterThan(0);
  for (const chunk of others) expect(fetched).not.toContain(chunk);
  expect(fetched).not.toContain(main);
});

test('a chunk that cannot be downloaded loads the page in full instead of leaving it dead', async ({ browser }) => {
  const { noticeChunks } = build();
  const title = `Scarves ${Date.now()}`;
  await publishToYear3(browser, title);
  const { page, portal } = await signInOnPhone(browser, DEMO.parent);
  await page.route(/\.wasm$/, (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
    return noticeChunks.includes(name) ? route.abort() : route.continue();
  });
  await portal.open('/notices');
  await portal.waitForHydration();
  await page.getByRole('link', { name: new RegExp(title) }).click();
  // The server renders the notice; it reads, and its acknowledge form would post, without wasm.
  await expect(page).toHaveURL(/\/notices\/\d+$/);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
});

test('a notice opened directly names its chunks in the page and fetches each once, from the boot script', async ({ browser }) => {
  const { main, noticeChunks } = build();
  const title = `Hats ${Date.now()}`;
  await publishToYear3(browser, title);
  const { page, portal } = await signInOnPhone(browser, DEMO.parent);
  await portal.open('/notices');
  const href = await page.getByRole('link', { name: new RegExp(title) }).getAttribute('href');
  expect(href).toMatch(/^\/notices\/\d+$/);

  // The server's page names every chunk the notice needs and preloads none of them in the head,
  // where they would share a slow line with the stylesheet the first paint waits for.
  const html = await (await page.request.get(href!)).text();
  const head = html.slice(0, html.indexOf('</head>'));
  const preloads = (head.match(/<link[^>]*>/g) ?? []).filter((tag) => tag.includes('preload') && tag.includes('.wasm'));
  expect(preloads).toEqual([]);
  const named = head.match(/<meta name="sg-chunks" content="([^"]*)"/)?.[1].split(' ') ?? [];
  for (const chunk of noticeChunks) expect(named).toContain(`/pkg/${chunk}`);

  // Every chunk is asked for by the boot script once the page has painted (a link in the head
  // would be found by the parser at once and share the line with the page itself), and the
  // chunk loader then uses that download: one request each.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const initiators = new Map<string, string[]>();
  cdp.on('Network.requestWillBeSent', (event) => {
    const name = new URL(event.request.url).pathname.split('/').pop() ?? '';
    if (name.endsWith('.wasm')) initiators.set(name, [...(initiators.get(name) ?? []), event.initiator.type]);
  });
  await portal.open(href!);
  await portal.waitForHydration();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  for (const chunk of [main, ...noticeChunks]) expect(initiators.get(chunk), chunk).toEqual(['script']);
});

test('the wasm, its JS glue and the chunk loader are asked for only once the page is on screen', async ({ browser }) => {
  const { main } = build();
  const { page, portal } = await signInOnPhone(browser, DEMO.parent);
  for (const path of ['/sign-in', '/', '/notices']) {
    await portal.open(path);
    await portal.waitForHydration();
    const timing = await page.evaluate(() => ({
      painted: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      asked: performance
        .getEntriesByType('resource')
        .filter((entry) => /\/pkg\/[^/]+\.(wasm|js)$/.test(entry.name))
        .map((entry) => ({ file: entry.name.split('/').pop()!, at: entry.startTime })),
    }));
    expect(timing.painted, path).toBeDefined();
    // The main module and the scripts that load it, each asked for after the paint.
    expect(timing.asked.map((r) => r.file), path).toContain(main);
    expect(timing.asked.filter((r) => r.file.endsWith('.js')).length, path).toBe(2);
    for (const request of timing.asked) expect(request.at, `${path}: ${request.file}`).toBeGreaterThanOrEqual(timing.painted!);
  }
});
