/**
 * The project's own library (`content/incidents/`), built as `npm run build`
 * would (into `test-output/content-site/`, never `dist/`): every record is
 * published, a page per record per UI language with its title, and is in
 * the matcher index. Generic: it holds for any number of valid records.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_DIR, loadRecords } from '../../src/records/load.ts';
import { ROOT, TEST_OUTPUT, ensureBuilt } from './setup/server.ts';
import { LANGS } from './support/library.ts';

/** Where content/ is built for this test. */
const OUT = path.join(TEST_OUTPUT, 'content-site');
const { records } = await loadRecords(path.join(ROOT, CONTENT_DIR));

/** The text of an `<h1>`, tags dropped and entities decoded. */
function headingText(html: string): string {
  const inner = /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '';
  return inner
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(Number.parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

beforeAll(() => {
  ensureBuilt({ content: CONTENT_DIR, outDir: OUT });
});

describe(`a build of ${CONTENT_DIR}`, () => {
  it.each(LANGS.flatMap((lang) => records.map((record) => [lang, record.data.id, record.data.title] as const)))(
    '/%s/records/%s/ is published with its title',
    (lang, id, title) => {
      const file = path.join(OUT, lang, 'records', id, 'index.html');
      expect(existsSync(file), file).toBe(true);
      expect(headingText(readFileSync(file, 'utf8'))).toContain(title.replace(/\s+/g, ' '));
    },
  );

  it('publishes no record page beyond the records', () => {
    for (const lang of LANGS) {
      const ids = readdirSync(path.join(OUT, lang, 'records'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
      expect(ids.sort()).toEqual(records.map((record) => record.data.id).sort());
    }
  });

  it('puts every record in the matcher index', () => {
    const index = readdirSync(path.join(OUT, 'matcher')).map((name) => readFileSync(path.join(OUT, 'matcher', name), 'utf8')).join('\n');
    for (const record of records) expect(index, record.data.id).toContain(`"${record.data.id}"`);
  });
});
