/** Follow-ups straight from a records folder, for the CLI and the MCP server. */
import { CONTENT_DIR, loadRecords, type LoadProblem } from '../records/load.ts';
import { collectActionItems } from './collect.ts';
import type { ActionRow } from './types.ts';

/**
 * Reads every record below `dir` and returns its action items (see
 * `collectActionItems`), with the files that could not be read.
 */
export async function loadActionItems(dir: string = CONTENT_DIR, today: string): Promise<{ rows: ActionRow[]; problems: LoadProblem[] }> {
  const { records, problems } = await loadRecords(dir);
  return { rows: collectActionItems(records, today), problems };
}
