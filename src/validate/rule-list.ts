/**
 * The rules run on every parsed record, in the order they are documented.
 * Problems found before the rules run have ids of their own:
 * `precedent:file` (cannot read: missing, a symbolic link, binary, too large),
 * `precedent:frontmatter-missing` and `precedent:yaml-syntax`; a bad
 * `severity-maps.json` in the records folder is `precedent:severity-maps`.
 */
import {
  actionItem,
  duplicateId,
  frontmatterSchema,
  idFilename,
  internalLink,
  markdownBody,
  ownerRole,
  placeholder,
  severityLabel,
  symptomsMissing,
  timelineOrder,
  timeOrder,
  unknownField,
} from './rules/index.ts';
import type { Rule } from './types.ts';

/** Rule id for files that cannot be read as text. */
export { FILE_RULE } from '../records/read-record.ts';

/** Every rule that checks a parsed record. */
export const RULES: readonly Rule[] = [
  frontmatterSchema,
  unknownField,
  duplicateId,
  idFilename,
  timeOrder,
  timelineOrder,
  actionItem,
  internalLink,
  markdownBody,
  ownerRole,
  placeholder,
  symptomsMissing,
  severityLabel,
];
