/**
 * Emits the matcher index as static files: `/matcher/manifest.json` and
 * every file it lists. Built once per build (see `src/site/matcher-bundle.ts`).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getMatcherFiles } from '../../site/matcher-bundle.ts';

export const getStaticPaths = (async () => {
  const files = await getMatcherFiles();
  return Object.entries(files).map(([name, text]) => ({ params: { file: name }, props: { text } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { text: string }).text, {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
