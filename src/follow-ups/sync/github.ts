/**
 * Reads a GitHub issue's state: `GET {api}/repos/{owner}/{repo}/issues/{number}`
 * (REST API 2022-11-28), which answers `state` (`open`/`closed`) and
 * `state_reason` (`completed`, `not_planned`, `duplicate`, `reopened` or null).
 */
import type { GitHubIssueRef } from '../tracker-link.ts';
import { fetchWithTimeout, quoteBody, TrackerError } from './tracker-error.ts';

/** GitHub's public REST API. */
export const GITHUB_API = 'https://api.github.com';
/** Environment variable that points the sync at another API root (GitHub Enterprise, or a test server). */
export const GITHUB_API_ENV = 'PRECEDENT_GITHUB_API';
/** Environment variables a GitHub token is read from, first set wins. */
export const GITHUB_TOKEN_ENVS = ['GITHUB_TOKEN', 'GH_TOKEN'] as const;
/** The REST API version asked for. */
export const GITHUB_API_VERSION = '2022-11-28';

/** What the sync needs of a GitHub issue. */
export interface GitHubIssueState {
  state: 'open' | 'closed';
  stateReason: string | null;
  /** For a pull request: whether it was merged. */
  merged?: boolean;
}

/** Settings for reading GitHub. */
export interface GitHubOptions {
  token: string;
  /** API root; default {@link GITHUB_API}. */
  api?: string;
  fetch?: typeof fetch;
}

/** The state of one issue or pull request. Throws `TrackerError` with a message naming the issue. */
export async function fetchGitHubIssue(ref: GitHubIssueRef, options: GitHubOptions): Promise<GitHubIssueState> {
  const api = (options.api ?? GITHUB_API).replace(/\/+$/, '');
  const name = `${ref.owner}/${ref.repo}#${ref.number}`;
  const url = `${api}/repos/${encodeURIComponent(ref.owner)}/${encodeURIComponent(ref.repo)}/issues/${ref.number}`;
  const response = await fetchWithTimeout(
    options.fetch ?? fetch,
    url,
    {
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${options.token}`,
        'x-github-api-version': GITHUB_API_VERSION,
        'user-agent': 'precedent-actions-sync',
      },
    },
    `GitHub ${name}`,
  );
  const body = await response.text();
  if (response.status === 429 || (response.status === 403 && (response.headers.get('x-ratelimit-remaining') === '0' || response.headers.has('retry-after')))) {
    throw new TrackerError('rate-limit', `GitHub ${name}: rate limit reached (HTTP ${response.status})${resetNote(response)}; try again later`);
  }
  if (response.status === 401 || response.status === 403) {
    throw new TrackerError('auth', `GitHub ${name}: the token was refused (HTTP ${response.status}: ${quoteBody(messageOf(body))}); check GITHUB_TOKEN and its access to ${ref.owner}/${ref.repo}`);
  }
  if (response.status === 404 || response.status === 410) {
    throw new TrackerError('not-found', `GitHub ${name}: no such issue (HTTP ${response.status}), or the token cannot see it`);
  }
  if (!response.ok) throw new TrackerError('bad-response', `GitHub ${name}: HTTP ${response.status}: ${quoteBody(messageOf(body))}`);
  let data: { state?: unknown; state_reason?: unknown; pull_request?: { merged_at?: unknown } | null };
  try {
    data = JSON.parse(body) as typeof data;
  } catch {
    throw new TrackerError('bad-response', `GitHub ${name}: the answer is not JSON: ${quoteBody(body)}`);
  }
  if (data.state !== 'open' && data.state !== 'closed') {
    throw new TrackerError('bad-response', `GitHub ${name}: the answer has no \`state\` of \`open\` or \`closed\``);
  }
  return {
    state: data.state,
    stateReason: typeof data.state_reason === 'string' ? data.state_reason : null,
    ...(data.pull_request ? { merged: typeof data.pull_request.merged_at === 'string' } : {}),
  };
}

function messageOf(body: string): string {
  try {
    const parsed = JSON.parse(body) as { message?: unknown };
    return typeof parsed.message === 'string' ? parsed.message : body;
  } catch {
    return body;
  }
}

function resetNote(response: Response): string {
  const reset = Number(response.headers.get('x-ratelimit-reset'));
  if (Number.isFinite(reset) && reset > 0) return `, resets at ${new Date(reset * 1000).toISOString().replace('.000', '')}`;
  const after = response.headers.get('retry-after');
  return after ? `, retry after ${after} s` : '';
}
