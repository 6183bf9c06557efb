import { expect, test } from '@playwright/test';
import { LOCALES, signIn } from './fixtures/portal';

// Words change width with the language: "Forms" is 44 px wide, "表格" 32. Every page a parent or
// the office opens — the lists and what they link to — is walked at 360 px in the two languages
// whose words differ most from English, with the page as the server sends it. And the school's
// own words keep their direction in a page of the other direction: the demo's English notices,
// events and forms read left to right in Arabic.
const WALKS = [
  { email: 'parent@riverside.example', start: ['/', '/notices', '/notifications', '/notifications/email', '/calendar', '/calendar/month', '/news', '/forms', '/forms/contact', '/reports'] },
  { email: 'office@riverside.example', start: ['/admin', '/admin/notices', '/admin/notices/new', '/admin/forms', '/admin/reports', '/admin/calendar', '/admin/news', '/admin/letters', '/admin/roster'] },
];

/** The school's words whose language the page does not name (a form's title on a list, a
 * question, a week's event, a comment): their direction must come from their first letter. */
const UNNAMED_WORDS = 'main :is(.form-card__title, .form-wording, .form-question legend > span, .form-question label > span, .week__list strong, .news-comment__body, .staff-notice > a)';

/** The start pages, then up to `limit` of the pages they link to, in the order first found. */
async function pagesToWalk(page: import('@playwright/test').Page, start: string[], limit: number): Promise<string[]> {
  const found = new Set(start);
  const linked: string[] = [];
  for (const path of start) {
    await page.goto(path);
    const hrefs = await page.evaluate(() => [...document.querySelectorAll('main a[href^="/"]')].map((a) => a.getAttribute('href') ?? ''));
    for (const href of hrefs.map((h) => h.split('#')[0])) {
      // Files and feeds are downloads, not pages.
      if (found.has(href) || /\.(ics|csv|pdf|zip)|\/files\/|\/download|\/feed/.test(href)) continue;
      found.add(href);
      linked.push(href);
    }
  }
  return [...start, ...linked.slice(0, limit)];
}

for (const walk of WALKS) {
  for (const locale of LOCALES.filter((l) => l.tag !== 'en-GB')) {
    test(`every page ${walk.email.split('@')[0]} opens fits a 360 px phone with 44 px targets in ${locale.tag}`, async ({ browser, baseURL }) => {
      test.slow();
      const { page, portal } = await signIn(browser, walk.email, false);
      await portal.setLanguageCookie(locale.tag, baseURL!);
      await page.setViewportSize({ width: 360, height: 740 });
      const paths = await pagesToWalk(page, walk.start, 14);
      expect(paths.length).toBeGreaterThan(walk.start.length);
      const problems: string[] = [];
      let written = 0;
      for (const path of paths) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        await expect(page.locator('html')).toHaveAttribute('lang', locale.tag);
        const width = await portal.pageWidth();
        if (width > 360) problems.push(`${path}: ${width} px wide`);
        for (const target of await portal.smallTargets()) problems.push(`${path}: ${target}`);
        const inLanguage = await page.evaluate(() =>
          [...document.querySelectorAll('main [lang]')]
            .filter((e) => e.getAttribute('lang'))
            .map((e) => ({ lang: e.getAttribute('lang'), direction: getComputedStyle(e).direction, html: e.outerHTML.slice(0, 70) })),
        );
        written += inLanguage.length;
        const unnamed = await page.evaluate((selector) =>
          [...document.querySelectorAll(selector)].map((e) => {
            const first = /[A-Za-z\u0600-\u06FF]/.exec(e.textContent ?? '')?.[0] ?? 'a';
            return { expected: /[A-Za-z]/.test(first) ? 'ltr' : 'rtl', direction: getComputedStyle(e).direction, html: e.outerHTML.slice(0, 70) };
          }), UNNAMED_WORDS);
        written += unnamed.length;
        for (const e of unnamed) {
          if (e.direction !== e.expected) problems.push(`${path}: ${e.direction} ${e.html}`);
        }
        for (const e of inLanguage) {
          if (e.direction !== (e.lang === 'ar' ? 'rtl' : 'ltr')) problems.push(`${path}: ${e.direction} ${e.html}`);
        }
      }
      expect(problems).toEqual([]);
      expect(written, 'the walk met the school’s own words').toBeGreaterThan(0);
    });
  }
}
