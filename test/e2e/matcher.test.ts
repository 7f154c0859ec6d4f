/**
 * The matcher in the browser: the matcher page, the header search box and
 * the related-records list, driven in Chromium against the built site.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage, SCREENSHOT_DIR, screenshot, type PageReport } from './setup/browser.ts';
import { buildSite, ROOT, serveStatic } from './setup/server.ts';
import { CONNTRACK, LEARNINGSPACE, LICENSE, SCALE } from './support/library.ts';
import { FIXTURE_NEWEST_FIRST } from '../support/fixture-library.ts';
import { axeViolations } from './support/axe.ts';
import { useBrowserSession } from './support/session.ts';
import { MATCH_EXAMPLES, MATCH_STRINGS } from '../../src/i18n/match-strings.ts';
import { MAX_QUERY_CHARS } from '../../src/matcher/index.ts';

/** A dropdown option that opens a record (not "see all"). */
const RECORD_OPTION = '#site-search-listbox:not([hidden]) [role="option"][data-href*="/records/"]';
const SCALE_TITLE_EN = 'Store scale price push fails with error 266: container NAT rewrites the source port and the vendor scale rejects it';

const session = useBrowserSession();
const at = (path: string) => session.href(path);

/** Waits until the matcher page has settled on results, no results or an error. */
async function settled(page: Page): Promise<string> {
  await page.waitForFunction(() => {
    const root = document.getElementById('matcher');
    return root?.getAttribute('aria-busy') === 'false' && ['results', 'none', 'error'].includes(root.dataset.view ?? '');
  });
  return page.$eval('#matcher', (root) => (root as HTMLElement).dataset.view ?? '');
}

/** Record ids of the results, in rank order. */
function resultIds(page: Page): Promise<string[]> {
  return page.$$eval('#match-results > li .match-result__title a', (links) =>
    links.map((link) => new URL((link as HTMLAnchorElement).href).pathname.split('/').filter(Boolean).pop() ?? ''),
  );
}

/** Opens the matcher page and searches for `query` the way a user types it. */
async function search(lang: 'en' | 'zh', query: string): Promise<{ page: Page; report: PageReport }> {
  const opened = await newPage(session.browser);
  await opened.page.goto(at(`${lang}/match/`));
  await opened.page.locator('#match-q').pressSequentially(query, { delay: 15 });
  // A partial query may have settled already: wait for the run of the whole one (it writes the URL first).
  await opened.page.waitForFunction((q) => new URL(window.location.href).searchParams.get('q') === q, query);
  await settled(opened.page);
  return opened;
}

