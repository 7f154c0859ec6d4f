/**
 * precedent:action-item — every action item needs a `status` (error) and
 * should name an owning team or role (warning).
 */
import { formatPath, type FriendlyIssue } from '../../schema/messages.ts';
import { ACTION_STATUSES } from '../../schema/taxonomy.ts';
import { isMapping, listAt } from '../../records/data.ts';
import type { Rule } from '../types.ts';

/** Rule id, without the `precedent:` prefix. */
export const ACTION_ITEM = 'action-item';

/** Whether a schema issue is a missing `actionItems[n].status`, which this rule reports. */
export function isActionStatusMissing(issue: FriendlyIssue): boolean {
  const [list, index, field] = issue.path;
  return issue.kind === 'missing' && issue.path.length === 3 && list === 'actionItems' && typeof index === 'number' && field === 'status';
}

export const actionItem: Rule = {
  id: ACTION_ITEM,
  check(context) {
    for (const issue of context.schemaIssues) {
      if (!isActionStatusMissing(issue)) continue;
      const item = formatPath(issue.path.slice(0, 2));
      context.report({
        message: `Missing \`status\` for action item \`${item}\`, expected one of ${ACTION_STATUSES.map((status) => `\`${status}\``).join(', ')}`,
        place: context.locate(issue.path.slice(0, 2), 'value'),
        severity: 'error',
      });
    }
    listAt(context.data, ['actionItems']).forEach((item, index) => {
      if (!isMapping(item) || 'owner' in item) return;
      const path = ['actionItems', index];
      context.report({
        message: `Missing \`owner\` for action item \`${formatPath(path)}\`, expected the owning team or role`,
        place: context.locate(path, 'value'),
        severity: 'warning',
      });
    });
  },
};
