/**
 * Follow-ups across the library: every record's action items as rows, with
 * overdue judged against a reference day, filters, counts, CSV and JSON, and
 * the tracker links that `--sync` refreshes. Plain TypeScript, no Astro:
 * the site, the `actions` CLI and the MCP server share it.
 */
export * from './types.ts';
export * from './dates.ts';
export * from './collect.ts';
export * from './filter.ts';
export * from './export.ts';
export * from './load.ts';
export * from './tracker-link.ts';
