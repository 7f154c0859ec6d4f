/**
 * The matcher page (`/{lang}/match/?q=...`): searches as you type, mirrors
 * the query in the URL so it can be shared, restores it on load. The search
 * runs in the matcher worker (matcher-client.ts): the quick search over the
 * chunks already loaded answers first; the full search over lazy chunks then
 * refines the list. The page's own thread only renders.
 */
import { MAX_QUERY_CHARS } from '../matcher/constants.ts';
import type { MatchResult } from '../matcher/types.ts';
import { debounce, isComposing } from './dom-utils.ts';
import { matcherClient } from './matcher-client.ts';
import { fill, type MatchStrings } from '../i18n/match-strings.ts';
import { allWeak, renderResultList, type RenderContext } from './render-results.ts';
import { looksLikeAlertJson, readAlert } from '../alert/index.ts';

/** Wait after the last keystroke before searching. */
export const TYPING_DEBOUNCE_MS = 60;
/** Results shown on the page. */
export const RESULT_LIMIT = 20;
/** Longer queries (pasted logs) are not written into the URL. */
export const MAX_SHARED_QUERY_LENGTH = 2000;
/** The URL parameter carrying the query. */
export const QUERY_PARAM = 'q';
/** Characters of the query shown in the page title. */
export const TITLE_QUERY_CHARS = 60;
/** Longer queries skip the quick partial search and are searched once, fully. */
export const QUICK_SEARCH_MAX_CHARS = 4000;

type View = 'empty' | 'loading' | 'searching' | 'results' | 'none' | 'error';

/** Reads the page's settings from `data-*` attributes of the root element. */
function readConfig(root: HTMLElement): { ctx: RenderContext; indexUrl: string } {
  const strings = JSON.parse(root.dataset.strings ?? '{}') as MatchStrings;
  const recordBase = root.dataset.recordBase ?? '';
  return {
    indexUrl: root.dataset.indexUrl ?? '',
    ctx: { lang: root.dataset.lang ?? 'en', strings, recordUrl: (id) => `${recordBase}${encodeURIComponent(id)}/` },
  };
}

function byId<T extends HTMLElement>(root: HTMLElement, id: string): T {
  const node = root.querySelector<T>(`#${id}`);
  if (!node) throw new Error(`matcher page: #${id} is missing`);
  return node;
}

