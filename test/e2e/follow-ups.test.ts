/**
 * The follow-ups and insights pages in a real browser, on a library built for
 * them: the fixture library (test/fixtures/library/) plus 60 synthetic records
 * (scripts/lib/synth-follow-library.ts), with overdue judged as of a fixed day.
 * Screenshots (laptop and phone, zh and en, light and dark) go to
 * test-output/screenshots/follow-*.png for review.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR } from './setup/browser.ts';
import { serveFixtureLibraryWith } from './setup/server.ts';
import { useBrowserSession } from './support/session.ts';
import { axeViolations } from './support/axe.ts';
import { synthRecordFiles } from '../../scripts/lib/synth-follow-library.ts';
import { FIXTURE } from '../support/fixture-library.ts';

/** The day overdue is judged on in this build. */
const TODAY = '2026-12-01';
const LANGS = ['zh', 'en'] as const;
const SYNTH_COUNT = 60;

const session = useBrowserSession({
  site: () => serveFixtureLibraryWith('follow-e2e', synthRecordFiles(SYNTH_COUNT), { PRECEDENT_TODAY: TODAY }),
});
const open = async (pathname: string, options: BrowserContextOptions = {}): Promise<Page> => (await session.open(pathname, options)).page;

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `follow-${name}.png`), fullPage: false });
}

describe('follow-ups page', () => {
  it('lists every action item of the scale postmortem with its status and type, without JavaScript', async () => {
    for (const lang of LANGS) {
      const page = await open(`${lang}/actions/`, { javaScriptEnabled: false });
      const rows = page.locator(`#action-table tbody tr[id^="action-${FIXTURE.scale}-"]`);
      expect(await rows.count()).toBe(5);
      for (let i = 0; i < 5; i += 1) {
        const row = rows.nth(i);
        expect(await row.getAttribute('data-status')).toBe('open');
        const cells = await row.locator('td').allInnerTexts();
        expect(cells[0]!.trim().length).toBeGreaterThan(0);
        expect(cells[2]).toBe(lang === 'en' ? ['Prevent', 'Mitigate', 'Process', 'Prevent', 'Process'][i] : ['预防', '缓解', '流程', '预防', '流程'][i]);
        expect(cells[4]).toBe(lang === 'en' ? 'Open' : '未开始');
      }
      // The filters need JavaScript: without it the whole table shows and the form stays hidden.
      expect(await page.locator('#action-filters').isHidden()).toBe(true);
      expect(await page.locator('#action-table tbody tr:visible').count()).toBe(await page.locator('#action-table tbody tr').count());
    }
  });

  it('marks overdue items and counts them', async () => {
    const page = await open('en/actions/', { javaScriptEnabled: false });
    const row = (n: number) => page.locator(`#action-${FIXTURE.checkout}-${n}`);
    expect(await row(2).getAttribute('class')).toBe('is-overdue');
    expect(await row(2).locator('[data-overdue-badge]').innerText()).toBe('609 days overdue');
    expect(await row(2).locator('time').getAttribute('datetime')).toBe('2025-04-01');
    expect(await row(3).getAttribute('data-overdue')).toBe('true');
    expect(await row(4).getAttribute('data-overdue')).toBe('false'); // due 2099
    expect(await row(1).getAttribute('data-overdue')).toBe('false'); // done
    expect(await row(5).getAttribute('data-overdue')).toBe('false'); // won't do
    const overdue = await page.locator('#action-table tbody tr.is-overdue').count();
    expect(await page.locator('#action-overdue-count').innerText()).toBe(String(overdue));
    expect(await page.locator('#action-as-of').innerText()).toBe(`Overdue as of ${TODAY} (the day the site was built).`);
  });

  it('offers CSV and JSON downloads with the same items as the table', async () => {
    const page = await open('en/actions/', { javaScriptEnabled: false });
    const rows = await page.locator('#action-table tbody tr').count();
    const json = (await (await fetch(new URL('action-items.json', session.site.url))).json()) as { asOf: string; counts: { total: number; overdue: number }; items: { key: string }[] };
    expect(json.asOf).toBe(TODAY);
    expect(json.items).toHaveLength(rows);
    expect(json.counts.overdue).toBe(await page.locator('#action-table tbody tr.is-overdue').count());
    expect(json.items.filter((item) => item.key.startsWith(`${FIXTURE.scale}#`))).toHaveLength(5);
    const bytes = Buffer.from(await (await fetch(new URL('action-items.csv', session.site.url))).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 byte order mark, for spreadsheets
    const csv = bytes.subarray(3).toString('utf8');
    expect(csv.startsWith('record,item,title,type,owner,status,due,overdue')).toBe(true);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(rows + 1);
    for (const link of await page.locator('.action-downloads a').all()) expect(await link.getAttribute('download')).not.toBeNull();
  });

  it('filters by status, owner, type, service and overdue, kept in the address', async () => {
    const page = await open('en/actions/');
    await page.locator('#action-filters').waitFor({ state: 'visible' });
    const visibleKeys = () => page.locator('#action-table tbody tr:visible').evaluateAll((rows) => rows.map((row) => row.id));
    await page.selectOption('#filter-owner', 'checkout team');
    expect(page.url()).toMatch(/\?owner=checkout\+team$/);
    expect(await visibleKeys()).toEqual([`action-${FIXTURE.checkout}-2`, `action-${FIXTURE.checkout}-3`]);
    await page.check('#filter-overdue');
    expect(page.url()).toMatch(/\?owner=checkout\+team&overdue=1$/);
    expect(await page.locator('#action-count').innerText()).toMatch(/^Showing 2 of \d+ action items$/);
    await page.selectOption('#filter-type', 'process');
    expect(await visibleKeys()).toEqual([`action-${FIXTURE.checkout}-2`]);
    // Reload keeps the view; Back undoes the last choice.
    await page.reload();
    expect(await visibleKeys()).toEqual([`action-${FIXTURE.checkout}-2`]);
    await page.goBack();
    expect(page.url()).toMatch(/\?owner=checkout\+team&overdue=1$/);
    expect(await visibleKeys()).toHaveLength(2);
    await page.click('#action-filters button[type=reset]');
    await page.waitForURL((url) => url.search === '');
    expect(await visibleKeys()).toHaveLength(await page.locator('#action-table tbody tr').count());
  });

  it('opens a shared link with status and service filters', async () => {
    const page = await open('zh/actions/?status=todo&service=payments-api');
    await page.locator('#action-filters').waitFor({ state: 'visible' });
    const statuses = await page.locator('#action-table tbody tr:visible').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.status));
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['open', 'in-progress']));
    expect(await page.inputValue('#filter-status')).toBe('todo');
  });

  it('has no serious accessibility violations, and is linked from the header', { timeout: 180_000 }, async () => {
    for (const lang of LANGS) {
      const page = await open(`${lang}/actions/`);
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.locator('.site-nav a[aria-current="page"]').getAttribute('href')).toBe(`/${lang}/actions/`);
      expect(await page.locator(`.site-nav a[href="/${lang}/insights/"]`).count()).toBe(1);
    }
  });
});

