/**
 * Reads a Jira issue's status: `GET {site}/rest/api/3/issue/{key}?fields=status,resolution`
 * (Jira Cloud REST v3; Data Center answers the same shape on v2). The
 * status's `statusCategory.key` is `new`, `indeterminate` or `done`.
 */
import type { JiraIssueRef } from '../tracker-link.ts';
import { fetchWithTimeout, quoteBody, TrackerError } from './tracker-error.ts';

/** Environment variable that points every Jira link at another API root (a proxy, or a test server). */
export const JIRA_API_ENV = 'PRECEDENT_JIRA_API';
/** The API token (Jira Cloud) or personal access token (Data Center). */
export const JIRA_TOKEN_ENV = 'JIRA_API_TOKEN';
/** The account e-mail; with it the token is sent as Basic auth (Jira Cloud), without it as a Bearer token. */
export const JIRA_EMAIL_ENV = 'JIRA_EMAIL';

/** What the sync needs of a Jira issue. */
export interface JiraIssueState {
  /** `new`, `indeterminate`, `done` (or `undefined` for a category Jira does not document). */
  category: 'new' | 'indeterminate' | 'done' | undefined;
  /** The workflow status's name, e.g. `In Review`. */
  statusName: string;
  /** The resolution's name when resolved, e.g. `Done` or `Won't Do`. */
  resolution: string | null;
}

/** Settings for reading Jira. */
export interface JiraOptions {
  token: string;
  email?: string;
  /** API root used instead of the link's own site. */
  api?: string;
  fetch?: typeof fetch;
}

/** The status of one issue. Throws `TrackerError` with a message naming the issue. */
export async function fetchJiraIssue(ref: JiraIssueRef, options: JiraOptions): Promise<JiraIssueState> {
  const api = (options.api ?? ref.site).replace(/\/+$/, '');
  const url = `${api}/rest/api/3/issue/${encodeURIComponent(ref.key)}?fields=status,resolution`;
  const authorization = options.email
    ? `Basic ${Buffer.from(`${options.email}:${options.token}`).toString('base64')}`
    : `Bearer ${options.token}`;
  const name = `Jira ${ref.key}`;
  const response = await fetchWithTimeout(options.fetch ?? fetch, url, { headers: { accept: 'application/json', authorization } }, name);
  const body = await response.text();
  if (response.status === 429) {
    const after = response.headers.get('retry-after');
    throw new TrackerError('rate-limit', `${name}: rate limit reached (HTTP 429)${after ? `, retry after ${after} s` : ''}; try again later`);
  }
  if (response.status === 401 || response.status === 403) {
    throw new TrackerError('auth', `${name}: the token was refused (HTTP ${response.status}); check ${JIRA_TOKEN_ENV}${options.email ? ` and ${JIRA_EMAIL_ENV}` : ` (Jira Cloud also needs ${JIRA_EMAIL_ENV})`}`);
  }
  if (response.status === 404) throw new TrackerError('not-found', `${name}: no such issue (HTTP 404), or the token cannot see it`);
  if (!response.ok) throw new TrackerError('bad-response', `${name}: HTTP ${response.status}: ${quoteBody(body)}`);
  let data: { fields?: { status?: { name?: unknown; statusCategory?: { key?: unknown } }; resolution?: { name?: unknown } | null } };
  try {
    data = JSON.parse(body) as typeof data;
  } catch {
    throw new TrackerError('bad-response', `${name}: the answer is not JSON: ${quoteBody(body)}`);
  }
  const status = data.fields?.status;
  if (!status || typeof status.name !== 'string') throw new TrackerError('bad-response', `${name}: the answer has no \`fields.status\``);
  const key = status.statusCategory?.key;
  return {
    category: key === 'new' || key === 'indeterminate' || key === 'done' ? key : undefined,
    statusName: status.name,
    resolution: typeof data.fields?.resolution?.name === 'string' ? data.fields.resolution.name : null,
  };
}
