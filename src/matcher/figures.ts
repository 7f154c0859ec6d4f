/**
 * Nearness of figures: `41%` ≈ `41.48%`, `>1000 connections` ≈ `1020`.
 * Figures are indexed in buckets (whole percents; logarithmic steps for
 * counts, durations and sizes) so a query looks up a few buckets and then
 * compares exact values.
 */
import { FIGURE_BUCKET_BASE, FIGURE_NEAR_RATIO, FIGURE_OP_SPAN, NEAR_MIN_FACTOR } from './constants.ts';
import type { FigureOp } from './types.ts';

/** Most buckets one query figure may look up. */
export const MAX_BUCKETS_PER_FIGURE = 8;

/** The bucket key of a value in a unit class, e.g. `~%:41`, `~count:31`. */
export function bucketKey(unit: string, value: number): string {
  return `~${unit}:${bucketOf(unit, value)}`;
}

function bucketOf(unit: string, value: number): number {
  const v = Math.abs(value);
  if (unit === '%') return Math.floor(v);
  if (v < 1) return -1;
  return Math.floor(Math.log(v) / Math.log(FIGURE_BUCKET_BASE));
}

/** A query figure: what it accepts. */
export interface FigureRange {
  unit: string;
  value: number;
  /** Inclusive bounds of accepted record values. */
  low: number;
  high: number;
  decimals: number;
  op?: FigureOp;
}

/** The accepted range of a query figure: precision-wide for `41%`, relative for counts, one-sided for `>1000`. */
export function figureRange(unit: string, value: number, decimals: number, op?: FigureOp): FigureRange {
  const precision = unit === '%' ? 10 ** -decimals : Math.max(10 ** -decimals / 2, Math.abs(value) * FIGURE_NEAR_RATIO);
  const span = Math.max(precision, Math.abs(value) * FIGURE_OP_SPAN);
  if (op === '>' || op === '>=') return { unit, value, low: value, high: value + span, decimals, op };
  if (op === '<' || op === '<=') return { unit, value, low: Math.max(0, value - span), high: value, decimals, op };
  return { unit, value, low: value - precision, high: value + precision, decimals, op };
}

/** Bucket keys covering a range (at most `MAX_BUCKETS_PER_FIGURE`, nearest first). */
export function rangeBuckets(range: FigureRange): string[] {
  const first = bucketOf(range.unit, Math.max(0, range.low));
  const last = bucketOf(range.unit, range.high);
  const center = bucketOf(range.unit, range.value);
  const keys: string[] = [];
  for (let offset = 0; keys.length < MAX_BUCKETS_PER_FIGURE && offset <= last - first; offset++) {
    for (const bucket of offset === 0 ? [center] : [center - offset, center + offset]) {
      if (bucket >= first && bucket <= last && keys.length < MAX_BUCKETS_PER_FIGURE) keys.push(`~${range.unit}:${bucket}`);
    }
  }
  return keys;
}

/**
 * How well a record value fits a query range: 1 when equal at the query's
 * precision (`41.48` for `41%`), down to `NEAR_MIN_FACTOR` at the edge, 0 outside.
 */
export function nearness(range: FigureRange, recordValue: number): number {
  if (recordValue === range.value || roundTo(recordValue, range.decimals) === range.value) return 1;
  if (recordValue < range.low || recordValue > range.high) return 0;
  const width = recordValue >= range.value ? range.high - range.value : range.value - range.low;
  const distance = Math.abs(recordValue - range.value) / (width || 1);
  return 1 - (1 - NEAR_MIN_FACTOR) * Math.min(1, distance);
}

/** Rounds to `decimals` places. */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** Math.min(decimals, 6);
  return Math.round(value * f) / f;
}

/** Number of decimals written in a numeral (`41.48` → 2). */
export function decimalsOf(numeral: string): number {
  const dot = numeral.indexOf('.');
  return dot < 0 ? 0 : numeral.length - dot - 1;
}
