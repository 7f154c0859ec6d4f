/** Pivots impact metrics into a table: one row per window, one column per label. */
import type { Metric } from '../schema/record.ts';

/** A column of the impact table. */
export interface MetricColumn {
  label: string;
  /** The unit, when every value in the column has the same one (shown in the header). */
  unit?: string;
  /** Most fraction digits of any value in the column, so `23.4` beside `66.03` shows as `23.40`. */
  decimals: number;
}

/** A row of the impact table. */
export interface MetricRow {
  window?: { start: Date; end: Date };
  /** Cell per column index: the value and, where the column has no shared unit, its own unit. */
  cells: ({ value: number; unit?: string } | undefined)[];
  /** Distinct notes of the row's metrics, in order. */
  notes: string[];
}

/** The pivoted table. */
export interface MetricTable {
  columns: MetricColumn[];
  rows: MetricRow[];
}

function windowKey(metric: Metric): string {
  return metric.window ? `${metric.window.start.getTime()}/${metric.window.end.getTime()}` : '';
}

/** Rows keep the order windows first appear in; columns the order labels first appear in. */
export function pivotMetrics(metrics: readonly Metric[]): MetricTable {
  const labels: string[] = [];
  const unitsByLabel = new Map<string, Set<string>>();
  for (const metric of metrics) {
    if (!unitsByLabel.has(metric.label)) {
      labels.push(metric.label);
      unitsByLabel.set(metric.label, new Set());
    }
    unitsByLabel.get(metric.label)?.add(metric.unit ?? '');
  }
  const columns: MetricColumn[] = labels.map((label) => {
    const units = [...(unitsByLabel.get(label) ?? [])];
    const decimals = Math.max(0, ...metrics.filter((m) => m.label === label).map((m) => fractionDigits(m.value)));
    return units.length === 1 && units[0] ? { label, unit: units[0], decimals } : { label, decimals };
  });
  const rows = new Map<string, MetricRow>();
  for (const metric of metrics) {
    const key = windowKey(metric);
    let row = rows.get(key);
    if (!row) {
      row = { window: metric.window, cells: labels.map(() => undefined), notes: [] };
      rows.set(key, row);
    }
    const column = labels.indexOf(metric.label);
    row.cells[column] = { value: metric.value, unit: columns[column]?.unit ? undefined : metric.unit };
    if (metric.note && !row.notes.includes(metric.note)) row.notes.push(metric.note);
  }
  return { columns, rows: [...rows.values()] };
}

/** Fraction digits of a number as written, e.g. 2 for `41.48`, 0 for `94969`. */
function fractionDigits(value: number): number {
  const text = String(value);
  return /e/i.test(text) ? 0 : (text.split('.')[1]?.length ?? 0);
}
