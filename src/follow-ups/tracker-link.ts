/**
 * Which tracker an action item's `link` points at: a GitHub issue or pull
 * request, or a Jira issue. Anything else is a plain link that sync leaves alone.
 */

/** A GitHub issue (or pull request: the issues API answers for both). */
export interface GitHubIssueRef {
  tracker: 'github';
  owner: string;
  repo: string;
  number: number;
}

/** A Jira issue, by key, on the site the link names. */
export interface JiraIssueRef {
  tracker: 'jira';
  /** Origin of the Jira site, e.g. `https://acme.atlassian.net`. */
  site: string;
  /** Issue key, e.g. `OPS-123`. */
  key: string;
}

/** A tracked issue. */
export type TrackerRef = GitHubIssueRef | JiraIssueRef;

/** Web hosts read as GitHub when no other is configured. */
export const GITHUB_WEB_HOSTS = ['github.com', 'www.github.com'];

const GITHUB_PATH = /^\/([A-Za-z0-9-]{1,39})\/([A-Za-z0-9._-]{1,100})\/(?:issues|pull)\/(\d{1,10})\/?$/;
const JIRA_PATH = /^(?:\/jira)?\/browse\/([A-Z][A-Z0-9_]{0,49}-\d{1,10})\/?$/;

/**
 * The tracker issue `link` names, or `undefined`. `githubHosts` adds the web
 * hosts of a GitHub Enterprise server.
 */
export function parseTrackerLink(link: string | undefined, githubHosts: readonly string[] = GITHUB_WEB_HOSTS): TrackerRef | undefined {
  if (!link || !/^https?:\/\//.test(link)) return undefined;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return undefined;
  }
  const host = url.hostname.toLowerCase();
  if (githubHosts.includes(host)) {
    const match = GITHUB_PATH.exec(url.pathname);
    return match ? { tracker: 'github', owner: match[1]!, repo: match[2]!, number: Number(match[3]) } : undefined;
  }
  const jira = JIRA_PATH.exec(url.pathname);
  if (jira) return { tracker: 'jira', site: url.origin, key: jira[1]! };
  const selected = url.searchParams.get('selectedIssue');
  if (selected && /^[A-Z][A-Z0-9_]{0,49}-\d{1,10}$/.test(selected) && /\/jira\//.test(url.pathname)) {
    return { tracker: 'jira', site: url.origin, key: selected };
  }
  return undefined;
}

/** A short name for a tracked issue: `acme/ops#12`, `OPS-123`. */
export function trackerLabel(ref: TrackerRef): string {
  return ref.tracker === 'github' ? `${ref.owner}/${ref.repo}#${ref.number}` : ref.key;
}
