/**
 * `npm run bench:body`: renders record bodies at each limit of
 * src/records/body-limits.ts (which must pass and render in seconds) and a few
 * just over (which the limits refuse, and which show why), with the site's own
 * Markdown processor from astro.config.mjs. Prints one row per body: its
 * size, what the limits say and how long the check and the render took.
 *
 *   npm run bench:body -- [--over]   (--over also renders the refused bodies; the slowest takes minutes)
 */
import { parseArgs } from 'node:util';
import { markdownConfigDefaults, type AstroMarkdownOptions } from '@astrojs/markdown-remark';
import config from '../astro.config.mjs';
import {
  checkBodyLimits,
  MAX_BODY_CHARS,
  MAX_BRACKETS_PER_BLOCK,
  MAX_EMPHASIS_MARKS_PER_BLOCK,
  MAX_HTML_DEPTH,
  MAX_LIST_DEPTH,
  MAX_QUOTE_DEPTH,
  MAX_TABLE_CELLS,
  MAX_TABLE_ROWS,
} from '../src/records/body-limits.ts';

const paragraphs = (count: number, text: string) => Array.from({ length: count }, () => text).join('\n\n');
const table = (rows: number, columns: number) => `|${' h |'.repeat(columns)}\n|${' - |'.repeat(columns)}\n${`|${' c |'.repeat(columns)}\n`.repeat(rows)}`;
const indentedList = (depth: number) => Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- item`).join('\n');

/** Bodies at the limits: each must pass. */
const AT_LIMITS: Array<[string, string]> = [
  [`${MAX_BODY_CHARS.toLocaleString('en-US')} characters of prose`, paragraphs(MAX_BODY_CHARS / 500, 'word '.repeat(99) + 'end.').slice(0, MAX_BODY_CHARS)],
  [`${MAX_EMPHASIS_MARKS_PER_BLOCK} \`*_\` in each of 10 paragraphs`, paragraphs(10, '*_'.repeat(MAX_EMPHASIS_MARKS_PER_BLOCK / 2))],
  [`${MAX_BRACKETS_PER_BLOCK} \`[\` in each of 10 paragraphs`, paragraphs(10, '[a]('.repeat(MAX_BRACKETS_PER_BLOCK))],
  [`quotes ${MAX_QUOTE_DEPTH} deep`, `${'> '.repeat(MAX_QUOTE_DEPTH)}x\n`],
  [`HTML ${MAX_HTML_DEPTH} deep`, `${'<div>'.repeat(MAX_HTML_DEPTH)}x${'</div>'.repeat(MAX_HTML_DEPTH)}\n`],
  [`list markers ${MAX_LIST_DEPTH} deep`, `${'- '.repeat(MAX_LIST_DEPTH)}x\n`],
  [`list indented ${MAX_LIST_DEPTH} deep`, indentedList(MAX_LIST_DEPTH)],
  [`a table of ${MAX_TABLE_ROWS} rows × 3`, table(MAX_TABLE_ROWS, 3)],
  [`${MAX_TABLE_CELLS.toLocaleString('en-US')} cells in 5 tables`, Array.from({ length: 5 }, () => table(MAX_TABLE_CELLS / 5 / 4 - 1, 4)).join('\n')],
];

/** Bodies over a limit: each must be refused. */
const OVER_LIMITS: Array<[string, string]> = [
  ['list markers 1,000 deep (2 KB)', `${'- '.repeat(1_000)}x\n`],
  ['a table of 3,000 rows × 3', table(3_000, 3)],
  ['40 KB of `*_` in one paragraph', '*_'.repeat(20_000)],
];

const { values } = parseArgs({ options: { over: { type: 'boolean', default: false } } });
const markdown = config.markdown!;
const renderer = await markdown.processor!.createRenderer({ ...markdownConfigDefaults, ...markdown } as AstroMarkdownOptions);
await renderer.render('warm *up*\n\n| a |\n| - |\n| b |\n');

console.log(`${'body'.padEnd(40)} ${'chars'.padStart(9)}  ${'limits'.padEnd(8)} ${'check ms'.padStart(8)} ${'render ms'.padStart(10)}`);
for (const [name, body] of [...AT_LIMITS, ...(values.over ? OVER_LIMITS : [])]) {
  let started = performance.now();
  const failure = checkBodyLimits(body);
  const checkMs = performance.now() - started;
  started = performance.now();
  let rendered = '';
  try {
    await renderer.render(body);
    rendered = (performance.now() - started).toFixed(0);
  } catch (error) {
    rendered = `${(performance.now() - started).toFixed(0)} (${error instanceof RangeError || /call stack/.test(String(error)) ? 'stack overflow' : 'error'})`;
  }
  console.log(`${name.padEnd(40)} ${body.length.toLocaleString('en-US').padStart(9)}  ${(failure ? 'refused' : 'pass').padEnd(8)} ${checkMs.toFixed(1).padStart(8)} ${rendered.padStart(10)}`);
}
if (!values.over) console.log(`\n(${OVER_LIMITS.length} bodies over the limits not rendered; --over renders them)`);
