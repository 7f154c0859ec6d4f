/**
 * Browser side of the library filters. The page shows one page of the
 * library; a filter runs over every record, read once from the compact list
 * `library.json` (fetched on the first filter), and shows what matches
 * `LIBRARY_PAGE_SIZE` at a time. Reads and writes the query string so a
 * filtered view can be linked, reloaded and navigated with Back.
 */
import { renderRow, type RowLabels } from './library-item.ts';
import type { LibraryRow } from './library-row.ts';
import { foldFilters } from './filters-fold.ts';

/** Query parameters the filters own, in URL order. */
export const FILTER_FIELDS = ['kind', 'severity', 'category', 'service', 'tag', 'year', 'q'] as const;
type Field = (typeof FILTER_FIELDS)[number];
type FilterState = Record<Field, string>;

/** Milliseconds of quiet typing before the text filter is written to the URL. */
export const TEXT_URL_DELAY = 300;
/** Matches shown at once; "Show more" adds as many again. */
export const FILTER_PAGE_SIZE = 100;

function emptyState(): FilterState {
  return { kind: '', severity: '', category: '', service: '', tag: '', year: '', q: '' };
}

/** True when no filter is set: the page's own records are shown. */
export function isEmptyState(state: FilterState): boolean {
  return FILTER_FIELDS.every((field) => !state[field]);
}

/** Filter state from a query string; unknown parameters are ignored. */
export function stateFromSearch(search: string): FilterState {
  const params = new URLSearchParams(search);
  const state = emptyState();
  for (const field of FILTER_FIELDS) state[field] = params.get(field)?.trim() ?? '';
  return state;
}

/** The query string for a state, keeping parameters the filters do not own. */
export function searchFromState(state: FilterState, current: string): string {
  const params = new URLSearchParams(current);
  for (const field of FILTER_FIELDS) {
    if (state[field]) params.set(field, state[field]);
    else params.delete(field);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Everything the text filter searches in a row, lower case. */
function searchText(row: LibraryRow): string {
  return [row.id, row.title, row.titleEn, row.summary, ...row.services, ...row.tags, row.text].filter(Boolean).join(' ').toLowerCase();
}

const texts = new WeakMap<LibraryRow, string>();

/** Whether a record passes the filters. */
export function matches(row: LibraryRow, state: FilterState): boolean {
  if (state.kind && row.kind !== state.kind) return false;
  // A normalised severity, else the source label unmapped: the values the severity filter offers.
  if (state.severity && (row.severity ?? row.sourceSeverity ?? '') !== state.severity) return false;
  if (state.category && row.category !== state.category) return false;
  if (state.year && row.date?.slice(0, 4) !== state.year) return false;
  if (state.service && !row.services.includes(state.service)) return false;
  if (state.tag && !row.tags.includes(state.tag)) return false;
  if (state.q) {
    let text = texts.get(row);
    if (text === undefined) texts.set(row, (text = searchText(row)));
    return state.q.toLowerCase().split(/\s+/).every((term) => text.includes(term));
  }
  return true;
}

/** Wires the library filters, if the page has them. */
export function initRecordFilters(): void {
  const form = document.querySelector<HTMLFormElement>('#record-filters');
  const list = document.querySelector<HTMLElement>('#record-list');
  const count = document.querySelector<HTMLElement>('#record-count');
  const empty = document.querySelector<HTMLElement>('#record-no-matches');
  const toggle = document.querySelector<HTMLButtonElement>('#record-filters-toggle');
  const more = document.querySelector<HTMLButtonElement>('#record-more');
  const pager = document.querySelector<HTMLElement>('#library-pager');
  if (!form || !list || !count || !form.dataset.rows) return;
  const showActive = toggle ? foldFilters(form, toggle) : () => {};
  const rowsUrl = form.dataset.rows;
  const labels = JSON.parse(form.dataset.labels ?? '{}') as RowLabels;
  const pageItems = [...list.children];
  const pageCount = count.textContent ?? '';
  const control = (field: Field) => form.elements.namedItem(field) as HTMLInputElement | HTMLSelectElement | null;
  let rows: Promise<LibraryRow[]> | undefined;
  let textTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped on every apply, so a slow first load never overwrites a later filter. */
  let generation = 0;
  let matched: LibraryRow[] = [];

  const readControls = (): FilterState => {
    const state = emptyState();
    for (const field of FILTER_FIELDS) state[field] = control(field)?.value.trim() ?? '';
    return state;
  };

  const writeControls = (state: FilterState) => {
    for (const field of FILTER_FIELDS) {
      const element = control(field);
      if (!element) continue;
      const value = state[field];
      // A linked value the list no longer has still filters (to nothing) rather than being dropped silently.
      if (element instanceof HTMLSelectElement && value && ![...element.options].some((o) => o.value === value)) {
        element.add(new Option(value, value));
      }
      element.value = value;
    }
  };

  const loadRows = (): Promise<LibraryRow[]> => {
    rows ??= fetch(rowsUrl).then((response) => {
      if (!response.ok) throw new Error(`${rowsUrl}: HTTP ${response.status}`);
      return response.json() as Promise<LibraryRow[]>;
    });
    rows.catch(() => { rows = undefined; });
    return rows;
  };

  const showMore = () => {
    const shown = list.children.length;
    list.append(...matched.slice(shown, shown + FILTER_PAGE_SIZE).map((row) => renderRow(row, labels)));
    if (more) more.hidden = list.children.length >= matched.length;
  };

  const apply = async (state: FilterState) => {
    const current = ++generation;
    showActive(FILTER_FIELDS.filter((field) => state[field]).length);
    if (isEmptyState(state)) {
      list.replaceChildren(...pageItems);
      count.textContent = pageCount;
      if (pager) pager.hidden = false;
      if (empty) empty.hidden = true;
      if (more) more.hidden = true;
      return;
    }
    let all: LibraryRow[];
    try {
      all = await loadRows();
    } catch {
      if (current === generation) count.textContent = labels.loadError;
      return;
    }
    if (current !== generation) return;
    matched = all.filter((row) => matches(row, state));
    list.replaceChildren();
    showMore();
    if (pager) pager.hidden = true;
    const template = count.dataset.template ?? '{shown} / {total}';
    count.textContent = template.replace('{shown}', String(matched.length)).replace('{total}', String(all.length));
    if (empty) empty.hidden = matched.length > 0 || all.length === 0;
  };

  const commit = (push: boolean) => {
    clearTimeout(textTimer);
    const state = readControls();
    void apply(state);
    const search = searchFromState(state, location.search);
    if (search === location.search) return;
    const url = `${location.pathname}${search}${location.hash}`;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    commit(true);
  });
  form.addEventListener('change', (event) => {
    if (event.target instanceof HTMLSelectElement) commit(true);
  });
  control('q')?.addEventListener('input', () => {
    void apply(readControls());
    clearTimeout(textTimer);
    textTimer = setTimeout(() => commit(false), TEXT_URL_DELAY);
  });
  // The list is only fetched when a filter is used: start as soon as the reader reaches for one.
  form.addEventListener('focusin', () => void loadRows().catch(() => undefined), { once: true });
  more?.addEventListener('click', showMore);
  form.addEventListener('reset', () => {
    // The reset event fires before the controls are cleared.
    setTimeout(() => {
      writeControls(emptyState());
      commit(true);
    });
  });
  window.addEventListener('popstate', () => {
    const state = stateFromSearch(location.search);
    writeControls(state);
    void apply(state);
  });

  const initial = stateFromSearch(location.search);
  writeControls(initial);
  if (!isEmptyState(initial)) void apply(initial);
}
