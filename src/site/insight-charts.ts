/**
 * The insights page's charts, from `computeInsights` figures: for each, a
 * title, a one-sentence text alternative, the SVG (wide and narrow) and the
 * same data as a table. Labels in the UI language; no Astro needed.
 */
import { ACTION_STATUSES, KINDS } from '../schema/taxonomy.ts';
import { TAXONOMY_LABELS } from '../i18n/taxonomy.ts';
import { FOLLOW_STRINGS, fill } from '../i18n/follow-strings.ts';
import { formatDuration, formatNumber } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Insights } from '../insights/compute.ts';
import { NARROW, renderChart, WIDE, type ChartSpec } from '../insights/render-chart.ts';

/** A table of a chart's data: header cells, then rows of cells (already formatted). */
export interface ChartTable {
  head: string[];
  rows: string[][];
}

/** One chart ready for the page. */
export interface ChartView {
  /** Anchor id, e.g. `per-month`. */
  id: string;
  title: string;
  /** The chart's message in one sentence: its text alternative. */
  alt: string;
  wide: string;
  narrow: string;
  table: ChartTable;
}

/** Palette slots (see `charts.css`): 0 blue, 1 teal, 2 purple, 3 orange, 4 green, 5 red, 6 yellow, 7 gray. */
const SLOT = { blue: 0, teal: 1, orange: 3, green: 4, red: 5, yellow: 6, gray: 7 } as const;
/** A status keeps its colour: open orange, in progress yellow, done green, won't do gray. */
const STATUS_SLOT = { open: SLOT.orange, 'in-progress': SLOT.yellow, done: SLOT.green, 'wont-do': SLOT.gray } as const;

function both(spec: ChartSpec): { wide: string; narrow: string } {
  return { wide: renderChart(spec, WIDE), narrow: renderChart(spec, NARROW) };
}

const MINUTE = 60_000;

