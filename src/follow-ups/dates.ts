/** The reference day overdue is judged against, and day arithmetic on `YYYY-MM-DD`. */

/** Environment variable that fixes "today" (`YYYY-MM-DD`), for reproducible builds and tests. */
export const TODAY_ENV = 'PRECEDENT_TODAY';

const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** True when `day` is a real calendar day written `YYYY-MM-DD`. */
export function isIsoDay(day: string): boolean {
  if (!ISO_DAY.test(day)) return false;
  const time = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(day);
}

/**
 * Today as `YYYY-MM-DD` in UTC, or the day in `PRECEDENT_TODAY` when it is set.
 * Throws on a malformed `PRECEDENT_TODAY`, naming the variable.
 */
export function today(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): string {
  const fixed = env[TODAY_ENV];
  if (fixed !== undefined && fixed !== '') {
    if (!isIsoDay(fixed)) throw new Error(`${TODAY_ENV}: expected a day as \`YYYY-MM-DD\`, got \`${fixed}\``);
    return fixed;
  }
  return now.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
