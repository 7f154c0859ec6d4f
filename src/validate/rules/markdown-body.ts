/**
 * precedent:markdown-body — a body too costly or too deeply nested to
 * render (quadratic emphasis matching, tens of thousands of nested
 * elements). The build refuses it with the same message instead of hanging
 * or shipping an empty page. The limits are in `src/records/body-limits.ts`.
 */
import { bodyProblem, MARKDOWN_BODY } from '../../records/check-record.ts';
import type { Rule } from '../types.ts';

export { MARKDOWN_BODY };

export const markdownBody: Rule = {
  id: MARKDOWN_BODY,
  check(context) {
    const problem = bodyProblem(context.file, context.record);
    if (problem) context.report({ message: problem.message, place: problem, severity: 'error' });
  },
};
