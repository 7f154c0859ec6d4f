/**
 * The light/dark switch: the system setting by default, a remembered choice
 * after that, applied before the first paint (no flash of the other theme).
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserSession } from './support/session.ts';
import { LANGS, url } from './support/library.ts';

const session = useBrowserSession();

const WHITE = 'rgb(255, 255, 255)';
const NIGHT = 'rgb(15, 20, 25)';

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const label = (page: Page) => page.textContent('[data-theme-switch] [data-theme-label]');

/** The theme attribute as the parser finished the page, before any deferred or module script ran. */
async function themeBeforeScripts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener('readystatechange', () => {
      if (document.readyState === 'interactive') {
        (window as unknown as { __early: string }).__early = document.documentElement.dataset.theme ?? 'none';
      }
    });
  });
}

const LABELS = { zh: ['跟随系统', '浅色', '深色'], en: ['System', 'Light', 'Dark'] } as const;

describe.each(LANGS)('theme switch in /%s/', (lang) => {
  const [system, light, dark] = LABELS[lang];

  test('follows the system setting until the reader chooses', async () => {
    const { page } = await session.open(url(lang), { colorScheme: 'dark' });
    expect(await label(page)).toBe(system);
    expect(await background(page)).toBe(NIGHT);
    const { page: day } = await session.open(url(lang), { colorScheme: 'light' });
    expect(await background(day)).toBe(WHITE);
  });

  test('a choice is remembered across pages and reloads, and is in place before any script of the page runs', async () => {
    const { page } = await session.open(url(lang), { colorScheme: 'dark' });
    await themeBeforeScripts(page);
    await page.click('[data-theme-switch]');
    expect(await label(page)).toBe(light);
    expect(await background(page)).toBe(WHITE);

    await page.goto(session.href(url(lang, 'match')));
    expect(await page.evaluate(() => (window as unknown as { __early: string }).__early)).toBe('light');
    expect(await background(page)).toBe(WHITE);
    expect(await label(page)).toBe(light);

    await page.click('[data-theme-switch]');
    expect(await label(page)).toBe(dark);
    await page.reload();
    expect(await page.evaluate(() => (window as unknown as { __early: string }).__early)).toBe('dark');
    expect(await background(page)).toBe(NIGHT);

    // Back to the system setting: the choice is forgotten.
    await page.click('[data-theme-switch]');
    expect(await label(page)).toBe(system);
    expect(await page.evaluate(() => localStorage.getItem('precedent-theme'))).toBeNull();
    await page.reload();
    expect(await page.evaluate(() => (window as unknown as { __early: string }).__early)).toBe('none');
    expect(await background(page)).toBe(NIGHT);
  });

  test('the button says what it does to a screen reader', async () => {
    const { page } = await session.open(url(lang));
    const name = await page.getByRole('button', { name: new RegExp(system) }).count();
    expect(name).toBe(1);
  });
});

test('without JavaScript there is no theme button that would do nothing', async () => {
  const { page } = await session.open(url('en'), { javaScriptEnabled: false });
  expect(await page.isVisible('[data-theme-switch]')).toBe(false);
});
