/**
 * Writes the bench's synthetic library (`synthLibrary`) as Markdown record
 * files that pass the record schema, so command-line tools can be measured
 * on it as a team would run them: `writeSynthRecords(dir, 10_000)`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { CAUSE_CATEGORIES } from '../../src/schema/taxonomy.ts';
import type { MatchDoc } from '../../src/matcher/index.ts';
import { DEFAULT_SEED, synthLibrary } from './synth.ts';

/** The frontmatter and body of one synthetic document. */
export function synthRecordFile(doc: MatchDoc, index: number): string {
  const remedy = doc.fix && {
    summary: doc.fix.summary,
    steps: doc.fix.command ? [{ text: 'Apply the fix.', command: doc.fix.command }] : [],
  };
  const data = {
    id: doc.id,
    kind: doc.kind,
    title: doc.title,
    ...(doc.titleEn && { titleEn: doc.titleEn }),
    summary: doc.summary,
    language: doc.language,
    ...(doc.date && { date: doc.date }),
    services: doc.services,
    products: doc.products ?? [],
    tags: doc.tags,
    rootCause: { category: CAUSE_CATEGORIES[index % CAUSE_CATEGORIES.length], summary: doc.summary },
    ...(remedy && { [doc.fix!.type]: remedy }),
    ...(doc.symptoms && { symptoms: doc.symptoms }),
  };
  return `---\n${stringify(data, { lineWidth: 0 })}---\n\n${doc.text}\n`;
}

/** Writes `count` synthetic records into `dir` (created); returns their file names. */
export function writeSynthRecords(dir: string, count: number, seed: number = DEFAULT_SEED): string[] {
  mkdirSync(dir, { recursive: true });
  return synthLibrary(count, { seed }).map((doc, index) => {
    const name = `${doc.id}.md`;
    writeFileSync(join(dir, name), synthRecordFile(doc, index));
    return name;
  });
}
