/**
 * Site settings: name, languages and the forge the records live on.
 * Read at build time only.
 */

/** The site's name, shown in every header and title. */
export const SITE_NAME = 'Precedent';

/** Placeholder forge URL used when `PRECEDENT_REPO_URL` is not set. */
export const DEFAULT_REPO_URL = 'https://github.com/precedent/precedent';

/** Branch the "edit this record" links point at. */
export const DEFAULT_REPO_BRANCH = 'main';

/** Repository web URL (no trailing slash), overridable with env `PRECEDENT_REPO_URL`. */
export const REPO_URL: string = (process.env.PRECEDENT_REPO_URL || DEFAULT_REPO_URL).replace(/\/+$/, '');

/** Branch for edit/raw links, overridable with env `PRECEDENT_REPO_BRANCH`. */
export const REPO_BRANCH: string = process.env.PRECEDENT_REPO_BRANCH || DEFAULT_REPO_BRANCH;

/** Web page to edit a repository file (GitHub/Gitea/Forgejo layout). */
export function editUrl(filePath: string): string {
  return `${REPO_URL}/edit/${REPO_BRANCH}/${encodePath(filePath)}`;
}

/** The raw file on the forge. */
export function rawUrl(filePath: string): string {
  return `${REPO_URL}/raw/${REPO_BRANCH}/${encodePath(filePath)}`;
}

function encodePath(filePath: string): string {
  return filePath.replace(/^\.?\//, '').split('/').map(encodeURIComponent).join('/');
}