/** Wires up the matcher page inside `root` (the element with `data-index-url`). */
export function initMatchPage(root: HTMLElement): void {
  const { ctx, indexUrl } = readConfig(root);
  const { strings } = ctx;
  const form = byId<HTMLFormElement>(root, 'match-form');
  const input = byId<HTMLTextAreaElement>(root, 'match-q');
  const status = byId<HTMLElement>(root, 'match-status');
  const list = byId<HTMLOListElement>(root, 'match-results');
  const empty = byId<HTMLElement>(root, 'match-empty');
  const note = byId<HTMLElement>(root, 'match-note');
  root.classList.add('has-js');

  const matcher = matcherClient(indexUrl);
  let sequence = 0;
  let loaded = false;
  let failed = false;

  const show = (view: View, results: readonly MatchResult[] = [], refining = false): void => {
    root.dataset.view = view;
    empty.hidden = view !== 'empty';
    list.hidden = view !== 'results';
    root.setAttribute('aria-busy', String(view === 'loading' || view === 'searching' || refining));
    if (view === 'results') renderResultList(list, results, { ...ctx, query: input.value });
    else list.replaceChildren();
    const count = results.length === 1 ? strings.resultsOne : fill(strings.resultsCount, { n: results.length });
    const messages: Record<View, string> = {
      empty: '',
      loading: strings.loading,
      searching: strings.searching,
      // Refining keeps the count: a live region that changes twice per keystroke is noise.
      results: allWeak(results) ? strings.noStrongMatch : count,
      none: refining ? strings.loadingMore : strings.noResults,
      error: strings.loadError,
    };
    status.textContent = messages[view];
    status.classList.toggle('is-error', view === 'error');
  };

  const baseTitle = document.title;
  const mirror = (query: string): void => {
    // The tab and history entry name the query, so a shared or bookmarked link reads well.
    const shown = query.slice(0, TITLE_QUERY_CHARS * 4).trim().replace(/\s+/g, ' ');
    document.title = shown ? `${shown.length > TITLE_QUERY_CHARS ? `${shown.slice(0, TITLE_QUERY_CHARS)}…` : shown} · ${baseTitle}` : baseTitle;
    const url = new URL(window.location.href);
    if (query.trim() && query.length <= MAX_SHARED_QUERY_LENGTH) url.searchParams.set(QUERY_PARAM, query);
    else url.searchParams.delete(QUERY_PARAM);
    if (url.href !== window.location.href) window.history.replaceState(window.history.state, '', url);
  };

  /** Says when the query is too long for the link, and how much of a long paste was read. */
  const notes = (query: string, readChars?: number, intake?: string): void => {
    const lines: string[] = intake ? [`${intake}.`] : [];
    if (readChars !== undefined) {
      lines.push(fill(strings.truncated, { read: Math.round(readChars / 1024), total: Math.round(query.length / 1024) }));
    }
    if (query.length > MAX_SHARED_QUERY_LENGTH) lines.push(strings.tooLongToShare);
    note.textContent = lines.join(' ');
  };

  const run = async (query: string): Promise<void> => {
    const current = ++sequence;
    // `data-answered` names the query the shown view is the final answer to (for scripts and tests).
    delete root.dataset.answered;
    const answer = (view: View, results: readonly MatchResult[] = []): void => {
      show(view, results);
      root.dataset.answered = query;
    };
    mirror(query);
    notes(query);
    if (!query.trim()) {
      answer('empty');
      return;
    }
    if (failed) {
      answer('error');
      return;
    }
    if (!loaded) show('loading');
    // A pasted alert payload is matched on its labels and annotations, and the note says what was read.
    const intake = readAlert(query);
    const alertLine = intake.kind === 'alert' ? (ctx.lang === 'zh' ? intake.reading.summaryZh : intake.reading.summary) : intake.kind === 'invalid' && looksLikeAlertJson(query) ? `${intake.message}; matched as plain text` : undefined;
    const text = intake.kind === 'alert' ? intake.reading.query : query;
    notes(query, text.length > MAX_QUERY_CHARS ? MAX_QUERY_CHARS : undefined, alertLine);
    // The quick search answers from the chunks already loaded; when it lacked some, its results
    // show while the full search fetches them (skipping any that fail, e.g. offline).
    // A pasted log costs a noticeable time per search: search it once, fully.
    const quick = text.length <= QUICK_SEARCH_MAX_CHARS;
    if (!quick && loaded) show('searching');
    const onPartial = (partial: MatchResult[]): void => {
      if (current !== sequence) return;
      if (partial.length > 0) show('results', partial, true);
      else show('searching');
    };
    let results: MatchResult[];
    try {
      // Rejects only when the index cannot be loaded.
      results = await matcher.search(text, { limit: RESULT_LIMIT, quick, onPartial });
    } catch (error) {
      failed = true;
      console.warn('Precedent: the matcher index failed to load', error);
      if (current === sequence) answer('error');
      return;
    }
    loaded = true;
    if (current !== sequence) return;
    answer(results.length ? 'results' : 'none', results);
  };

  const runSoon = debounce((query: string) => void run(query), TYPING_DEBOUNCE_MS);

  input.addEventListener('input', () => runSoon(input.value));
  input.addEventListener('keydown', (event) => {
    // Enter searches; Shift+Enter is a new line; Enter that confirms an IME composition is neither.
    if (event.key !== 'Enter' || event.shiftKey || isComposing(event)) return;
    event.preventDefault();
    void run(input.value);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(input.value);
  });
  root.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[data-example]');
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    input.value = link.dataset.example ?? '';
    input.focus();
    void run(input.value);
  });

  const initial = new URL(window.location.href).searchParams.get(QUERY_PARAM) ?? '';
  input.value = initial;
  if (!initial && !window.location.hash) input.focus();
  void run(initial);
  // The page exists to search: fetch the index now rather than on the first keystroke.
  matcher.load().then(
    () => {
      loaded = true;
    },
    (error: unknown) => {
      if (loaded || failed) return;
      failed = true;
      console.warn('Precedent: the matcher index failed to load', error);
      sequence++;
      show('error');
    },
  );
}
