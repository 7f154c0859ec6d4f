/** `/action-items.json`: every action item as `{asOf, counts, items}`, as `npm run actions -- --json` prints it. */
import type { APIRoute } from 'astro';
import { toJson } from '../follow-ups/index.ts';
import { actionRows, buildDay } from '../site/action-items.ts';
import { getSortedRecords } from '../site/records.ts';

export const GET: APIRoute = async () => {
  const day = buildDay();
  return new Response(toJson(actionRows(await getSortedRecords(), day), day), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
