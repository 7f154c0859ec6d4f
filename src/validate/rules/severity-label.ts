/**
 * precedent:severity-label — a record's source label that its source's
 * severity map (`severity-maps.json`) does not cover. The record still shows
 * its label unmapped, so a warning: either the map lacks a label the source
 * uses, or the label is mistyped. Sources without a map are never flagged
 * (their labels are shown as written, by design).
 */
import { isMapping } from '../../records/data.ts';
import type { Rule } from '../types.ts';

/** Rule id, without the `precedent:` prefix. */
export const SEVERITY_LABEL = 'severity-label';

export const severityLabel: Rule = {
  id: SEVERITY_LABEL,
  check(context) {
    const label = context.data.sourceSeverity;
    const system = isMapping(context.data.source) ? context.data.source.system : undefined;
    if (typeof label !== 'string' || typeof system !== 'string' || context.data.severity !== undefined) return;
    const map = context.severityMaps.maps.get(system);
    if (!map || map.has(label)) return;
    context.report({
      message: `Unexpected \`${label}\` for \`sourceSeverity\`, expected one of ${[...map.keys()].map((key) => `\`${key}\``).join(', ')} (the map of source \`${system}\` in ${context.severityMaps.file}); shown unmapped`,
      place: context.locate(['sourceSeverity'], 'value'),
      severity: 'warning',
    });
  },
};
