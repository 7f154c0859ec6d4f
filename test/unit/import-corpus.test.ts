/**
 * `npm run import` over the public corpus (read from ../shared/corpus at test
 * time, or PRECEDENT_CORPUS; never copied; without it that suite is skipped
 * with one printed line) and over a malformed fixture:
 * every line is accounted for, duplicates are reported with the id kept,
 * nothing is overwritten, a dry run writes nothing.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSummary, runImport, type ImportReport } from '../../src/import/index.ts';
import { loadRecords } from '../../src/records/load.ts';
import { CORPUS_FILE as CORPUS, hasShared } from '../support/shared.ts';

const MALFORMED = path.resolve(import.meta.dirname, '../fixtures/import-jsonl/malformed.jsonl');
/** The second copy of each of the nine duplicated write-ups (same human text), by source id prefix. */
const SKIPPED_DUPLICATES = ['61617271', '86780dab', '909573e3', 'c8c96619', 'cdaefaac', 'd3aadf01', 'da6d262f', 'edaa981d', 'f4458caf'];

let out: string;
let report: ImportReport;
let corpusIds: string[] = [];

describe.runIf(hasShared('corpus', 'import of the public corpus'))('import of the public corpus', () => {
  beforeAll(async () => {
    corpusIds = readFileSync(CORPUS, 'utf8').split('\n').filter((line) => line.trim()).map((line) => (JSON.parse(line) as { id: string }).id);
    out = await mkdtemp(path.join(tmpdir(), 'import-corpus-'));
    report = await runImport({ inputs: [CORPUS], outDir: out });
  }, 120_000);

  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('accounts for every line: written + duplicates + malformed == lines', () => {
    const { lines, written, duplicates, malformed, existing, failed } = report.counts;
    expect(lines).toBe(corpusIds.length);
    expect({ written, duplicates, malformed, existing, failed }).toEqual({ written: corpusIds.length - 9, duplicates: 9, malformed: 0, existing: 0, failed: 0 });
    expect(written + duplicates + malformed).toBe(lines);
    expect(formatSummary(report)).toBe(`${corpusIds.length} lines: ${corpusIds.length - 9} written, 9 duplicates, 0 malformed, 0 existing`);
  });

  it('reports the nine duplicate pairs with the line and id kept', () => {
    const duplicates = report.items.filter((item) => item.type === 'duplicate');
    expect(duplicates.map((item) => /skipped (\w{8})/.exec(item.message)?.[1]).sort()).toEqual(SKIPPED_DUPLICATES);
    for (const item of duplicates) expect(item.message).toMatch(/^duplicate of line \d+ \(same text\): kept [0-9a-f-]{36}, skipped [0-9a-f-]{36}$/);
  });

  it('keeps a near-duplicate (same text apart from links) but flags it for a person', () => {
    const flagged = report.items.flatMap((item) => (item.type === 'written' ? item.attention.filter((note) => note.startsWith('possible duplicate')).map((note) => `${path.basename(item.origin)} ${note}`) : []));
    expect(flagged).toEqual([
      'icco-postmortems.jsonl:211 possible duplicate of line 105 (source 6d1c63bd-3529-4120-8a00-18ee6647f3f0): the same text apart from links; merge or delete one',
    ]);
  });

  it('writes one file per record that passes the schema, keeping each source id; none is lost', async () => {
    const { records, problems } = await loadRecords(out);
    expect(problems).toEqual([]);
    expect((await readdir(out)).length).toBe(corpusIds.length - 9);
    const imported = records.map((r) => r.data.source?.id);
    const skipped = corpusIds.filter((id) => SKIPPED_DUPLICATES.includes(id.slice(0, 8)));
    expect([...imported, ...skipped].sort()).toEqual([...corpusIds].sort());
    for (const r of records) {
      expect(r.data.draft).toBe(true);
      expect(r.data.source?.system).toBe('icco/postmortems');
      expect(path.basename(r.file)).toBe(r.data.date ? `${r.data.date}-${r.data.id}.md` : `${r.data.id}.md`);
    }
    expect(new Set(records.map((r) => r.data.id)).size).toBe(records.length);
  });

  it('never overwrites: a second import into the same folder skips every record as existing', async () => {
    const file = path.join(out, (await readdir(out))[0]!);
    const before = await readFile(file, 'utf8');
    const again = await runImport({ inputs: [CORPUS], outDir: out });
    expect(again.counts).toMatchObject({ written: 0, duplicates: 9, existing: corpusIds.length - 9 });
    expect(again.items.find((item) => item.type === 'existing')?.message).toMatch(/^already imported as .+ \(source icco\/postmortems [0-9a-f-]{36}\); skipped$/);
    expect(await readFile(file, 'utf8')).toBe(before);
  }, 120_000);

  it('--dry-run writes nothing and reports what would be written', async () => {
    const dry = path.join(out, 'dry-run-target');
    const result = await runImport({ inputs: [CORPUS], outDir: dry, dryRun: true });
    expect(result.counts.written).toBe(corpusIds.length - 9);
    expect(formatSummary(result)).toBe(`${corpusIds.length} lines: ${corpusIds.length - 9} would be written, 9 duplicates, 0 malformed, 0 existing (dry run: nothing written)`);
    await expect(stat(dry)).rejects.toMatchObject({ code: 'ENOENT' });
  }, 120_000);
});

