/**
 * precedent:timeline-order — timeline events are listed oldest first; an
 * event earlier than the one before it is usually a mistyped time.
 */
import { formatPath } from '../../schema/messages.ts';
import { isMapping, listAt, timeOf } from '../../records/data.ts';
import { sourceText } from '../../records/locate.ts';
import type { Rule } from '../types.ts';

/** Rule id, without the `precedent:` prefix. */
export const TIMELINE_ORDER = 'timeline-order';

export const timelineOrder: Rule = {
  id: TIMELINE_ORDER,
  check(context) {
    const shown = (path: PropertyKey[], date: Date) => sourceText(context.record, path) ?? date.toISOString();
    let previous: { at: Date; index: number } | undefined;
    listAt(context.data, ['timeline']).forEach((event, index) => {
      const raw = isMapping(event) ? event.at : undefined;
      const at = timeOf(raw);
      if (!at) return;
      if (previous && at.getTime() < previous.at.getTime()) {
        const path = ['timeline', index, 'at'];
        context.report({
          message: `Unexpected \`${formatPath(path)}\` (\`${shown(path, at)}\`) before \`${formatPath(['timeline', previous.index, 'at'])}\` (\`${shown(['timeline', previous.index, 'at'], previous.at)}\`), expected events oldest first`,
          place: context.locate(path, 'value'),
          severity: 'error',
        });
        return; // keep comparing with the latest time seen, so one slip is one message
      }
      previous = { at, index };
    });
  },
};