describe('matcher page', () => {
  test('udp 5002 ranks the scale 266 postmortem first, with the port as evidence', async () => {
    const { page, report } = await search('en', 'udp 5002');
    const ids = await resultIds(page);
    expect(ids[0]).toBe(SCALE);
    const chips = await page.$$eval('#match-results > li:first-child .match-chip', (nodes) => nodes.map((node) => node.textContent ?? ''));
    expect(chips.some((chip) => chip.includes('5002'))).toBe(true);
    expect(await page.$eval('#match-results > li:first-child .match-chip mark', (mark) => mark.textContent)).toMatch(/5002|udp/i);
    expect(await page.textContent('#match-results > li:first-child .match-result__title-en')).toBe(SCALE_TITLE_EN);
    expect(await page.textContent('#match-status')).toBe(
      ids.length === 1 ? MATCH_STRINGS.en.resultsOne : MATCH_STRINGS.en.resultsCount.replace('{n}', String(ids.length)),
    );
    expect(new URL(page.url()).searchParams.get('q')).toBe('udp 5002');
    expect(await page.title()).toBe(`udp 5002 · ${MATCH_STRINGS.en.pageTitle} · Precedent`);
    await screenshot(page, 'match-en-udp-5002');
    expect(report.errors).toEqual([]);
    await page.close();
  });

  test('on a phone-sized screen the results fit without sideways scrolling', async () => {
    const { page, report } = await newPage(session.browser, { viewport: { width: 390, height: 844 } });
    await page.goto(at('zh/match/?q=udp%205002%20ECONNRESET%205555'));
    expect(await settled(page)).toBe('results');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await screenshot(page, 'match-zh-mobile');
    expect(report.errors).toEqual([]);
    await page.close();
  });

  test('ECONNRESET ranks the conntrack known issue first', async () => {
    const { page, report } = await search('en', 'ECONNRESET');
    expect((await resultIds(page))[0]).toBe(CONNTRACK);
    expect(await page.$$eval('#match-results > li:first-child .match-result__title mark', (marks) => marks.map((mark) => mark.textContent))).toEqual(['ECONNRESET']);
    expect(report.errors).toEqual([]);
    await page.close();
  });

  test('5555 连接数 超过 1020 ranks the License Server advisory first, in the zh UI', async () => {
    const { page, report } = await search('zh', '5555 连接数 超过 1020');
    expect((await resultIds(page))[0]).toBe(LICENSE);
    expect(await page.textContent('#match-results > li:first-child .match-result__kind')).toBe('厂商公告');
    expect(await page.$('#match-results .match-result__title-en')).toBeNull();
    await screenshot(page, 'match-zh-5555');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'match-zh-5555-dark');
    expect(report.errors).toEqual([]);
    await page.close();
  });

  test('a pasted Alertmanager payload is read as alerts: the scale postmortem first, and the note says what was read', async () => {
    const { page, report } = await newPage(session.browser);
    await page.goto(at('en/match/'));
    const payload = readFileSync(path.join(ROOT, 'test/fixtures/alerts/alertmanager-scale-udp.json'), 'utf8');
    await page.fill('#match-q', payload);
    await settled(page);
    expect((await resultIds(page))[0]).toBe(SCALE);
    expect(await page.textContent('#match-note')).toMatch(/^read an Alertmanager payload: 3 alerts \(2 firing, 1 resolved\); labels alertname=ScalePricePushFailing/);
    await screenshot(page, 'match-en-alertmanager');
    await page.fill('#match-q', payload.slice(0, 300));
    // Results are already on screen, so wait for the debounced search of the cut-off paste to say what it read.
    await expect.poll(() => page.textContent('#match-note'), { timeout: 15_000 }).toMatch(/^not valid JSON at line \d+, column \d+: .*cut off.*; matched as plain text/);
    expect(report.errors).toEqual([]);
    await page.close();
  });

  test('on the Chinese page, the note says in Chinese what was read of the payload', async () => {
    const { page, report } = await newPage(session.browser);
    await page.goto(at('zh/match/'));
    await page.fill('#match-q', readFileSync(path.join(ROOT, 'test/fixtures/alerts/alertmanager-scale-udp.json'), 'utf8'));
    await settled(page);
    expect((await resultIds(page))[0]).toBe(SCALE);
    expect(await page.textContent('#match-note')).toMatch(/^已读取 Alertmanager 告警数据：3 条告警（2 条 firing，1 条 resolved）；标签 alertname=ScalePricePushFailing/);
    await screenshot(page, 'match-zh-alertmanager');
    expect(report.errors).toEqual([]);
    await page.close();
  });

  test('the query lives in the URL: reloading restores it and its results', async () => {
    const { page, report } = await newPage(session.browser);
    await page.goto(at('en/match/'));
    await page.fill('#match-q', '266');
    await settled(page);
    const before = await resultIds(page);
    expect(before[0]).toBe(SCALE);
    expect(new URL(page.url()).searchParams.get('q')).toBe('266');
    await page.reload();
    await settled(page);
    expect(await page.inputValue('#match-q')).toBe('266');
    expect(await resultIds(page)).toEqual(before);
    expect(report.errors).toEqual([]);
    await page.close();
  });

  test('Enter searches, Shift+Enter adds a line, clearing the box brings back the examples', async () => {
    const { page } = await newPage(session.browser);
    await page.goto(at('en/match/'));
    const box = page.locator('#match-q');
    await box.pressSequentially('ECONNRESET');
    await box.press('Shift+Enter');
    await box.pressSequentially('udp 5002');
    expect(await box.inputValue()).toBe('ECONNRESET\nudp 5002');
    await box.press('Enter');
    expect(await box.inputValue()).toBe('ECONNRESET\nudp 5002');
    await settled(page);
    expect((await resultIds(page)).slice(0, 2).sort()).toEqual([CONNTRACK, SCALE].sort());
    await box.fill('');
    await page.waitForFunction(() => document.getElementById('matcher')?.dataset.view === 'empty');
    expect(await page.isVisible('#match-empty')).toBe(true);
    expect(new URL(page.url()).search).toBe('');
    await page.close();
  });

  test('the empty state offers every example, and clicking one searches it', async () => {
    const { page, report } = await newPage(session.browser);
    await page.goto(at('zh/match/'));
    const examples = await page.$$eval('#match-empty a[data-example]', (links) => links.map((link) => link.textContent?.trim()));
    expect(examples).toEqual([...MATCH_EXAMPLES]);
    await screenshot(page, 'match-zh-empty');
    await page.click('a[data-example="下秤失败"]');
    await settled(page);
    expect(await page.inputValue('#match-q')).toBe('下秤失败');
    expect((await resultIds(page))[0]).toBe(SCALE);
    expect(new URL(page.url()).searchParams.get('q')).toBe('下秤失败');
    expect(report.errors).toEqual([]);
    await page.close();
  });

  test('every example query finds its record first', async () => {
    const expected: Record<string, string> = {
      '266': SCALE,
      'udp 5002': SCALE,
      '41%': SCALE,
      ECONNRESET: CONNTRACK,
      '5555 连接数 超过 1020': LICENSE,
      '下秤失败': SCALE,
    };
    expect(Object.keys(expected).sort()).toEqual([...MATCH_EXAMPLES].sort());
    const { page, report } = await newPage(session.browser);
    await page.goto(at('zh/match/'));
    const firsts: Record<string, string | undefined> = {};
    for (const example of MATCH_EXAMPLES) {
      // Results hide the examples: clear the box to bring them back.
      await page.fill('#match-q', '');
      await page.waitForFunction(() => document.getElementById('matcher')?.dataset.view === 'empty');
      await page.click(`a[data-example="${example}"]`);
      await settled(page);
      firsts[example] = (await resultIds(page))[0];
    }
    expect(firsts).toEqual(expected);
    expect(report.errors).toEqual([]);
    await page.close();
  });

  test('markup and a 100 KB paste are shown as text: no dialog, no console error, no injected element', async () => {
    const { page, report } = await newPage(session.browser);
    const attack = '<img src=x onerror=alert(1)>';
    await page.goto(at(`en/match/?q=${encodeURIComponent(attack)}`));
    await settled(page);
    expect(await page.inputValue('#match-q')).toBe(attack);
    const line = `2024-07-31T07:53:00+08:00 ERROR read tcp 10.0.0.1:2222: ECONNRESET <script>alert(2)</script> ${attack} udp 5002 266\n`;
    const paste = line.repeat(Math.ceil(100_000 / line.length)).slice(0, 100_000);
    // Paste in one go (one input event), timed in the page from the event to the settled list.
    const started = await page.$eval(
      '#match-q',
      (box, text) => {
        delete (document.getElementById('matcher') as HTMLElement).dataset.view;
        (box as HTMLTextAreaElement).value = text;
        box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
        return performance.now();
      },
      paste,
    );
    const view = await settled(page);
    const elapsed = (await page.evaluate(() => performance.now())) - started;
    console.log(`100 KB paste: settled as "${view}" ${Math.round(elapsed)} ms after the input event (debounce included)`);
    expect(elapsed).toBeLessThan(5_000);
    expect(view).toBe('results');
    expect(await page.$$('#matcher img, #matcher script:not([type]), #match-results script')).toHaveLength(0);
    expect(new URL(page.url()).searchParams.has('q')).toBe(false);
    expect(await page.textContent('#match-note')).toBe(MATCH_STRINGS.en.tooLongToShare);
    await screenshot(page, 'match-en-100kb-paste');

    // Beyond MAX_QUERY_CHARS the page says how much was read.
    const huge = line.repeat(Math.ceil(140 * 1024 / line.length)).slice(0, 140 * 1024);
    await page.$eval('#matcher', (root) => delete (root as HTMLElement).dataset.view);
    await page.fill('#match-q', huge);
    expect(await settled(page)).toBe('results');
    expect(await page.textContent('#match-note')).toBe(
      `${MATCH_STRINGS.en.truncated.replace('{read}', String(MAX_QUERY_CHARS / 1024)).replace('{total}', '140')} ${MATCH_STRINGS.en.tooLongToShare}`,
    );
    expect(report.dialogs).toEqual([]);
    expect(report.errors).toEqual([]);
    await page.close();
  });

  test('an index that fails to load shows the error state', async () => {
    const { page } = await newPage(session.browser);
    await page.route('**/matcher/manifest.json', (route) => route.fulfill({ status: 500, body: 'down' }));
    await page.goto(at('en/match/?q=266'));
    expect(await settled(page)).toBe('error');
    expect(await page.textContent('#match-status')).toBe(MATCH_STRINGS.en.loadError);
    await screenshot(page, 'match-en-error');
    await page.close();
  });

  test('a worker that cannot start leaves the search to the page, with the same results', async () => {
    const { page, report } = await newPage(session.browser);
    const refused: string[] = [];
    await page.route('**/_astro/matcher-worker*', (route) => {
      refused.push(route.request().url());
      return route.fulfill({ status: 404, body: 'gone' });
    });
    await page.goto(at('en/match/?q=udp%205002'));
    expect(await settled(page)).toBe('results');
    expect(refused).toHaveLength(1);
    expect((await resultIds(page))[0]).toBe(SCALE);
    // The refused script itself is the one error the page reports.
    expect(report.errors.filter((error) => !error.includes('404'))).toEqual([]);
    await page.close();
  });

  test('once loaded it keeps working offline', async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    await page.goto(at('en/match/?q=udp%205002'));
    await settled(page);
    await context.setOffline(true);
    await page.fill('#match-q', 'ECONNRESET');
    await page.waitForFunction(() => document.querySelector('#match-results .match-result__title a')?.getAttribute('href')?.includes('conntrack'));
    expect((await resultIds(page))[0]).toBe(CONNTRACK);
    await context.close();
  });

  test('without JavaScript it says so and still lists the examples', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(at('en/match/'));
    expect(await page.textContent('.match-nojs')).toBe(`${MATCH_STRINGS.en.noJs} ${MATCH_STRINGS.en.noJsLibrary}.`);
    expect(await page.$eval('.match-nojs a', (link) => (link as HTMLAnchorElement).pathname)).toBe('/en/');
    const hrefs = await page.$$eval('#match-empty a', (links) => links.map((link) => (link as HTMLAnchorElement).href));
    expect(hrefs.map((href) => new URL(href).searchParams.get('q'))).toEqual([...MATCH_EXAMPLES]);
    await screenshot(page, 'match-en-nojs');
    await context.close();
  });
});

