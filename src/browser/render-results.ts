/**
 * Builds result DOM for the matcher page and the search-box dropdown. Record
 * and query text only ever reach the page as text nodes (textContent,
 * createTextNode), never through innerHTML.
 */
import type { MatchResult, Reason } from '../matcher/index.ts';
import { highlightParts } from '../matcher/highlight.ts';
import { fill, type MatchStrings } from '../i18n/match-strings.ts';

/** What the renderers need to know about the page. */
export interface RenderContext {
  /** UI language, `zh` or `en`. */
  lang: string;
  strings: MatchStrings;
  /** The record page of `id`. */
  recordUrl(id: string): string;
  /** The query, whose words are marked in titles (ignored when long, see `highlightParts`). */
  query?: string;
}

/** At most this many evidence chips per result; the strongest come first. */
export const MAX_CHIPS = 8;

/** Shorthand for creating an element with a class and optional text. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Appends `text` to `parent` with the words of `fragment` wrapped in `<mark>`. */
export function appendHighlighted(parent: Node, text: string, fragment: string | undefined): void {
  for (const part of highlightParts(text, fragment)) {
    parent.appendChild(part.mark ? el('mark', undefined, part.text) : document.createTextNode(part.text));
  }
}

/** One evidence chip: the matcher's English label, the query words marked, and where it was found. */
export function renderChip(reason: Reason, strings: MatchStrings): HTMLLIElement {
  const where = strings.where[reason.where] ?? reason.where;
  const chip = el('li', `match-chip match-chip--${reason.where}`);
  chip.title = reason.matched;
  const label = el('span', 'match-chip__label');
  label.lang = 'en';
  appendHighlighted(label, reason.label, reason.query);
  chip.append(label, el('span', 'match-chip__where', ` — ${where}`));
  return chip;
}

/** Kind label in the UI language. */
export function kindLabel(kind: string, strings: MatchStrings): string {
  return strings.kinds[kind] ?? kind;
}

/** The fix or workaround snippet of a result, or nothing. */
export function renderFix(fix: MatchResult['fix'], strings: MatchStrings): HTMLElement | undefined {
  if (!fix) return undefined;
  const box = el('div', `match-fix match-fix--${fix.type}`);
  const summary = el('p', 'match-fix__summary');
  summary.append(el('strong', 'match-fix__type', fix.type === 'resolution' ? strings.resolution : strings.workaround), document.createTextNode(' '));
  summary.append(document.createTextNode(fix.summary));
  box.append(summary);
  if (fix.command) {
    const pre = el('pre', 'match-fix__command');
    pre.setAttribute('aria-label', strings.command);
    pre.append(el('code', undefined, fix.command));
    box.append(pre);
  }
  return box;
}

/** A full result card for the matcher page. */
export function renderResult(result: MatchResult, rank: number, ctx: RenderContext): HTMLLIElement {
  const { strings } = ctx;
  const item = el('li', 'match-result');
  const titleId = `match-result-${rank}`;
  item.setAttribute('aria-labelledby', titleId);

  // The list is an <ol>: screen readers announce the position already.
  const rankBadge = el('span', 'match-result__rank', String(rank));
  rankBadge.setAttribute('aria-hidden', 'true');
  const body = el('div', 'match-result__body');

  const heading = el('h3', 'match-result__title');
  heading.id = titleId;
  const link = el('a');
  appendHighlighted(link, result.title, ctx.query);
  link.href = ctx.recordUrl(result.id);
  heading.append(link);
  body.append(heading);
  if (ctx.lang === 'en' && result.titleEn && result.titleEn !== result.title) {
    const en = el('p', 'match-result__title-en');
    appendHighlighted(en, result.titleEn, ctx.query);
    en.lang = 'en';
    body.append(en);
  }

  const meta = el('p', 'match-result__meta');
  meta.append(el('span', 'match-result__kind', kindLabel(result.kind, strings)));
  if (result.date) {
    const time = el('time', 'match-result__date', result.date);
    time.dateTime = result.date;
    meta.append(document.createTextNode(' · '), time);
  }
  body.append(meta);

  const score = Math.max(0, Math.min(100, Math.round(result.score)));
  const scoreBox = el('div', 'match-result__score');
  const meter = el('meter', 'match-result__meter');
  meter.min = 0;
  meter.max = 100;
  meter.value = score;
  meter.setAttribute('aria-label', fill(strings.scoreLabel, { n: score }));
  const number = el('span', 'match-result__score-number', String(score));
  number.setAttribute('aria-hidden', 'true');
  scoreBox.append(el('span', 'match-result__score-label', strings.score), meter, number);
  body.append(scoreBox);

  if (result.reasons.length > 0) {
    const chips = el('ul', 'match-result__evidence');
    chips.setAttribute('aria-label', strings.evidence);
    for (const reason of result.reasons.slice(0, MAX_CHIPS)) chips.append(renderChip(reason, strings));
    body.append(chips);
  }

  const fix = renderFix(result.fix, strings);
  if (fix) body.append(fix);

  const open = el('a', 'match-result__open', strings.openRecord);
  open.href = ctx.recordUrl(result.id);
  open.setAttribute('aria-describedby', titleId);
  body.append(open);

  item.append(rankBadge, body);
  return item;
}

/** Replaces the children of `list` with cards for `results`. */
export function renderResultList(list: HTMLElement, results: readonly MatchResult[], ctx: RenderContext): void {
  list.replaceChildren(...results.map((result, index) => renderResult(result, index + 1, ctx)));
}

/** A compact option for the search-box dropdown: title and the strongest evidence. */
export function renderOption(result: MatchResult, index: number, ctx: RenderContext, idPrefix: string): HTMLLIElement {
  const option = el('li', 'search-option');
  option.id = `${idPrefix}-${index}`;
  option.setAttribute('role', 'option');
  option.setAttribute('aria-selected', 'false');
  option.dataset.href = ctx.recordUrl(result.id);
  // Options hold no links (interactive content may not nest in an option); a click opens `data-href`.
  option.append(el('span', 'search-option__title', ctx.lang === 'en' && result.titleEn ? result.titleEn : result.title));
  const top = result.reasons[0];
  if (top) {
    const reason = el('span', 'search-option__reason');
    reason.lang = 'en';
    appendHighlighted(reason, top.label, top.query);
    option.append(reason);
  }
  return option;
}
