/**
 * Record pages `/{lang}/records/{id}/`: what a responder reads. Every fact
 * checked here is copied from the records' frontmatter (the fixture library),
 * so a page that drops, rounds, re-times or re-orders one fails.
 */
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRecords, type LoadedRecord } from '../../src/records/load.ts';
import { FIXTURE_LIBRARY } from '../support/fixture-library.ts';
import { screenshot } from './setup/browser.ts';
import {
  CHECKOUT,
  CONNTRACK,
  KAFKA,
  LEARNINGSPACE,
  LICENSE,
  NDOTS,
  NEWEST_FIRST,
  OPENSSL,
  SCALE,
  TITLES,
  expectNoHorizontalScroll,
  url,
  type Lang,
  type RecordId,
} from './support/library.ts';
import { useBrowserSession } from './support/session.ts';

/** UI words the assertions look for, per language. */
const UI: Record<
  Lang,
  { timeline: string; impact: string; actions: string; open: string; ttd: string; ttr: string; fixedIn: string; date: string; diagnosis: string; workaround: string; symptoms: string; products: string }
> = {
  zh: {
    timeline: '时间线',
    impact: '影响',
    actions: '改进项',
    open: '未开始',
    ttd: '发现用时',
    ttr: '恢复用时',
    fixedIn: '修复版本',
    date: '日期',
    diagnosis: '诊断',
    workaround: '临时规避',
    symptoms: '症状',
    products: '产品',
  },
  en: {
    timeline: 'Timeline',
    impact: 'Impact',
    actions: 'Action items',
    open: 'Open',
    ttd: 'Time to detect',
    ttr: 'Time to recover',
    fixedIn: 'Fixed in',
    date: 'Date',
    diagnosis: 'Diagnosis',
    workaround: 'Workaround',
    symptoms: 'Symptoms',
    products: 'Products',
  },
};

/** 04:30 → 07:38 and 04:30 → 08:40 (Asia/Shanghai) on 2024-07-31. */
const SCALE_DURATIONS: Record<Lang, { ttd: string; ttr: string }> = {
  zh: { ttd: '3 小时 8 分钟', ttr: '4 小时 10 分钟' },
  en: { ttd: '3 h 8 min', ttr: '4 h 10 min' },
};

/** The record's step commands, each rendered as its own code block. */
const COMMANDS: Record<RecordId, string[]> = {
  [SCALE]: [],
  [LEARNINGSPACE]: [
    'ovs_dbg_listports | grep stu-1-1-17',
    'tcpdump -i vnet2 host 192.168.211.19',
    'ovs-appctl dpif/dump-flows vswtch0 | grep 192.168.211.19',
  ],
  [LICENSE]: [
    'netstat -anp | grep 5555 | wc -l',
    'ls -lh /opt/LicServer/log/',
    'rm -rf /opt/LicServer/log/licmcore.log',
    'service licsscore restart',
    'ps -ef | grep licsscore | grep -v grep\nkill -9 1028\nservice licsscore start',
    '/opt/bin/kubectl --server=127.0.0.1:8888 stop pod coreapirc-rfcnt',
  ],
  [CONNTRACK]: [
    'sysctl -n net.netfilter.nf_conntrack_tcp_timeout_established',
    'sysctl -a | grep keepalive',
    'netstat -altpn --timers',
    'int flag = 1;\nsetsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, (void*)&flag, sizeof(flag));',
  ],
  [CHECKOUT]: [
    'psql -c "select count(*) from pg_stat_activity;" -c "show max_connections;"',
    'kubectl -n checkout set env deploy/checkout-api DB_POOL_SIZE=20',
    'helm upgrade --install pgbouncer charts/pgbouncer --set poolMode=transaction --set defaultPoolSize=60',
  ],
  [OPENSSL]: [
    "cat > /etc/ssl/legacy-client.cnf <<'CNF'\nopenssl_conf = openssl_init\n[openssl_init]\nssl_conf = ssl_sect\n[ssl_sect]\nsystem_default = system_default_sect\n[system_default_sect]\nOptions = UnsafeLegacyRenegotiation\nCNF",
    'OPENSSL_CONF=/etc/ssl/legacy-client.cnf ./client',
  ],
  [KAFKA]: [
    'kafka-configs.sh --bootstrap-server broker-3:9092 --alter --entity-type topics --entity-name order-events --add-config retention.ms=259200000',
  ],
  [NDOTS]: ['dnsConfig:\n  options:\n    - name: ndots\n      value: "2"'],
};

