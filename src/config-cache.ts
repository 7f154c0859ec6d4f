/**
 * The settings as `loadConfig` checked them, remembered between calls of the
 * command-line tools: checking them loads zod, which costs a `precedent
 * match` more start-up than answering. The checked settings are kept in the
 * cache folder with a key made of everything they depend on: the settings
 * file's metadata (size, times, inode), every `PRECEDENT_*` variable, the
 * project root and the checking code's own file. Any difference, or a
 * settings file modified too recently to trust its times, checks the
 * settings again through `loadConfig`; only settings that passed are kept, so
 * a bad setting always gets `loadConfig`'s own message.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PrecedentConfig } from './config.ts';
import { defaultCacheRoot } from './index-cache/cache-root.ts';
import { keyHash } from './index-cache/key-hash.ts';

/** Format of the cached settings file; another one is ignored. */
export const CONFIG_CACHE_VERSION = 1;
/** The cached settings' file name in the cache folder. */
export const CONFIG_CACHE_FILE = 'settings.json';
/**
 * A settings file changed this close to when its check was recorded may have
 * changed again within the same timestamp tick ("racily clean" in git's
 * terms), so its cached check is not trusted.
 */
export const CONFIG_RACY_WINDOW_MS = 2_000;

// Kept equal to src/config.ts's names; written out here so this module does not load config.ts (and zod).
const CONFIG_FILE = 'precedent.config.json';
const CONFIG_PATH_ENV = 'PRECEDENT_CONFIG';
const CHECKER = fileURLToPath(new URL('./config.ts', import.meta.url));

/** What is stored in the cache folder. */
interface CachedSettings {
  version: number;
  key: string;
  /** Epoch ms when the settings were checked. */
  recordedAt: number;
  config: PrecedentConfig;
}

/**
 * `loadConfig(root, env)`, answered from the cache when nothing it depends on
 * changed. Throws `ConfigError` exactly as `loadConfig` does.
 */
export async function cachedConfig(root: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): Promise<PrecedentConfig> {
  const started = Date.now();
  const { key, changedMs } = settingsKey(root, env);
  const file = path.join(defaultCacheRoot(root, env), CONFIG_CACHE_FILE);
  const cached = readCached(file);
  if (cached && cached.key === key && changedMs < cached.recordedAt - CONFIG_RACY_WINDOW_MS) return cached.config;
  const { loadConfig } = await import('./config.ts');
  const config = loadConfig(root, env);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify({ version: CONFIG_CACHE_VERSION, key, recordedAt: started, config } satisfies CachedSettings));
    renameSync(temp, file);
  } catch {
    // A read-only cache folder: check the settings on every call.
  }
  return config;
}

/** The configured records folder (`contentDir`), as {@link cachedConfig} reads it. */
export async function cachedContentDir(root: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return (await cachedConfig(root, env)).contentDir;
}

/** The cache key of the settings for `root` and `env`, and the settings file's latest change (epoch ms, 0 without one). */
export function settingsKey(root: string, env: NodeJS.ProcessEnv): { key: string; changedMs: number } {
  const absolute = path.resolve(root);
  const named = env[CONFIG_PATH_ENV] || undefined;
  const settings = named ? path.resolve(absolute, named) : path.join(absolute, CONFIG_FILE);
  const stats = statSync(settings, { throwIfNoEntry: false });
  const checker = statSync(CHECKER);
  const parts = [
    `${CONFIG_CACHE_VERSION}\0${absolute}\0${settings}\n`,
    stats ? `${stats.isFile()}\0${stats.size}\0${stats.mtimeMs}\0${stats.ctimeMs}\0${stats.ino}\n` : 'absent\n',
    `${checker.size}\0${checker.mtimeMs}\n`,
  ];
  for (const name of Object.keys(env).filter((n) => n.startsWith('PRECEDENT_')).sort()) parts.push(`${name}=${env[name]}\0`);
  return { key: keyHash(parts.join('')), changedMs: stats ? Math.max(stats.mtimeMs, stats.ctimeMs) : 0 };
}

function readCached(file: string): CachedSettings | undefined {
  try {
    const cached = JSON.parse(readFileSync(file, 'utf8')) as CachedSettings;
    return cached.version === CONFIG_CACHE_VERSION && typeof cached.key === 'string' && typeof cached.config?.contentDir === 'string' ? cached : undefined;
  } catch {
    return undefined;
  }
}
