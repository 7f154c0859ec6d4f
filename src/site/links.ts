/**
 * The site's name and the links that leave it (the forge the records live
 * on, the public URL), from `precedent.config.json` and its `PRECEDENT_*`
 * overrides. Read at build time only. A link that is not configured is
 * `undefined`: the pages then leave it out rather than point at a placeholder.
 */
import { loadConfig, type PrecedentConfig, type RepoLayout } from '../config.ts';

const config = loadConfig();

/** The site's name, shown in every header and title. */
export const SITE_NAME: string = config.siteName;

/** Repository web URL (no trailing slash), or `undefined` when none is configured. */
export const REPO_URL: string | undefined = config.repoUrl;

/** Public origin the site is served from (no trailing slash), or `undefined` when none is configured. */
export const SITE_URL: string | undefined = config.siteUrl;

/** The folder the records are read from, relative to the project root. */
export const CONTENT_DIR: string = config.contentDir;

/** Path templates of each forge: `{branch}` and `{path}` are filled in, URL-encoded. */
const FORGE_PATHS: Record<RepoLayout, { edit: string; raw: string }> = {
  github: { edit: '/edit/{branch}/{path}', raw: '/raw/{branch}/{path}' },
  gitlab: { edit: '/-/edit/{branch}/{path}', raw: '/-/raw/{branch}/{path}' },
  gitea: { edit: '/_edit/{branch}/{path}', raw: '/raw/branch/{branch}/{path}' },
};

/** Web page to edit a repository file, or `undefined` without a configured repository. */
export function editUrl(filePath: string, settings: PrecedentConfig = config): string | undefined {
  return forgeUrl('edit', filePath, settings);
}

/** The raw file on the forge, or `undefined` without a configured repository. */
export function rawUrl(filePath: string, settings: PrecedentConfig = config): string | undefined {
  return forgeUrl('raw', filePath, settings);
}

/**
 * Absolute URL of a site path (one that already carries the base, as
 * `localePath` returns), or `undefined` without a configured site URL.
 */
export function absoluteUrl(sitePath: string, settings: PrecedentConfig = config): string | undefined {
  return settings.siteUrl ? new URL(sitePath, `${settings.siteUrl}/`).href : undefined;
}

function forgeUrl(kind: 'edit' | 'raw', filePath: string, settings: PrecedentConfig): string | undefined {
  if (!settings.repoUrl) return undefined;
  const template = FORGE_PATHS[settings.repoLayout ?? 'github'][kind];
  return settings.repoUrl + template.replace('{branch}', encodePath(settings.repoBranch)).replace('{path}', encodePath(filePath));
}

function encodePath(filePath: string): string {
  return filePath
    .replaceAll('\\', '/')
    .replace(/^\.?\//, '')
    .split('/')
    .map(encodeURIComponent)
    .join('/');
}
