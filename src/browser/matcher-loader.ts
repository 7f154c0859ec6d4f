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
