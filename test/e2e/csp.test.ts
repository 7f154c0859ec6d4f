/**
 * The Content-Security-Policy every page declares (astro.config.mjs,
 * `security.csp`): no inline script runs unless Astro hashed it, no style
 * attribute applies, and the pages still work under it. Chromium reports each
 * refused script or style as a `securitypolicyviolation` event, collected here
 * from before the page's first script.
 */
import { describe, expect, test } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { useBrowserSession } from './support/session.ts';
import { LANGS, SCALE, url } from './support/library.ts';
import { FIXTURE_NEWEST_FIRST } from '../support/fixture-library.ts';

const session = useBrowserSession();

/** Violations seen so far on the page: directive and what was blocked. */
function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

/** Opens `path` with a listener for CSP violations installed before any page script. */
async function watch(path: string, options: BrowserContextOptions = {}): Promise<Page> {
  const { page } = await session.open('about:blank', options);
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.effectiveDirective} refused ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`),
    );
  });
  await page.goto(session.href(path), { waitUntil: 'networkidle' });
  return page;
}

describe.each(LANGS)('Content-Security-Policy in /%s/', (lang) => {
  const pages: [name: string, path: string][] = [
    ['library', url(lang)],
    ...FIXTURE_NEWEST_FIRST.map((id): [string, string] => [`record ${id}`, url(lang, 'records', id)]),
    ['actions', url(lang, 'actions')],
    ['insights', url(lang, 'insights')],
  ];

  test.each(pages)('%s declares a policy without unsafe-inline and breaks none of it', async (_, path) => {
    const page = await watch(path);
    const policy = await page.getAttribute('meta[http-equiv="content-security-policy"]', 'content');
    expect(policy).toMatch(/script-src 'self'/);
    expect(policy).toMatch(/style-src 'self'/);
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    expect(await violations(page)).toEqual([]);
  });

  test('the matcher finds records under the policy, without a violation', async () => {
    const page = await watch(`${url(lang, 'match')}?q=${encodeURIComponent('udp 5002')}`);
    await page.waitForSelector('#match-results > li.match-result');
    const first = await page.$eval('#match-results > li.match-result .match-result__title a', (link) => link.getAttribute('href') ?? '');
    expect(first).toContain(SCALE);
    expect(await violations(page)).toEqual([]);
  });
});

test('the root declares the policy and breaks none of it', async () => {
  const page = await watch('/');
  await page.waitForLoadState('networkidle');
  expect(await page.locator('meta[http-equiv="content-security-policy"]').count()).toBe(1);
  expect(await violations(page)).toEqual([]);
});

test.each([
  ['/en/no-such-page/', 'zh-CN'],
  ['/zh/no-such-page/', 'en-US'],
  ['/no-such-page', 'en-US'],
  ['/en/404.html', 'en-US'],
  ['/zh/404.html', 'en-US'],
])('the 404 at %s (%s browser) declares the policy and breaks none of it', async (path, locale) => {
  const page = await watch(path, { locale });
  session.forgive(/status of 404/);
  expect(await page.locator('meta[http-equiv="content-security-policy"]').count()).toBe(1);
  expect(await violations(page)).toEqual([]);
});

test('a style attribute slipped into a page is refused and reported (the policy and the watch both work)', async () => {
  const page = await watch(url('en'));
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<b id="csp-probe" style="color: rgb(255, 0, 0)">x</b>'));
  await expect.poll(() => violations(page)).toEqual([expect.stringMatching(/^style-src-attr refused inline/)]);
  expect(await page.$eval('#csp-probe', (node) => getComputedStyle(node).color)).not.toBe('rgb(255, 0, 0)');
  session.forgive(/Content Security Policy/);
});
