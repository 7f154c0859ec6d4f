/**
 * Severity in the library, in a real browser: the fixture library plus a
 * source with a severity map (`severity-maps.json`) and two records of it,
 * one label the map covers and one it does not. The filter offers exactly the
 * severities the records carry, with counts (normalised ones, mapped ones
 * among them, then source labels no map covers), narrows the list over every
 * record, and the badges say which label is the source's own.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serveFixtureLibraryWith, type LibraryFile } from './setup/server.ts';
import { useBrowserSession } from './support/session.ts';
import { LANGS, url, visibleRecordIds } from './support/library.ts';
import { FIXTURE } from '../support/fixture-library.ts';

const SOURCE = 'acme-ops';
const MAPPED = 'acme-queue-backlog';
const UNMAPPED = 'acme-cache-stampede';

function record(id: string, date: string, label: string): LibraryFile {
  return {
    name: `${date}-${id}.md`,
    text: `---
id: ${id}
kind: postmortem
title: "Acme ${id}"
summary: A record of the ${SOURCE} source, severity label ${label}.
language: en
date: '${date}'
sourceSeverity: ${label}
source:
  system: ${SOURCE}
rootCause: { category: capacity, summary: Too much load. }
symptoms: { errors: [{ code: E-${id} }] }
---
`,
  };
}

const session = useBrowserSession({
  site: () =>
    serveFixtureLibraryWith('severity-e2e', [
      { name: 'severity-maps.json', text: JSON.stringify({ [SOURCE]: { P1: 'sev1', P2: 'sev2', P3: 'sev3' } }) },
      record(MAPPED, '2025-01-02', 'P3'),
      record(UNMAPPED, '2025-01-03', 'P9'),
    ]),
});

const GROUPS = { zh: ['严重程度', '来源级别'], en: ['Severity', 'Source labels'] } as const;
const SUFFIX = { zh: '（来源级别）', en: ' (source label)' } as const;

/** The severity filter's options as `group: text`, in order. */
function severityOptions(page: Page): Promise<string[]> {
  return page.locator('#filter-severity option').evaluateAll((options) =>
    options.map((o) => `${(o.parentElement as HTMLOptGroupElement).label ?? ''}: ${o.textContent?.replace(/\s+/g, ' ').trim()}`),
  );
}

describe('severity filter', () => {
  for (const lang of LANGS) {
    it(`${lang}: offers the severities records carry, normalised and source labels, each with a count`, async () => {
      const { page } = await session.open(url(lang));
      const [normalised, labels] = GROUPS[lang];
      const any = lang === 'zh' ? '全部' : 'Any';
      const options = await severityOptions(page);
      // sev1 (kafka), sev2 (checkout), sev3 (P3 through the map); no record is sev4, so it is not offered.
      // L4 (the scale sample: no map for its source) and P9 (not in its source's map) stay source labels.
      expect(options.slice(1)).toEqual([`${normalised}: SEV1 (1)`, `${normalised}: SEV2 (1)`, `${normalised}: SEV3 (1)`, `${labels}: L4 (1)`, `${labels}: P9 (1)`]);
      expect(options[0]).toMatch(new RegExp(`: ${any}$`));
    });
  }

  it('narrows the list to a mapped severity, and to a source label, over every record', async () => {
    const { page } = await session.open(url('en'));
    const select = page.getByLabel('Severity', { exact: true });
    await select.selectOption('sev3');
    await expect.poll(() => visibleRecordIds(page)).toEqual([MAPPED]);
    expect(page.url()).toContain('?severity=sev3');
    await select.selectOption('L4');
    await expect.poll(() => visibleRecordIds(page)).toEqual([FIXTURE.scale]);
    await select.selectOption('sev1');
    await expect.poll(() => visibleRecordIds(page)).toEqual([FIXTURE.kafka]);
  });

  for (const lang of LANGS) {
    it(`${lang}: badges show the normalised severity, and mark an unmapped label as the source's own`, async () => {
      const badges = async (page: Page, id: string) =>
        (await page.locator('.record-item', { has: page.locator(`a[href$="/records/${id}/"]`) }).locator('.record-meta .badge').allInnerTexts()).map((t) => t.trim());
      // The list as built, then as the filters render it from library.json.
      let { page } = await session.open(url(lang));
      expect(await badges(page, MAPPED)).toContain('SEV3');
      expect(await badges(page, MAPPED)).not.toContain('P3');
      expect(await badges(page, UNMAPPED)).toContain(`P9${SUFFIX[lang]}`);
      ({ page } = await session.open(`${url(lang)}?severity=P9`));
      await expect.poll(() => visibleRecordIds(page)).toEqual([UNMAPPED]);
      expect(await badges(page, UNMAPPED)).toContain(`P9${SUFFIX[lang]}`);
      // A record page shows the mapped severity and, beside it, the label it came from.
      ({ page } = await session.open(url(lang, 'records', MAPPED)));
      const brief = (await page.locator('.record-brief .brief-status .badge').allInnerTexts()).map((t) => t.trim());
      expect(brief).toContain('SEV3');
      // The mapped label's badge reads "Source severity: P3" (the prefix is for screen readers) and is not marked unmapped.
      expect(brief.filter((text) => /\sP3$/.test(text))).toHaveLength(1);
      expect(brief.join(' ')).not.toContain(SUFFIX[lang]);
      ({ page } = await session.open(url(lang, 'records', FIXTURE.scale)));
      expect((await page.locator('.record-brief .brief-status .badge').allInnerTexts()).map((t) => t.trim())).toContain(`L4${SUFFIX[lang]}`);
    });
  }
});