/** Symptom chips a responder would recognise, exactly as the record states them. */
const CHIPS: Record<RecordId, string[]> = {
  [SCALE]: ['5002/udp', '266'],
  [LEARNINGSPACE]: ['8860/tcp', '192.168.211.19', 'actions:drop'],
  [LICENSE]: ['5555/tcp', 'licsscore'],
  [CONNTRACK]: ['2222/tcp', 'ECONNRESET'],
  [CHECKOUT]: ['5432/tcp', '53300', 'max_connections'],
  [OPENSSL]: ['443/tcp', '0A000152'],
  [KAFKA]: ['9092/tcp', 'NOT_ENOUGH_REPLICAS', 'broker-3'],
  [NDOTS]: ['53/udp', 'NXDOMAIN', 'ndots'],
};

const session = useBrowserSession();
let page: Page;
const records = new Map<string, LoadedRecord>();

beforeAll(async () => {
  for (const record of (await loadRecords(FIXTURE_LIBRARY)).records) records.set(record.data.id, record);
});

async function open(path: string, options: BrowserContextOptions = {}): Promise<Page> {
  let response;
  ({ page, response } = await session.open(path, options));
  expect(response?.status(), `HTTP status of ${path}`).toBe(200);
  return page;
}

/** Text with runs of whitespace collapsed and digit grouping removed (`94,969` reads as `94969`). */
function plain(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/(\d)[,\u202f\u00a0](?=\d{3}(?!\d))/g, '$1').trim();
}

/** The section (or region) of `main` headed by `heading`. */
function section(heading: string): Locator {
  return page
    .locator('main section, main [role="region"], main details')
    .filter({ has: page.locator('h2, h3, summary', { hasText: new RegExp(`^\\s*${heading}\\s*$`) }) })
    .last();
}

async function textOf(locator: Locator): Promise<string> {
  return plain(await locator.innerText());
}

/**
 * The value of a key fact (`<dt>label</dt><dd>value</dd>`), whitespace
 * collapsed; several `<dd>` of one `<dt>` are joined with ` | `.
 */
async function fact(label: string): Promise<string | undefined> {
  const value = await page.locator('main dl > dt, main dl > div > dt').evaluateAll((dts, wanted) => {
    const dt = dts.find((element) => element.textContent?.trim() === wanted);
    if (!dt) return undefined;
    const values: string[] = [];
    for (let next = dt.nextElementSibling; next && next.tagName === 'DD'; next = next.nextElementSibling) {
      values.push((next as HTMLElement).innerText);
    }
    return values.join(' | ');
  }, label);
  return value === undefined ? undefined : plain(value);
}

/** Texts of every code block on the page, verbatim. */
async function codeBlocks(): Promise<string[]> {
  return page.locator('main pre').evaluateAll((blocks) => blocks.map((pre) => (pre.textContent ?? '').replace(/\n$/, '')));
}

