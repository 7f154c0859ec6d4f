/**
 * precedent:frontmatter-schema — every value the record schema rejects, and
 * every required field that is missing, one message each.
 */
import { FRONTMATTER_SCHEMA } from '../../records/read-record.ts';
import { formatPath } from '../../schema/messages.ts';
import { impossibleDates } from '../impossible-dates.ts';
import type { Rule } from '../types.ts';
import { isActionStatusMissing } from './action-item.ts';

/** Rule id, without the `precedent:` prefix. */
export { FRONTMATTER_SCHEMA };

export const frontmatterSchema: Rule = {
  id: FRONTMATTER_SCHEMA,
  check(context) {
    for (const issue of context.schemaIssues) {
      // Unknown fields and action item statuses have rules of their own.
      if (issue.kind === 'unknown-field' || isActionStatusMissing(issue)) continue;
      context.report({ message: issue.message, place: context.locate(issue.path, 'value'), severity: 'error' });
    }
    // The schema sees `2024-02-30` only after `Date` has rolled it over to March.
    const reported = new Set(context.schemaIssues.map((issue) => formatPath(issue.path)));
    for (const { path, text } of impossibleDates(context.record.doc)) {
      if (reported.has(formatPath(path))) continue;
      context.report({
        message: `Unexpected \`${text}\` for \`${formatPath(path)}\`, expected a date that exists in the calendar`,
        place: context.locate(path, 'value'),
        severity: 'error',
      });
    }
  },
};
