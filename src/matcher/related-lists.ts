/**
 * The related records of every record at once: the same lists as
 * `Matcher.related` asked record by record, for a fraction of the work.
 *
 * Asked one by one, each record's facts walk the postings of every record
 * sharing them and build a match object per posting, and its title words
 * run a lunr query: about N × 20–40 ms over a library of N records, the
 * largest cost of a site build. Here the best match of each key in each
 * record (what `scoreFacts` finds for an exact lookup of the key, which does
 * not depend on who asks) is worked out once per key; a record's fact scores
 * are then sums over those lists in typed arrays, its title words are scored
 * from the text postings (`TextIndex.scoreOptional`, lunr's numbers), and only the
 * candidates that can rank (`RERANK_DEPTH`) get match objects, built in
 * `scoreFacts`' own order and ranked by `rank` itself. A unit test holds the
 * lists equal to `related`'s.
 */
import { MIN_RAW_SCORE, RERANK_DEPTH, TEXT_CAP, TEXT_WEIGHT } from './constants.ts';
import type { QueryFact } from './analyze-query.ts';
import type { FactTable } from './bundle-format.ts';
import { addFactMatch, rank, scoreFacts, scoreText, type Accumulator, type FactMatch, type Ranked } from './rank.ts';
import { termBoost, textHit } from './text-index.ts';
import type { TextHit } from './text-index.ts';
import type { TextIndex } from './text-index-load.ts';
import type { WordDisplay } from './analyze-query.ts';

/** What the lists are computed from: a matcher's loaded tables and its `related` inputs per record. */
export interface RelatedSource {
  docs: number;
  tables: FactTable[];
  text: TextIndex;
  /** The record's own core facts, as `related` asks them. */
  factsOf: (ref: number) => QueryFact[];
  /** The record's title terms, as `related` asks them. */
  termsOf: (ref: number) => string[];
  display: WordDisplay;
}

/** The best match of one key in each record holding it, in `scoreFacts`' order. */
interface KeyMatches {
  refs: Int32Array;
  weights: Float64Array;
  matches: FactMatch[];
  /**
   * 0 where the record's match cannot meet a twin, else 1 + a number for its
   * place and evidence: a twin is the same evidence in the same place under
   * another key of the record.
   */
  twin: Int32Array;
  /** Position of each ref, made when a candidate is replayed. */
  position?: Map<number, number>;
}

/** Ranked related entries of every record (by ref), at most `limit` each, the record itself excluded. */
export function relatedLists(source: RelatedSource, limit: number): Ranked[][] {
  const { docs } = source;
  const keys = keyMatches(source);
  const facts = new Float64Array(docs);
  const text = new Float64Array(docs);
  const stamp = new Int32Array(docs).fill(-1);
  const out: Ranked[][] = [];
  const depth = Math.max(limit, RERANK_DEPTH);
  for (let self = 0; self < docs; self++) {
    const own = source.factsOf(self);
    const touched: number[] = [];
    const twins = new Map<number, Array<[cls: number, weight: number]>>();
    let previous: string | undefined;
    for (const { lookups } of own) {
      const key = lookups[0]!.key;
      // A key the record holds in two places is one fact twice: the second finds its twin, equal, and adds nothing.
      if (key === previous) continue;
      previous = key;
      const list = keys.get(key);
      if (!list) continue;
      const { refs, weights, twin } = list;
      for (let i = 0; i < refs.length; i++) {
        const ref = refs[i]!;
        if (stamp[ref] !== self) {
          stamp[ref] = self;
          facts[ref] = 0;
          text[ref] = 0;
          touched.push(ref);
        }
        const weight = weights[i]!;
        const cls = twin[i]!;
        if (cls === 0) {
          facts[ref]! += weight;
          continue;
        }
        // As scoreFacts: the same record fact found twice counts once, the heavier kept.
        const seen = twins.get(ref) ?? [];
        twins.set(ref, seen);
        const found = seen.findIndex(([c]) => c === cls);
        if (found >= 0) {
          if (seen[found]![1] >= weight) continue;
          facts[ref]! -= seen[found]![1];
          seen.splice(found, 1);
        }
        facts[ref]! += weight;
        seen.push([cls, weight]);
      }
    }
    const hits = source.text.scoreOptional(source.termsOf(self), termBoost);
    for (const [ref, score] of hits.scores) {
      if (stamp[ref] !== self) {
        stamp[ref] = self;
        facts[ref] = 0;
        touched.push(ref);
      }
      // As scoreText (factor 1).
      text[ref] = TEXT_WEIGHT * score * 1;
    }
    // The candidates `rank` would rerank: best raw first, ties by ref.
    const best: Array<{ ref: number; raw: number }> = [];
    for (const ref of touched) {
      if (ref === self) continue;
      const raw = facts[ref]! + TEXT_CAP * (1 - Math.exp(-text[ref]! / TEXT_CAP));
      if (raw < MIN_RAW_SCORE) continue;
      if (best.length === depth && !before(raw, ref, best[depth - 1]!)) continue;
      let at = best.length;
      while (at > 0 && before(raw, ref, best[at - 1]!)) at--;
      best.splice(at, 0, { ref, raw });
      if (best.length > depth) best.pop();
    }
    const acc = new Map<number, Accumulator>();
    for (const { ref } of best) acc.set(ref, replayFacts(own, keys, ref));
    const shown = new Map<number, TextHit>();
    for (const { ref } of best) {
      const score = hits.scores.get(ref);
      if (score !== undefined) shown.set(ref, textHit(score, () => hits.metadata(ref)));
    }
    scoreText(shown, source.display, acc);
    out.push(rank(acc, limit, self));
  }
  return out;
}

