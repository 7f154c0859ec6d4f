/**
 * Builds result DOM for the matcher page and the search-box dropdown. Record
 * and query text only ever reach the page as text nodes (textContent,
 * createTextNode), never through innerHTML.
 */
import type { FixCommand, MatchFix, MatchResult, Reason } from '../matcher/types.ts';
import { highlightParts } from '../matcher/highlight.ts';
import { fill, type MatchStrings } from '../i18n/match-strings.ts';
import { evidenceText } from '../i18n/evidence.ts';
import { COPIED_FEEDBACK_MS } from './copy-buttons.ts';

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

/** One evidence chip: what matched, in the UI language, the query words marked, and where it was found (said once). */
export function renderChip(reason: Reason, strings: MatchStrings, lang = 'en'): HTMLLIElement {
  const where = strings.where[reason.where] ?? reason.where;
  const chip = el('li', `match-chip match-chip--${reason.where}`);
  chip.title = reason.matched;
  const label = el('span', 'match-chip__label');
  appendHighlighted(label, evidenceText(reason, lang === 'zh' ? 'zh' : 'en'), reason.query);
  chip.append(label, el('span', 'match-chip__where', ` — ${where}`));
  return chip;
}

/** Kind label in the UI language. */
export function kindLabel(kind: string, strings: MatchStrings): string {
  return strings.kinds[kind] ?? kind;
}

/** At most this many commands of each fix are shown in a card; the record page has the rest. */
export const MAX_CARD_COMMANDS = 3;

/**
 * A command as a code block: a shell command gets a `$` prompt per line (drawn
 * by CSS, so it is neither selected nor copied), other code (`lang`) none.
 */
export function renderCommand(command: FixCommand, strings: MatchStrings): HTMLElement {
  const box = el('div', 'code-block');
  const pre = el('pre', `code ${command.lang ? `code--lang code--${command.lang.replace(/[^a-z0-9-]/g, '')}` : 'code--shell'}`);
  pre.setAttribute('aria-label', strings.command);
  pre.tabIndex = 0;
  const code = el('code');
  if (command.lang) code.dataset.lang = command.lang;
  const lines = command.code.replace(/\n+$/, '').split('\n');
  lines.forEach((line, i) => {
    code.append(el('span', 'code-line', line));
    if (i < lines.length - 1) code.append(document.createTextNode('\n'));
  });
  pre.append(code);
  box.append(pre);
  if (typeof navigator !== 'undefined' && navigator.clipboard?.writeText) {
    const button = el('button', 'copy-button', strings.copy);
    button.type = 'button';
    button.addEventListener('click', () => {
      navigator.clipboard.writeText(code.textContent ?? '').then(
        () => (button.textContent = strings.copied),
        () => (button.textContent = strings.copyFailed),
      );
      setTimeout(() => (button.textContent = strings.copy), COPIED_FEEDBACK_MS);
    });
    box.append(button);
  }
  return box;
}

/** One fix of a result (workaround or resolution): its type, summary in the UI language where the record has one, and commands. */
export function renderFix(fix: MatchFix | undefined, strings: MatchStrings, lang = 'en', recordHref?: string): HTMLElement | undefined {
  if (!fix) return undefined;
  const box = el('div', `match-fix match-fix--${fix.type}`);
  const summary = el('p', 'match-fix__summary');
  summary.append(el('strong', 'match-fix__type', fix.type === 'resolution' ? strings.resolution : strings.workaround), document.createTextNode(' '));
  const english = lang === 'en' && fix.summaryEn;
  const text = el('span', 'match-fix__text', english ? fix.summaryEn : fix.summary);
  if (english) text.lang = 'en';
  summary.append(text);
  box.append(summary);
  const commands = fix.commands ?? (fix.command ? [{ code: fix.command }] : []);
  for (const command of commands.slice(0, MAX_CARD_COMMANDS)) box.append(renderCommand(command, strings));
  if (commands.length > MAX_CARD_COMMANDS && recordHref) {
    const more = el('a', 'match-fix__more', strings.moreCommands);
    more.href = `${recordHref}#sec-${fix.type}`;
    box.append(more);
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
  if (result.confidence && strings.confidence) {
    meta.append(el('span', `match-result__confidence match-result__confidence--${result.confidence}`, strings.confidence[result.confidence]), document.createTextNode(' · '));
  }
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
    for (const reason of result.reasons.slice(0, MAX_CHIPS)) chips.append(renderChip(reason, strings, ctx.lang));
    body.append(chips);
  }

  // Workaround first (what restores service now), then the resolution.
  for (const fix of result.fixes ?? (result.fix ? [result.fix] : [])) {
    const box = renderFix(fix, strings, ctx.lang, ctx.recordUrl(result.id));
    if (box) body.append(box);
  }

  const open = el('a', 'match-result__open', strings.openRecord);
  open.href = ctx.recordUrl(result.id);
  open.setAttribute('aria-describedby', titleId);
  body.append(open);

  item.append(rankBadge, body);
  return item;
}

/**
 * Replaces the children of `list` with cards for `results`. Results the
 * matcher is not confident about (`weak`) follow the others under a heading
 * of their own; when every result is weak there is no heading (the status
 * line says so, see `allWeak`).
 */
export function renderResultList(list: HTMLElement, results: readonly MatchResult[], ctx: RenderContext): void {
  const items: HTMLLIElement[] = [];
  const firstWeak = results.findIndex((result) => result.confidence === 'weak');
  results.forEach((result, index) => {
    if (index === firstWeak && index > 0) {
      const group = el('li', 'match-group');
      group.append(el('h3', 'match-group__heading', ctx.strings.weakHeading));
      items.push(group);
    }
    const item = renderResult(result, index + 1, ctx);
    if (result.confidence === 'weak') item.classList.add('match-result--weak');
    items.push(item);
  });
  list.replaceChildren(...items);
}

/** Whether no result is better than weak: the page then says "no strong match; closest records". */
export function allWeak(results: readonly MatchResult[]): boolean {
  return results.length > 0 && results.every((result) => result.confidence === 'weak');
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
    appendHighlighted(reason, evidenceText(top, ctx.lang === 'zh' ? 'zh' : 'en'), top.query);
    option.append(reason);
  }
  return option;
}
