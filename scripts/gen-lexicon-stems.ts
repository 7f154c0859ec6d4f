/**
 * Generates `src/matcher/lexicon-stems.json`: the stemmed words of each English
 * variant of the lexicon, so a page's first query does not stem the
 * whole lexicon before it can fetch anything (see `variantStems`).
 *
 *   npm run lexicon:stems            write the file
 *   npm run lexicon:stems -- --check exit 1 when the committed file is stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LEXICON, stemVariant } from '../src/matcher/lexicon.ts';

/** Where the stems are written. */
export const STEMS_FILE = fileURLToPath(new URL('../src/matcher/lexicon-stems.json', import.meta.url));

/** The file's text: per lexicon entry, its English variants' stems (words split by spaces, variants by `|`), one line each. */
export function generateLexiconStems(): string {
  const lines = LEXICON.entries.map((entry) => JSON.stringify(entry.en.map((text) => stemVariant(text).join(' ')).join('|')));
  return `[\n${lines.join(',\n')}\n]\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = generateLexiconStems();
  if (process.argv.includes('--check')) {
    if (readFileSync(STEMS_FILE, 'utf8') !== text) {
      process.stderr.write('src/matcher/lexicon-stems.json is stale: run `npm run lexicon:stems`\n');
      process.exit(1);
    }
  } else {
    writeFileSync(STEMS_FILE, text);
    process.stdout.write(`wrote ${STEMS_FILE}\n`);
  }
}
