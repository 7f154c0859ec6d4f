/**
 * The facts of one document, each with where it was found: the structured
 * `symptoms` block first (typed by the author, so trusted), then title,
 * summary, fix and products, then the whole body.
 */
import { MAX_DOC_FACTS, MAX_DOC_TEXT_CHARS } from './constants.ts';
import { extractFacts } from './extract-facts.ts';
import { conceptFacts } from './lexicon.ts';
import { decimalsOf } from './figures.ts';
import { englishLabel } from './figure-label.ts';
import { DURATION_UNITS, SIZE_UNITS } from './fact-vocab.ts';
import type { Fact, FigureOp, MatchDoc, Where } from './types.ts';

/** A fact and where in the record it was found. */
export interface PlacedFact {
  fact: Fact;
  where: Where;
  /** File under this index key only (set for body facts whose other keys are already in the core). */
  key?: string;
}

/** Facts of the core fields (symptoms, title, summary, fix, products). */
export function coreFacts(doc: MatchDoc): PlacedFact[] {
  const out: PlacedFact[] = [];
  const add = (facts: Fact[], where: Where) => {
    for (const fact of facts) out.push({ fact, where });
  };
  const symptoms = doc.symptoms;
  if (symptoms) {
    for (const error of symptoms.errors) {
      if (error.code !== undefined) add(codeFacts(String(error.code)), 'symptom');
      if (error.message !== undefined) add([...extractFacts(error.message), ...concepts(error.message)], 'symptom');
    }
    for (const port of symptoms.ports) {
      const text = `${port.port}${port.protocol ? `/${port.protocol}` : ''}`;
      add([{ type: 'port', key: `port:${port.port}`, text, start: 0, end: 0, value: port.port, ...(port.protocol && { protocol: port.protocol }) }], 'symptom');
    }
    for (const figure of symptoms.figures) add([figureFact(figure)], 'symptom');
    for (const host of symptoms.hosts) add(orPlain(extractFacts(host), host, 'host'), 'symptom');
    for (const identifier of symptoms.identifiers) add(orPlain(extractFacts(identifier), identifier, 'identifier'), 'symptom');
    for (const log of symptoms.logs) add(extractFacts(log, { maxChars: MAX_DOC_TEXT_CHARS }), 'symptom');
  }
  for (const product of doc.products ?? []) {
    for (const version of product.versions) add(orPlain(extractFacts(version), version, 'version'), 'symptom');
    if (product.fixedIn) add(orPlain(extractFacts(product.fixedIn), product.fixedIn, 'version'), 'fix');
  }
  const withConcepts = (text: string) => [...extractFacts(text), ...concepts(text)];
  add(withConcepts(doc.title), 'title');
  if (doc.titleEn) add(withConcepts(doc.titleEn), 'title');
  add(withConcepts(doc.summary), 'summary');
  if (doc.summaryEn) add(withConcepts(doc.summaryEn), 'summary');
  for (const fix of doc.fixes ?? (doc.fix ? [doc.fix] : [])) {
    add(withConcepts(fix.summary), 'fix');
    if (fix.summaryEn) add(withConcepts(fix.summaryEn), 'fix');
    if (fix.command) add(extractFacts(fix.command), 'fix');
  }
  return out.slice(0, MAX_DOC_FACTS);
}

/** Facts of the body text: lexicon concepts (once each) first, so a fact-dense log cannot crowd them out. */
export function bodyFacts(doc: MatchDoc): PlacedFact[] {
  return [...concepts(doc.text, MAX_DOC_TEXT_CHARS), ...extractFacts(doc.text, { maxChars: MAX_DOC_TEXT_CHARS })]
    .slice(0, MAX_DOC_FACTS)
    .map((fact) => ({ fact, where: 'body' as const }));
}

/** The lexicon concepts of a text, the first occurrence of each (one posting per record and place is kept anyway). */
function concepts(text: string, maxChars?: number): Fact[] {
  const seen = new Set<string>();
  return conceptFacts(text, maxChars).filter((f) => !seen.has(f.key) && (seen.add(f.key), true));
}

/** An author's error code: typed when it reads as one (`ECONNRESET`, `HTTP 502`), else `code:<CODE>`. */
export function codeFacts(code: string): Fact[] {
  const trimmed = code.trim();
  const facts = extractFacts(trimmed).filter((f) => f.type !== 'number');
  if (facts.length > 0) return facts;
  if (!/^[\w.-]{1,40}$/.test(trimmed)) return [];
  return [{ type: 'code', key: `code:${trimmed.toUpperCase()}`, text: trimmed, start: 0, end: trimmed.length, ...(/^\d+$/.test(trimmed) && { value: Number(trimmed) }) }];
}

function orPlain(facts: Fact[], text: string, type: 'host' | 'identifier' | 'version'): Fact[] {
  const typed = facts.filter((f) => f.type !== 'number');
  if (typed.length > 0) return typed;
  const name = text.trim();
  if (name === '' || name.length > 80) return [];
  const key = type === 'version' ? name : name.toLowerCase();
  return [{ type, key: `${type}:${key}`, text: name, start: 0, end: name.length }];
}

function figureFact(figure: { label: string; value: number; unit?: string | undefined; op?: FigureOp | undefined }): Fact {
  const label = englishLabel(figure.label);
  const unit = (figure.unit ?? '').trim();
  const base = { text: `${figure.op ?? ''}${figure.value}${unit === '%' ? '%' : unit ? ` ${unit}` : ''}`, start: 0, end: 0, decimals: decimalsOf(String(figure.value)), ...(figure.op && { op: figure.op }), ...(label && { label }) };
  if (unit === '%') return { ...base, type: 'percent', key: `percent:${figure.value}`, value: figure.value, unit: '%' };
  const seconds = DURATION_UNITS.get(unit.toLowerCase()) ?? (unit === '秒' ? 1 : unit === '分钟' ? 60 : unit === '小时' ? 3600 : undefined);
  if (seconds !== undefined) return { ...base, type: 'duration', key: `duration:${figure.value * seconds}`, value: figure.value * seconds, unit: 's' };
  const bytes = unit ? SIZE_UNITS.get(unit.toUpperCase()) : undefined;
  if (bytes !== undefined && /[A-Z]/.test(unit)) return { ...base, type: 'figure', key: `figure:B:${figure.value * bytes}`, value: figure.value * bytes, unit: 'B' };
  return { ...base, type: 'figure', key: `figure:count:${figure.value}`, value: figure.value, unit: 'count', label: label ?? (unit || 'count') };
}
