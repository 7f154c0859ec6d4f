/**
 * The numbers behind the insights page, from the records alone (plus the
 * matcher's related list for repeats): plain data, no Astro, no charts.
 */
import { ACTION_STATUSES, CAUSE_CATEGORIES, KINDS, type ActionStatus, type CauseCategory, type Kind } from '../schema/taxonomy.ts';
import { durations } from '../schema/derive.ts';
import type { RecordData } from '../schema/record.ts';
import { addMonths, median, monthOf, monthRange, quarterOf, quarterRange } from './periods.ts';
import { findRepeats, type RelatedFn, type RepeatPair } from './repeats.ts';

/** Services shown by name; the rest are summed as "other". */
export const TOP_SERVICES = 10;
/** Months the time-axis charts cover, ending with the newest record's month (older records still count by cause and service). */
export const WINDOW_MONTHS = 36;

/** A record as the insights need it. */
export interface InsightSource {
  id: string;
  data: Pick<RecordData, 'kind' | 'date' | 'times' | 'services' | 'rootCause' | 'actionItems' | 'title' | 'titleEn' | 'draft'>;
}

/** Everything the page charts and tabulates. */
export interface Insights {
  /** Records counted (dated or not). */
  total: number;
  /** Records with a date. */
  dated: number;
  /** First month of the time axes, `YYYY-MM` (at most {@link WINDOW_MONTHS} before the newest record); undefined when nothing is dated. */
  since?: string;
  /** Dated records inside the window (the ones on the time axes). */
  inWindow: number;
  /** Records per month by kind, every month from the first to the last dated record. */
  perMonth: { month: string; byKind: Record<Kind, number>; total: number }[];
  /** Records per root-cause category, in taxonomy order, zeros dropped. */
  byCategory: { category: CauseCategory; count: number }[];
  /** Records per service, most first, the top {@link TOP_SERVICES}; `other` sums the rest. */
  byService: { service: string; count: number }[];
  /** Services beyond the top ones, and the records they name. */
  otherServices: { services: number; count: number };
  /** Median minutes to detect and to recover per quarter of the start time, with how many records each median is of. */
  timeToX: { quarter: string; detectMinutes?: number; detectCount: number; recoverMinutes?: number; recoverCount: number }[];
  /** Action items by status per quarter of their record's date. */
  followUps: { quarter: string; byStatus: Record<ActionStatus, number>; total: number }[];
  /** All action items by status, and the share closed (done or won't do) of all. */
  followUpTotals: { byStatus: Record<ActionStatus, number>; total: number; completion?: number };
  /** Records that repeat an earlier one, with the evidence they share. */
  repeats: RepeatPair[];
  /** Records and the repeats among them, per quarter. */
  repeatsPerQuarter: { quarter: string; records: number; repeats: number }[];
}

const MINUTE = 60_000;

function latest(a: string, b: string): string {
  return a > b ? a : b;
}

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

/** Computes every figure of the insights page. `related` is the matcher's (omit it to skip repeats). */
export function computeInsights(records: readonly InsightSource[], related?: RelatedFn): Insights {
  const allDated = records.filter((r) => r.data.date !== undefined).sort((a, b) => a.data.date!.localeCompare(b.data.date!) || a.id.localeCompare(b.id));
  const last = allDated.at(-1)?.data.date;
  const since = last ? latest(monthOf(allDated[0]!.data.date!), addMonths(monthOf(last), 1 - WINDOW_MONTHS)) : undefined;
  const inWindow = (day: string | undefined) => day !== undefined && since !== undefined && monthOf(day) >= since;
  const dated = allDated.filter((r) => inWindow(r.data.date));
  const months = last && since ? monthRange(since, monthOf(last)) : [];
  const quarters = last && since ? quarterRange(quarterOf(since), quarterOf(last)) : [];

  const perMonth = months.map((month) => ({ month, byKind: zeros(KINDS), total: 0 }));
  const monthIndex = new Map(months.map((m, i) => [m, i]));
  for (const record of dated) {
    const row = perMonth[monthIndex.get(monthOf(record.data.date!))!]!;
    row.byKind[record.data.kind] += 1;
    row.total += 1;
  }

  const categories = zeros(CAUSE_CATEGORIES);
  for (const record of records) categories[record.data.rootCause.category] += 1;
  const byCategory = CAUSE_CATEGORIES.filter((c) => categories[c] > 0).map((category) => ({ category, count: categories[category] }));

  const services = new Map<string, number>();
  for (const record of records) for (const service of new Set(record.data.services)) services.set(service, (services.get(service) ?? 0) + 1);
  const ranked = [...services].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  const byService = ranked.slice(0, TOP_SERVICES).map(([service, count]) => ({ service, count }));
  const rest = ranked.slice(TOP_SERVICES);
  const otherServices = { services: rest.length, count: rest.reduce((sum, [, n]) => sum + n, 0) };

  const detect = new Map<string, number[]>();
  const recover = new Map<string, number[]>();
  for (const record of records) {
    const started = record.data.times.started;
    if (!started || !inWindow(started.toISOString())) continue;
    const quarter = quarterOf(started.toISOString());
    const { timeToDetect, timeToRecover } = durations(record.data.times);
    if (timeToDetect !== undefined && timeToDetect >= 0) detect.set(quarter, [...(detect.get(quarter) ?? []), timeToDetect / MINUTE]);
    if (timeToRecover !== undefined && timeToRecover >= 0) recover.set(quarter, [...(recover.get(quarter) ?? []), timeToRecover / MINUTE]);
  }
  const timed = [...new Set([...detect.keys(), ...recover.keys()])].sort();
  const timeToX = (timed.length > 0 ? quarterRange(timed[0]!, timed.at(-1)!) : []).map((quarter) => ({
    quarter,
    detectMinutes: median(detect.get(quarter) ?? []),
    detectCount: detect.get(quarter)?.length ?? 0,
    recoverMinutes: median(recover.get(quarter) ?? []),
    recoverCount: recover.get(quarter)?.length ?? 0,
  }));

  const followUps = quarters.map((quarter) => ({ quarter, byStatus: zeros(ACTION_STATUSES), total: 0 }));
  const quarterIndex = new Map(quarters.map((q, i) => [q, i]));
  const totals = zeros(ACTION_STATUSES);
  for (const record of records) {
    for (const item of record.data.actionItems) {
      totals[item.status] += 1;
      if (!inWindow(record.data.date)) continue;
      const row = followUps[quarterIndex.get(quarterOf(record.data.date!))!]!;
      row.byStatus[item.status] += 1;
      row.total += 1;
    }
  }
  const itemCount = ACTION_STATUSES.reduce((sum, s) => sum + totals[s], 0);
  const followUpTotals = { byStatus: totals, total: itemCount, completion: itemCount > 0 ? (totals.done + totals['wont-do']) / itemCount : undefined };

  const repeats = related ? findRepeats(allDated.map((r) => ({ id: r.id, date: r.data.date! })), related) : [];
  const repeatIds = new Set(repeats.filter((pair) => inWindow(pair.date)).map((pair) => pair.id));
  const repeatsPerQuarter = quarters.map((quarter) => {
    const inQuarter = dated.filter((r) => quarterOf(r.data.date!) === quarter);
    return { quarter, records: inQuarter.length, repeats: inQuarter.filter((r) => repeatIds.has(r.id)).length };
  });

  return {
    total: records.length,
    dated: allDated.length,
    since,
    inWindow: dated.length,
    perMonth,
    byCategory,
    byService,
    otherServices,
    timeToX,
    followUps,
    followUpTotals,
    repeats,
    repeatsPerQuarter,
  };
}
