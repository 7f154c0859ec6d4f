/**
 * The site's settings, in one place: `precedent.config.json` at the project
 * root, each field overridable by an environment variable (for CI, previews
 * and tests). Read by `astro.config.mjs`, the pages and the command-line tools.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** The configuration file's name, at the project root. */
export const CONFIG_FILE = 'precedent.config.json';

/** The settings and their defaults. */
export const configSchema = z
  .object({
    /** The site's name, shown in every header and title. */
    siteName: z.string().min(1).default('Precedent'),
    /** Public URL the site is served from (canonical and hreflang links); no trailing path beyond the base. */
    siteUrl: z.url({ protocol: /^https?$/ }).optional(),
    /** Path the site is served under, e.g. `/precedent/` on GitHub Pages project sites. */
    base: z.string().default('/'),
    /** Repository web URL for "edit this record" links (GitHub, GitLab, Gitea or Forgejo layout). */
    repoUrl: z.url({ protocol: /^https?$/ }).optional(),
    /** Branch the edit links point at. */
    repoBranch: z.string().min(1).default('main'),
    /** UI language for `/` when the browser states no preference. */
    defaultLang: z.enum(['zh', 'en']).default('zh'),
    /** The records folder, relative to the project root. */
    contentDir: z.string().min(1).default('content/incidents'),
  })
  .strict();

/** Settings after defaults. */
export type PrecedentConfig = z.output<typeof configSchema>;

/** Environment variables that override a field. */
export const CONFIG_ENV = {
  siteName: 'PRECEDENT_SITE_NAME',
  siteUrl: 'PRECEDENT_SITE_URL',
  base: 'PRECEDENT_BASE',
  repoUrl: 'PRECEDENT_REPO_URL',
  repoBranch: 'PRECEDENT_REPO_BRANCH',
  defaultLang: 'PRECEDENT_DEFAULT_LANG',
  contentDir: 'PRECEDENT_CONTENT',
} as const satisfies Record<keyof PrecedentConfig, string>;

/** A configuration that cannot be used: the message names the file or variable and the field. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads `precedent.config.json` below `root` (absent is fine) and applies the
 * environment's overrides. Throws `ConfigError` with a one-line message.
 */
export function loadConfig(root: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): PrecedentConfig {
  const file = path.join(root, CONFIG_FILE);
  let raw: Record<string, unknown> = {};
  if (existsSync(file)) {
    try {
      raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new ConfigError(`${CONFIG_FILE}: not valid JSON (${(error as Error).message})`);
    }
  }
  for (const [field, name] of Object.entries(CONFIG_ENV)) {
    const value = env[name];
    if (value !== undefined && value !== '') raw[field] = value;
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? '');
    const source = field in CONFIG_ENV && env[CONFIG_ENV[field as keyof PrecedentConfig]] ? CONFIG_ENV[field as keyof PrecedentConfig] : CONFIG_FILE;
    throw new ConfigError(`${source}: \`${field || '(root)'}\`: ${issue.message}`);
  }
  return parsed.data;
}
