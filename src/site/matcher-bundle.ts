/**
 * The matcher index for this build: the records collection mapped through
 * `recordToDoc` and `buildIndex`. The only Astro-coupled piece of the
 * matcher; memoised so the endpoints and every record page's related list
 * share one index per build.
 */
import { getCollection } from 'astro:content';
import { buildIndex, Matcher, recordToDoc, type IndexBundle } from '../matcher/index.ts';
import { CONTENT_DIR } from './links.ts';

/** Name under which the manifest is served, next to the bundle files. */
export const MANIFEST_FILE = 'manifest.json';

let bundle: Promise<IndexBundle> | undefined;
let matcher: Promise<Matcher> | undefined;

/** The index bundle, built once per build from every record. */
export function getMatcherBundle(): Promise<IndexBundle> {
  bundle ??= (async () => {
    const entries = await getCollection('incidents');
    const docs = entries.map((entry) =>
      recordToDoc({ file: entry.filePath ?? `${CONTENT_DIR}/${entry.id}.md`, data: entry.data, body: entry.body ?? '' }),
    );
    return buildIndex(docs);
  })();
  return bundle;
}

/** Every file the browser may fetch below `matcher/`, the manifest included: name → JSON text. */
export async function getMatcherFiles(): Promise<Record<string, string>> {
  const { manifest, files } = await getMatcherBundle();
  return { ...files, [MANIFEST_FILE]: files[MANIFEST_FILE] ?? JSON.stringify(manifest) };
}

/** A server-side matcher over the same bundle, for build-time related lists. */
export function getBuildMatcher(): Promise<Matcher> {
  matcher ??= getMatcherBundle().then((built) => Matcher.fromBundle(built));
  return matcher;
}
