/**
 * Is `confidence` honest? From each query's top result and its label:
 * of the top results labelled strong, the share that is right; of the
 * answerable queries, the share whose right top result is strong; of the
 * out-of-library queries (no record answers them), the share whose top
 * result is nevertheless strong.
 */
import type { Confidence } from '../../src/matcher/index.ts';
import { table } from './eval-report.ts';

/** What calibration needs of one query. */
export interface CalibrationCase {
  /** False for an out-of-library query (`expect: []`). */
  answerable: boolean;
  /** The top result is an expected record. */
  right: boolean;
  /** Confidence of the top result; undefined when there was none. */
  confidence: Confidence | undefined;
}

/** The targets the issue sets. */
export const CALIBRATION_TARGETS = { strongPrecision: 0.97, answerableStrong: 0.8, outOfLibraryStrong: 0.05 } as const;

/** The calibration figures. */
export interface Calibration {
  /** Right share of strong top results (answerable and out-of-library queries alike: a strong top for the latter is wrong). */
  strongPrecision: number;
  strongTops: number;
  /** Share of answerable queries whose top result is right and strong. */
  answerableStrong: number;
  answerable: number;
  /** Share of out-of-library queries whose top result is strong. */
  outOfLibraryStrong: number;
  outOfLibrary: number;
  /** Per label: top results so labelled on answerable queries, how many right, and on out-of-library queries. */
  byLabel: Record<Confidence | 'none', { answerable: number; right: number; outOfLibrary: number }>;
}

const LABELS = ['strong', 'likely', 'weak', 'none'] as const;

/** Computes the calibration figures. */
export function calibrate(cases: readonly CalibrationCase[]): Calibration {
  const byLabel = Object.fromEntries(LABELS.map((l) => [l, { answerable: 0, right: 0, outOfLibrary: 0 }])) as Calibration['byLabel'];
  for (const c of cases) {
    const slot = byLabel[c.confidence ?? 'none'];
    if (c.answerable) {
      slot.answerable++;
      if (c.right) slot.right++;
    } else slot.outOfLibrary++;
  }
  const answerable = cases.filter((c) => c.answerable).length;
  const outOfLibrary = cases.length - answerable;
  const strong = byLabel.strong;
  const strongTops = strong.answerable + strong.outOfLibrary;
  return {
    strongPrecision: strongTops === 0 ? 0 : strong.right / strongTops,
    strongTops,
    answerableStrong: answerable === 0 ? 0 : strong.right / answerable,
    answerable,
    outOfLibraryStrong: outOfLibrary === 0 ? 0 : strong.outOfLibrary / outOfLibrary,
    outOfLibrary,
    byLabel,
  };
}

/** The calibration as text: the three figures against their targets, then the counts per label. */
export function formatCalibration(c: Calibration): string {
  const t = CALIBRATION_TARGETS;
  const mark = (ok: boolean) => (ok ? 'met' : 'NOT MET');
  const rows = [
    ['right share of strong top results', c.strongPrecision.toFixed(3), `>= ${t.strongPrecision}`, mark(c.strongPrecision >= t.strongPrecision), String(c.strongTops)],
    ['answerable queries, right top is strong', c.answerableStrong.toFixed(3), `>= ${t.answerableStrong}`, mark(c.answerableStrong >= t.answerableStrong), String(c.answerable)],
    ['out-of-library queries, top is strong', c.outOfLibrary === 0 ? '-' : c.outOfLibraryStrong.toFixed(3), `<= ${t.outOfLibraryStrong}`, c.outOfLibrary === 0 ? 'no such queries' : mark(c.outOfLibraryStrong <= t.outOfLibraryStrong), String(c.outOfLibrary)],
  ];
  const labels = LABELS.map((l) => {
    const s = c.byLabel[l];
    return [l, String(s.answerable), String(s.right), s.answerable === 0 ? '-' : (s.right / s.answerable).toFixed(3), String(s.outOfLibrary)];
  });
  return [
    'Calibration (Precedent, confidence of the top result)',
    table(['measure', 'value', 'target', 'status', 'queries'], rows),
    '',
    table(['top label', 'answerable', 'right', 'right share', 'out-of-library'], labels),
  ].join('\n');
}
