/**
 * Turns per-query ranks into the evaluation report: overall scores per
 * system, breakdowns by query language and by target, and the queries the
 * first system (Precedent) did not answer at rank 1.
 */
import type { EvalQuery, QueryLanguage } from './eval-set.ts';
import { score, type Scores } from './eval-metrics.ts';

/** Which documents a query expects: the project's own records, or the public corpus. */
export type QueryTarget = 'seeds' | 'corpus';

/** One query after every system has ranked it. */
export interface QueryOutcome {
  query: EvalQuery;
  /** Its category (`cross-language`, or as the set names it), if any. */
  category?: string | undefined;
  language: QueryLanguage;
  target: QueryTarget;
  /** Rank of the first expected id per system name; 0 = not in the results. */
  ranks: Record<string, number>;
  /** The first system's top results, for the list of misses. */
  top: { id: string; title: string }[];
}

/** Scores of one system: overall and per slice. */
export interface SystemReport {
  overall: Scores;
  byLanguage: Record<QueryLanguage, Scores>;
  byTarget: Record<QueryTarget, Scores>;
  /** Per category present in the set. */
  byCategory: Record<string, Scores>;
}

/** A system threw on a query; the query counts as not found for it. */
export interface SearchFailure {
  system: string;
  query: string;
  line: number;
  message: string;
}

/** The whole report, as `--json` prints it. */
export interface EvalReport {
  queries: number;
  documents: number;
  systems: Record<string, SystemReport>;
  /** Queries lunr's parser rejected as typed (they were run escaped). */
  lunrParseFailures: string[];
  /** Searches that threw. */
  errors: SearchFailure[];
  /** Queries the first system did not answer at rank 1. */
  misses: { query: string; line: number; expect: string[]; rank: number; top: { id: string; title: string }[] }[];
}

const LANGUAGES: readonly QueryLanguage[] = ['zh', 'en', 'mixed'];
const TARGETS: readonly QueryTarget[] = ['seeds', 'corpus'];
/** How many of the first system's results a miss lists. */
export const MISS_TOP = 3;

/** Builds the report; `systems` is in display order, the first one is the system under test. */
export function buildReport(
  outcomes: readonly QueryOutcome[],
  systems: readonly string[],
  documents: number,
  lunrParseFailures: string[],
  errors: SearchFailure[] = [],
): EvalReport {
  const ranksOf = (name: string, filter: (o: QueryOutcome) => boolean): number[] =>
    outcomes.filter(filter).map((o) => o.ranks[name] ?? 0);
  const report: Record<string, SystemReport> = {};
  const categories = [...new Set(outcomes.flatMap((o) => (o.category ? [o.category] : [])))].sort();
  for (const name of systems) {
    report[name] = {
      overall: score(ranksOf(name, () => true)),
      byLanguage: Object.fromEntries(LANGUAGES.map((l) => [l, score(ranksOf(name, (o) => o.language === l))])) as Record<QueryLanguage, Scores>,
      byTarget: Object.fromEntries(TARGETS.map((t) => [t, score(ranksOf(name, (o) => o.target === t))])) as Record<QueryTarget, Scores>,
      byCategory: Object.fromEntries(categories.map((c) => [c, score(ranksOf(name, (o) => o.category === c))])),
    };
  }
  const main = systems[0] ?? '';
  const misses = outcomes
    .filter((o) => (o.ranks[main] ?? 0) !== 1)
    .map((o) => ({ query: o.query.query, line: o.query.line, expect: o.query.expect, rank: o.ranks[main] ?? 0, top: o.top.slice(0, MISS_TOP) }));
  return { queries: outcomes.length, documents, systems: report, lunrParseFailures, errors, misses };
}

/** The report as text: the summary table, the two breakdowns, lunr's parse failures and the misses. */
export function formatReport(report: EvalReport, evalSetFile: string): string {
  const names = Object.keys(report.systems);
  const out: string[] = [];
  out.push(`Evaluation set ${evalSetFile}: ${report.queries} queries over ${report.documents} documents`, '');
  out.push(table(['system', 'Recall@1', 'Recall@3', 'MRR', 'queries'], names.map((n) => row(n, report.systems[n]!.overall))));
  out.push('', 'By query language');
  out.push(table(['language', 'system', 'Recall@1', 'Recall@3', 'MRR', 'queries'], sliceRows(report, names, LANGUAGES, (s, l) => s.byLanguage[l])));
  out.push('', 'By target');
  out.push(table(['target', 'system', 'Recall@1', 'Recall@3', 'MRR', 'queries'], sliceRows(report, names, TARGETS, (s, t) => s.byTarget[t])));
  const categories = Object.keys(report.systems[names[0] ?? '']?.byCategory ?? {});
  if (categories.length > 0) {
    out.push('', 'By category');
    out.push(table(['category', 'system', 'Recall@1', 'Recall@3', 'MRR', 'queries'], sliceRows(report, names, categories, (s, c) => s.byCategory[c]!)));
  }
  out.push('', `lunr could not parse ${report.lunrParseFailures.length} of ${report.queries} queries as typed (run escaped instead)`);
  for (const q of report.lunrParseFailures) out.push(`  ${JSON.stringify(q)}`);
  if (report.errors.length > 0) {
    out.push('', `Searches that threw (counted as not found): ${report.errors.length}`);
    for (const e of report.errors) out.push(`  ${e.system}, line ${e.line}: ${JSON.stringify(e.query)}: ${e.message}`);
  }
  out.push('', `${names[0] ?? 'first system'} misses (expected record not at rank 1): ${report.misses.length}`);
  for (const miss of report.misses) {
    out.push(`  line ${miss.line}: ${JSON.stringify(miss.query)}  expected ${miss.expect.join(' | ')}  (rank ${miss.rank || 'not in top results'})`);
    miss.top.forEach((hit, i) => out.push(`      ${i + 1}. ${hit.id}  ${hit.title}`));
    if (miss.top.length === 0) out.push('      (no results)');
  }
  return out.join('\n');
}

function row(name: string, s: Scores): string[] {
  return [name, fixed(s.recallAt1), fixed(s.recallAt3), fixed(s.mrr), String(s.queries)];
}

function sliceRows<K extends string>(report: EvalReport, names: string[], keys: readonly K[], pick: (s: SystemReport, key: K) => Scores): string[][] {
  return keys.flatMap((key) => names.map((n) => [key, ...row(n, pick(report.systems[n]!, key))]));
}

function fixed(value: number): string {
  return value.toFixed(3);
}

/** A plain text table with `|` separators; every cell is ASCII, so padding by length aligns it. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}
