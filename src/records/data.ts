/**
 * Tolerant reads of raw frontmatter data, so semantic rules can run on the
 * parts of a record that are well-formed even when other parts are not.
 */
import { timestamp } from '../schema/record.ts';

/** The value at `path`, or `undefined` when any step is missing or of the wrong shape. */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node = data;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[segment];
  }
  return node;
}

/** The list at `path`, or an empty list. */
export function listAt(data: unknown, path: readonly PropertyKey[]): unknown[] {
  const value = valueAt(data, path);
  return Array.isArray(value) ? value : [];
}

/** A valid time as the schema reads it, or `undefined`. */
export function timeOf(value: unknown): Date | undefined {
  const parsed = timestamp.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}


/** Whether a value is a plain mapping. */
export function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
}
