/**
 * Is `confidence` honest? From each query's top result and its label:
 * of the top results labelled strong, the share that is right; of the
 * answerable queries, the share whose right top result is strong; of the
 * out-of-library queries (no record answers them), the share whose top
 * result is nevertheless strong.
 */
import type { Confidence } from '../../src/matcher/index.ts';
import { DEFAULT_THRESHOLDS, isStrongEvidence, type ConfidenceEvidence, type ConfidenceThresholds } from '../../src/matcher/confidence.ts';
import { table } from './eval-report.ts';

/** What calibration needs of one query. */
export interface CalibrationCase {
  /** False for an out-of-library query (`expect: []`). */
  answerable: boolean;
  /** The top result is an expected record. */
  right: boolean;
  /** Confidence of the top result; undefined when there was none. */
  confidence: Confidence | undefined;
  /** What the top two results' confidence was read from (for the cross-validation). */
  evidence?: ConfidenceEvidence[];
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

/** The thresholds tried by the cross-validation (each around its fitted default). */
export const THRESHOLD_GRID: { [K in keyof ConfidenceThresholds]: number[] } = {
  factWeight: [1.5, 2, 2.5, 3],
  factMargin: [0.2, 0.3, 0.4],
  textFactor: [0.25, 0.5, 1],
  explained: [3, 4, 5, 6, 7, 8],
  minSpecific: [0.4, 0.5, 0.6, 0.7],
};

/** One fold: thresholds fitted on one half of the queries, scored on the other half. */
export interface Fold {
  fittedOn: string;
  thresholds: ConfidenceThresholds;
  heldOut: Calibration;
}

/** The cases relabelled with `t` (the top's label as `strong` or not). */
function relabel(cases: readonly CalibrationCase[], t: ConfidenceThresholds): CalibrationCase[] {
  return cases.map((c) => {
    const [top, next] = c.evidence ?? [];
    if (!top) return { ...c, confidence: undefined };
    return { ...c, confidence: isStrongEvidence(top, next?.raw ?? 0, t) ? 'strong' : c.confidence === 'strong' ? 'likely' : c.confidence };
  });
}

/** The thresholds on the grid with the most answerable-strong share that meet the other two targets (defaults when none does). */
export function fitThresholds(cases: readonly CalibrationCase[]): ConfidenceThresholds {
  let best = DEFAULT_THRESHOLDS;
  let bestShare = -1;
  const g = THRESHOLD_GRID;
  for (const factWeight of g.factWeight) for (const factMargin of g.factMargin) for (const textFactor of g.textFactor)
    for (const explained of g.explained) for (const minSpecific of g.minSpecific) {
      const t = { factWeight, factMargin, textFactor, explained, minSpecific };
      const c = calibrate(relabel(cases, t));
      if (c.strongPrecision < CALIBRATION_TARGETS.strongPrecision || c.outOfLibraryStrong > CALIBRATION_TARGETS.outOfLibraryStrong) continue;
      if (c.answerableStrong > bestShare) {
        best = t;
        bestShare = c.answerableStrong;
      }
    }
  return best;
}

/**
 * Two-fold cross-validation of the confidence thresholds: fitted on the
 * queries at even positions (answerable and out-of-library alike), scored on
 * the odd ones, and the reverse — how the rule does on queries it was not fitted on.
 */
export function crossValidate(cases: readonly CalibrationCase[]): Fold[] {
  const halves = [cases.filter((_, i) => i % 2 === 0), cases.filter((_, i) => i % 2 === 1)];
  return [0, 1].map((k) => {
    const thresholds = fitThresholds(halves[k]!);
    return { fittedOn: k === 0 ? 'even' : 'odd', thresholds, heldOut: calibrate(relabel(halves[1 - k]!, thresholds)) };
  });
}

/** The folds as text. */
export function formatFolds(folds: readonly Fold[]): string {
  const rows = folds.map((f) => [
    `${f.fittedOn} → ${f.fittedOn === 'even' ? 'odd' : 'even'}`,
    `fact ≥ ${f.thresholds.factWeight}, margin ≥ ${f.thresholds.factMargin}; text × ${f.thresholds.textFactor}, explained ≥ ${f.thresholds.explained}, specific ≥ ${f.thresholds.minSpecific}`,
    f.heldOut.strongPrecision.toFixed(3),
    f.heldOut.answerableStrong.toFixed(3),
    f.heldOut.outOfLibraryStrong.toFixed(3),
  ]);
  return [
    'Cross-validation (thresholds fitted on one half of the queries, scored on the other)',
    table(['fitted → scored', 'thresholds fitted', 'strong right', 'answerable strong', 'out-of-library strong'], rows),
  ].join('\n');
}
