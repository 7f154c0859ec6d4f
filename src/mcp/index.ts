/** The MCP server: read-only tools over the records for agents. */
export { createServer, type ServerOptions } from './server.ts';
export { Library, type LibrarySnapshot } from './library.ts';
export { DEFAULT_RESULTS, MAX_RESULTS, MAX_MARKDOWN_CHARS, MAX_ACTION_ITEMS } from './shape-results.ts';
