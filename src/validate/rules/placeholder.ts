/**
 * precedent:placeholder — `npm run new` fills required text with `TODO: …`
 * guidance and marks the record `draft: true`. Such text is fine in a draft;
 * a record published (`draft: false`) with it left in is an error.
 */
import { formatPath } from '../../schema/messages.ts';
import { isMapping } from '../../records/data.ts';
import type { Rule } from '../types.ts';

/** Rule id, without the `precedent:` prefix. */
export const PLACEHOLDER = 'placeholder';

/** How template text starts; the scaffold writes it, this rule looks for it. */
export const PLACEHOLDER_MARK = 'TODO:';

export const placeholder: Rule = {
  id: PLACEHOLDER,
  check(context) {
    if (context.data.draft === true) return;
    for (const path of placeholderPaths(context.data)) {
      context.report({
        message: `Unexpected template text in \`${formatPath(path)}\`, replace it or keep \`draft: true\``,
        place: context.locate(path, 'value'),
        severity: 'error',
      });
    }
  },
};

/** Paths of every string value starting with {@link PLACEHOLDER_MARK}, depth-first. */
export function placeholderPaths(data: unknown): PropertyKey[][] {
  const found: PropertyKey[][] = [];
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: data, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string' && value.trimStart().startsWith(PLACEHOLDER_MARK)) found.push(path);
    else if (Array.isArray(value)) for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
    else if (isMapping(value)) for (const key of Object.keys(value).reverse()) stack.push({ value: value[key], path: [...path, key] });
  }
  return found;
}
