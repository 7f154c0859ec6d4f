/**
 * Browser side of the follow-ups page: filters mirrored in the query string
 * (linkable, reloadable, Back works), and overdue re-judged against the
 * reader's today when the site was built earlier.
 */
import { daysBetween } from '../follow-ups/dates.ts';

/** Query parameters the filters own, in URL order. */
export const ACTION_FILTER_FIELDS = ['status', 'owner', 'type', 'service', 'overdue'] as const;
type Field = (typeof ACTION_FILTER_FIELDS)[number];
/** Filter state: each field's value, `''` for any. */
export type ActionFilterState = Record<Field, string>;

/** Status filter value for `open` and `in-progress` together. */
export const TODO = 'todo';
const OPEN = new Set(['open', 'in-progress']);

function emptyState(): ActionFilterState {
  return { status: '', owner: '', type: '', service: '', overdue: '' };
}

/** Filter state from a query string; unknown parameters are ignored. */
export function actionStateFromSearch(search: string): ActionFilterState {
  const params = new URLSearchParams(search);
  const state = emptyState();
  for (const field of ACTION_FILTER_FIELDS) state[field] = params.get(field)?.trim() ?? '';
  if (state.overdue && state.overdue !== '1') state.overdue = '1';
  return state;
}

/** The query string for a state, keeping parameters the filters do not own. */
export function actionSearchFromState(state: ActionFilterState, current: string): string {
  const params = new URLSearchParams(current);
  for (const field of ACTION_FILTER_FIELDS) {
    if (state[field]) params.set(field, state[field]);
    else params.delete(field);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Whether a row (its `data-*` facets) passes the filters. */
export function actionMatches(row: DOMStringMap, state: ActionFilterState): boolean {
  if (state.status === TODO ? !OPEN.has(row.status ?? '') : state.status && row.status !== state.status) return false;
  if (state.owner && row.owner !== state.owner) return false;
  if (state.type && row.type !== state.type) return false;
  if (state.overdue && row.overdue !== 'true') return false;
  if (state.service) {
    let services: unknown = [];
    try {
      services = JSON.parse(row.services ?? '[]');
    } catch {
      services = [];
    }
    if (!Array.isArray(services) || !services.includes(state.service)) return false;
  }
  return true;
}

/** The reader's today, `YYYY-MM-DD`, in their own time zone. */
function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Marks rows that have fallen overdue since the build; returns how many rows are overdue now. */
function rejudgeOverdue(rows: HTMLElement[], today: string, templates: { many: string; one: string }): number {
  let overdue = 0;
  for (const row of rows) {
    const due = row.dataset.due;
    const late = Boolean(due && OPEN.has(row.dataset.status ?? '') && due < today);
    if (late) overdue += 1;
    if (!late) continue;
    row.dataset.overdue = 'true';
    row.classList.add('is-overdue');
    const badge = row.querySelector<HTMLElement>('[data-overdue-badge]');
    if (badge) {
      const days = daysBetween(due!, today);
      badge.textContent = days === 1 ? templates.one : templates.many.replace('{n}', String(days));
      badge.hidden = false;
    }
  }
  return overdue;
}

/** Wires the follow-ups page, if it is this page. */
export function initActionFilters(): void {
  const form = document.querySelector<HTMLFormElement>('#action-filters');
  const table = document.querySelector<HTMLElement>('#action-table');
  const count = document.querySelector<HTMLElement>('#action-count');
  const empty = document.querySelector<HTMLElement>('#action-no-matches');
  if (!form || !table || !count) return;
  const rows = [...table.querySelectorAll<HTMLElement>('tbody > tr')];

  const asOf = table.dataset.asOf ?? '';
  const today = localToday();
  if (asOf && today > asOf) {
    const overdue = rejudgeOverdue(rows, today, { many: table.dataset.daysTemplate ?? '{n}', one: table.dataset.dayTemplate ?? '1' });
    const stat = document.querySelector<HTMLElement>('#action-overdue-count');
    if (stat) stat.textContent = String(overdue);
    const note = document.querySelector<HTMLElement>('#action-as-of');
    if (note?.dataset.todayTemplate) note.textContent = note.dataset.todayTemplate.replace('{day}', today);
  }

  const control = (field: Field) => form.elements.namedItem(field) as HTMLInputElement | HTMLSelectElement | null;
  const read = (): ActionFilterState => {
    const state = emptyState();
    for (const field of ACTION_FILTER_FIELDS) {
      const element = control(field);
      if (element instanceof HTMLInputElement && element.type === 'checkbox') state[field] = element.checked ? '1' : '';
      else state[field] = element?.value.trim() ?? '';
    }
    return state;
  };
  const write = (state: ActionFilterState) => {
    for (const field of ACTION_FILTER_FIELDS) {
      const element = control(field);
      if (!element) continue;
      if (element instanceof HTMLInputElement && element.type === 'checkbox') {
        element.checked = state[field] === '1';
        continue;
      }
      const value = state[field];
      // A linked value the table no longer has still filters (to nothing) rather than being dropped silently.
      if (element instanceof HTMLSelectElement && value && ![...element.options].some((o) => o.value === value)) element.add(new Option(value, value));
      element.value = value;
    }
  };
  const apply = (state: ActionFilterState) => {
    let shown = 0;
    for (const row of rows) {
      const visible = actionMatches(row.dataset, state);
      row.hidden = !visible;
      if (visible) shown += 1;
    }
    const template = count.dataset.template ?? '{shown} / {total}';
    count.textContent = template.replace('{shown}', String(shown)).replace('{total}', String(rows.length));
    if (empty) empty.hidden = shown > 0 || rows.length === 0;
  };
  const commit = () => {
    const state = read();
    apply(state);
    const search = actionSearchFromState(state, location.search);
    if (search !== location.search) history.pushState(null, '', `${location.pathname}${search}${location.hash}`);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    commit();
  });
  form.addEventListener('change', commit);
  form.addEventListener('reset', () => {
    // The reset event fires before the controls are cleared.
    setTimeout(() => {
      write(emptyState());
      commit();
    });
  });
  window.addEventListener('popstate', () => {
    const state = actionStateFromSearch(location.search);
    write(state);
    apply(state);
  });

  const initial = actionStateFromSearch(location.search);
  write(initial);
  apply(initial);
  form.hidden = false;
}
