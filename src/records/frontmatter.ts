/**
 * Splits a record into frontmatter and body and parses the frontmatter with
 * the one YAML engine, keeping the syntax tree so problems can point at line
 * and column. Only YAML frontmatter is read: a fence naming another language
 * (`---js`, `---coffee`, `---toml`) or a TOML `+++` fence is refused, so no
 * record can ask for its frontmatter to be run as code.
 */
import type { Document } from 'yaml';
import { parseYaml } from './yaml-engine.ts';

/** A 1-based line and column in the record file. */
export interface Place {
  line: number;
  column: number;
}

/** A parsed record: the YAML tree, its plain data and the Markdown body. */
export interface ParsedRecord {
  /** The YAML document, with source ranges relative to the YAML text. */
  doc: Document.Parsed;
  /** Converts an offset inside the YAML text to a place in the file. */
  placeOf: (offset: number) => Place;
  /** The frontmatter as plain values (timestamps as `Date`). */
  data: unknown;
  /** The Markdown body. */
  body: string;
  /** Line of the file on which the body starts (1-based). */
  bodyLine: number;
}

/** Why a record could not be parsed; `place` is where to look. */
export interface ParseFailure {
  ruleId: 'frontmatter-missing' | 'yaml-syntax';
  reason: string;
  place: Place;
}

/** The frontmatter fence: `---`, with nothing after it but spaces. */
const FENCE = /^---[ \t]*$/;
/** An opening fence naming a language, as gray-matter and others read it (`---js`, `--- coffee`). */
const LANGUAGE_FENCE = /^---[ \t]*(\S+)/;
/** A TOML fence, as some site generators read it. */
const TOML_FENCE = /^\+\+\+[ \t]*$/;

/**
 * Parses the text of a record (BOM already removed). Returns the record, or
 * every reason it cannot be read (all YAML syntax errors, not just the first).
 */
export function parseRecordText(text: string): { ok: true; record: ParsedRecord } | { ok: false; failures: ParseFailure[] } {
  const start = { line: 1, column: 1 };
  if (text.trim() === '') {
    return fail('frontmatter-missing', 'Empty file, expected YAML frontmatter between `---` lines', start);
  }
  const lines = splitLines(text);
  const first = lines[0]?.text ?? '';
  if (!FENCE.test(first)) {
    const language = LANGUAGE_FENCE.exec(first);
    if (language && !first.startsWith('----')) {
      const column = first.indexOf(language[1]!) + 1;
      return fail('frontmatter-missing', `Unexpected frontmatter language \`${language[1]}\`, only YAML frontmatter is read: start the file with a bare \`---\` line`, { line: 1, column });
    }
    if (TOML_FENCE.test(first)) return fail('frontmatter-missing', 'Unexpected `+++` (TOML) frontmatter, expected YAML between `---` lines', start);
    return fail('frontmatter-missing', 'Missing frontmatter, expected the file to start with a `---` line', start);
  }
  const closing = lines.findIndex((line, index) => index > 0 && FENCE.test(line.text));
  if (closing === -1) return fail('frontmatter-missing', 'Missing closing `---` line of the frontmatter', start);

  const yamlStart = lines[1]!.offset;
  const yamlText = text.slice(yamlStart, lines[closing]!.offset);
  const parsed = parseYaml(yamlText);
  // YAML line 0 is file line 2, just below the opening fence.
  const placeOf = (lineCounter: { linePos(offset: number): { line: number; col: number } }) => (offset: number): Place => {
    const { line, col } = lineCounter.linePos(Math.max(0, Math.min(offset, yamlText.length)));
    return { line: line + 1, column: col };
  };
  if (!parsed.ok) {
    const place = placeOf(parsed.lineCounter);
    return { ok: false, failures: parsed.failures.map((failure) => ({ ruleId: 'yaml-syntax' as const, reason: failure.reason, place: place(failure.offset) })) };
  }
  const next = lines[closing + 1];
  return {
    ok: true,
    record: { doc: parsed.yaml.doc, placeOf: placeOf(parsed.yaml.lineCounter), data: parsed.yaml.data, body: next ? text.slice(next.offset) : '', bodyLine: closing + 2 },
  };
}

function fail(ruleId: ParseFailure['ruleId'], reason: string, place: Place) {
  return { ok: false as const, failures: [{ ruleId, reason, place }] };
}

/** Lines with the offset each starts at; `\r\n` and `\n` both end a line. */
function splitLines(text: string): { text: string; offset: number }[] {
  const lines: { text: string; offset: number }[] = [];
  for (let offset = 0; ; ) {
    const newline = text.indexOf('\n', offset);
    const end = newline === -1 ? text.length : newline;
    lines.push({ text: text.slice(offset, end).replace(/\r$/, ''), offset });
    if (newline === -1) return lines;
    offset = newline + 1;
  }
}
