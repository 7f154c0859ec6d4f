/**
 * Browser side of the library filters. Reads and writes the query string so
 * a filtered view can be linked, reloaded and navigated with Back.
 */

/** Query parameters the filters own, in URL order. */
export const FILTER_FIELDS = ['kind', 'severity', 'category', 'service', 'tag', 'year', 'q'] as const;
type Field = (typeof FILTER_FIELDS)[number];
type FilterState = Record<Field, string>;

/** Milliseconds of quiet typing before the text filter is written to the URL. */
export const TEXT_URL_DELAY = 300;

function emptyState(): FilterState {
  return { kind: '', severity: '', category: '', service: '', tag: '', year: '', q: '' };
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

function parseList(value: string | undefined): string[] {
  try {
    const list: unknown = JSON.parse(value ?? '[]');
    return Array.isArray(list) ? list.map(String) : [];
  } catch {
    return [];
  }
}

/** Whether a list item (its `data-*` facets) passes the filters. */
export function matches(item: DOMStringMap, state: FilterState): boolean {
  if (state.kind && item.kind !== state.kind) return false;
  if (state.severity && item.severity !== state.severity) return false;
  if (state.category && item.category !== state.category) return false;
  if (state.year && item.year !== state.year) return false;
  if (state.service && !parseList(item.services).includes(state.service)) return false;
  if (state.tag && !parseList(item.tags).includes(state.tag)) return false;
  if (state.q) {
    const text = item.text ?? '';
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
  if (!form || !list || !count) return;
  const items = [...list.querySelectorAll<HTMLLIElement>(':scope > li')];
  const control = (field: Field) => form.elements.namedItem(field) as HTMLInputElement | HTMLSelectElement | null;
  let textTimer: ReturnType<typeof setTimeout> | undefined;

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

  const apply = (state: FilterState) => {
    let shown = 0;
    for (const item of items) {
      const visible = matches(item.dataset, state);
      item.hidden = !visible;
      if (visible) shown += 1;
    }
    const template = count.dataset.template ?? '{shown} / {total}';
    count.textContent = template.replace('{shown}', String(shown)).replace('{total}', String(items.length));
    if (empty) empty.hidden = shown > 0 || items.length === 0;
  };

  const commit = (push: boolean) => {
    clearTimeout(textTimer);
    const state = readControls();
    apply(state);
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
    apply(readControls());
    clearTimeout(textTimer);
    textTimer = setTimeout(() => commit(false), TEXT_URL_DELAY);
  });
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
    apply(state);
  });

  const initial = stateFromSearch(location.search);
  writeControls(initial);
  apply(initial);
  form.hidden = false;
}
