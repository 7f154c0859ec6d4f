/**
 * Bounds on what a record's Markdown body may ask of the renderer. Some
 * inputs cost far more than their size: emphasis delimiters are matched in
 * time quadratic in their number per paragraph (40 KB of `*_` took over a
 * minute), link brackets likewise, and deep nesting (50,000 `<div>`,
 * `>` quotes, or 1,000 list markers `- - - …` in 2 KB) overflows the
 * renderer's stack. Table cells cost about ten times a paragraph's
 * characters (30,000 rows took 25 s). A linear scan finds them before
 * anything is rendered, so validate and the build refuse the same bodies with
 * the same message. `npm run bench:body` renders bodies at and over each
 * limit and prints the times.
 */

/** Longest body, in characters (over 100 printed pages; a postmortem is a few thousand; `npm run bench:body` times its render). */
export const MAX_BODY_CHARS = 500_000;
/** Most `*` and `_` in one paragraph or table row: their matching costs the square of this number. */
export const MAX_EMPHASIS_MARKS_PER_BLOCK = 1_000;
/** Most `*` and `_` in a whole body, outside code blocks. */
export const MAX_EMPHASIS_MARKS = 10_000;
/** Most `[` in one paragraph or table row: link labels are matched in quadratic time too. */
export const MAX_BRACKETS_PER_BLOCK = 1_000;
/** Most `[` in a whole body, outside code blocks. */
export const MAX_BRACKETS = 10_000;
/** Deepest block quote nesting (`> > >`): each level is a level of recursion in the renderer. */
export const MAX_QUOTE_DEPTH = 100;
/** Deepest nesting of HTML elements written in the body (void and self-closed elements aside). */
export const MAX_HTML_DEPTH = 200;
/** Deepest list nesting (`- - x`, or items indented under items): 1,000 levels overflow the stack; an outline rarely needs 5. */
export const MAX_LIST_DEPTH = 50;
/** Most rows in one table (header and delimiter rows aside). */
export const MAX_TABLE_ROWS = 1_000;
/** Most table cells in a whole body (rows × header columns): each cell is rendered as its own paragraph-like block. */
export const MAX_TABLE_CELLS = 10_000;

/** Why a body is refused, and the line of the body (1-based) to look at. */
export interface BodyLimitFailure {
  reason: string;
  /** 1-based line within the body. */
  line: number;
}

