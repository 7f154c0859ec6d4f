/**
 * An import report as text: one line per draft (with its attention items and
 * validator messages), per skipped line or file, and the summary line.
 */
import { formatProblem } from '../records/problem.ts';
import type { ImportReport } from './run-import.ts';

/** `242 lines: 233 written, 9 duplicates, 0 malformed, 0 existing`, with files and failures when there are any. */
export function formatSummary(report: ImportReport): string {
  const { counts } = report;
  const scope = [counts.files ? `${counts.files} file${counts.files === 1 ? '' : 's'}` : '', counts.lines ? `${counts.lines} line${counts.lines === 1 ? '' : 's'}` : '']
    .filter(Boolean)
    .join(' + ') || '0 files';
  const parts = [
    `${counts.written} ${report.dryRun ? 'would be written' : 'written'}`,
    `${counts.duplicates} duplicate${counts.duplicates === 1 ? '' : 's'}`,
    `${counts.malformed} malformed`,
    `${counts.existing} existing`,
  ];
  if (counts.failed) parts.push(`${counts.failed} failed`);
  return `${scope}: ${parts.join(', ')}${report.dryRun ? ' (dry run: nothing written)' : ''}`;
}

/** Lines for stdout (drafts) and stderr (what was skipped or failed). */
export function formatItems(report: ImportReport): { out: string[]; err: string[] } {
  const out: string[] = [];
  // Unreadable records in the output folder first: the reader refused them, nothing in them ran.
  const err: string[] = report.unreadable.map((problem) => `${formatProblem(problem)} (existing record not read)`);
  for (const item of report.items) {
    if (item.type === 'written') {
      out.push(`${report.dryRun ? 'would write' : 'wrote'} ${item.file}  (from ${item.origin})`);
      for (const note of item.attention) out.push(`  ! ${note}`);
      for (const message of item.validation) out.push(`  validate ${message}`);
    } else {
      err.push(`${item.origin}: ${item.type === 'failed' ? 'error' : item.type}: ${item.message}`);
    }
  }
  return { out, err };
}
