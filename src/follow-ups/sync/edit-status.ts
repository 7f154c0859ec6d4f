/**
 * Changes one action item's `status` in a record's text by replacing only the
 * characters of that scalar, so every other byte — comments, quoting, key
 * order, flow or block style, line ends — stays as the author wrote it.
 */
import { isScalar } from 'yaml';
import type { ActionStatus } from '../../schema/taxonomy.ts';
import { parseRecordText, type Place } from '../../validate/index.ts';

/** An edit that could not be made, with where to look. */
export class EditError extends Error {
  override name = 'EditError';
  /** Where in the file the problem is. */
  readonly place: Place;
  constructor(message: string, place: Place = { line: 1, column: 1 }) {
    super(message);
    this.place = place;
  }
}

/** Where the status scalar of `actionItems[index]` is in `text`, and how it is written. */
export interface StatusSpot {
  /** Offsets in `text` of the scalar's first character and the one after its last. */
  start: number;
  end: number;
  /** Its value as the file has it. */
  value: string;
  place: Place;
}

/** Finds the `status` scalar of `actionItems[index]`. Throws {@link EditError} when it is not a plain written scalar. */
export function findStatus(text: string, index: number): StatusSpot {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const parsed = parseRecordText(text.slice(bom));
  if (!parsed.ok) throw new EditError(`cannot parse the frontmatter: ${parsed.failures[0]!.reason}`, parsed.failures[0]!.place);
  const node = parsed.record.doc.getIn(['actionItems', index, 'status'], true);
  if (!isScalar(node) || !node.range) throw new EditError(`\`actionItems[${index}].status\` is not a value written in the file (an alias or merge?); edit it by hand`);
  const place = parsed.record.placeOf(node.range[0]);
  // The YAML text starts after the first line (`---`); offsets in it map to the file via the line and column.
  const start = bom + offsetOf(text.slice(bom), place);
  const end = start + (node.range[1] - node.range[0]);
  return { start, end, value: String(node.value), place };
}

/** `text` with `actionItems[index].status` set to `status`, in the scalar's own quoting style. */
export function setActionStatus(text: string, index: number, status: ActionStatus): string {
  const spot = findStatus(text, index);
  const written = text.slice(spot.start, spot.end);
  const quote = written.startsWith("'") ? "'" : written.startsWith('"') ? '"' : '';
  const replacement = `${quote}${status}${quote}`;
  const next = `${text.slice(0, spot.start)}${replacement}${text.slice(spot.end)}`;
  // Re-read to be sure the edit landed where intended.
  const check = findStatus(next, index);
  if (check.value !== status) throw new EditError(`editing \`actionItems[${index}].status\` did not take; edit it by hand`, spot.place);
  return next;
}

function offsetOf(text: string, place: Place): number {
  let offset = 0;
  for (let line = 1; line < place.line; line += 1) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return offset + place.column - 1;
}
