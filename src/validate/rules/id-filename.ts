/**
 * precedent:id-filename — a record's file is named after its id,
 * `<date>-<id>.md` (as `npm run new` writes it) or `<id>.md`, so a reader of
 * the folder finds the record a URL names. A warning: renaming is cheap later.
 */
import path from 'node:path';
import type { Rule } from '../types.ts';

/** Rule id, without the `precedent:` prefix. */
export const ID_FILENAME = 'id-filename';

export const idFilename: Rule = {
  id: ID_FILENAME,
  check(context) {
    const { id, date } = context.data;
    if (typeof id !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) return;
    const name = path.basename(context.file);
    const expected = [`${id}.md`];
    const day = typeof date === 'string' ? date : date instanceof Date ? date.toISOString().slice(0, 10) : undefined;
    if (day) expected.unshift(`${day}-${id}.md`);
    if (expected.includes(name)) return;
    context.report({
      message: `Unexpected file name \`${name}\` for id \`${id}\`, expected ${expected.map((n) => `\`${n}\``).join(' or ')}`,
      place: context.locate(['id'], 'value'),
      severity: 'warning',
    });
  },
};
