/**
 * Progressive enhancement of the header search form (`#site-search-form`,
 * `#site-search`). Without JS the form is a plain GET to the matcher page.
 * With JS: `/` focuses the box, typing shows the top live results in a
 * listbox (arrows move, Enter opens, Esc closes), Enter without a selection
 * still submits to the matcher page. The index loads on first focus.
 */
import type { MatchResult } from '../matcher/types.ts';
import { debounce, isComposing, isEditable } from './dom-utils.ts';
import { indexUrl, matcherClient, type MatcherClient } from './matcher-client.ts';
import { matchStrings } from '../i18n/match-strings.ts';
import { renderOption, type RenderContext } from './render-results.ts';

/** Results in the dropdown. */
export const DROPDOWN_LIMIT = 5;
/** Wait after the last keystroke before searching. */
export const DROPDOWN_DEBOUNCE_MS = 60;
const LISTBOX_ID = 'site-search-listbox';
const OPTION_PREFIX = 'site-search-option';

/** The UI language: the `{lang}` segment of the form's action, else `<html lang>`. */
function pageLang(form: HTMLFormElement): string {
  const fromAction = /\/(zh|en)\/match\/?$/.exec(new URL(form.action, window.location.href).pathname)?.[1];
  return fromAction ?? (document.documentElement.lang.toLowerCase().startsWith('zh') ? 'zh' : 'en');
}

/** Enhances the header search form if the page has one; safe to call once per page. */
export function initSearchBox(doc: Document = document): void {
  const form = doc.querySelector<HTMLFormElement>('#site-search-form');
  const input = doc.querySelector<HTMLInputElement>('#site-search');
  if (!form || !input || input.dataset.enhanced) return;
  input.dataset.enhanced = 'true';

  const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
  const lang = pageLang(form);
  const strings = matchStrings(lang);
  const ctx: RenderContext = { lang, strings, recordUrl: (id) => `${base}${lang}/records/${encodeURIComponent(id)}/` };

  const listbox = doc.createElement('ul');
  listbox.id = LISTBOX_ID;
  listbox.className = 'search-listbox';
  listbox.setAttribute('role', 'listbox');
  listbox.setAttribute('aria-label', strings.dropdownLabel);
  listbox.hidden = true;
  form.classList.add('search-enhanced');
  form.append(listbox);

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', LISTBOX_ID);
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('autocomplete', 'off');
  if (!input.getAttribute('aria-keyshortcuts')) input.setAttribute('aria-keyshortcuts', '/');
  if (!input.title) input.title = strings.searchBoxHint;

  let matcher: MatcherClient | undefined;
  let active = -1;
  let sequence = 0;

  const options = (): HTMLElement[] => [...listbox.querySelectorAll<HTMLElement>('[role="option"]')];

  const close = (): void => {
    sequence++; // a refinement still in flight must not reopen it
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const setActive = (index: number): void => {
    const all = options();
    if (all.length === 0) return;
    active = (index + all.length) % all.length;
    all.forEach((option, i) => option.setAttribute('aria-selected', String(i === active)));
    const current = all[active];
    if (current) {
      input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    }
  };

  const seeAllOption = (query: string): HTMLLIElement => {
    const option = doc.createElement('li');
    option.id = `${OPTION_PREFIX}-all`;
    option.className = 'search-option search-option--all';
    option.setAttribute('role', 'option');
    option.setAttribute('aria-selected', 'false');
    const url = new URL(form.action, window.location.href);
    url.searchParams.set('q', query);
    option.dataset.href = url.pathname + url.search;
    const label = doc.createElement('span');
    label.className = 'search-option__title';
    label.textContent = strings.seeAll;
    option.append(label);
    return option;
  };

  const render = (query: string, results: readonly MatchResult[]): void => {
    if (!query.trim() || doc.activeElement !== input) {
      close();
      return;
    }
    const items = results.slice(0, DROPDOWN_LIMIT).map((result, index) => renderOption(result, index, ctx, OPTION_PREFIX));
    if (items.length === 0) {
      const none = doc.createElement('li');
      none.className = 'search-option search-option--none';
      none.textContent = strings.noResults;
      items.push(none);
    }
    listbox.replaceChildren(...items, seeAllOption(query));
    active = -1;
    input.removeAttribute('aria-activedescendant');
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };

  const update = async (): Promise<void> => {
    const current = ++sequence;
    const query = input.value;
    if (!query.trim()) {
      close();
      return;
    }
    if (!matcher) return; // the load in progress calls update() again
    // The quick search answers from loaded chunks (shown when it found something), the full one
    // fetches the rest (a chunk that fails to load is skipped); both run in the matcher worker.
    const onPartial = (partial: MatchResult[]): void => {
      if (current === sequence && partial.length > 0) render(query, partial);
    };
    const full = await matcher.search(query, { limit: DROPDOWN_LIMIT, quick: true, onPartial }).catch(() => undefined);
    if (full && current === sequence) render(query, full);
  };
  const updateSoon = debounce(() => void update(), DROPDOWN_DEBOUNCE_MS);

  const load = (): void => {
    if (matcher) return;
    // The matcher worker (matcher code and index) starts on first focus, not with every page.
    const client = matcherClient(indexUrl(base));
    client.load().then(
      () => {
        matcher = client;
        void update();
      },
      (error: unknown) => {
        // The form still works without the dropdown: Enter goes to the matcher page.
        console.warn('Precedent: the matcher index failed to load', error);
      },
    );
  };

  const open = (option: HTMLElement | undefined): boolean => {
    const href = option?.dataset.href;
    if (!href) return false;
    window.location.assign(href);
    return true;
  };

  input.addEventListener('focus', load, { once: false });
  input.addEventListener('input', updateSoon);
  input.addEventListener('keydown', (event) => {
    if (isComposing(event)) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (listbox.hidden) {
        void update();
        return;
      }
      event.preventDefault();
      setActive(active + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter') {
      if (!listbox.hidden && active >= 0 && open(options()[active])) event.preventDefault();
      // Otherwise the form submits: the matcher page with ?q=.
    } else if (event.key === 'Escape') {
      if (!listbox.hidden) {
        event.preventDefault();
        close();
      }
    }
  });
  input.addEventListener('blur', () => {
    // Let a click on an option land first.
    setTimeout(() => {
      if (doc.activeElement !== input) close();
    }, 150);
  });
  listbox.addEventListener('mousedown', (event) => event.preventDefault());
  listbox.addEventListener('click', (event) => {
    const option = (event.target as Element | null)?.closest<HTMLElement>('[role="option"]');
    if (option && open(option)) event.preventDefault();
  });

  doc.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (isEditable(event.target)) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
}