/** Every chart of the page, in page order; empty when there is nothing to chart. */
export function insightCharts(data: Insights, lang: Lang): ChartView[] {
  const s = FOLLOW_STRINGS[lang].insights;
  const labels = TAXONOMY_LABELS[lang];
  const num = (n: number) => formatNumber(n, lang);
  const minutes = (m: number | undefined) => (m === undefined ? s.noData : formatDuration(Math.round(m) * MINUTE, lang));
  const views: ChartView[] = [];

  if (data.perMonth.length > 0) {
    const kinds = KINDS.filter((kind) => data.perMonth.some((row) => row.byKind[kind] > 0));
    const busiest = data.perMonth.reduce((best, row) => (row.total > best.total ? row : best));
    views.push({
      id: 'per-month',
      title: s.perMonthTitle,
      alt: fill(s.perMonthAlt, { n: num(data.inWindow), m: num(data.perMonth.length), month: busiest.month, max: num(busiest.total) }),
      ...both({
        type: 'bar',
        stacked: true,
        categories: data.perMonth.map((row) => row.month),
        series: kinds.map((kind) => ({ name: labels.kind[kind], data: data.perMonth.map((row) => row.byKind[kind]), color: KINDS.indexOf(kind) })),
        valueName: s.records,
      }),
      table: {
        head: [s.month, ...kinds.map((kind) => labels.kind[kind]), s.total],
        rows: data.perMonth.map((row) => [row.month, ...kinds.map((kind) => num(row.byKind[kind])), num(row.total)]),
      },
    });
  }

  if (data.byCategory.length > 0) {
    const top = data.byCategory.reduce((best, row) => (row.count > best.count ? row : best));
    views.push({
      id: 'by-category',
      title: s.byCategoryTitle,
      alt: fill(s.byCategoryAlt, { top: labels.category[top.category], n: num(top.count), total: num(data.total) }),
      ...both({
        type: 'bar',
        horizontal: true,
        categories: data.byCategory.map((row) => labels.category[row.category]),
        series: [{ name: s.records, data: data.byCategory.map((row) => row.count), color: SLOT.blue }],
      }),
      table: { head: [s.category, s.records], rows: data.byCategory.map((row) => [labels.category[row.category], num(row.count)]) },
    });
  }

  if (data.byService.length > 0) {
    const top = data.byService[0]!;
    const rows = data.byService.map((row) => [row.service, num(row.count)]);
    if (data.otherServices.services > 0) rows.push([fill(s.otherServices, { n: num(data.otherServices.services), count: num(data.otherServices.count) }), num(data.otherServices.count)]);
    views.push({
      id: 'by-service',
      title: s.byServiceTitle,
      alt: fill(s.byServiceAlt, { top: top.service, n: num(top.count), count: num(data.byService.length + data.otherServices.services) }),
      ...both({
        type: 'bar',
        horizontal: true,
        categories: data.byService.map((row) => row.service),
        series: [{ name: s.records, data: data.byService.map((row) => row.count), color: SLOT.teal }],
      }),
      table: { head: [s.service, s.records], rows },
    });
  }

  if (data.timeToX.length > 0) {
    const latest = [...data.timeToX].reverse().find((row) => row.detectMinutes !== undefined || row.recoverMinutes !== undefined)!;
    const round = (m: number | undefined) => (m === undefined ? null : Math.round(m));
    views.push({
      id: 'time-to-detect-recover',
      title: s.timeTitle,
      alt: fill(s.timeAlt, { q: latest.quarter, detect: minutes(latest.detectMinutes), recover: minutes(latest.recoverMinutes) }),
      ...both({
        type: 'line',
        categories: data.timeToX.map((row) => row.quarter),
        series: [
          { name: s.detect, data: data.timeToX.map((row) => round(row.detectMinutes)), color: SLOT.orange },
          { name: s.recover, data: data.timeToX.map((row) => round(row.recoverMinutes)), color: SLOT.blue },
        ],
        valueName: s.minutes,
      }),
      table: {
        head: [s.quarter, s.detect, s.recover, s.sample],
        rows: data.timeToX.map((row) => [row.quarter, minutes(row.detectMinutes), minutes(row.recoverMinutes), num(Math.max(row.detectCount, row.recoverCount))]),
      },
    });
  }

  if (data.followUpTotals.total > 0) {
    const t = data.followUpTotals;
    const quarters = data.followUps.filter((row) => row.total > 0);
    views.push({
      id: 'follow-up-completion',
      title: s.followUpTitle,
      alt: fill(s.followUpAlt, {
        done: num(t.byStatus.done + t.byStatus['wont-do']),
        n: num(t.total),
        pct: new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { style: 'percent' }).format(t.completion ?? 0),
      }),
      ...both({
        type: 'bar',
        stacked: true,
        categories: quarters.map((row) => row.quarter),
        series: ACTION_STATUSES.map((status) => ({ name: labels.actionStatus[status], data: quarters.map((row) => row.byStatus[status]), color: STATUS_SLOT[status] })),
        valueName: FOLLOW_STRINGS[lang].actions.total,
      }),
      table: {
        head: [s.quarter, ...ACTION_STATUSES.map((status) => labels.actionStatus[status]), s.total],
        rows: quarters.map((row) => [row.quarter, ...ACTION_STATUSES.map((status) => num(row.byStatus[status])), num(row.total)]),
      },
    });
  }

  if (data.repeatsPerQuarter.length > 0) {
    views.push({
      id: 'repeat-incidents',
      title: s.repeatTitle,
      alt: fill(s.repeatAlt, { n: num(data.repeatsPerQuarter.reduce((sum, row) => sum + row.repeats, 0)), total: num(data.inWindow) }),
      ...both({
        type: 'bar',
        stacked: true,
        categories: data.repeatsPerQuarter.map((row) => row.quarter),
        series: [
          { name: s.firstTime, data: data.repeatsPerQuarter.map((row) => row.records - row.repeats), color: SLOT.blue },
          { name: s.repeat, data: data.repeatsPerQuarter.map((row) => row.repeats), color: SLOT.red },
        ],
        valueName: s.records,
      }),
      table: {
        head: [s.quarter, s.firstTime, s.repeat, s.total],
        rows: data.repeatsPerQuarter.map((row) => [row.quarter, num(row.records - row.repeats), num(row.repeats), num(row.records)]),
      },
    });
  }
  return views;
}
