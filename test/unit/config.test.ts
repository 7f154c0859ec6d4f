/**
 * Settings in one place: `precedent.config.json` (or the file
 * `PRECEDENT_CONFIG` names) with `PRECEDENT_*` overrides. Defaults, the
 * normalising a team relies on (trailing slashes, `.git`, base path forms),
 * one-line messages naming file:line:column or variable and field, and the
 * links built from the settings (edit/raw per forge, absolute URLs).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_ENV, ConfigError, DEFAULT_CONTENT_DIR, configuredContentDir, guessRepoLayout, loadConfig, type PrecedentConfig } from '../../src/config.ts';
import { absoluteUrl, editUrl, rawUrl } from '../../src/site/links.ts';
import { missingSettingWarnings } from '../../src/site/settings-integration.ts';

/** A project folder holding `text` as its precedent.config.json (none when `text` is undefined). */
function project(text?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'precedent-config-'));
  if (text !== undefined) writeFileSync(path.join(dir, 'precedent.config.json'), text);
  return dir;
}

/** The message loadConfig throws for this file and environment. */
function failure(text: string | undefined, env: NodeJS.ProcessEnv = {}): string {
  try {
    loadConfig(project(text), env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

const DEFAULTS: PrecedentConfig = {
  siteName: 'Precedent',
  base: '/',
  repoBranch: 'main',
  defaultLang: 'zh',
  contentDir: DEFAULT_CONTENT_DIR,
  siteUrl: undefined,
  repoUrl: undefined,
  repoLayout: undefined,
};

describe('loadConfig', () => {
  it('without a file: the defaults, no site URL and no repository', () => {
    expect(loadConfig(project(), {})).toEqual(DEFAULTS);
    expect(loadConfig(project('{}'), {})).toEqual(DEFAULTS);
  });

  it('reads every field from the file, normalised', () => {
    const config = loadConfig(
      project(
        JSON.stringify({
          $schema: './schema/config.schema.json',
          siteName: '  Acme Incidents ',
          siteUrl: 'https://incidents.acme.org/',
          base: 'kb',
          repoUrl: 'https://github.com/acme/postmortems.git/',
          repoBranch: 'trunk',
          defaultLang: 'en',
          contentDir: './records/incidents/',
        }),
      ),
      {},
    );
    expect(config).toEqual({
      siteName: 'Acme Incidents',
      siteUrl: 'https://incidents.acme.org',
      base: '/kb/',
      repoUrl: 'https://github.com/acme/postmortems',
      repoBranch: 'trunk',
      repoLayout: 'github',
      defaultLang: 'en',
      contentDir: 'records/incidents',
    });
  });

  it.each([
    ['/', '/'],
    ['', '/'],
    ['/precedent', '/precedent/'],
    ['precedent/', '/precedent/'],
    ['/a/b/', '/a/b/'],
  ])('base %j is served as %j', (base, expected) => {
    expect(loadConfig(project(JSON.stringify({ base })), {}).base).toBe(expected);
  });

  it('an environment variable overrides its field; an empty one does not', () => {
    const dir = project(JSON.stringify({ siteName: 'From file', repoUrl: 'https://github.com/acme/postmortems' }));
    const config = loadConfig(dir, { [CONFIG_ENV.siteName]: 'From env', [CONFIG_ENV.repoUrl]: '', [CONFIG_ENV.base]: '/preview/' });
    expect(config.siteName).toBe('From env');
    expect(config.repoUrl).toBe('https://github.com/acme/postmortems');
    expect(config.base).toBe('/preview/');
  });

  it('PRECEDENT_CONFIG names another settings file, relative to the project root', () => {
    const dir = project(JSON.stringify({ siteName: 'Default file' }));
    writeFileSync(path.join(dir, 'preview.json'), JSON.stringify({ siteName: 'Preview' }));
    expect(loadConfig(dir, { PRECEDENT_CONFIG: 'preview.json' }).siteName).toBe('Preview');
    expect(() => loadConfig(dir, { PRECEDENT_CONFIG: 'missing.json' })).toThrow('PRECEDENT_CONFIG: no such settings file: missing.json');
  });

  it('guesses the forge layout from the host unless it is set', () => {
    expect(guessRepoLayout('https://github.com/acme/x')).toBe('github');
    expect(guessRepoLayout('https://gitlab.com/acme/x')).toBe('gitlab');
    expect(guessRepoLayout('https://gitlab.acme.internal/ops/x')).toBe('gitlab');
    expect(guessRepoLayout('https://codeberg.org/acme/x')).toBe('gitea');
    expect(guessRepoLayout('https://git.acme.org/acme/x')).toBe('github');
    const set = loadConfig(project(JSON.stringify({ repoUrl: 'https://git.acme.org/ops/x', repoLayout: 'gitea' })), {});
    expect(set.repoLayout).toBe('gitea');
  });

  it('configuredContentDir is the configured folder', () => {
    expect(configuredContentDir(project(JSON.stringify({ contentDir: 'kb/records' })), {})).toBe('kb/records');
    expect(configuredContentDir(project(), { PRECEDENT_CONTENT: 'elsewhere' })).toBe('elsewhere');
  });
});

describe('a bad configuration is one line naming file:line:column (or the variable) and the field', () => {
  it.each([
    ['{\n  "siteUrl": "incidents.acme.org"\n}', 'precedent.config.json:2:14: `siteUrl`: expected an absolute http(s) URL such as `https://incidents.example.org`, got "incidents.acme.org"'],
    ['{\n  "siteUrl": "ftp://acme.org"\n}', 'precedent.config.json:2:14: `siteUrl`: expected an absolute http(s) URL such as `https://incidents.example.org`, got "ftp://acme.org"'],
    ['{ "siteUrl": "https://acme.org/?x=1" }', 'precedent.config.json:1:14: `siteUrl`: expected a URL without `?query` or `#fragment`, got "https://acme.org/?x=1"'],
    ['{ "repoUrl": "git@github.com:acme/x.git" }', 'precedent.config.json:1:14: `repoUrl`: expected an absolute http(s) URL such as `https://github.com/acme/postmortems`, got "git@github.com:acme/x.git"'],
    ['{\n  "siteName": "A",\n  "defaultLang": "fr"\n}', 'precedent.config.json:3:18: `defaultLang`: expected one of `zh`, `en`, got "fr"'],
    ['{ "base": 3 }', 'precedent.config.json:1:11: `base`: expected a string, got 3'],
    ['{ "base": "/a/../b/" }', 'precedent.config.json:1:11: `base`: expected a path such as `/` or `/precedent/` (letters, digits, `-._~` and single `/`), got "/a/../b/"'],
    ['{ "contentDir": "../records" }', 'precedent.config.json:1:17: `contentDir`: expected a folder inside the project, relative to its root, such as `content/incidents`, got "../records"'],
    ['{ "contentDir": "/srv/records" }', 'precedent.config.json:1:17: `contentDir`: expected a folder inside the project, relative to its root, such as `content/incidents`, got "/srv/records"'],
    ['{ "repoBranch": "a..b" }', 'precedent.config.json:1:17: `repoBranch`: expected a branch name such as `main`, got "a..b"'],
    ['{ "siteName": "" }', 'precedent.config.json:1:15: `siteName`: expected a non-empty name, got ""'],
    ['{\n  "siteName": "A",\n  "sitename": "B"\n}', 'precedent.config.json:3:3: `sitename`: unknown field, expected one of `siteName`, `siteUrl`, `base`, `repoUrl`, `repoBranch`, `repoLayout`, `defaultLang`, `contentDir`'],
    ['{\n  "siteName": "A",\n}', 'precedent.config.json:3:1: not valid JSON: expected a field name in double quotes'],
    ['{\n  // a comment\n  "siteName": "A"\n}', 'precedent.config.json:2:3: not valid JSON: comments are not allowed in JSON'],
    ['{ "siteName": "A" "base": "/" }', 'precedent.config.json:1:19: not valid JSON: expected `,`'],
    ['["siteName"]', 'precedent.config.json:1:1: expected an object of settings, such as {"siteName": "Incidents"}'],
  ])('%s', (text, message) => {
    expect(failure(text)).toBe(message);
  });

  it('a bad environment variable is named instead of the file', () => {
    expect(failure('{}', { PRECEDENT_SITE_URL: 'localhost:4321' })).toBe(
      'PRECEDENT_SITE_URL: expected an absolute http(s) URL such as `https://incidents.example.org`, got "localhost:4321"',
    );
    expect(failure(undefined, { PRECEDENT_DEFAULT_LANG: 'de' })).toBe('PRECEDENT_DEFAULT_LANG: expected one of `zh`, `en`, got "de"');
  });

  it('a file named by PRECEDENT_CONFIG is named in its messages', () => {
    const dir = project();
    writeFileSync(path.join(dir, 'preview.json'), '{ "base": "//x" }');
    expect(() => loadConfig(dir, { PRECEDENT_CONFIG: 'preview.json' })).toThrow(
      'preview.json:1:11: `base`: expected a path such as `/` or `/precedent/` (letters, digits, `-._~` and single `/`), got "//x"',
    );
  });
});

describe('links built from the settings', () => {
  const github = loadConfig(project(JSON.stringify({ repoUrl: 'https://github.com/acme/postmortems', repoBranch: 'release/2026' })), {});
  const gitlab = loadConfig(project(JSON.stringify({ repoUrl: 'https://gitlab.com/acme/postmortems' })), {});
  const gitea = loadConfig(project(JSON.stringify({ repoUrl: 'https://codeberg.org/acme/postmortems' })), {});
  const bare = loadConfig(project(), {});
  const file = 'content/incidents/2024-07-31-scale 266.md';

  it('edit and raw links follow the forge layout, each path segment encoded', () => {
    expect(editUrl(file, github)).toBe('https://github.com/acme/postmortems/edit/release/2026/content/incidents/2024-07-31-scale%20266.md');
    expect(rawUrl(file, github)).toBe('https://github.com/acme/postmortems/raw/release/2026/content/incidents/2024-07-31-scale%20266.md');
    expect(editUrl(file, gitlab)).toBe('https://gitlab.com/acme/postmortems/-/edit/main/content/incidents/2024-07-31-scale%20266.md');
    expect(rawUrl(file, gitlab)).toBe('https://gitlab.com/acme/postmortems/-/raw/main/content/incidents/2024-07-31-scale%20266.md');
    expect(editUrl(file, gitea)).toBe('https://codeberg.org/acme/postmortems/_edit/main/content/incidents/2024-07-31-scale%20266.md');
    expect(rawUrl(file, gitea)).toBe('https://codeberg.org/acme/postmortems/raw/branch/main/content/incidents/2024-07-31-scale%20266.md');
  });

  it('without a repository there is no edit or raw link (never a placeholder)', () => {
    expect(editUrl(file, bare)).toBeUndefined();
    expect(rawUrl(file, bare)).toBeUndefined();
  });

  it('absolute URLs join the site URL and a path that carries the base', () => {
    const site = loadConfig(project(JSON.stringify({ siteUrl: 'https://acme.github.io', base: '/postmortems/' })), {});
    expect(absoluteUrl('/postmortems/en/records/x/', site)).toBe('https://acme.github.io/postmortems/en/records/x/');
    expect(absoluteUrl('/postmortems/en/', bare)).toBeUndefined();
  });

  it('the build warns about each missing link setting, and only then', () => {
    expect(missingSettingWarnings(bare)).toEqual([
      'no `siteUrl` in precedent.config.json (or PRECEDENT_SITE_URL): pages have no canonical link and their hreflang links are site-relative',
      'no `repoUrl` in precedent.config.json (or PRECEDENT_REPO_URL): record pages have no "edit this record" or raw-file links',
    ]);
    const full = loadConfig(project(JSON.stringify({ siteUrl: 'https://acme.org', repoUrl: 'https://github.com/acme/x' })), {});
    expect(missingSettingWarnings(full)).toEqual([]);
  });
});

describe('this repository', () => {
  it('commits a precedent.config.json that loads', () => {
    expect(() => loadConfig(process.cwd(), {})).not.toThrow();
  });
});

describe('the command-line tools', () => {
  const NODE = path.resolve('node_modules/.bin/node');
  const BIN = path.resolve('bin/precedent.js');
  /** Each CLI as `npm run <name>` starts it, with arguments that get it past its own checks (a folder flag where it has one). */
  const CLIS: Array<[string, string[]]> = [
    ['validate', [path.resolve('src/cli/validate.ts')]],
    ['new', [path.resolve('src/cli/new.ts'), '--title', 'x', '--kind', 'postmortem', '--dir', 'drafts']],
    ['import', [path.resolve('src/cli/import.ts'), 'notes.md', '--out', 'drafts']],
    ['actions', [path.resolve('src/cli/actions.ts'), '--content', 'records']],
    ['match', [BIN, 'match', 'disk', 'full', '--content', 'records']],
    ['mcp', [BIN, 'mcp', '--content', 'records']],
  ];
  const runIn = (cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
    spawnSync(NODE, args, { cwd, input: '', encoding: 'utf8', env: { ...process.env, PRECEDENT_CONTENT: '', ...env }, timeout: 60_000 });

  it.each(CLIS)('%s prints one line for a bad setting in the file, no stack trace, and writes nothing', (name, args) => {
    const cwd = project('{\n  "contentDir": "../outside"\n}');
    const result = runIn(cwd, args);
    expect(result.stderr.trim()).toBe(
      `${name}: precedent.config.json:2:17: \`contentDir\`: expected a folder inside the project, relative to its root, such as \`content/incidents\`, got "../outside"`,
    );
    expect(result.stdout).toBe('');
    expect(result.status).toBe(1);
    expect(readdirSync(cwd)).toEqual(['precedent.config.json']);
  }, 60_000);

  it.each(CLIS)('%s names the environment variable of a bad setting it does not itself use', (name, args) => {
    const result = runIn(project(), args, { PRECEDENT_SITE_URL: 'ftp://incidents.example.org' });
    expect(result.stderr.trim()).toBe(
      `${name}: PRECEDENT_SITE_URL: expected an absolute http(s) URL such as \`https://incidents.example.org\`, got "ftp://incidents.example.org"`,
    );
    expect(result.status).toBe(1);
  }, 60_000);
});
