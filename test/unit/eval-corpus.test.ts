/**
 * The shared corpus reader: where it looks, how a corpus line becomes a
 * MatchDoc, and the messages for a missing file or a broken line. Uses small
 * made-up lines, never corpus text.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CORPUS_FILE,
  CorpusError,
  corpusEntryToDoc,
  corpusPath,
  DEFAULT_CORPUS_PATH,
  loadCorpus,
  REPO_ROOT,
} from '../../scripts/lib/corpus.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'precedent-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FULL = {
  id: 'aaaa-1',
  title: 'Queue stalls after broker upgrade',
  company: 'ExampleCo',
  product: 'Queue, Workers',
  date: '2021-05-21',
  categories: ['config-change', 'cloud'],
  keywords: ['Ack Timeout', 'broker', 'cloud', 2147483647],
  summary_original: 'Consumers were disconnected after an upgrade.',
  summary_text: 'A longer body about consumers being disconnected.',
};

describe('corpusPath', () => {
  it('defaults to ../shared/corpus next to the repository', () => {
    expect(corpusPath({})).toBe(DEFAULT_CORPUS_PATH);
    expect(DEFAULT_CORPUS_PATH).toBe(path.resolve(REPO_ROOT, '..', 'shared', 'corpus', CORPUS_FILE));
  });

  it('takes PRECEDENT_CORPUS as a file, or as a folder holding the corpus file', () => {
    expect(corpusPath({ PRECEDENT_CORPUS: '/data/x.jsonl' })).toBe('/data/x.jsonl');
    expect(corpusPath({ PRECEDENT_CORPUS: dir })).toBe(path.join(dir, CORPUS_FILE));
    expect(corpusPath({ PRECEDENT_CORPUS: '  ' })).toBe(DEFAULT_CORPUS_PATH);
  });
});

describe('corpusEntryToDoc', () => {
  it('maps every field a MatchDoc needs', () => {
    expect(corpusEntryToDoc(FULL, 'c.jsonl:1')).toEqual({
      id: 'icco-aaaa-1',
      title: 'Queue stalls after broker upgrade',
      kind: 'postmortem',
      date: '2021-05-21',
      file: 'c.jsonl:1',
      language: 'en',
      summary: 'Consumers were disconnected after an upgrade.',
      tags: ['config-change', 'cloud', 'ack-timeout', 'broker', '2147483647'],
      services: ['Queue', 'Workers'],
      text: 'A longer body about consumers being disconnected.',
    });
  });

  it('titles an untitled entry by company and date', () => {
    const doc = corpusEntryToDoc({ ...FULL, title: null }, 'c.jsonl:1');
    expect(doc.title).toBe('ExampleCo incident, 2021-05-21');
  });

  it('titles an untitled, undated entry by company and the first words, and fills a missing summary from the text', () => {
    const text = 'one two three four five six seven eight nine ten';
    const doc = corpusEntryToDoc({ id: 'b', company: 'ExampleCo', date: null, summary_original: '', summary_text: text }, 'c.jsonl:2');
    expect(doc.title).toBe('ExampleCo: one two three four five six seven eight …');
    expect(doc.summary).toBe(text);
    expect(doc).not.toHaveProperty('date');
    expect(doc.tags).toEqual([]);
    expect(doc.services).toEqual([]);
  });

  it('rejects an entry without an id, naming where it is', () => {
    expect(() => corpusEntryToDoc({ title: 'x' }, 'c.jsonl:7')).toThrow('c.jsonl:7: expected an object with a string `id`');
  });
});

describe('loadCorpus', () => {
  it('reads one document per non-empty line, each pointing at its line', () => {
    const file = path.join(dir, 'ok.jsonl');
    writeFileSync(file, `${JSON.stringify(FULL)}\n\n${JSON.stringify({ ...FULL, id: 'aaaa-2' })}\n`);
    const docs = loadCorpus(file);
    expect(docs.map((d) => d.id)).toEqual(['icco-aaaa-1', 'icco-aaaa-2']);
    expect(docs.map((d) => d.file)).toEqual([`${path.relative(process.cwd(), file)}:1`, `${path.relative(process.cwd(), file)}:3`]);
  });

  it('says where the corpus was looked for and how to point at it when it is missing', () => {
    const missing = path.join(dir, 'nope.jsonl');
    expect(() => loadCorpus(missing)).toThrow(CorpusError);
    expect(() => loadCorpus(missing)).toThrow(`Corpus not found at ${missing}.`);
    expect(() => loadCorpus(missing)).toThrow('set PRECEDENT_CORPUS to its path');
  });

  it('names the file and line of a line that is not JSON', () => {
    const file = path.join(dir, 'bad.jsonl');
    writeFileSync(file, `${JSON.stringify(FULL)}\n{"id": "x",\n`);
    expect(() => loadCorpus(file)).toThrow(`${path.relative(process.cwd(), file)}:2: not valid JSON`);
  });

  it('rejects a repeated id', () => {
    const file = path.join(dir, 'dup.jsonl');
    writeFileSync(file, `${JSON.stringify(FULL)}\n${JSON.stringify(FULL)}\n`);
    expect(() => loadCorpus(file)).toThrow(`${path.relative(process.cwd(), file)}:2: duplicate id \`icco-aaaa-1\``);
  });
});
