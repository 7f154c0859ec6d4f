/**
 * The site on a phone (375×812) and a laptop (1280×800): nothing wider than
 * the screen, tables stacked into labelled cards, the library's filters folded
 * behind one button, tap targets of at least 24 px, and each record's fix on
 * its first screen.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserSession } from './support/session.ts';
import { LANGS, SCALE, CHECKOUT, url } from './support/library.ts';
import { FIXTURE_NEWEST_FIRST } from '../support/fixture-library.ts';

const session = useBrowserSession();
const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };
const LAPTOP = { viewport: { width: 1280, height: 800 } };
/** WCAG 2.5.8's minimum target size, in CSS pixels. */
const MIN_TARGET = 24;

/** Elements reaching past the screen's edges, except inside a box that scrolls sideways on purpose (code). */
function tooWide(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const scrolls = (node: Element) => ['auto', 'scroll'].includes(getComputedStyle(node).overflowX);
    const insideScroller = (node: Element) => {
      for (let up = node.parentElement; up && up !== document.body; up = up.parentElement) if (scrolls(up)) return true;
      return false;
    };
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((node) => {
        const box = node.getBoundingClientRect();
        return box.width > 0 && (box.right > width + 1 || box.left < -1) && !node.closest('.visually-hidden, .skip-link') && !insideScroller(node);
      })
      .map((node) => `${node.tagName.toLowerCase()}.${node.className}`);
    if (document.documentElement.scrollWidth > width) wide.unshift(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    return wide;
  });
}

/** Links and controls smaller than 24 px, except links inside a sentence (WCAG's inline exception). */
function smallTargets(page: Page, min: number): Promise<string[]> {
  return page.evaluate((min) => {
    const inline = (node: Element) => {
      let block = node.parentElement;
      while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
      const own = (node.textContent ?? '').replace(/\s+/g, '');
      const around = (block?.textContent ?? '').replace(/\s+/g, '');
      return node.tagName === 'A' && around.length > own.length;
    };
    return [...document.querySelectorAll('a[href], button, select, input:not([type="hidden"]), summary')]
      .filter((node) => {
        const box = node.getBoundingClientRect();
        if (box.width === 0 || node.closest('.visually-hidden, .skip-link')) return false;
        return (box.height < min || box.width < min) && !inline(node);
      })
      .map((node) => `${node.tagName.toLowerCase()}.${node.className} “${(node.textContent ?? '').trim().slice(0, 30)}” ${Math.round(node.getBoundingClientRect().width)}×${Math.round(node.getBoundingClientRect().height)}`);
  }, min);
}

describe.each(LANGS)('phone, /%s/', (lang) => {
  const pages: [name: string, path: string][] = [
    ['library', url(lang)],
    ...FIXTURE_NEWEST_FIRST.map((id): [string, string] => [`record ${id}`, url(lang, 'records', id)]),
    ['matcher with results', `${url(lang, 'match')}?q=${encodeURIComponent('udp 5002')}`],
    ['actions', url(lang, 'actions')],
    ['insights', url(lang, 'insights')],
  ];

  test.each(pages)('%s: no element wider than 375 px, no tap target under 24 px', async (name, path) => {
    const { page } = await session.open(path, PHONE, 'networkidle');
    if (name.startsWith('matcher')) await page.waitForSelector('#match-results > li.match-result');
    expect(await tooWide(page)).toEqual([]);
    expect(await smallTargets(page, MIN_TARGET)).toEqual([]);
  });

  test('tables stack into cards, each value labelled with its column header, nothing clipped', async () => {
    for (const path of [url(lang, 'records', SCALE), url(lang, 'records', CHECKOUT), url(lang, 'actions'), url(lang, 'insights')]) {
      const { page } = await session.open(path, PHONE, 'networkidle');
      const tables = await page.$$eval('main table:not(.record-body table)', (tables) =>
        tables.map((table) => {
          const heads = [...table.querySelectorAll('thead th')].map((th) => (th.textContent ?? '').replace(/\s+/g, ' ').trim());
          const cells = [...table.querySelectorAll('tbody :is(th, td)')] as HTMLElement[];
          return {
            stacked: table.classList.contains('table-stack'),
            headerShown: (table.querySelector('thead')?.getBoundingClientRect().height ?? 0) > 1,
            unlabelled: cells.filter((cell) => !cell.dataset.label || !heads.includes(cell.dataset.label.replace(/\s+/g, ' ').trim())).length,
            clipped: cells.filter((cell) => cell.scrollWidth > cell.clientWidth + 1).map((cell) => cell.textContent),
            cells: cells.length,
          };
        }),
      );
      expect(tables.length, path).toBeGreaterThan(0);
      for (const table of tables) {
        expect(table, path).toMatchObject({ stacked: true, headerShown: false, unlabelled: 0, clipped: [] });
        expect(table.cells, path).toBeGreaterThan(0);
      }
    }
  });

  test('the library filters fold behind one button that says how many are set', async () => {
    const { page } = await session.open(`${url(lang)}?kind=postmortem`, PHONE, 'networkidle');
    const toggle = page.locator('#record-filters-toggle');
    expect(await toggle.isVisible()).toBe(true);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.textContent()).toContain('1');
    expect(await page.locator('#record-filters').isVisible()).toBe(false);
    // The first screen shows records, not selects.
    const firstRecord = await page.locator('#record-list > li:not([hidden])').first().boundingBox();
    expect(firstRecord && firstRecord.y < PHONE.viewport.height).toBe(true);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('#filter-kind').isVisible()).toBe(true);
    expect(await page.locator('#filter-kind').inputValue()).toBe('postmortem');
    await toggle.click();
    expect(await page.locator('#record-filters').isVisible()).toBe(false);
  });

  test('on a laptop the filters show without a button', async () => {
    const { page } = await session.open(url(lang), LAPTOP, 'networkidle');
    expect(await page.locator('#record-filters-toggle').isVisible()).toBe(false);
    expect(await page.locator('#filter-kind').isVisible()).toBe(true);
  });
});

describe.each(LANGS)('the fix on the first screen, /%s/', (lang) => {
  for (const [device, options] of [['laptop', LAPTOP], ['phone', PHONE]] as const) {
    test.each(FIXTURE_NEWEST_FIRST)(`${device}: %s shows its workaround (or resolution, where none) without scrolling`, async (id) => {
      const { page } = await session.open(url(lang, 'records', id), options, 'networkidle');
      const hasWorkaround = (await page.locator('#sec-workaround').count()) > 0;
      const hasResolution = (await page.locator('#sec-resolution').count()) > 0;
      const first = hasWorkaround ? 'workaround' : hasResolution ? 'resolution' : undefined;
      const shown = first ? page.locator(`.brief-fix--${first} .brief-fix__summary`) : page.locator('.brief-none');
      const box = await shown.boundingBox();
      expect(box, `${first ?? 'no fix'} summary`).not.toBeNull();
      // Its first line at least is on the first screen.
      expect(box!.y + Math.min(box!.height, 24)).toBeLessThanOrEqual(options.viewport.height);
      expect(await shown.isVisible()).toBe(true);
    });
  }
});
