/**
 * What an agent gets back: results and records cut to sizes that fit an
 * agent's context, with every cut said (`truncated`).
 */
import type { LoadedRecord } from '../records/load.ts';
import type { MatchResult } from '../matcher/index.ts';

/** Most results `find_similar_records` returns. */
export const MAX_RESULTS = 20;
/** Results when `limit` is not given. */
export const DEFAULT_RESULTS = 5;
/** Characters kept of a summary. */
export const MAX_SUMMARY_CHARS = 600;
/** Commands kept per fix, and characters per command. */
export const MAX_COMMANDS = 5;
export const MAX_COMMAND_CHARS = 400;
/** Evidence lines kept per result. */
export const MAX_EVIDENCE = 6;
/** Characters of a record's Markdown returned by `get_record`. */
export const MAX_MARKDOWN_CHARS = 20_000;
/** Action items `list_action_items` returns at most. */
export const MAX_ACTION_ITEMS = 100;

/** A fix as an agent sees it. */
export interface FixSummary {
  summary: string;
  commands: string[];
}

/** One similar record. */
export interface SimilarRecord {
  id: string;
  title: string;
  titleEn?: string;
  kind: string;
  date?: string;
  confidence: string;
  score: number;
  evidence: string[];
  resolution?: FixSummary;
  workaround?: FixSummary;
  file: string;
  /** The record's page: absolute when the site URL is configured, else a path below the site's base. */
  url: string;
}

/** A string cut to `max` characters; `cut()` reports whether anything was cut. */
export function clip(text: string, max: number, cut: () => void): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  cut();
  return `${flat.slice(0, max - 1)}…`;
}

/** A match result with its record's fixes, cut to size. */
export function similarRecord(result: MatchResult, record: LoadedRecord | undefined, pageUrl: (id: string) => string, cut: () => void): SimilarRecord {
  const fix = (remedy: { summary: string; steps: Array<{ command?: string }> } | undefined): FixSummary | undefined => {
    if (!remedy) return undefined;
    const commands = remedy.steps.flatMap((step) => (step.command ? [step.command] : []));
    if (commands.length > MAX_COMMANDS) cut();
    return {
      summary: clip(remedy.summary, MAX_SUMMARY_CHARS, cut),
      commands: commands.slice(0, MAX_COMMANDS).map((command) => (command.length > MAX_COMMAND_CHARS ? (cut(), `${command.slice(0, MAX_COMMAND_CHARS - 1)}…`) : command)),
    };
  };
  if (result.reasons.length > MAX_EVIDENCE) cut();
  const resolution = fix(record?.data.resolution);
  const workaround = fix(record?.data.workaround);
  return {
    id: result.id,
    title: result.title,
    ...(result.titleEn && { titleEn: result.titleEn }),
    kind: result.kind,
    ...(result.date && { date: result.date }),
    confidence: result.confidence,
    score: result.score,
    evidence: result.reasons.slice(0, MAX_EVIDENCE).map((reason) => `${reason.label} (${reason.where})`),
    ...(resolution && { resolution }),
    ...(workaround && { workaround }),
    file: result.file,
    url: pageUrl(result.id),
  };
}

/** The text block beside `structuredContent`: one paragraph per record. */
export function similarText(records: readonly SimilarRecord[], header: string[]): string {
  const lines = [...header];
  records.forEach((r, i) => {
    lines.push(`${i + 1}. ${r.title}${r.titleEn ? ` / ${r.titleEn}` : ''} [${r.id}] (${r.kind}${r.date ? `, ${r.date}` : ''}; ${r.confidence} match, score ${r.score})`);
    if (r.evidence.length) lines.push(`   evidence: ${r.evidence.join('; ')}`);
    for (const [name, fix] of [['resolution', r.resolution], ['workaround', r.workaround]] as const) {
      if (!fix) continue;
      lines.push(`   ${name}: ${fix.summary}`);
      for (const command of fix.commands) lines.push(`     $ ${command}`);
    }
    lines.push(`   ${r.url} (${r.file})`);
  });
  return lines.join('\n');
}
