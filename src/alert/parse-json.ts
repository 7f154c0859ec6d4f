/**
 * JSON.parse with a size bound and a readable error: the line and column of
 * the problem, and a hint when the text simply stops (a payload cut off by
 * a terminal or a copy).
 */

/** Largest payload read as alert JSON, in characters (a `kubectl get events -o json` of a busy cluster fits). */
export const MAX_ALERT_CHARS = 4 * 1024 * 1024;

/** A parse outcome: the value, or a one-line message. */
export type JsonParse = { ok: true; value: unknown } | { ok: false; message: string };

/** Parses `text` as JSON; never throws. */
export function parseJson(text: string, maxChars: number = MAX_ALERT_CHARS): JsonParse {
  if (text.length > maxChars) {
    return { ok: false, message: `the payload is ${formatSize(text.length)}; at most ${formatSize(maxChars)} is read as alert JSON (send fewer alerts or events)` };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: describeJsonError(text, error instanceof Error ? error.message : String(error)) };
  }
}

function describeJsonError(text: string, message: string): string {
  // V8: "… in JSON at position 7 (line 1 column 8)" or "Unexpected token ']', "[1,2,]" is not valid JSON";
  // SpiderMonkey: "JSON.parse: … at line 1 column 8 of the JSON data"; JavaScriptCore: "JSON Parse error: …".
  const reason = message
    .replace(/^JSON\.parse: |^JSON Parse error: /, '')
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/ at line \d+ column \d+.*$/s, '')
    .replace(/, (\.\.\.)?".*$/s, '');
  const position = /position (\d+)/.exec(message)?.[1];
  const stated = /line (\d+) column (\d+)/.exec(message);
  const atEnd = /end of (JSON )?(data|input)|Unterminated string/i.test(message);
  const offset = position !== undefined ? Number(position) : atEnd ? text.length : undefined;
  const truncated = atEnd || (offset !== undefined && offset >= text.trimEnd().length - 1);
  const where = offset !== undefined ? ` at ${lineColumn(text, offset)}` : stated ? ` at line ${stated[1]}, column ${stated[2]}` : '';
  return `not valid JSON${where}: ${reason}${truncated ? ' (the payload looks cut off: paste all of it)' : ''}`;
}

/** `line L, column C` (1-based) of a UTF-16 offset. */
export function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, Math.min(offset, text.length));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

function formatSize(chars: number): string {
  return chars >= 1024 * 1024 ? `${(chars / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(chars / 1024)} KB`;
}