describe('insights page', () => {
  it('shows at least five charts as static SVG, each with a text alternative and its data table, without JavaScript', async () => {
    for (const lang of LANGS) {
      const page = await open(`${lang}/insights/`, { javaScriptEnabled: false });
      const charts = page.locator('section.insight:has(figure.chart)');
      const count = await charts.count();
      expect(count).toBeGreaterThanOrEqual(5);
      for (let i = 0; i < count; i += 1) {
        const chart = charts.nth(i);
        const svg = chart.locator('.chart__wide svg');
        expect(await svg.getAttribute('role')).toBe('img');
        const described = await svg.getAttribute('aria-describedby');
        expect((await page.locator(`#${described}`).innerText()).length).toBeGreaterThan(10);
        expect(await svg.locator('rect, path').count()).toBeGreaterThan(3);
        expect(await chart.locator('table tbody tr').count()).toBeGreaterThan(0);
      }
    }
  });

  it('charts follow the colour scheme: text and bars change colour in dark mode', async () => {
    const colours = async (colorScheme: 'light' | 'dark') => {
      const page = await open('en/insights/', { colorScheme });
      return page.evaluate(() => {
        const svg = document.querySelector('#per-month .chart__wide svg')!;
        return { text: getComputedStyle(svg.querySelector('text')!).fill, bar: getComputedStyle(svg.querySelector('path[fill="#0000f1"]')!).fill };
      });
    };
    const light = await colours('light');
    const dark = await colours('dark');
    expect(light.text).not.toBe(dark.text);
    expect(light.bar).not.toBe(dark.bar);
    expect(light.bar).not.toBe('rgb(0, 0, 241)'); // the stand-in colour never shows
  });

  it('has no serious accessibility violations, phone layout shows the narrow charts', { timeout: 180_000 }, async () => {
    for (const lang of LANGS) {
      const page = await open(`${lang}/insights/`, { viewport: { width: 375, height: 812 } });
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.locator('#per-month .chart__narrow svg').isVisible()).toBe(true);
      expect(await page.locator('#per-month .chart__wide svg').isVisible()).toBe(false);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    }
  });
});

describe('screenshots', () => {
  it('laptop and phone, zh and en, light and dark', { timeout: 300_000 }, async () => {
    for (const lang of LANGS) {
      for (const colorScheme of ['light', 'dark'] as const) {
        for (const [device, viewport] of [['laptop', { width: 1280, height: 800 }], ['phone', { width: 375, height: 812 }]] as const) {
          const actions = await open(`${lang}/actions/`, { viewport, colorScheme });
          await shoot(actions, `actions-${lang}-${device}-${colorScheme}`);
          const insights = await open(`${lang}/insights/`, { viewport, colorScheme, reducedMotion: 'reduce' });
          await shoot(insights, `insights-${lang}-${device}-${colorScheme}`);
          for (const id of ['time-to-detect-recover', 'follow-up-completion']) {
            await insights.locator(`#${id}`).screenshot({ path: path.join(SCREENSHOT_DIR, `follow-insights-${id}-${lang}-${device}-${colorScheme}.png`) });
          }
        }
      }
    }
    const names = readdirSync(SCREENSHOT_DIR).filter((name) => name.startsWith('follow-'));
    expect(names.length).toBeGreaterThanOrEqual(32);
  });
});
