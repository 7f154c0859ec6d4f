/**
 * Impact figures from tab-separated tables whose first column is a time
 * window (`2024/7/31 07:00:00~09:00:00`): one metric per numeric cell, labelled
 * by its column header, with the row's window.
 */
import { parseWindow } from './find-dates.ts';

/** One metric as the schema takes it. */
export interface DraftMetric {
  label: string;
  value: number;
  unit?: string;
  window?: { start: string; end: string };
}

const NUMBER_CELL = /^([-+]?\d{1,15}(?:[.,]\d{1,6})?)\s?(%|ms|s|min|h|GB|MB|KB)?$/;

/** Metrics of one table; empty when its rows carry no time window. */
export function readMetrics(rows: readonly (readonly string[])[], zone: string): DraftMetric[] {
  const header = rows[0];
  if (!header) return [];
  const metrics: DraftMetric[] = [];
  for (const row of rows.slice(1)) {
    const window = parseWindow(row[0] ?? '', zone);
    if (!window) continue;
    row.slice(1).forEach((cell, i) => {
      const match = NUMBER_CELL.exec(cell.trim());
      const label = header[i + 1]?.trim();
      if (!match || !label) return;
      const value = Number(match[1]!.replace(',', '.'));
      if (!Number.isFinite(value)) return;
      metrics.push({ label, value, ...(match[2] ? { unit: match[2] } : {}), window });
    });
  }
  return metrics;
}