describe('malformed JSON Lines', () => {
  it('reports each bad line by number, skips it, and imports the rest', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'import-malformed-'));
    try {
      const result = await runImport({ inputs: [MALFORMED], outDir: dir });
      const problems = result.items.filter((item) => item.type !== 'written').map((item) => `${path.basename(item.origin)} ${item.type}: ${'message' in item ? item.message : ''}`);
      expect(problems).toEqual([
        expect.stringMatching(/^malformed\.jsonl:2 malformed: not valid JSON \(.+\)$/),
        'malformed.jsonl:4 malformed: expected a JSON object',
        'malformed.jsonl:5 malformed: field `id`: expected a non-empty string',
        'malformed.jsonl:6 duplicate: duplicate of line 1 (same text): kept a1b2c3d4-0000-4000-8000-000000000001, skipped a1b2c3d4-0000-4000-8000-000000000006',
      ]);
      expect(formatSummary(result)).toBe('6 lines: 2 written, 1 duplicate, 3 malformed, 0 existing');
      const { records, problems: bad } = await loadRecords(dir);
      expect(bad).toEqual([]);
      const gateway = records.find((r) => r.data.source?.id === 'a1b2c3d4-0000-4000-8000-000000000001')!.data;
      expect(gateway.rootCause.category).toBe('configuration');
      expect(gateway.tags).toEqual(['config-change', 'example-co', 'tls', '502', '443']);
      expect(gateway.times.started?.toISOString()).toBe('2023-04-05T09:12:00.000Z');
      expect(gateway.symptoms?.ports).toContainEqual({ port: 8443 });
      expect(gateway.symptoms?.errors).toContainEqual({ code: 'HTTP 502' });
      const queue = records.find((r) => r.data.source?.id === 'a1b2c3d4-0000-4000-8000-000000000003')!;
      expect(queue.data.title).toBe('Example Co: The queue workers ran out of file descriptors (EMFILE) and stopped…');
      expect(path.basename(queue.file)).toBe(`${queue.data.id}.md`);
      expect(queue.data.symptoms?.errors).toContainEqual({ code: 'EMFILE' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('a product too long to be a service', () => {
  it('is left out of services with a note, and the draft still passes the schema', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'import-long-product-'));
    const input = path.join(dir, 'long-product.jsonl');
    const product = `Payments API, ledger, reconciliation jobs and the nightly settlement export to partner banks (EU and US regions)`;
    await writeFile(input, `${JSON.stringify({ id: 'b2c3d4e5-0000-4000-8000-000000000001', company: 'Example Co', product, title: 'Settlement export stalled', summary_text: 'The nightly settlement export stalled for three hours after a schema change.' })}\n`);
    try {
      const result = await runImport({ inputs: [input], outDir: path.join(dir, 'out') });
      expect(result.counts).toMatchObject({ written: 1, failed: 0 });
      const written = result.items.find((item) => item.type === 'written');
      expect(written && 'attention' in written ? written.attention : []).toContain(`services: the source's product is ${product.length} characters (at most 100); left out — name the service`);
      const { records, problems } = await loadRecords(path.join(dir, 'out'));
      expect(problems).toEqual([]);
      expect(records[0]!.data.services).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
