/**
 * The site's settings, in one place: `precedent.config.json` at the project
 * root, each field overridable by an environment variable (for CI, previews,
 * deploys and tests). Read by `astro.config.mjs`, the pages and the
 * command-line tools. Build-time only (it reads the file system).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import jsonc from 'jsonc-parser';
import { z } from 'zod';

/** The configuration file's name, at the project root. */
export const CONFIG_FILE = 'precedent.config.json';

/** The site's name when none is configured. */
export const DEFAULT_SITE_NAME = 'Precedent';
/** The records folder when none is configured, relative to the project root. */
export const DEFAULT_CONTENT_DIR = 'content/incidents';
/** The branch edit links point at when none is configured. */
export const DEFAULT_REPO_BRANCH = 'main';
/** The UI language `/` leads to when none is configured. */
export const DEFAULT_UI_LANG = 'zh';

/** Forge URL layouts for "edit this record" and "raw file" links. */
export const REPO_LAYOUTS = ['github', 'gitlab', 'gitea'] as const;
/** A forge URL layout: GitHub, GitLab, or Gitea/Forgejo (Codeberg). */
export type RepoLayout = (typeof REPO_LAYOUTS)[number];

const httpUrl = (example: string) =>
  z
    .string()
    .trim()
    .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol) && new URL(value).hostname !== '', {
      error: `expected an absolute http(s) URL such as \`${example}\``,
    })
    .refine((value) => !URL.canParse(value) || (new URL(value).search === '' && new URL(value).hash === ''), {
      error: 'expected a URL without `?query` or `#fragment`',
    });

/** The settings and their defaults. */
export const configSchema = z
  .object({
    /** JSON Schema reference for editors; ignored. */
    $schema: z.string().optional(),
    /** The site's name, shown in every header and title. */
    siteName: z.string().trim().min(1, { error: 'expected a non-empty name' }).max(80, { error: 'expected at most 80 characters' }).default(DEFAULT_SITE_NAME),
    /**
     * Public URL the site is served from, e.g. `https://incidents.example.org`
     * (the origin; the base path is `base`). Gives every page a canonical link
     * and absolute hreflang links; without it the pages have neither.
     */
    siteUrl: httpUrl('https://incidents.example.org')
      .transform((value) => value.replace(/\/+$/, ''))
      .optional(),
    /** Path the site is served under, e.g. `/precedent/` on a GitHub Pages project site. */
    base: z
      .string()
      .trim()
      .refine((value) => value === '' || (/^[A-Za-z0-9._~\-/]*$/.test(value) && !/(^|\/)\.\.?(\/|$)/.test(value) && !value.includes('//')), {
        error: 'expected a path such as `/` or `/precedent/` (letters, digits, `-._~` and single `/`)',
      })
      .transform((value) => `/${value.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/'))
      .default('/'),
    /**
     * Repository web URL for "edit this record" links, e.g.
     * `https://github.com/acme/postmortems`. Without it the pages have no edit links.
     */
    repoUrl: httpUrl('https://github.com/acme/postmortems')
      .transform((value) => value.replace(/\/+$/, '').replace(/\.git$/, ''))
      .optional(),
    /** Branch the edit links point at. */
    repoBranch: z
      .string()
      .trim()
      .regex(/^(?!-)(?!.*\.\.)[A-Za-z0-9._\-/]+(?<![./])$/, { error: 'expected a branch name such as `main`' })
      .default(DEFAULT_REPO_BRANCH),
    /** The forge's URL layout for edit links; guessed from the host (GitLab, Gitea/Forgejo/Codeberg, else GitHub). */
    repoLayout: z.enum(REPO_LAYOUTS).optional(),
    /** UI language `/` leads to when the browser states no preference. */
    defaultLang: z.enum(['zh', 'en']).default(DEFAULT_UI_LANG),
    /** The records folder, relative to the project root (inside the repository, so edit links can name the file). */
    contentDir: z
      .string()
      .trim()
      .min(1, { error: 'expected a folder such as `content/incidents`' })
      .refine((value) => !path.isAbsolute(value) && !/^[A-Za-z]:/.test(value) && !value.split(/[\\/]/).includes('..'), {
        error: 'expected a folder inside the project, relative to its root, such as `content/incidents`',
      })
      .transform((value) => path.posix.normalize(value.replaceAll('\\', '/')).replace(/\/+$/, ''))
      .default(DEFAULT_CONTENT_DIR),
  })
  .strict()
  .transform(({ $schema: _schema, ...config }) => ({
    ...config,
    repoLayout: config.repoLayout ?? (config.repoUrl ? guessRepoLayout(config.repoUrl) : undefined),
  }));

/** Settings after defaults. */
export type PrecedentConfig = z.output<typeof configSchema>;

/** Environment variable naming another settings file to read instead of `precedent.config.json` (previews, tests). */
export const CONFIG_PATH_ENV = 'PRECEDENT_CONFIG';

/** Environment variables that override a field. */
export const CONFIG_ENV = {
  siteName: 'PRECEDENT_SITE_NAME',
  siteUrl: 'PRECEDENT_SITE_URL',
  base: 'PRECEDENT_BASE',
  repoUrl: 'PRECEDENT_REPO_URL',
  repoBranch: 'PRECEDENT_REPO_BRANCH',
  repoLayout: 'PRECEDENT_REPO_LAYOUT',
  defaultLang: 'PRECEDENT_DEFAULT_LANG',
  contentDir: 'PRECEDENT_CONTENT',
} as const satisfies Record<keyof PrecedentConfig, string>;

/** A configuration that cannot be used. `message` is one line naming the file (with line and column) or variable, and the field. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  /** `precedent.config.json` or the environment variable at fault. */
  readonly source: string;
  /** The field at fault, when there is one. */
  readonly field: string | undefined;
  constructor(source: string, field: string | undefined, message: string) {
    super(message);
    this.source = source;
    this.field = field;
  }
}

