/**
 * precedent:frontmatter-schema — every value the record schema rejects, and
 * every required field that is missing, one message each.
 */
import type { Rule } from '../types.ts';
import { isActionStatusMissing } from './action-item.ts';

/** Rule id, without the `precedent:` prefix. */
export const FRONTMATTER_SCHEMA = 'frontmatter-schema';

export const frontmatterSchema: Rule = {
  id: FRONTMATTER_SCHEMA,
  check(context) {
    for (const issue of context.schemaIssues) {
      // Unknown fields and action item statuses have rules of their own.
      if (issue.kind === 'unknown-field' || isActionStatusMissing(issue)) continue;
      context.report({ message: issue.message, place: context.locate(issue.path, 'value'), severity: 'error' });
    }
  },
};
