export { renderRecord, zoneOffset, type ScaffoldInput } from './template.ts';
export { isCjk, shortId, recordId } from './record-id.ts';
export { slugify, MAX_SLUG_LENGTH } from '../schema/slug.ts';
export {
  resolveAnswers,
  recordFileName,
  today,
  localTimezone,
  ScaffoldInputError,
  REQUIRED_ANSWERS,
  DEFAULT_LANGUAGE,
  DEFAULT_CJK_LANGUAGE,
  type ScaffoldAnswers,
} from './options.ts';
export { writeNewFile, FileExistsError } from './write-new-file.ts';
export { askMissing, PromptCancelled } from './prompts.ts';
export { existingIds, freeId } from './existing-ids.ts';
