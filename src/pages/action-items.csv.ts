/** `/action-items.csv`: every action item as CSV (raw taxonomy values; one file for both languages). */
import type { APIRoute } from 'astro';
import { toCsv } from '../follow-ups/index.ts';
import { actionRows } from '../site/action-items.ts';
import { getSortedRecords } from '../site/records.ts';

export const GET: APIRoute = async () =>
  new Response(toCsv(actionRows(await getSortedRecords())), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
