/**
 * The whole rendering path (query → results → highlighted HTML) with
 * hyphens, slashes, brackets, quotes, every ASCII punctuation character and
 * pasted kubectl / kernel lines: results render and the page reports no error.
 * Also: phone width without sideways scroll, and Chinese evidence without
 * English UI words.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from './support/session.ts';
import { ENGLISH_EVIDENCE_WORDS } from '../../src/i18n/evidence.ts';

const session = useBrowserSession();

const PUNCTUATION = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'];
/** Realistic pasted lines; each has at least one word the sample records share (port, errno, service). */
const PASTED = [
  'kubectl -n yh-prod logs deploy/yh-sod-scale-deviceadapter --tail=100 | grep -i "266"',
  'yh-sod-scale-deviceadapter',
  'ovs-ofctl dump-flows br-int | grep actions:drop',
  'netstat -anp | grep 5555 | wc -l keeps growing',
  'php-fpm 进程满了 502',
  "[12345.678] nf_conntrack: table full, dropping packet {a} (b) 'c' `d` \\e ECONNRESET",
  'send result: Connection reset by peer (errno=-104) [tcp/2222]',
];

/** Types `query` into the matcher and waits until the page has answered it. */
async function ask(page: import('playwright-core').Page, query: string): Promise<void> {
  await page.fill('#match-q', query);
  // The view still shown may answer the previous query, or be a partial answer to this one: wait for the final answer to this one.
  await page.waitForFunction((q) => document.querySelector('#matcher')?.getAttribute('data-answered') === q, query);
}

describe('punctuation in matcher queries', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`/${lang}/match/: every ASCII punctuation character, alone and inside words, renders without a page error`, async () => {
      const { page } = await session.open(`/${lang}/match/`);
      for (const c of PUNCTUATION) {
        for (const query of [`udp${c}5002`, `266 ${c}`, `${c}n kube${c}system`, `"${c}"`]) await ask(page, query);
      }
      // A query with a word every sample shares still renders results with marks.
      await ask(page, 'yh-sod-scale-deviceadapter 266');
      expect(await page.locator('#match-results > li.match-result').count()).toBeGreaterThan(0);
    });

    it(`/${lang}/match/: pasted kubectl and kernel lines render results without a page error`, async () => {
      const { page } = await session.open(`/${lang}/match/`);
      for (const line of PASTED) {
        await ask(page, line);
        expect(await page.getAttribute('#matcher', 'data-view'), line).toBe('results');
        expect(await page.locator('#match-results > li.match-result').count(), line).toBeGreaterThan(0);
      }
    });
  }

  it('a shared link with a hyphenated query loads straight into results', async () => {
    const { page } = await session.open(`/en/match/?q=${encodeURIComponent('kubectl -n yh-sod-scale-deviceadapter')}`);
    await page.waitForSelector('#match-results > li.match-result');
  });
});

describe('matcher on a phone, and in Chinese', () => {
  it('at 375 px no element of the results is wider than the viewport', async () => {
    const { page } = await session.open(`/zh/match/?q=${encodeURIComponent('5555 连接数 超过 1020')}`, { viewport: { width: 375, height: 812 } });
    await page.waitForSelector('#match-results > li.match-result');
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((node) => {
          const box = node.getBoundingClientRect();
          return box.width > 0 && (box.right > window.innerWidth + 1 || box.left < -1) && !node.closest('pre, .visually-hidden, .skip-link');
        })
        .map((node) => `${node.tagName}.${node.className}`),
    );
    expect(wide).toEqual([]);
    const { scrollWidth, width } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, width: innerWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(width);
  });

  it('the Chinese UI writes its evidence without English UI words', async () => {
    for (const query of ['266', '下秤失败', '5555 连接数 超过 1020', 'udp 5002']) {
      const { page } = await session.open(`/zh/match/?q=${encodeURIComponent(query)}`);
      await page.waitForSelector('#match-results .match-chip');
      const chips = await page.$$eval('#match-results .match-chip', (nodes) => nodes.map((node) => (node.textContent ?? '').toLowerCase()));
      for (const chip of chips) {
        // Quoted words are the record's and the query's own text; the rest is UI.
        const ui = chip.replace(/“[^”]*”/g, '');
        for (const word of ENGLISH_EVIDENCE_WORDS) expect(ui, `${query}: ${chip}`).not.toContain(word);
      }
    }
  });
});
