/**
 * Shapes shared by the validator's modules: rules, what they see, what they report.
 */
import type { FriendlyIssue } from '../schema/messages.ts';
import type { ParsedRecord, Place } from '../records/frontmatter.ts';
import type { Target } from '../records/locate.ts';
import type { Problem, Severity } from '../records/problem.ts';
import type { SeverityMapsRead } from '../records/severity-maps.ts';

export { RULE_SOURCE, type Problem, type Severity } from '../records/problem.ts';

/** A record known to the run, for rules that look across files. */
export interface KnownRecord {
  /** Path as printed. */
  file: string;
  /** Absolute path, for resolving links. */
  absolute: string;
  /** The frontmatter `id`, when it is a string. */
  id?: string;
  /** Where the `id` value is. */
  idPlace?: Place;
}

/** Everything a rule sees about one record. */
export interface RuleContext {
  /** Path as printed. */
  file: string;
  /** Absolute path. */
  absolute: string;
  record: ParsedRecord;
  /** The frontmatter as plain data; `{}` when empty. */
  data: Record<string, unknown>;
  /** Schema problems of this record, parsed once and shared. */
  schemaIssues: readonly FriendlyIssue[];
  /** Every record of the run (including this one), for cross-file rules. */
  corpus: readonly KnownRecord[];
  /** The records folder's severity maps (none without a records folder or a maps file). */
  severityMaps: SeverityMapsRead;
  /** Place of the key or value at a frontmatter path. */
  locate(path: readonly PropertyKey[], target?: Target): Place;
  /** Reports a problem. */
  report(problem: { message: string; place: Place; severity: Severity; cause?: Problem['cause'] }): void;
}

/** A rule: an id (without the `precedent:` prefix) and its check. */
export interface Rule {
  id: string;
  check(context: RuleContext): void;
}