describe.each(['zh', 'en'] as const)('record pages in /%s/', (lang) => {
  const ui = UI[lang];

  it.each(NEWEST_FIRST)('%s: title, summary, symptom chips and step commands as written', async (id) => {
    await open(url(lang, 'records', id));
    const record = records.get(id);
    expect(record, `record ${id} loaded`).toBeDefined();
    expect(await textOf(page.locator('h1'))).toContain(TITLES[id]);
    // English readers get the English summary where the record has one.
    const summary = lang === 'en' && record!.data.summaryEn ? record!.data.summaryEn : record!.data.summary;
    expect(await textOf(page.locator('main'))).toContain(plain(summary));
    if (lang === 'en' && record!.data.summaryEn) expect(await textOf(page.locator('main'))).not.toContain(plain(record!.data.summary));
    const symptoms = await textOf(section(ui.symptoms));
    for (const chip of CHIPS[id]) expect(symptoms, `symptom ${chip}`).toContain(chip);
    const blocks = await codeBlocks();
    for (const command of COMMANDS[id]) expect(blocks, `code block for ${command.split('\n')[0]}`).toContain(command);
  });

  it('003 scale postmortem: timeline in Asia/Shanghai wall-clock time, in order, with what happened', async () => {
    await open(url(lang, 'records', SCALE));
    const timeline = await textOf(section(ui.timeline));
    const expected: [string, string][] = [
      ['04:30', '由灰度转全量'],
      ['07:38', '门店业务报障：下秤失败'],
      ['07:53', '确定下秤失败状态码为 266'],
      ['08:17', '拉秤对接的三方人员协同排查'],
      ['08:21', '网络层只看到应用向秤端单向发送 UDP 数据包'],
      ['08:38', '秤厂商技术人员反馈容量打满'],
      ['08:40', '切回唐镇 TCE'],
    ];
    let from = 0;
    for (const [time, what] of expected) {
      const at = timeline.indexOf(time, from);
      expect(at, `${time} after position ${from} in: ${timeline.slice(0, 300)}`).toBeGreaterThanOrEqual(0);
      const textAt = timeline.indexOf(what, at);
      expect(textAt, `"${what}" follows ${time}`).toBeGreaterThan(at);
      expect(textAt - at, `"${what}" belongs to ${time}`).toBeLessThan(120);
      from = at + time.length;
    }
    // UTC would have been 20:30 the previous day: the record's own zone is used.
    expect(timeline).not.toContain('20:30');
  });

  it('003 scale postmortem: impact figures for 07:00–09:00 exact, in one table row', async () => {
    await open(url(lang, 'records', SCALE));
    const impact = section(ui.impact);
    const rows = await impact.locator('tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).innerText));
    const incidentRow = rows.map(plain).find((row) => row.includes('94969'));
    expect(incidentRow, `a row with 94969 among: ${rows.join(' | ')}`).toBeDefined();
    for (const figure of ['94969', '32262', '62707', '66.03', '39394', '41.48']) expect(incidentRow).toContain(figure);
    expect(incidentRow).toContain('07:00');
    expect(incidentRow).toContain('09:00');
    // The baseline a day earlier is a separate row, not merged into the incident's.
    const baseline = rows.map(plain).find((row) => row.includes('49013'));
    expect(baseline).toBeDefined();
    expect(baseline).toContain('25.02');
    expect(baseline).not.toContain('94969');
    // Percentages keep their unit.
    expect(await textOf(impact)).toMatch(/%/);
  });

  it('003 scale postmortem: time to detect 3 h 8 min, time to recover 4 h 10 min', async () => {
    await open(url(lang, 'records', SCALE));
    const { ttd, ttr } = SCALE_DURATIONS[lang];
    expect(await fact(ui.ttd)).toBe(ttd);
    expect(await fact(ui.ttr)).toBe(ttr);
  });

  it('003 scale postmortem: five action items, each shown with its status', async () => {
    await open(url(lang, 'records', SCALE));
    const actions = section(ui.actions);
    const titles = records.get(SCALE)!.data.actionItems.map((item) => item.title);
    expect(titles).toHaveLength(5);
    for (const title of titles) {
      const item = actions.locator('tr, li').filter({ hasText: title }).last();
      const text = await textOf(item);
      expect(text, `status of "${title.slice(0, 20)}…"`).toContain(ui.open);
    }
  });

  it('002 advisory: affected versions and the fixing version E1136H04', async () => {
    await open(url(lang, 'records', LICENSE));
    const products = await fact(ui.products);
    expect(products).toBeDefined();
    // Each product on its own line, with its versions and, for H3Cloud OS only, the fixing version.
    const rows = await page
      .locator('main dd li, main dd')
      .filter({ hasText: 'E1131 - E1136H01' })
      .last()
      .innerText();
    expect(plain(rows)).toMatch(new RegExp(`H3Cloud OS.*E1131 - E1136H01.*${ui.fixedIn}[:：]? ?E1136H04`, 'i'));
    const server = plain(await page.locator('main dd li, main dd').filter({ hasText: 'E2180P07H01' }).last().innerText());
    expect(server).toContain('H3C License Server');
    expect(server).not.toContain('E1136H04');
  });

  it('002 advisory: the check that confirms the issue sits under Diagnosis, the clean-up under Workaround', async () => {
    await open(url(lang, 'records', LICENSE));
    const codeIn = (heading: string) =>
      section(heading)
        .locator('pre')
        .evaluateAll((blocks) => blocks.map((pre) => (pre.textContent ?? '').replace(/\n$/, '')));
    const diagnosis = await codeIn(ui.diagnosis);
    const workaround = await codeIn(ui.workaround);
    expect(diagnosis).toEqual(['netstat -anp | grep 5555 | wc -l']);
    expect(workaround).toContain('rm -rf /opt/LicServer/log/licmcore.log');
    expect(workaround).toContain('/opt/bin/kubectl --server=127.0.0.1:8888 stop pod coreapirc-rfcnt');
    expect(workaround).not.toContain('netstat -anp | grep 5555 | wc -l');
  });

  it('001 known issue: undated, no time-to-detect or time-to-recover invented', async () => {
    await open(url(lang, 'records', CONNTRACK));
    expect(await fact(ui.date)).toBe(lang === 'zh' ? '无日期' : 'Undated');
    expect(await fact(ui.ttd) ?? '—').toBe('—');
    expect(await fact(ui.ttr) ?? '—').toBe('—');
  });

  it('body code blocks keep their output verbatim', async () => {
    await open(url(lang, 'records', SCALE));
    const blocks = await codeBlocks();
    expect(blocks.some((block) => block.includes('# dig www.baidu.com @10.0.12.54 +short\nwww.a.shifen.com.'))).toBe(true);
    expect(blocks.some((block) => block.includes('10.226.8.186   10.67.65.100   UDP      569    46463 → 5002 Len=527'))).toBe(true);
  });

  it('003 page screenshots: desktop and 375px phone, no horizontal scroll', async () => {
    await open(url(lang, 'records', SCALE));
    await expectNoHorizontalScroll(page);
    await screenshot(page, `record-003-${lang}-desktop`);
    await open(url(lang, 'records', SCALE), { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    await expectNoHorizontalScroll(page);
    await screenshot(page, `record-003-${lang}-phone`);
  });
});

describe('tag and category pages', () => {
  it.each(['zh', 'en'] as const)('/%s/tags/h3cloud/ lists exactly the two H3Cloud records, newest first', async (lang) => {
    await open(url(lang, 'tags', 'h3cloud'));
    const ids = await page.locator('main a[href*="/records/"]').evaluateAll((links) =>
      [...new Set(links.map((a) => /\/records\/([^/]+)\//.exec((a as HTMLAnchorElement).pathname)?.[1]))],
    );
    expect(ids).toEqual([LEARNINGSPACE, LICENSE]);
    expect(await textOf(page.locator('h1'))).toContain('h3cloud');
  });

  it.each(['zh', 'en'] as const)('/%s/tags/conntrack/ lists only the conntrack known issue', async (lang) => {
    await open(url(lang, 'tags', 'conntrack'));
    const ids = await page.locator('main a[href*="/records/"]').evaluateAll((links) =>
      [...new Set(links.map((a) => /\/records\/([^/]+)\//.exec((a as HTMLAnchorElement).pathname)?.[1]))],
    );
    expect(ids).toEqual([CONNTRACK]);
  });

  it.each(['zh', 'en'] as const)('/%s/categories/network/ lists the two network records, newest first', async (lang) => {
    await open(url(lang, 'categories', 'network'));
    const ids = await page.locator('main a[href*="/records/"]').evaluateAll((links) =>
      [...new Set(links.map((a) => /\/records\/([^/]+)\//.exec((a as HTMLAnchorElement).pathname)?.[1]))],
    );
    expect(ids).toEqual([SCALE, CONNTRACK]);
    expect(await textOf(page.locator('h1'))).toContain(lang === 'zh' ? '网络' : 'Network');
  });

  it.each(['zh', 'en'] as const)('a record page links its tags and its category to pages that list it', async (lang) => {
    await open(url(lang, 'records', LEARNINGSPACE));
    await page.locator(`main a[href$="/${lang}/tags/openvswitch/"]`).first().click();
    await page.waitForURL(`**/${lang}/tags/openvswitch/`);
    expect(await page.locator(`main a[href$="/${lang}/records/${LEARNINGSPACE}/"]`).count()).toBeGreaterThan(0);

    await page.goBack();
    await page.locator(`main a[href$="/${lang}/categories/configuration/"]`).first().click();
    await page.waitForURL(`**/${lang}/categories/configuration/`);
    expect(await page.locator(`main a[href$="/${lang}/records/${LEARNINGSPACE}/"]`).count()).toBeGreaterThan(0);
  });
});

describe('404', () => {
  it.each(['zh', 'en'] as const)('an unknown record under /%s/ answers 404 with a way back to the library and the matcher', async (lang) => {
    let response;
    ({ page, response } = await session.open(url(lang, 'records', 'no-such-record')));
    expect(response?.status()).toBe(404);
    // The browser logs the 404 response itself; that is not a page error.
    session.forgive(/status of 404/);
    const text = await textOf(page.locator('main'));
    expect(text).toMatch(/页面不存在|Page not found/);
    const hrefs = await page.locator('main a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(hrefs.some((href) => /^\/(zh|en)\/$/.test(href)), `library link among ${hrefs.join(', ')}`).toBe(true);
    expect(hrefs.some((href) => /^\/(zh|en)\/match\/$/.test(href)) || (await page.locator('main input[type="search"], main [role="search"]').count()) > 0).toBe(true);
    await expectNoHorizontalScroll(page);
  });

  it('offers a symptom search in each language, each to its own matcher', async () => {
    ({ page } = await session.open('/en/no-such-page/'));
    session.forgive(/status of 404/);
    for (const lang of ['zh', 'en'] as const) {
      const form = page.locator(`.notfound-langs > [data-lang="${lang}"] form[role="search"]`);
      await expect(form.count()).resolves.toBe(1);
      await expect(form.evaluate((f) => new URL((f as HTMLFormElement).action).pathname)).resolves.toBe(`/${lang}/match/`);
      await expect(form.locator('input[type="search"][name="q"]').count()).resolves.toBe(1);
    }
  });
});
