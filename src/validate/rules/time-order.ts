/**
 * precedent:time-order — times that contradict each other: detected,
 * reported, mitigated or resolved before started; resolved before mitigated;
 * a metric window that ends before it starts.
 */
import { formatPath } from '../../schema/messages.ts';
import { listAt, timeOf, valueAt } from '../../records/data.ts';
import { sourceText } from '../../records/locate.ts';
import type { Rule, RuleContext } from '../types.ts';

/** Rule id, without the `precedent:` prefix. */
export const TIME_ORDER = 'time-order';

/** Pairs of `times` fields: the first must not come after the second. */
const ORDER: readonly (readonly [string, string])[] = [
  ['started', 'detected'],
  ['started', 'reported'],
  ['started', 'mitigated'],
  ['started', 'resolved'],
  ['mitigated', 'resolved'],
];

export const timeOrder: Rule = {
  id: TIME_ORDER,
  check(context) {
    for (const [earlier, later] of ORDER) compare(context, ['times', earlier], ['times', later]);
    listAt(context.data, ['impact', 'metrics']).forEach((_, index) => {
      const window = ['impact', 'metrics', index, 'window'];
      compare(context, [...window, 'start'], [...window, 'end']);
    });
  },
};

/** Reports `later` when it is a valid time before the valid time at `earlier`. */
function compare(context: RuleContext, earlier: PropertyKey[], later: PropertyKey[]): void {
  const earlierValue = valueAt(context.data, earlier);
  const laterValue = valueAt(context.data, later);
  const from = timeOf(earlierValue);
  const to = timeOf(laterValue);
  if (!from || !to || to.getTime() >= from.getTime()) return;
  context.report({
    message: `Unexpected \`${formatPath(later)}\` (\`${shown(context, later, to)}\`) before \`${formatPath(earlier)}\` (\`${shown(context, earlier, from)}\`)`,
    place: context.locate(later, 'value'),
    severity: 'error',
  });
}

/** A time as the author wrote it, or in ISO form. */
function shown(context: RuleContext, path: readonly PropertyKey[], date: Date): string {
  return sourceText(context.record, path) ?? date.toISOString();
}
