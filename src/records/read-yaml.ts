/**
 * Frontmatter YAML as the site reads it (Astro's js-yaml): timestamps become
 * dates and `<<` merge keys merge. One reader for the CLI, matcher build and
 * importer, so a record means the same everywhere.
 */
import { parseDocument } from 'yaml';
import { MAX_YAML_ALIASES } from '../validate/frontmatter.ts';

/** Parses one frontmatter block; throws with the parser's first message on bad YAML or an alias bomb. */
export function readYaml(text: string): object {
  const doc = parseDocument(text, { customTags: ['timestamp'], merge: true, prettyErrors: false });
  const first = doc.errors[0];
  if (first) throw new Error(`Invalid YAML: ${first.message}`);
  const data: unknown = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  return data !== null && typeof data === 'object' ? data : {};
}
