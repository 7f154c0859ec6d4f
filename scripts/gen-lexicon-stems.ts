/**
 * Generates `src/matcher/lexicon-stems.json`: the stemmed words of each English
 * variant of the lexicon and the variants each first stem starts, so a first
 * query neither stems the whole lexicon nor builds its lookup table before it
 * can fetch anything (see `variantStems` and `englishCandidates`).
 *
 *   npm run lexicon:stems            write the file
 *   npm run lexicon:stems -- --check exit 1 when the committed file is stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LEXICON, stemVariant } from '../src/matcher/lexicon.ts';

/** Where the stems are written. */
export const STEMS_FILE = fileURLToPath(new URL('../src/matcher/lexicon-stems.json', import.meta.url));

/**
 * The file's text: `variants`, per lexicon entry its English variants' stems (words split by
 * spaces, variants by `|`), one line each; and `first`, each first stem with the variants it
 * starts (`entry.variant`, longest first), so a query looks up only the words it has.
 */
export function generateLexiconStems(): string {
  const variants = LEXICON.entries.map((entry) => entry.en.map((text) => stemVariant(text)));
  const first = new Map<string, Array<{ ref: string; length: number }>>();
  variants.forEach((entry, e) => entry.forEach((words, v) => {
    if (words.length === 0) return;
    const list = first.get(words[0]!) ?? [];
    list.push({ ref: `${e}.${v}`, length: words.length });
    first.set(words[0]!, list);
  }));
  const lines = variants.map((entry) => JSON.stringify(entry.map((words) => words.join(' ')).join('|')));
  // Longest first (stable), as the matcher tries them: the first that fits is the leftmost-longest match.
  const index = [...first].map(([stem, list]) => `${JSON.stringify(stem)}: ${JSON.stringify(list.sort((a, b) => b.length - a.length).map((r) => r.ref).join(' '))}`);
  return `{\n"variants": [\n${lines.join(',\n')}\n],\n"first": {\n${index.join(',\n')}\n}\n}\n`;
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
