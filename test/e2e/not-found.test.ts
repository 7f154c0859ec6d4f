/**
 * The 404s: the root one (every missing address on a static host such as GitHub Pages) becomes wholly
 * the address's language, else the browser's, with the header's scripts bound to the swapped-in header;
 * `/{lang}/404.html` (hosts that serve the nearest 404) is wholly its language.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LOCALES, matcherPath, useTranslations, type Lang } from '../../src/i18n/index.ts';
import { SITE_NAME } from '../../src/site/links.ts';
import { useBrowserSession } from './support/session.ts';

const session = useBrowserSession();

/** Asserts every part of the page's shell and its first section speak `lang`. */
async function expectWhollyIn(page: Page, lang: Lang): Promise<void> {
  const t = useTranslations(lang);
  await expect(page.locator('html').getAttribute('lang')).resolves.toBe(LOCALES[lang]);
  await expect(page.title()).resolves.toBe(`${t('notFoundTitle')} · ${SITE_NAME}`);
  await expect(page.locator('h1').innerText()).resolves.toBe(t('notFoundTitle'));
  await expect(page.locator('.skip-link').textContent()).resolves.toBe(t('skipLink'));
  await expect(page.locator('header .site-nav').getAttribute('aria-label')).resolves.toBe(t('navLabel'));
  await expect(page.locator('header .site-nav a').first().innerText()).resolves.toBe(t('navLibrary'));
  await expect(page.locator('#site-search').getAttribute('placeholder')).resolves.toBe(t('searchPlaceholder'));
  await expect(page.locator('#site-search-form').evaluate((f) => new URL((f as HTMLFormElement).action).pathname)).resolves.toBe(matcherPath(lang));
  await expect(page.locator('[data-theme-switch] [data-theme-label]').innerText()).resolves.toBe(t('themeSystem'));
  await expect(page.locator('footer').innerText()).resolves.toContain(t('footerText'));
  // One header, one footer: the other language's wait in a template, outside the document.
  await expect(page.locator('header.site-header').count()).resolves.toBe(1);
  await expect(page.locator('footer.site-footer').count()).resolves.toBe(1);
  const search = page.locator('main form[role="search"]').first();
  await expect(search.evaluate((f) => new URL((f as HTMLFormElement).action).pathname)).resolves.toBe(matcherPath(lang));
}

describe('the root 404', () => {
  it.each([
    ['/en/missing', 'en-US', 'en'],
    ['/en/missing', 'zh-CN', 'en'],
    ['/zh/missing', 'en-US', 'zh'],
    ['/zh/missing', 'zh-CN', 'zh'],
    ['/missing', 'en-US', 'en'],
    ['/missing', 'zh-CN', 'zh'],
  ] as const)('at %s with a %s browser is wholly %s, that section first', async (path, locale, lang) => {
    const { page, response } = await session.open(path, { locale });
    session.forgive(/status of 404/);
    expect(response?.status()).toBe(404);
    await expectWhollyIn(page, lang);
    await expect(page.locator('.notfound-langs > section').first().getAttribute('data-lang')).resolves.toBe(lang);
    await expect(page.locator('.notfound-langs > section').count()).resolves.toBe(2);
  });

  it('keeps the swapped-in header working: theme switch, search box, language link', async () => {
    const { page } = await session.open('/en/missing', { locale: 'zh-CN' });
    session.forgive(/status of 404/);
    const en = useTranslations('en');
    await page.click('[data-theme-switch]');
    await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe('light');
    await expect(page.locator('[data-theme-switch] [data-theme-label]').innerText()).resolves.toBe(en('themeLight'));
    await page.keyboard.press('/');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('site-search');
    await page.keyboard.type('udp');
    await page.locator('#site-search-listbox [role="option"]').first().waitFor();
    await expect(page.locator('#site-search').getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(page.locator('.lang-switch a').getAttribute('href')).resolves.toBe('/zh/');
  });

  it('offers both languages without JavaScript', async () => {
    const { page } = await session.open('/en/missing', { locale: 'en-US', javaScriptEnabled: false });
    session.forgive(/status of 404/);
    await expect(page.locator('h1').innerText()).resolves.toContain(useTranslations('zh')('notFoundTitle'));
    await expect(page.locator('h1').innerText()).resolves.toContain(useTranslations('en')('notFoundTitle'));
    await expect(page.locator('.notfound-langs > section').evaluateAll((s) => s.map((e) => (e as HTMLElement).dataset.lang))).resolves.toEqual(['zh', 'en']);
  });
});

describe.each(['zh', 'en'] as const)('/%s/404.html', (lang) => {
  it.each(['en-US', 'zh-CN'])('is wholly its language for a %s browser', async (locale) => {
    const { page } = await session.open(`/${lang}/404.html`, { locale });
    await expectWhollyIn(page, lang);
    await expect(page.locator('template').count()).resolves.toBe(0);
    await expect(page.locator('main').innerText()).resolves.not.toContain(useTranslations(lang === 'zh' ? 'en' : 'zh')('notFoundText'));
  });
});
