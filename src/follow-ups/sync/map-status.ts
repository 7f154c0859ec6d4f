/**
 * From a tracker's answer to an action item's `status`. A tracker that says
 * "still open" leaves `open` and `in-progress` as the author set them (GitHub
 * has no "in progress"), but reopens an item recorded as closed.
 */
import type { ActionStatus } from '../../schema/taxonomy.ts';
import type { GitHubIssueState } from './github.ts';
import type { JiraIssueState } from './jira.ts';

/** GitHub `state_reason`s that mean the work will not be done. */
const GITHUB_NOT_DONE = new Set(['not_planned', 'duplicate']);
/** Jira resolutions (lower case) that mean the work will not be done. */
const JIRA_NOT_DONE = new Set(["won't do", "won't fix", 'wont do', 'wont fix', 'duplicate', 'declined', 'cannot reproduce', 'obsolete', 'rejected']);

/** The status an item should have, given its current one and its GitHub issue. */
export function statusFromGitHub(current: ActionStatus, issue: GitHubIssueState): ActionStatus {
  if (issue.state === 'open') return current === 'done' || current === 'wont-do' ? 'open' : current;
  if (issue.merged === false) return 'wont-do'; // a pull request closed without merging
  return issue.stateReason !== null && GITHUB_NOT_DONE.has(issue.stateReason) ? 'wont-do' : 'done';
}

/** The status an item should have, given its current one and its Jira issue. */
export function statusFromJira(current: ActionStatus, issue: JiraIssueState): ActionStatus {
  switch (issue.category) {
    case 'new':
      return 'open';
    case 'indeterminate':
      return 'in-progress';
    case 'done':
      return issue.resolution !== null && JIRA_NOT_DONE.has(issue.resolution.toLowerCase()) ? 'wont-do' : 'done';
    default:
      return current;
  }
}

/** A short reading of the tracker's answer, e.g. `closed (completed)` or `In Review (indeterminate)`. */
export function describeGitHub(issue: GitHubIssueState): string {
  if (issue.merged !== undefined && issue.state === 'closed') return issue.merged ? 'merged' : 'closed unmerged';
  return issue.stateReason ? `${issue.state} (${issue.stateReason})` : issue.state;
}

/** See {@link describeGitHub}. */
export function describeJira(issue: JiraIssueState): string {
  return `${issue.statusName} (${issue.category ?? 'unknown category'}${issue.resolution ? `, ${issue.resolution}` : ''})`;
}
