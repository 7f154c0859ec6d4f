/**
 * `npm run eval`: how good is the symptom matcher? Runs every query of the
 * evaluation set through Precedent's matcher and two plain full-text
 * baselines (lunr, MiniSearch) over the same documents — the project's
 * records plus the public corpus — and prints Recall@1, Recall@3 and MRR,
 * broken down by query language and by target, then Precedent's misses.
 *
 * It reports; it is not a test: it exits 0 whatever the scores, and 1 only
 * when its input is unusable (missing corpus, malformed evaluation set,
 * unknown expected ids).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildIndex, Matcher, recordToDoc, type MatchDoc } from '../src/matcher/index.ts';
import { loadRecords } from '../src/records/load.ts';
import { CorpusError, loadCorpus, REPO_ROOT } from './lib/corpus.ts';
import { lunrBaseline, miniSearchBaseline, type SearchSystem } from './lib/eval-baselines.ts';
import { RESULT_LIMIT, rankOf } from './lib/eval-metrics.ts';
import { buildReport, formatReport, MISS_TOP, type QueryOutcome, type SearchFailure } from './lib/eval-report.ts';
import { readAlert } from '../src/alert/index.ts';
import { EVAL_SET_PATH, EvalSetError, loadEvalSet, OUT_OF_LIBRARY_PATH, queryLanguage, type EvalQuery } from './lib/eval-set.ts';
import { calibrate, crossValidate, formatCalibration, formatFolds, type CalibrationCase } from './lib/eval-calibration.ts';
import { categoryOf } from './lib/eval-category.ts';

/**
 * The records evaluated beside the corpus: the fixture library (the four samples the set was written for,
 * frozen, plus hand-made distractors), so the figures do not move when a team adds its own records.
 */
const EVAL_RECORDS_DIR = 'test/fixtures/library';

const USAGE = `Usage: npm run eval -- [--json] [--set <file>]…

Scores the symptom matcher against lunr and MiniSearch on an evaluation set,
and checks that its confidence labels are calibrated.

Options:
  --set <file>  evaluation set to run; repeat for several (default:
                test/eval/queries.yaml and test/eval/out-of-library.yaml).
                Entries with \`expect: []\` are out-of-library queries: they
                count only in the calibration table.
  --json        print the numbers as JSON instead of tables
  -h, --help    show this help

The public corpus is read from ../shared/corpus/icco-postmortems.jsonl,
or from the path in PRECEDENT_CORPUS.`;

/** Name of the system under test in the report. */
const PRECEDENT = 'Precedent';

/** A user-facing failure: printed as one message, exit 1, no stack trace. */
class UsageError extends Error {
  override name = 'UsageError';
}

