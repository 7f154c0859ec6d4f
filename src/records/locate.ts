/**
 * Maps a path in the frontmatter data (`['impact', 'metrics', 2, 'value']`) to
 * the place in the file where an author should look.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { ParsedRecord, Place } from './frontmatter.ts';

/** Where to point: at the field's key, or at its value. */
export type Target = 'key' | 'value';

/** The place of the opening `---`, used for problems with the record as a whole. */
export const RECORD_START: Place = { line: 1, column: 1 };

/**
 * Finds the key or value at `path`. Where the path does not exist (a missing
 * field) it points at the key of the deepest field that does, or at the
 * opening `---` for a missing top-level field.
 */
export function locate(record: ParsedRecord, path: readonly PropertyKey[], target: Target = 'value'): Place {
  const found = walk(record.doc, path);
  if (!found.complete) return found.key === undefined ? RECORD_START : record.placeOf(found.key);
  const offset = target === 'key' ? (found.key ?? found.value) : (found.value ?? found.key);
  return offset === undefined ? RECORD_START : record.placeOf(offset);
}

/** Offsets of the key and value at the end of `path`, as far as it exists. */
function walk(doc: Document.Parsed, path: readonly PropertyKey[]): { complete: boolean; key?: number; value?: number } {
  let node: unknown = doc.contents;
  let key: number | undefined;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return { complete: false, key };
      key = (pair.key as Node).range?.[0];
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      node = node.items[segment];
      key = (node as Node | null)?.range?.[0] ?? key;
    } else {
      return { complete: false, key };
    }
  }
  const value = (node as Node | null)?.range?.[0];
  return { complete: true, key, value };
}

/** The author's own text of the scalar at `path` (e.g. a time as written), if there is one. */
export function sourceText(record: ParsedRecord, path: readonly PropertyKey[]): string | undefined {
  const node = record.doc.getIn(path, true);
  return isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
}
