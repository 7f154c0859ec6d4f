export { runImport, type ImportOptions, type ImportReport, type ImportItem, type ImportCounts } from './run-import.ts';
export { formatItems, formatSummary } from './format-report.ts';
export { buildTextDraft, type TextDraftOptions } from './text-draft.ts';
export { readJsonLines, ICCO_SYSTEM, type LineResult } from './jsonl-draft.ts';
export { serializeDraft, checkSerialized, ATTENTION_HEADER } from './serialize-draft.ts';
export { DEFAULT_OUT_DIR, DEFAULT_ZH_ZONE, DEFAULT_ZONE, type Draft } from './draft.ts';
export { progressLine, type ProgressLine } from './progress-line.ts';