async function main(argv: string[]): Promise<number> {
  let values: { json?: boolean; set?: string[]; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { json: { type: 'boolean' }, set: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const setFiles = (values.set ?? [EVAL_SET_PATH, OUT_OF_LIBRARY_PATH]).map((f) => path.resolve(f));

  const { records, problems } = await loadRecords(path.join(REPO_ROOT, EVAL_RECORDS_DIR));
  for (const problem of problems) console.error(`eval: skipped ${problem.file}: ${problem.message}`);
  const recordDocs = records.map((record) => recordToDoc(record));
  const docs: MatchDoc[] = [...recordDocs, ...loadCorpus()];
  const all = setFiles.flatMap((file) => {
    const set = loadEvalSet(file);
    checkExpectedIds(set, docs, path.relative(process.cwd(), file));
    return set;
  });
  const queries = all.filter((q) => q.expect.length > 0);
  const outOfLibrary = all.filter((q) => q.expect.length === 0);
  const languages = new Map(docs.map((doc) => [doc.id, doc.language]));

  const recordIds = new Set(recordDocs.map((doc) => doc.id));
  const titles = new Map(docs.map((doc) => [doc.id, doc.title]));
  const matcher = Matcher.fromBundle(buildIndex(docs));
  // The confidence of Precedent's last top result, read by the calibration below.
  let topConfidence: CalibrationCase['confidence'];
  let topEvidence: CalibrationCase['evidence'];
  const precedent: SearchSystem = {
    name: PRECEDENT,
    // An alert payload is read as a responder's paste is, by the alert intake (the baselines get the raw text).
    search: (query, limit) => {
      const { results: hits, info } = matcher.searchDetailed(alertQuery(query) ?? query, { limit });
      topConfidence = hits[0]?.confidence;
      topEvidence = info.evidence;
      return hits.map((hit) => hit.id);
    },
  };
  const cases: CalibrationCase[] = [];
  const lunr = lunrBaseline(docs);
  const systems: SearchSystem[] = [precedent, lunr, miniSearchBaseline(docs)];

  const errors: SearchFailure[] = [];
  const outcomes: QueryOutcome[] = queries.map((q) => {
    const ranks: Record<string, number> = {};
    let top: string[] = [];
    topConfidence = undefined;
    for (const system of systems) {
      let ids: string[] = [];
      try {
        ids = system.search(q.query, RESULT_LIMIT);
      } catch (error) {
        // A system that throws on a query has not answered it; the report lists the failure.
        errors.push({ system: system.name, query: q.query, line: q.line, message: error instanceof Error ? error.message : String(error) });
      }
      ranks[system.name] = rankOf(ids, q.expect);
      if (system === precedent) {
        top = ids.slice(0, MISS_TOP);
        cases.push({ answerable: true, right: ranks[system.name] === 1, confidence: topConfidence, evidence: topEvidence });
      }
    }
    return {
      query: q,
      category: categoryOf(q, languages),
      language: queryLanguage(q.query),
      target: q.expect.some((id) => recordIds.has(id)) ? 'seeds' : 'corpus',
      ranks,
      top: top.map((id) => ({ id, title: titles.get(id) ?? '' })),
    };
  });

  for (const q of outOfLibrary) {
    topConfidence = undefined;
    try {
      precedent.search(q.query, RESULT_LIMIT);
    } catch (error) {
      errors.push({ system: PRECEDENT, query: q.query, line: q.line, message: error instanceof Error ? error.message : String(error) });
    }
    cases.push({ answerable: false, right: false, confidence: topConfidence, evidence: topEvidence });
  }
  const calibration = calibrate(cases);
  // Answerable and out-of-library queries interleaved, so each half holds some of both.
  const folds = crossValidate(interleave(cases.filter((c) => c.answerable), cases.filter((c) => !c.answerable)));
  const report = buildReport(outcomes, systems.map((s) => s.name), docs.length, lunr.parseFailures, errors);
  const alerts = outcomes.filter((o) => alertQuery(o.query.query) !== undefined);
  const alertRecall = Object.fromEntries(systems.map((s) => [s.name, alerts.length ? alerts.filter((o) => o.ranks[s.name] === 1).length / alerts.length : 0]));
  const shown = setFiles.map((f) => path.relative(process.cwd(), f)).join(', ');
  console.log(
    values.json
      ? JSON.stringify({ ...report, alertPayloads: { queries: alerts.length, recallAt1: alertRecall }, calibration, crossValidation: folds }, null, 2)
      : `${formatReport(report, shown)}\n\n${formatCalibration(calibration)}\n\n${formatFolds(folds)}`,
  );
  if (!values.json && alerts.length > 0) {
    console.log(`\nAlert payloads: ${alerts.length} queries; Recall@1 ${systems.map((s) => `${s.name} ${alertRecall[s.name]!.toFixed(3)}`).join(', ')}`);
  }
  return 0;
}

/** Every expected id must name a loaded record or corpus document; otherwise the set is stale. */
function checkExpectedIds(queries: EvalQuery[], docs: MatchDoc[], file: string): void {
  const known = new Set(docs.map((doc) => doc.id));
  const problems = queries.flatMap((q) =>
    q.expect.filter((id) => !known.has(id)).map((id) => `${file}:${q.line}: unknown expected id \`${id}\` (not a record in ${EVAL_RECORDS_DIR} nor a corpus document)`),
  );
  if (problems.length > 0) throw new EvalSetError(problems);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const known = error instanceof UsageError || error instanceof CorpusError || error instanceof EvalSetError;
    const message = error instanceof Error ? error.message : String(error);
    console.error(`eval: ${known ? message : `unexpected error: ${message}`}`);
    process.exitCode = 1;
  },
);

/** The matcher query of an alert payload, or undefined when the text is not one. */
function alertQuery(text: string): string | undefined {
  const read = readAlert(text);
  return read.kind === 'alert' ? read.reading.query : undefined;
}

/** `a` and `b` merged in alternation, spread evenly (the shorter list's entries at regular intervals). */
function interleave<T>(a: readonly T[], b: readonly T[]): T[] {
  const out: T[] = [];
  let j = 0;
  a.forEach((item, i) => {
    out.push(item);
    while (j < b.length && (j + 1) / b.length <= (i + 1) / a.length) out.push(b[j++]!);
  });
  out.push(...b.slice(j));
  return out;
}
