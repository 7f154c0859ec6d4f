/**
 * The small, closed vocabularies of a record. Each list is ordered as the UI
 * shows it; labels live in `src/i18n`, meanings are documented in CONTRIBUTING.md.
 */

/** What kind of write-up a record is. */
export const KINDS = ['postmortem', 'support-case', 'known-issue', 'advisory'] as const;

/** Severity, `sev1` being the worst. */
export const SEVERITIES = ['sev1', 'sev2', 'sev3', 'sev4'] as const;

/** Where the incident stands now. */
export const STATUSES = ['ongoing', 'mitigated', 'resolved'] as const;

/**
 * Root-cause categories: the first place a reader looks, so deliberately few.
 * - `configuration`: a setting, policy or rule was wrong.
 * - `deployment`: a release, migration or rollout changed behaviour.
 * - `software-bug`: code did the wrong thing.
 * - `capacity`: a resource ran out (connections, disk, memory, quota).
 * - `network`: packets were lost, dropped, rewritten or mis-routed.
 * - `dependency`: a vendor, third-party service or device misbehaved.
 * - `hardware`: a physical component failed.
 * - `process`: a gap in a procedure, runbook or review.
 * - `security`: an attack or a security control.
 * - `unknown`: not (yet) established.
 */
export const CAUSE_CATEGORIES = [
  'configuration',
  'deployment',
  'software-bug',
  'capacity',
  'network',
  'dependency',
  'hardware',
  'process',
  'security',
  'unknown',
] as const;

/** What an action item does about the incident. */
export const ACTION_TYPES = ['mitigate', 'prevent', 'detect', 'process', 'investigate'] as const;

/** Where an action item stands. */
export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'wont-do'] as const;

/** Transport protocols a port symptom may name. */
export const PROTOCOLS = ['tcp', 'udp', 'sctp'] as const;

export type Kind = (typeof KINDS)[number];
export type Severity = (typeof SEVERITIES)[number];
export type Status = (typeof STATUSES)[number];
export type CauseCategory = (typeof CAUSE_CATEGORIES)[number];
export type ActionType = (typeof ACTION_TYPES)[number];
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export type Protocol = (typeof PROTOCOLS)[number];
