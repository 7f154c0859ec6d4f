/**
 * What lives in `../shared/` beside the repository (the seed documents and
 * the public corpus): there in this project's CI, never in a team's clone.
 * A test file that needs it runs its suite only when it is there, and
 * otherwise prints one line saying what it needs, so the skip is never silent.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { corpusPath } from '../../scripts/lib/corpus.ts';

/** The project root (this file is test/support/shared.ts). */
const ROOT = path.resolve(import.meta.dirname, '../..');

/** `../shared/` beside the repository, or `PRECEDENT_SHARED` (e.g. from a git worktree elsewhere). */
export const SHARED_DIR = process.env.PRECEDENT_SHARED ? path.resolve(process.env.PRECEDENT_SHARED) : path.resolve(ROOT, '..', 'shared');

/** The seed documents the sample records were written from. */
export const SEEDS_DIR = path.join(SHARED_DIR, 'seeds');

/** The public corpus file (`PRECEDENT_CORPUS` when set, else `../shared/corpus/`). */
export const CORPUS_FILE = corpusPath();

/** What a suite may need from `../shared/`, with how the skip line names it. */
const NEEDS = {
  seeds: { file: SEEDS_DIR, label: '../shared/seeds' },
  corpus: { file: CORPUS_FILE, label: '../shared/corpus (or PRECEDENT_CORPUS)' },
} as const;

/**
 * Whether `what` is here. When it is not, prints the one line a reader sees,
 * e.g. `skipped: import of the seed documents needs ../shared/seeds (not in a team's clone)`;
 * pass the result to `describe.runIf`.
 */
export function hasShared(what: keyof typeof NEEDS, suite: string): boolean {
  const need = NEEDS[what];
  if (existsSync(need.file)) return true;
  console.log(`skipped: ${suite} needs ${need.label} (not in a team's clone)`);
  return false;
}
