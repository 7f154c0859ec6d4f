/**
 * precedent:unknown-field — a field the schema does not know, with the
 * closest known name when it looks like a typo ("did you mean").
 */
import { UNKNOWN_FIELD } from '../../records/check-record.ts';
import type { Rule } from '../types.ts';

/** Rule id, without the `precedent:` prefix. */
export { UNKNOWN_FIELD };

export const unknownField: Rule = {
  id: UNKNOWN_FIELD,
  check(context) {
    for (const issue of context.schemaIssues) {
      if (issue.kind !== 'unknown-field') continue;
      context.report({ message: issue.message, place: context.locate(issue.path, 'key'), severity: 'error' });
    }
  },
};