function before(raw: number, ref: number, other: { ref: number; raw: number }): boolean {
  return raw > other.raw || (raw === other.raw && ref < other.ref);
}

/** The best match of every fact key in every record, as `scoreFacts` finds it for an exact lookup of the key. */
function keyMatches(source: RelatedSource): Map<string, KeyMatches> {
  const keys = new Map<string, KeyMatches>();
  const lists: KeyMatches[] = [];
  for (let ref = 0; ref < source.docs; ref++) {
    for (const fact of source.factsOf(ref)) {
      const key = fact.lookups[0]!.key;
      if (keys.has(key)) continue;
      const acc = new Map<number, Accumulator>();
      // The asking record's evidence is not part of the weight (only `query` carries it): ask with none.
      scoreFacts([{ ...fact, fact: { ...fact.fact, text: '' } }], source.tables, source.docs, acc);
      const refs = new Int32Array(acc.size);
      const weights = new Float64Array(acc.size);
      const matches: FactMatch[] = [];
      let i = 0;
      for (const [other, entry] of acc) {
        const match = entry.reasons[0] as FactMatch;
        refs[i] = other;
        weights[i++] = match.weight;
        matches.push(match);
      }
      const list = { refs, weights, matches, twin: new Int32Array(acc.size) };
      keys.set(key, list);
      lists.push(list);
    }
  }
  // A match can meet a twin only where its record has the same evidence and place under another key.
  const classes = new Map<string, number>();
  const count = new Map<string, number>();
  const id = (ref: number, cls: number) => `${ref}:${cls}`;
  for (const list of lists) {
    list.matches.forEach((match, i) => {
      const name = `${match.where}\u0000${match.matched}`;
      let cls = classes.get(name);
      if (cls === undefined) classes.set(name, (cls = classes.size + 1));
      list.twin[i] = cls;
      const seen = id(list.refs[i]!, cls);
      count.set(seen, (count.get(seen) ?? 0) + 1);
    });
  }
  for (const list of lists) list.twin.forEach((cls, i) => (list.twin[i] = count.get(id(list.refs[i]!, cls))! > 1 ? cls : 0));
  return keys;
}

/** One candidate's fact matches, built as `scoreFacts` builds them for the record's facts in order. */
function replayFacts(own: QueryFact[], keys: Map<string, KeyMatches>, ref: number): Accumulator {
  const entry: Accumulator = { facts: 0, text: 0, reasons: [] };
  for (const { fact, lookups } of own) {
    const list = keys.get(lookups[0]!.key);
    if (!list) continue;
    list.position ??= new Map(Array.from(list.refs, (r, i) => [r, i]));
    const i = list.position.get(ref);
    if (i === undefined) continue;
    addFactMatch(entry, { ...list.matches[i]!, query: fact.text });
  }
  return entry;
}
