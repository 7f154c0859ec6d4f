/**
 * Imports know the library: a write-up already present (same source URL or
 * id, or the same title and date, or the same date and key facts) is
 * reported as existing, naming the record, and no draft is written for it;
 * a new one is still written. Rules on data first, then whole runs on
 * fixture folders, then the seed documents (when ../shared/ is there).
 */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findExisting, indexLibrary, keyFacts, normaliseUrl, type LibraryRecord } from '../../src/import/find-existing.ts';
import { runImport } from '../../src/import/index.ts';
import { FIXTURE, FIXTURE_LIBRARY } from '../support/fixture-library.ts';

const SCALE: LibraryRecord = {
  file: 'lib/2024-07-31-scale.md',
  data: {
    id: 'scale-push-266',
    title: '门店下秤失败：266 网络错误',
    date: '2024-07-31',
    source: { system: 'jira', id: 'OPS-1234', url: 'https://wiki.acme.example/postmortems/scale-266/' },
    symptoms: {
      errors: [{ code: '266', message: '网络错误' }],
      ports: [{ port: 5002, protocol: 'udp' }],
      hosts: ['10.67.65.100', '10.226.8.186'],
      figures: [{ label: 'failure rate', value: 41.48, unit: '%' }],
      identifiers: ['yh-sod-scale-deviceadapter', 'NAT'],
    },
  },
};
const UNDATED: LibraryRecord = {
  file: 'lib/conntrack.md',
  data: {
    id: 'conntrack-reset',
    title: 'conntrack timeout resets long connections',
    symptoms: { errors: [{ code: 'ECONNRESET' }], ports: [{ port: 2222 }], hosts: ['10.108.33.37'], identifiers: ['nf_conntrack_tcp_timeout_established', 'tcp_keepalive_time'] },
  },
};
const library = indexLibrary([SCALE, UNDATED]);

describe('findExisting', () => {
  it('same source URL, whatever the fragment, tracking parameters, www. or trailing slash', () => {
    const draft = { id: 'other', source: { url: 'https://www.wiki.acme.example/postmortems/scale-266?utm_source=chat#timeline' } };
    expect(findExisting(draft, library)).toEqual({
      file: SCALE.file,
      id: 'scale-push-266',
      rule: 'source-url',
      reason: 'same source URL wiki.acme.example/postmortems/scale-266',
    });
  });

  it('same source system and id; the importer\'s own file-name ids do not count', () => {
    expect(findExisting({ id: 'x', source: { system: 'jira', id: 'OPS-1234' } }, library)?.rule).toBe('source-id');
    expect(findExisting({ id: 'x', source: { system: 'import', id: 'OPS-1234' } }, library)).toBeUndefined();
  });

  it('same id', () => {
    expect(findExisting({ id: 'conntrack-reset' }, library)).toMatchObject({ file: UNDATED.file, rule: 'id' });
  });

  it('same title (case, spaces and punctuation aside) and date', () => {
    expect(findExisting({ id: 'x', title: '门店下秤失败 266 网络错误', date: '2024-07-31' }, library)).toMatchObject({
      rule: 'title-date',
      reason: 'same title and date 2024-07-31',
    });
    expect(findExisting({ id: 'x', title: '门店下秤失败：266 网络错误', date: '2024-08-01' }, library)).toBeUndefined();
  });

  it('same date and key facts, naming the facts', () => {
    const draft = { id: 'x', title: 'Scale push failure', date: '2024-07-31', symptoms: { errors: [{ code: '266' }], ports: [{ port: 5002 }], hosts: ['10.67.65.100'] } };
    expect(findExisting(draft, library)).toEqual({
      file: SCALE.file,
      id: 'scale-push-266',
      rule: 'facts',
      reason: 'same date 2024-07-31 and key facts: error 266, port 5002, 10.67.65.100',
    });
  });

  it('the same facts on another day are another incident (a recurrence), and fewer facts are not enough', () => {
    const facts = { errors: [{ code: '266' }], ports: [{ port: 5002 }], hosts: ['10.67.65.100'] };
    expect(findExisting({ id: 'x', date: '2025-01-02', symptoms: facts }, library)).toBeUndefined();
    const two = { errors: [{ code: '266' }], ports: [{ port: 5002 }] };
    expect(findExisting({ id: 'x', date: '2024-07-31', symptoms: two }, library)).toBeUndefined();
  });

  it('undated write-ups must share more facts', () => {
    const three = { errors: [{ code: 'ECONNRESET' }], ports: [{ port: 2222 }], hosts: ['10.108.33.37'] };
    expect(findExisting({ id: 'x', symptoms: three }, library)).toBeUndefined();
    const four = { ...three, identifiers: ['nf_conntrack_tcp_timeout_established'] };
    expect(findExisting({ id: 'x', symptoms: four }, library)).toMatchObject({ file: UNDATED.file, rule: 'facts', reason: expect.stringMatching(/^both undated and key facts: /) });
  });

  it('key facts leave out common words and short identifiers; URLs that are not http(s) are no key', () => {
    expect([...keyFacts(SCALE.data).keys()]).toEqual([
      'code:266',
      'port:5002',
      'host:10.67.65.100',
      'host:10.226.8.186',
      'figure:41.48%',
      'id:yh-sod-scale-deviceadapter',
    ]);
    expect(normaliseUrl('mailto:ops@acme.example')).toBeUndefined();
  });
});

describe('runImport against a library', () => {
  it('reports a write-up with the title and date of a library record as existing, writes the new one', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'precedent-import-existing-'));
    const report = await runImport({ inputs: ['test/fixtures/import-existing/same-title.md', 'test/fixtures/import-existing/new-incident.md'], outDir: out, libraryDirs: [FIXTURE_LIBRARY] });
    const existing = report.items.filter((item) => item.type === 'existing');
    expect(existing).toHaveLength(1);
    expect(existing[0]!.origin).toMatch(/same-title\.md$/);
    expect(existing[0]!.message).toMatch(
      new RegExp(`^already in the library as .*2025-03-04-${FIXTURE.checkout}\\.md \\(id \`${FIXTURE.checkout}\`\\): same title and date 2025-03-04; skipped$`),
    );
    expect(report.counts).toMatchObject({ files: 2, written: 1, existing: 1 });
    expect(readdirSync(out)).toEqual([expect.stringMatching(/^2025-09-12-.+\.md$/)]);
  });
});

const SEEDS = path.resolve(process.env.PRECEDENT_SEEDS ?? '../shared/seeds');
const haveSeeds = existsSync(SEEDS);
if (!haveSeeds) console.log(`skipping the seed import against the library: needs ${SEEDS} (../shared/ beside the repository)`);

describe.runIf(haveSeeds)('the seed documents against the library they became', () => {
  it('writes nothing and names the record each seed already is', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'precedent-import-seeds-existing-'));
    const report = await runImport({ inputs: [SEEDS], outDir: out, libraryDirs: [FIXTURE_LIBRARY] });
    expect(report.counts).toMatchObject({ files: 4, written: 0, existing: 4, failed: 0 });
    const named = report.items.map((item) => [path.basename(item.origin).slice(0, 3), /\(id `([^`]+)`\)/.exec('message' in item ? item.message : '')?.[1]]);
    expect(named).toEqual([
      ['000', FIXTURE.learningspace],
      ['001', FIXTURE.conntrack],
      ['002', FIXTURE.license],
      ['003', FIXTURE.scale],
    ]);
    expect(readdirSync(out)).toEqual([]);
  }, 60_000);
});
