/**
 * Splits a record into frontmatter and body and parses the frontmatter with
 * `yaml`, keeping the syntax tree so problems can point at line and column.
 */
import { LineCounter, parseDocument, visit, type Document, type YAMLError } from 'yaml';

/** Most alias expansions allowed while reading frontmatter; more looks like an alias bomb ("billion laughs"). */
export const MAX_YAML_ALIASES = 100;

/** The frontmatter fence. */
const FENCE = /^---[ \t]*$/;

/** A 1-based line and column in the record file. */
export interface Place {
  line: number;
  column: number;
}

/** A parsed record: the YAML tree, its plain data and the Markdown body. */
export interface ParsedRecord {
  /** The YAML document, with source ranges relative to `yamlOffset`. */
  doc: Document.Parsed;
  /** Converts an offset inside the YAML text to a place in the file. */
  placeOf: (offset: number) => Place;
  /** The frontmatter as plain values (timestamps as `Date`, as the site's parser reads them). */
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
  if (!FENCE.test(lines[0]?.text ?? '')) {
    return fail('frontmatter-missing', 'Missing frontmatter, expected the file to start with a `---` line', start);
  }
  const closing = lines.findIndex((line, index) => index > 0 && FENCE.test(line.text));
  if (closing === -1) return fail('frontmatter-missing', 'Missing closing `---` line of the frontmatter', start);

  const yamlStart = lines[1]!.offset;
  const yaml = text.slice(yamlStart, lines[closing]!.offset);
  const lineCounter = new LineCounter();
  // Read YAML as the site does (js-yaml): timestamps become dates, `<<` merge keys merge.
  const doc = parseDocument(yaml, { lineCounter, prettyErrors: false, customTags: ['timestamp'], merge: true });
  const placeOf = (offset: number): Place => {
    const { line, col } = lineCounter.linePos(Math.max(0, Math.min(offset, yaml.length)));
    return { line: line + 1, column: col };
  };
  if (doc.errors.length > 0) {
    // One message per place: the parser often reports one slip twice (as two error codes).
    const seen = new Set<number>();
    const errors = doc.errors.filter((error) => !seen.has(error.pos[0]) && seen.add(error.pos[0]));
    return { ok: false, failures: errors.map((error) => ({ ruleId: 'yaml-syntax' as const, reason: yamlReason(error, yaml), place: placeOf(yamlOffset(error, yaml)) })) };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    const alias = firstAliasOffset(doc);
    const place = alias === undefined ? { line: 2, column: 1 } : placeOf(alias);
    const message = error instanceof Error ? error.message : String(error);
    const reason = /excessive alias count/i.test(message)
      ? `Too many YAML alias expansions (over ${MAX_YAML_ALIASES}), refusing a possible alias bomb`
      : `Invalid YAML: ${message}`;
    return fail('yaml-syntax', reason, place);
  }
  const next = lines[closing + 1];
  return { ok: true, record: { doc, placeOf, data, body: next ? text.slice(next.offset) : '', bodyLine: closing + 2 } };
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

/** Where to point for a YAML error: an unclosed quote at its opening quote, others where the parser stopped. */
function yamlOffset(error: YAMLError, yaml: string): number {
  const quote = /^Missing closing (["'])quote$/.exec(error.message)?.[1];
  const opening = quote ? yaml.lastIndexOf(quote, error.pos[0] - 1) : -1;
  return opening >= 0 ? opening : error.pos[0];
}

/** A YAML error in words an author can act on. */
function yamlReason(error: YAMLError, yaml: string): string {
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return 'Unexpected tab in indentation, YAML is indented with spaces';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'Unexpected `key: value` here: quote a value that contains `: ` (`title: "a: b"`), or indent the field like the ones above it';
    case 'BAD_SCALAR_START': {
      const char = yaml.slice(error.pos[0], error.pos[0] + 1);
      return `Unexpected \`${char}\` at the start of a value, quote the value`;
    }
    case 'MISSING_CHAR':
      return `Invalid YAML: ${error.message.replace(/^Missing closing (["'])quote$/, 'missing closing `$1`')}`;
    case 'DUPLICATE_KEY': {
      const key = /^[^:\n]*/.exec(yaml.slice(error.pos[0]))?.[0].trim().replace(/^["']|["']$/g, '');
      return key ? `Duplicate field \`${key}\`, each field may appear once` : 'Duplicate field, each field may appear once';
    }
    default:
      // The parser turns a stack overflow on absurd nesting into an error; say what it means.
      return /call stack/i.test(error.message) ? 'Invalid YAML: nested too deeply' : `Invalid YAML: ${error.message}`;
  }
}

function firstAliasOffset(doc: Document.Parsed): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}
