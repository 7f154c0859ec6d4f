/** The bench's synthetic library as Markdown records: every file is a valid record, the same seed gives the same files. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { writeSynthRecords } from '../../scripts/lib/synth-records.ts';
import { loadRecords } from '../../src/records/load.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const fresh = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'precedent-synth-records-'));
  dirs.push(dir);
  return dir;
};

it('writes records the reader accepts, one per document, reproducibly', { timeout: 60_000 }, async () => {
  const [a, b] = [fresh(), fresh()];
  const names = writeSynthRecords(a, 40);
  writeSynthRecords(b, 40);
  expect(names).toHaveLength(40);
  const { records, problems } = await loadRecords(a);
  expect(problems).toEqual([]);
  expect(records).toHaveLength(40);
  expect(new Set(records.map((r) => r.data.language))).toEqual(new Set(['zh', 'en']));
  for (const name of names) expect(readFileSync(path.join(b, name), 'utf8')).toBe(readFileSync(path.join(a, name), 'utf8'));
});