describe('accessibility', () => {
  test('no serious axe-core violations: empty page, results in light and dark, open dropdown', async () => {
    const { page } = await newPage(session.browser);
    await page.goto(at('zh/match/'));
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(at('en/match/?q=udp%205002%20ECONNRESET'));
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.click('#site-search');
    await page.keyboard.type('266', { delay: 20 });
    await page.waitForSelector(RECORD_OPTION);
    await page.keyboard.press('ArrowDown');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('header search box', () => {
  test('/ focuses it on the library page; typing shows the top results; arrows + Enter open one', async () => {
    const { page, report } = await newPage(session.browser);
    await page.goto(at('zh/'));
    expect(await page.getAttribute('#site-search', 'data-enhanced'), 'SearchBox.astro must be on every page (BaseLayout)').toBe('true');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.type('udp 5002', { delay: 20 });
    await page.waitForSelector(`#site-search-listbox:not([hidden]) [role="option"]:first-child[data-href*="${SCALE}"]`);
    expect(await page.getAttribute('#site-search', 'aria-expanded')).toBe('true');
    const options = await page.$$eval('#site-search-listbox [role="option"]', (nodes) => nodes.map((node) => (node as HTMLElement).dataset.href ?? ''));
    expect(options.length).toBeLessThanOrEqual(6);
    expect(options[0]).toContain(`/zh/records/${SCALE}/`);
    await screenshot(page, 'search-box-dropdown-zh');
    await page.keyboard.press('ArrowDown');
    expect(await page.getAttribute('#site-search', 'aria-activedescendant')).toBe('site-search-option-0');
    await Promise.all([page.waitForURL(`**/zh/records/${SCALE}/`), page.keyboard.press('Enter')]);
    expect(report.errors).toEqual([]);
    await page.close();
  });

  test('Esc closes the dropdown; Enter without a selection goes to the matcher page', async () => {
    const { page, report } = await newPage(session.browser);
    await page.goto(at('en/'));
    await page.click('#site-search');
    await page.keyboard.type('ECONNRESET', { delay: 20 });
    await page.waitForSelector(RECORD_OPTION);
    await page.keyboard.press('Escape');
    expect(await page.isHidden('#site-search-listbox')).toBe(true);
    await Promise.all([page.waitForURL('**/en/match/?q=ECONNRESET'), page.keyboard.press('Enter')]);
    await settled(page);
    expect((await resultIds(page))[0]).toBe(CONNTRACK);
    expect(report.errors).toEqual([]);
    await page.close();
  });

  test('clicking an option opens its record', async () => {
    const { page, report } = await newPage(session.browser);
    await page.goto(at('en/records/' + LICENSE + '/'));
    await page.click('#site-search');
    await page.keyboard.type('ECONNRESET', { delay: 20 });
    await page.waitForSelector(`#site-search-listbox:not([hidden]) [role="option"]:first-child[data-href*="${CONNTRACK}"]`);
    await Promise.all([page.waitForURL(`**/en/records/${CONNTRACK}/`), page.click('#site-search-option-0')]);
    expect(report.errors).toEqual([]);
    await page.close();
  });

  test('/ typed inside a text field stays in that field', async () => {
    const { page } = await newPage(session.browser);
    await page.goto(at('en/match/'));
    await page.click('#match-q');
    await page.keyboard.type('a/b');
    expect(await page.inputValue('#match-q')).toBe('a/b');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('match-q');
    await page.close();
  });
});

describe('related records', () => {
  test('a record page lists the other records it shares evidence with, rendered at build time (no JavaScript)', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(at(`en/records/${LEARNINGSPACE}/`));
    expect(await page.textContent('#related-records-heading')).toBe(MATCH_STRINGS.en.relatedHeading);
    const links = await page.$$eval('.related-records .related-record__title', (nodes) => nodes.map((node) => (node as HTMLAnchorElement).pathname));
    expect(links.length).toBeGreaterThan(0);
    // Any other record of the library, never the page's own.
    const others = FIXTURE_NEWEST_FIRST.filter((id) => id !== LEARNINGSPACE).map((id) => `/en/records/${id}/`);
    for (const link of links) expect(others).toContain(link);
    const chipsPerRecord = await page.$$eval('.related-records .related-record', (items) => items.map((item) => item.querySelectorAll('.match-chip').length));
    expect(chipsPerRecord.every((count) => count > 0)).toBe(true);
    await screenshot(page, 'record-related-en');
    await page.locator('.related-records').screenshot({ path: path.join(SCREENSHOT_DIR, 'record-related-en-section.png') });
    await context.close();
  });
});

describe('served from a sub-path', () => {
  test('built with PRECEDENT_BASE=/precedent/, the index, the search form and result links stay under it', { timeout: 180_000 }, async () => {
    const outDir = path.join(ROOT, 'test-output/e2e-base-dist');
    buildSite({ outDir, env: { PRECEDENT_BASE: '/precedent/' } });
    const server = await serveStatic(outDir, { base: '/precedent/' });
    const { page, report } = await newPage(session.browser);
    try {
      await page.goto(new URL('en/match/?q=udp%205002', server.url).href);
      expect(await settled(page)).toBe('results');
      const first = await page.$eval('#match-results .match-result__title a', (link) => (link as HTMLAnchorElement).pathname);
      expect(first).toBe(`/precedent/en/records/${SCALE}/`);
      await page.click('#site-search');
      await page.keyboard.type('ECONNRESET', { delay: 20 });
      await page.waitForSelector(`#site-search-listbox:not([hidden]) [role="option"]:first-child[data-href="/precedent/en/records/${CONNTRACK}/"]`);
      expect(report.errors).toEqual([]);
    } finally {
      await page.close();
      await server.close();
    }
  });
});
