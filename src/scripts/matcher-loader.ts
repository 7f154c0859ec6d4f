/**
 * Loads the matcher index once per page, whoever asks first (the header
 * search box or the matcher page). Only same-origin static files are fetched.
 */
import { Matcher } from '../matcher/index.ts';

/** Where the build writes the index: `<base>matcher/`. */
export const INDEX_DIR = 'matcher/';

let loading: Promise<Matcher> | undefined;

/** The index folder URL for the site's base path, e.g. `/precedent/matcher/`. */
export function indexUrl(baseUrl: string = import.meta.env.BASE_URL): string {
  return `${baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`}${INDEX_DIR}`;
}

/** The page's matcher; a failed load is forgotten so a later call retries. */
export function getMatcher(url: string = indexUrl()): Promise<Matcher> {
  if (!loading) {
    loading = Matcher.load(url);
    loading.catch(() => {
      loading = undefined;
    });
  }
  return loading;
}

/** Calls `fn` after `wait` ms without a newer call. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, wait: number): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      fn(...args);
    }, wait);
  };
}

/** True when keystrokes go to a text field, so single-key shortcuts must stay quiet. */
export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/**
 * True while an IME is composing, so Enter confirms a candidate rather than
 * acting. Safari reports the composition-ending Enter only through keyCode 229.
 */
export function isComposing(event: KeyboardEvent): boolean {
  return event.isComposing || (event as { keyCode?: number }).keyCode === 229;
}
