/**
 * Asks for what the flags did not give, in a terminal (@clack/prompts).
 * Cancelling (Ctrl-C) writes nothing.
 */
import { cancel, isCancel, select, text } from '@clack/prompts';
import { KINDS, SEVERITIES } from '../schema/taxonomy.ts';
import { calendarDate } from '../schema/record.ts';
import { isCjk } from './record-id.ts';
import { DEFAULT_CJK_LANGUAGE, DEFAULT_LANGUAGE, localTimezone, today, type ScaffoldAnswers } from './options.ts';

/** Answer value meaning "no severity". */
const NO_SEVERITY = '';

/** The user cancelled a prompt. */
export class PromptCancelled extends Error {
  override name = 'PromptCancelled';
}

/** Fills the answers that are missing by asking; given answers are kept. */
export async function askMissing(given: ScaffoldAnswers): Promise<ScaffoldAnswers> {
  const answers = { ...given };
  answers.title ??= await ask(text({ message: 'Title (in the record\'s language)', validate: (value) => (value?.trim() ? undefined : 'A title is needed') }));
  if (isCjk(answers.title) && answers.titleEn === undefined) {
    answers.titleEn = await ask(text({ message: 'English title (used for the file name; empty for record-<id>)', defaultValue: '' }));
  }
  answers.kind ??= await ask(select<string>({ message: 'Kind', options: KINDS.map((kind) => ({ value: kind, label: kind })) }));
  const zone = answers.timezone ?? localTimezone();
  answers.date ??= await ask(
    text({
      message: 'Date it started (YYYY-MM-DD)',
      defaultValue: today(zone),
      placeholder: today(zone),
      validate: (value) => (!value || calendarDate.safeParse(value).success ? undefined : 'Expected a date as YYYY-MM-DD'),
    }),
  );
  answers.severity ??= await ask(
    select<string>({
      message: 'Severity',
      options: [...SEVERITIES.map((severity) => ({ value: severity, label: severity })), { value: NO_SEVERITY, label: 'not known' }],
    }),
  );
  answers.services ??= await ask(text({ message: 'Services affected (comma-separated, may be empty)', defaultValue: '' }));
  answers.lang ??= await ask(
    select<string>({
      message: 'Language of the record',
      options: [
        { value: 'zh', label: '中文 (zh)' },
        { value: 'en', label: 'English (en)' },
      ],
      initialValue: isCjk(answers.title) ? DEFAULT_CJK_LANGUAGE : DEFAULT_LANGUAGE,
    }),
  );
  return answers;
}

async function ask(prompt: Promise<string | symbol>): Promise<string> {
  const value = await prompt;
  if (isCancel(value) || typeof value !== 'string') {
    cancel('Nothing written.');
    throw new PromptCancelled('Cancelled, nothing written');
  }
  return value;
}
