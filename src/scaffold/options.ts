/**
 * Checks what the author asked for (`npm run new` flags or answers) and turns
 * it into a {@link ScaffoldInput}; a bad value is a {@link ScaffoldInputError}
 * naming the flag.
 */
import { calendarDate } from '../schema/record.ts';
import { isTimeZone } from '../schema/time-zone.ts';
import { KINDS, SEVERITIES, type Kind, type Severity } from '../schema/taxonomy.ts';
import { isCjk, recordId } from './record-id.ts';
import type { ScaffoldInput } from './template.ts';

/** Language used when none is given and the title is not CJK. */
export const DEFAULT_LANGUAGE = 'en';
/** Language used when none is given and the title is Chinese (or another CJK script). */
export const DEFAULT_CJK_LANGUAGE = 'zh';

const LANGUAGE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** A value the author gave is unusable; `flag` names it. */
export class ScaffoldInputError extends Error {
  override name = 'ScaffoldInputError';
}

/** Raw answers, all optional strings as they come from flags or prompts. */
export interface ScaffoldAnswers {
  title?: string;
  titleEn?: string;
  kind?: string;
  date?: string;
  severity?: string;
  /** Comma-separated. */
  services?: string;
  lang?: string;
  timezone?: string;
}

/** The fields without which no record can be scaffolded. */
export const REQUIRED_ANSWERS = ['title', 'kind'] as const;

/** Today's date (`YYYY-MM-DD`) in `timezone`. */
export function today(timezone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The machine's time zone, `UTC` when unknown. */
export function localTimezone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Validates answers; `makeId` is injectable so tests get stable ids. */
export function resolveAnswers(answers: ScaffoldAnswers, options: { now?: Date; makeShortId?: () => string } = {}): ScaffoldInput {
  for (const name of REQUIRED_ANSWERS) {
    if (!answers[name]?.trim()) throw new ScaffoldInputError(`Missing required option \`--${name}\``);
  }
  const title = answers.title!.trim();
  const kind = answers.kind!.trim();
  if (!(KINDS as readonly string[]).includes(kind)) throw new ScaffoldInputError(`Unexpected \`${kind}\` for \`--kind\`, expected one of ${list(KINDS)}`);
  const severity = answers.severity?.trim() || undefined;
  if (severity && !(SEVERITIES as readonly string[]).includes(severity)) {
    throw new ScaffoldInputError(`Unexpected \`${severity}\` for \`--severity\`, expected one of ${list(SEVERITIES)}`);
  }
  const timezone = answers.timezone?.trim() || localTimezone();
  if (!isTimeZone(timezone)) throw new ScaffoldInputError(`Unexpected \`${timezone}\` for \`--timezone\`, expected an IANA time zone such as \`Asia/Shanghai\``);
  const date = answers.date?.trim() || today(timezone, options.now);
  if (!calendarDate.safeParse(date).success) throw new ScaffoldInputError(`Unexpected \`${date}\` for \`--date\`, expected a date as \`YYYY-MM-DD\``);
  const language = answers.lang?.trim() || (isCjk(title) ? DEFAULT_CJK_LANGUAGE : DEFAULT_LANGUAGE);
  if (!LANGUAGE.test(language)) throw new ScaffoldInputError(`Unexpected \`${language}\` for \`--lang\`, expected a language tag such as \`zh\` or \`en\``);
  const titleEn = answers.titleEn?.trim() || undefined;
  const services = (answers.services ?? '').split(',').map((service) => service.trim()).filter(Boolean);
  return {
    id: recordId(title, titleEn, options.makeShortId),
    title,
    titleEn,
    kind: kind as Kind,
    date,
    severity: severity as Severity | undefined,
    services,
    language,
    timezone,
  };
}

/** File name of a record: `<date>-<id>.md`. */
export function recordFileName(input: Pick<ScaffoldInput, 'date' | 'id'>): string {
  return `${input.date}-${input.id}.md`;
}

function list(values: readonly string[]): string {
  return values.map((value) => `\`${value}\``).join(', ');
}
