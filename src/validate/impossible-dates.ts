/**
 * Finds times and dates that name a day the calendar does not have, such as
 * `2024-02-30`. JavaScript's `Date` (and the YAML timestamp type) silently
 * rolls them over to the next month, so the schema alone cannot see them.
 */
import { isMap, isPair, isScalar, isSeq, visit, type Document } from 'yaml';

const DAY = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;

/** A date-like scalar naming an impossible day: its frontmatter path and text. */
export interface ImpossibleDate {
  path: PropertyKey[];
  text: string;
}

/** Whether `YYYY-MM-DD` at the start of `text` names a real day; `undefined` when it is not date-like. */
export function isRealDay(text: string): boolean | undefined {
  const match = DAY.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Every scalar in the document whose text starts with an impossible `YYYY-MM-DD`. */
export function impossibleDates(doc: Document.Parsed): ImpossibleDate[] {
  const found: ImpossibleDate[] = [];
  visit(doc, {
    Scalar(key, node, ancestors) {
      if (key === 'key') return;
      const text = typeof node.source === 'string' ? node.source : typeof node.value === 'string' ? node.value : undefined;
      if (text === undefined || isRealDay(text) !== false) return;
      found.push({ path: dataPath([...ancestors, node]), text });
    },
  });
  return found;
}

/** The data path of a node from its ancestors: map keys and list indexes. */
function dataPath(chain: readonly unknown[]): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let i = 0; i < chain.length - 1; i++) {
    const node = chain[i];
    const child = chain[i + 1];
    if (isPair(node) && child === node.value && isScalar(node.key)) path.push(String(node.key.value));
    else if (isSeq(node)) path.push(node.items.indexOf(child as never));
    else if (isMap(node) || isPair(node)) continue;
  }
  return path;
}
