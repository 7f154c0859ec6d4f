/**
 * precedent:duplicate-id — two records with the same `id` would share one
 * URL; both are reported, each pointing at the other.
 */
import type { Rule } from '../types.ts';

/** Rule id, without the `precedent:` prefix. */
export const DUPLICATE_ID = 'duplicate-id';

export const duplicateId: Rule = {
  id: DUPLICATE_ID,
  check(context) {
    const id = context.data.id;
    if (typeof id !== 'string') return;
    for (const other of context.corpus) {
      if (other.id !== id || other.absolute === context.absolute) continue;
      const line = other.idPlace?.line ?? 1;
      const column = other.idPlace?.column ?? 1;
      context.report({
        message: `Duplicate id \`${id}\`, also used in \`${other.file}:${line}:${column}\``,
        place: context.locate(['id'], 'value'),
        severity: 'error',
        cause: { file: other.file, line, column },
      });
    }
  },
};