/** Elements that never take children, so they never nest. */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const CODE_FENCE = /^ {0,3}(`{3,}|~{3,})/;
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)\b[^<>]*?(\/?)>/g;
/** Leading white space, then list markers (`-`, `*`, `+`, `1.`, `1)`), each followed by a space, maybe within `>` quotes. */
const LIST_MARKERS = /^([ \t]*)((?:(?:[-*+]|\d{1,9}[.)])[ \t]+|>[ \t]*)+)/;
/** A GFM table's delimiter row: `| --- | :-: |`, `--- | ---`. */
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/**
 * The first limit the body goes over, or `undefined`. Linear in the body's
 * length; code blocks are skipped (nothing in them is parsed as Markdown).
 */
export function checkBodyLimits(body: string): BodyLimitFailure | undefined {
  const lines = body.split('\n');
  let fence: string | undefined;
  let totals = { marks: 0, brackets: 0 };
  let block = { marks: 0, brackets: 0, line: 0 };
  let depth = 0;
  // The open table: its columns (from the header row), the line it starts on and its rows so far.
  let table: { columns: number; line: number; rows: number } | undefined;
  let cells = 0;
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index]!;
    const line = index + 1;
    const opening = CODE_FENCE.exec(text)?.[1];
    if (fence) {
      if (opening && opening[0] === fence[0] && opening.length >= fence.length && text.trim() === opening) fence = undefined;
      continue;
    }
    if (opening) {
      fence = opening;
      table = undefined;
      continue;
    }
    // A blank line or a heading ends a table.
    if (text.trim() === '' || /^ {0,3}#/.test(text)) table = undefined;
    else if (table) {
      table.rows++;
      cells += table.columns;
      if (table.rows > MAX_TABLE_ROWS) {
        return { reason: `Markdown body too costly to render: a table of over ${count(MAX_TABLE_ROWS)} rows; split it or put it in a code block`, line: table.line };
      }
      if (cells > MAX_TABLE_CELLS) {
        return { reason: `Markdown body too costly to render: over ${count(MAX_TABLE_CELLS)} table cells; split the tables or put them in code blocks`, line };
      }
    } else if (index > 0 && text.includes('|') && lines[index - 1]!.includes('|') && TABLE_DELIMITER.test(text)) {
      // The header row above becomes the table's first row; every row has the header's columns.
      table = { columns: text.replace(/^\s*\||\|\s*$/g, '').split('|').length, line: index, rows: 0 };
      cells += table.columns;
    }
    // A blank line ends a paragraph; each table row is parsed on its own.
    if (text.trim() === '' || /^\s*\|/.test(text)) block = { marks: 0, brackets: 0, line: 0 };
    if (block.line === 0 && text.trim() !== '') block.line = line;
    let marks = 0;
    let brackets = 0;
    for (let i = 0; i < text.length; i++) {
      const char = text.charCodeAt(i);
      if (char === 42 || char === 95) marks++;
      else if (char === 91) brackets++;
    }
    block.marks += marks;
    block.brackets += brackets;
    totals = { marks: totals.marks + marks, brackets: totals.brackets + brackets };
    if (block.marks > MAX_EMPHASIS_MARKS_PER_BLOCK) {
      return { reason: `Markdown body too costly to render: over ${count(MAX_EMPHASIS_MARKS_PER_BLOCK)} \`*\` and \`_\` in one paragraph; put text like this in a code block`, line: block.line };
    }
    if (block.brackets > MAX_BRACKETS_PER_BLOCK) {
      return { reason: `Markdown body too costly to render: over ${count(MAX_BRACKETS_PER_BLOCK)} \`[\` in one paragraph; put text like this in a code block`, line: block.line };
    }
    if (totals.marks > MAX_EMPHASIS_MARKS) {
      return { reason: `Markdown body too costly to render: over ${count(MAX_EMPHASIS_MARKS)} \`*\` and \`_\` outside code blocks`, line };
    }
    if (totals.brackets > MAX_BRACKETS) {
      return { reason: `Markdown body too costly to render: over ${count(MAX_BRACKETS)} \`[\` outside code blocks`, line };
    }
    const quotes = /^(?:\s*>)+/.exec(text)?.[0].replace(/[^>]/g, '').length ?? 0;
    if (listDepth(text) > MAX_LIST_DEPTH) {
      return { reason: `Markdown body nested too deeply to render: lists more than ${MAX_LIST_DEPTH} deep`, line };
    }
    if (quotes > MAX_QUOTE_DEPTH) {
      return { reason: `Markdown body nested too deeply to render: block quotes more than ${MAX_QUOTE_DEPTH} deep`, line };
    }
    for (const match of text.matchAll(TAG)) {
      const [, closing, name, selfClosing] = match;
      if (VOID_ELEMENTS.has(name!.toLowerCase()) || selfClosing) continue;
      depth = closing ? Math.max(0, depth - 1) : depth + 1;
      if (depth > MAX_HTML_DEPTH) {
        return { reason: `Markdown body nested too deeply to render: HTML elements more than ${MAX_HTML_DEPTH} deep`, line };
      }
    }
  }
  if (body.length > MAX_BODY_CHARS) {
    return { reason: `Markdown body is ${count(body.length)} characters, over the ${count(MAX_BODY_CHARS)} limit`, line: 1 };
  }
  return undefined;
}

/**
 * How deep a list item on this line can be nested, at most: its markers
 * (`- - x` is two lists) plus one level per two columns of indentation (an
 * item nests under another when indented to that item's text, two columns or
 * more). An upper bound: never below the real depth, so nothing too deep passes.
 */
function listDepth(text: string): number {
  const match = LIST_MARKERS.exec(text);
  if (!match) return 0;
  const markers = match[2]!.match(/[-*+][ \t]|\d[.)][ \t]/g)?.length ?? 0;
  if (markers === 0) return 0;
  const indent = match[1]!.replace(/\t/g, '    ').length;
  return markers + Math.floor(indent / 2);
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}