/**
 * Reads `precedent.config.json` below `root` (absent is fine: every field has
 * a default or is optional), or the file `PRECEDENT_CONFIG` names, and
 * applies the environment's overrides.
 * Throws {@link ConfigError} with a one-line message.
 */
export function loadConfig(root: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): PrecedentConfig {
  const named = env[CONFIG_PATH_ENV] || undefined;
  const file = named ? path.resolve(root, named) : path.join(root, CONFIG_FILE);
  const shown = named ?? CONFIG_FILE;
  if (named && !existsSync(file)) throw new ConfigError(CONFIG_PATH_ENV, undefined, `${CONFIG_PATH_ENV}: no such settings file: ${named}`);
  let text = '';
  let raw: Record<string, unknown> = {};
  let tree: jsonc.Node | undefined;
  if (existsSync(file)) {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    ({ raw, tree } = parseJson(text, shown));
  }
  const fromEnv = new Set<string>();
  for (const [field, name] of Object.entries(CONFIG_ENV)) {
    const value = env[name];
    if (value !== undefined && value !== '') {
      raw[field] = value;
      fromEnv.add(field);
    }
  }
  const parsed = configSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.code === 'unrecognized_keys' ? issue.keys[0]! : String(issue.path[0] ?? '');
  const message =
    issue.code === 'unrecognized_keys'
      ? `unknown field, expected one of ${Object.keys(CONFIG_ENV).map((name) => `\`${name}\``).join(', ')}`
      : issue.code === 'invalid_type'
        ? `expected ${issue.expected === 'string' ? 'a string' : issue.expected}`
        : issue.code === 'invalid_value'
          ? `expected one of ${issue.values.map((value) => `\`${String(value)}\``).join(', ')}`
          : issue.message;
  if (fromEnv.has(field)) {
    const name = CONFIG_ENV[field as keyof PrecedentConfig];
    throw new ConfigError(name, field, `${name}: ${message}, got ${JSON.stringify(env[name])}`);
  }
  const place = placeOfKey(text, tree, field, issue.code === 'unrecognized_keys');
  const got = field in raw && issue.code !== 'unrecognized_keys' ? `, got ${JSON.stringify(raw[field])}` : '';
  throw new ConfigError(shown, field, `${shown}${place}: \`${field}\`: ${message}${got}`);
}

/**
 * The records folder the command-line tools use when none is given: the
 * configured `contentDir`. Throws {@link ConfigError} for a bad configuration.
 */
export function configuredContentDir(root: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): string {
  return loadConfig(root, env).contentDir;
}

/** The Gitea/Forgejo hosts known by name; others are recognised by `gitea`/`forgejo` in the host. */
const GITEA_HOSTS = new Set(['codeberg.org', 'gitea.com']);

/** The forge layout a repository URL most likely has. */
export function guessRepoLayout(repoUrl: string): RepoLayout {
  const host = URL.canParse(repoUrl) ? new URL(repoUrl).hostname : '';
  if (/(^|\.)gitlab\.|gitlab/.test(host)) return 'gitlab';
  if (GITEA_HOSTS.has(host) || /gitea|forgejo/.test(host)) return 'gitea';
  return 'github';
}

/** Messages for jsonc-parser's error codes, in the words of the rest of the tools (also for src/records/severity-maps.ts). */
export const JSON_ERRORS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a field name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected `:`',
  CommaExpected: 'expected `,`',
  CloseBraceExpected: 'expected `}`',
  CloseBracketExpected: 'expected `]`',
  EndOfFileExpected: 'expected the end of the file after the settings object',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'unclosed string',
};

/** Parses the file strictly (no comments, no trailing commas); a mistake is a ConfigError with its line and column. */
function parseJson(text: string, shown: string): { raw: Record<string, unknown>; tree: jsonc.Node | undefined } {
  const errors: jsonc.ParseError[] = [];
  const tree = jsonc.parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const error = errors[0];
  if (error) {
    const code = jsonc.printParseErrorCode(error.error);
    throw new ConfigError(shown, undefined, `${shown}${lineColumn(text, error.offset)}: not valid JSON: ${JSON_ERRORS[code] ?? code}`);
  }
  if (tree?.type !== 'object') {
    throw new ConfigError(shown, undefined, `${shown}:1:1: expected an object of settings, such as {"siteName": "Incidents"}`);
  }
  return { raw: jsonc.getNodeValue(tree) as Record<string, unknown>, tree };
}

/** `:line:column` of a top-level field (its value, or its name for an unknown field) in the file, or `''`. */
function placeOfKey(text: string, tree: jsonc.Node | undefined, key: string, atName: boolean): string {
  const value = tree && key ? jsonc.findNodeAtLocation(tree, [key]) : undefined;
  if (!value) return '';
  const node = atName ? value.parent?.children?.[0] ?? value : value;
  return lineColumn(text, node.offset);
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `:${before.length}:${before.at(-1)!.length + 1}`;
}
