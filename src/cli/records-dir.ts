/**
 * The records folder a command reads by default: `$PRECEDENT_CONTENT`, else
 * `contentDir` of `precedent.config.json` (or of the file `$PRECEDENT_CONFIG` names), else `content/incidents` — the
 * setting `loadConfig` (src/config.ts) reads, looked up without loading zod,
 * which alone costs a quarter of a second of `precedent match`'s start-up.
 * `loadConfig` still validates the file wherever the site is built.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The default when nothing is configured. */
export const DEFAULT_RECORDS_DIR = 'content/incidents';

/** The configured records folder, relative to `root` unless absolute. */
export function recordsDir(root: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): string {
  if (env.PRECEDENT_CONTENT) return env.PRECEDENT_CONTENT;
  try {
    const file = path.resolve(root, env.PRECEDENT_CONFIG || 'precedent.config.json');
    const config = JSON.parse(readFileSync(file, 'utf8')) as { contentDir?: unknown };
    if (typeof config.contentDir === 'string' && config.contentDir !== '') return config.contentDir;
  } catch {
    // No file, or one loadConfig will report when the site is built.
  }
  return DEFAULT_RECORDS_DIR;
}
