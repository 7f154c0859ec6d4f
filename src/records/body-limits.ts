/**
 * Bounds on what a record's Markdown body may ask of the renderer. Some
 * inputs cost far more than their size: emphasis delimiters are matched in
 * time quadratic in their number per paragraph (40 KB of `*_` took over a
 * minute), link brackets likewise, and deep nesting (50,000 `<div>`, or
 * `>` quotes) overflows the renderer's stack. A linear scan finds them
 * before anything is rendered, so validate and the build refuse the same
 * bodies with the same message. Measured numbers are in `scripts/body-bench.ts`.
 */

/** Longest body, in characters (over 100 printed pages; a postmortem is a few thousand; renders in about 2 s). */
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
      continue;
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

function count(value: number): string {
  return value.toLocaleString('en-US');
}
