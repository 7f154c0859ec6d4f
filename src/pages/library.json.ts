/** `library.json`: every record, newest first, as the library's filters read it (src/site/library.ts). */
import type { APIRoute } from 'astro';
import { getSortedRecords } from '../site/records.ts';
import { libraryRow } from '../site/library.ts';

export const GET: APIRoute = async () => {
  const entries = await getSortedRecords();
  return new Response(JSON.stringify(entries.map(libraryRow)), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
