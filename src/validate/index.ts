export { validateFiles, compareProblems, type ValidateOptions, type ValidateResult } from './validate-files.ts';
export { formatProblem, formatReport, formatSummary, hasErrors, FORMATS, type Format } from './report.ts';
export { parseRecordText, MAX_YAML_ALIASES, type ParsedRecord, type ParseFailure, type Place } from '../records/index.ts';
export { readText, decode, MAX_RECORD_BYTES, type ReadResult } from '../records/index.ts';
export { locate, RECORD_START, type Target } from '../records/index.ts';
export { listFiles, displayPath } from '../records/index.ts';
export { RULES, FILE_RULE } from './rule-list.ts';
export { RULE_SOURCE, type Problem, type Severity, type Rule, type RuleContext, type KnownRecord } from './types.ts';
export * from './rules/index.ts';
